import { defineRule, type Verdict } from '@trustscan/core';
import { defaultBackupSchedule, runsDaily } from '../../analysis/aws-backup-schedule.js';
import { decisive } from '../../analysis/aws-verdicts.js';
import { attribute, readBlocks, readBoolean, readNumber, readString } from '../../analysis/values.js';

const minimumDays = 7;
type MessageId = 'adequate' | 'notDaily' | 'tooShort' | 'noRule' | 'unknown';

export default defineRule<MessageId, { readonly minRetentionDays: number }>({
  meta: {
    id: 'aws-backup-plan-retention',
    title: `AWS Backup plans back up daily and keep backups for at least ${minimumDays} days`,
    description:
      `A backup plan is the schedule and retention auditors test under the availability criterion: how much data can be lost (the backup frequency) and how far back it can be restored (the retention). The rule asks each plan for at least one rule that runs daily or more often, or continuously, and keeps recovery points for ${minimumDays} days or more (35 in the strict profile, the common best practice); the retention should match the company's backup policy.`,
    remediation: [
      'Back up at least daily and keep recovery points long enough to notice and recover from damage:',
      '',
      '```hcl',
      'resource "aws_backup_plan" "daily" {',
      '  name = "daily"',
      '  rule {',
      '    rule_name         = "daily"',
      '    target_vault_name = aws_backup_vault.main.name',
      '    schedule          = "cron(0 3 * * ? *)"',
      '    lifecycle {',
      `      delete_after = ${minimumDays}`,
      '    }',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4', 'PI1.5'],
      basis: 'Steampipe maps backup_plan_min_retention_35_days to A1.2 and CC7.4; Prowler maps backup_plans_exist to PI1.5.',
    },
    resourceTypes: ['aws_backup_plan'],
    live: { aws: { configType: 'AWS::Backup::BackupPlan', fields: ['configuration.BackupPlan.BackupPlanRule[].ScheduleExpression', 'configuration.BackupPlan.BackupPlanRule[].Lifecycle.DeleteAfterDays'] } },
    defaults: [
      `A rule without \`schedule\` runs daily at 05:00 UTC (${defaultBackupSchedule}); without \`lifecycle.delete_after\`, recovery points are kept until deleted.`,
    ],
    options: {
      minRetentionDays: {
        type: 'integer',
        description: 'The fewest days a daily rule must keep recovery points.',
        default: minimumDays,
        strict: 35,
        minimum: 1,
        maximum: 36500,
      },
    },
    equivalents: { prowler: ['backup_plans_exist'], catalog: ['S2-AWS-BKP-001'] },
    messages: {
      adequate: 'Backup plan {{address}} backs up daily and keeps recovery points for {{retention}}.',
      notDaily: 'Backup plan {{address}} backs up less than once a day ({{schedule}}). Add a rule that runs at least daily.',
      tooShort: `Backup plan {{address}} keeps recovery points for {{days}} day(s), less than {{minRetentionDays}}. Set lifecycle.delete_after to {{minRetentionDays}} or more.`,
      noRule: 'Backup plan {{address}} has no rule. Add a rule that backs up daily.',
      unknown: 'Whether backup plan {{address}} backs up daily with enough retention is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_backup_plan" "daily" {\n  name = "daily"\n\n  rule {\n    rule_name         = "daily"\n    target_vault_name = "main"\n    schedule          = "cron(0 3 * * ? *)"\n\n    lifecycle {\n      delete_after = 35\n    }\n  }\n}\n',
      bad: 'resource "aws_backup_plan" "weekly" {\n  name = "weekly"\n\n  rule {\n    rule_name         = "weekly"\n    target_vault_name = "main"\n    schedule          = "cron(0 3 ? * SUN *)"\n\n    lifecycle {\n      delete_after = 7\n    }\n  }\n}\n',
    },
  },
  evaluate(plan, context) {
    const address = plan.address;
    const rules = readBlocks(attribute(plan, ['rule']));
    if (rules.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: rules.reason }, path: ['rule'] };
    const verdicts = (rules.kind === 'value' ? rules.value : []).map((rule, index): Verdict<MessageId> => {
      const schedulePath = ['rule', index, 'schedule'];
      const schedule = readString(rule['schedule']);
      const continuous = readBoolean(rule['enable_continuous_backup']);
      if (schedule.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: schedule.reason }, path: schedulePath };
      const expression = schedule.kind === 'value' ? schedule.value : defaultBackupSchedule;
      const daily = (continuous.kind === 'value' && continuous.value) || runsDaily(expression) === true;
      if (!daily) return { status: 'fail', messageId: 'notDaily', data: { address, schedule: expression }, path: schedulePath };
      const retentionPath = ['rule', index, 'lifecycle', 0, 'delete_after'];
      const days = readNumber(attribute(plan, retentionPath));
      if (days.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: days.reason }, path: retentionPath };
      if (days.kind === 'value' && days.value < context.options.minRetentionDays) return { status: 'fail', messageId: 'tooShort', data: { address, days: days.value }, path: retentionPath };
      return { status: 'pass', messageId: 'adequate', data: { address, retention: days.kind === 'value' ? `${days.value} days` : 'as long as they are not deleted' }, path: retentionPath };
    });
    // One adequate rule is enough: plans often add weekly or monthly rules with longer retention.
    return verdicts.find((v) => v.status === 'pass') ?? decisive(verdicts) ?? { status: 'fail', messageId: 'noRule', data: { address }, path: ['rule'] };
  },
});
