import rule from '../../src/aws/backup/aws-backup-plan-retention.js';
import { testRule } from '../rule-tester.js';

const ruleHcl = (name: string, lines: string) => `\n  rule {\n    rule_name         = "${name}"\n    target_vault_name = "main"\n${lines}  }\n`;
const planHcl = (rules: string, prelude = '') => `${prelude}resource "aws_backup_plan" "main" {\n  name = "main"\n${rules}}\n`;
const plan = (rules: Record<string, unknown>[], more: Record<string, unknown> = {}) => ({ address: 'aws_backup_plan.main', values: { name: 'main', rule: rules.map((r) => ({ target_vault_name: 'main', ...r })) }, ...more });

testRule(rule, {
  pass: [
    {
      name: 'daily with 35 days',
      hcl: planHcl(ruleHcl('daily', '    schedule          = "cron(0 3 * * ? *)"\n\n    lifecycle {\n      delete_after = 35\n    }\n')),
      resources: [plan([{ rule_name: 'daily', schedule: 'cron(0 3 * * ? *)', lifecycle: [{ delete_after: 35 }] }])],
      messageId: 'adequate',
      path: 'rule.0.lifecycle.0.delete_after',
    },
    {
      name: 'schedule left out (daily by default) and no lifecycle (kept until deleted)',
      hcl: planHcl(ruleHcl('daily', '')),
      resources: [plan([{ rule_name: 'daily' }])],
      messageId: 'adequate',
      message: 'as long as they are not deleted',
    },
    {
      name: 'weekly rule beside an adequate hourly rule',
      hcl: planHcl(ruleHcl('weekly', '    schedule          = "cron(0 3 ? * SUN *)"\n\n    lifecycle {\n      delete_after = 365\n    }\n') + ruleHcl('hourly', '    schedule          = "cron(0 * * * ? *)"\n\n    lifecycle {\n      delete_after = 35\n    }\n')),
      resources: [plan([{ rule_name: 'weekly', schedule: 'cron(0 3 ? * SUN *)', lifecycle: [{ delete_after: 365 }] }, { rule_name: 'hourly', schedule: 'cron(0 * * * ? *)', lifecycle: [{ delete_after: 35 }] }])],
      messageId: 'adequate',
      path: 'rule.1.lifecycle.0.delete_after',
    },
    { name: 'continuous backup', resources: [plan([{ rule_name: 'pitr', schedule: 'cron(0 3 ? * SUN *)', enable_continuous_backup: true, lifecycle: [{ delete_after: 35 }] }])], messageId: 'adequate' },
  ],
  fail: [
    {
      name: 'weekly only',
      hcl: planHcl(ruleHcl('weekly', '    schedule          = "cron(0 3 ? * SUN *)"\n\n    lifecycle {\n      delete_after = 90\n    }\n')),
      resources: [plan([{ rule_name: 'weekly', schedule: 'cron(0 3 ? * SUN *)', lifecycle: [{ delete_after: 90 }] }])],
      messageId: 'notDaily',
      path: 'rule.0.schedule',
    },
    {
      name: 'daily but kept five days',
      hcl: planHcl(ruleHcl('daily', '    schedule          = "cron(0 3 * * ? *)"\n\n    lifecycle {\n      delete_after = 5\n    }\n')),
      resources: [plan([{ rule_name: 'daily', schedule: 'cron(0 3 * * ? *)', lifecycle: [{ delete_after: 5 }] }])],
      messageId: 'tooShort',
      path: 'rule.0.lifecycle.0.delete_after',
      message: '5 day(s), less than 7',
    },
    {
      name: 'daily and kept one week, in the strict profile',
      hcl: planHcl(ruleHcl('daily', '    schedule          = "cron(0 3 * * ? *)"\n\n    lifecycle {\n      delete_after = 7\n    }\n')),
      resources: [plan([{ rule_name: 'daily', schedule: 'cron(0 3 * * ? *)', lifecycle: [{ delete_after: 7 }] }])],
      profile: 'strict',
      messageId: 'tooShort',
      path: 'rule.0.lifecycle.0.delete_after',
      message: '7 day(s), less than 35',
    },
  ],
  unknown: [
    {
      name: 'retention from a variable without a value',
      hcl: planHcl(ruleHcl('daily', '    schedule          = "cron(0 3 * * ? *)"\n\n    lifecycle {\n      delete_after = var.days\n    }\n'), 'variable "days" {\n  type = number\n}\n\n'),
      resources: [plan([{ rule_name: 'daily', schedule: 'cron(0 3 * * ? *)', lifecycle: [{}] }], { unknown: ['rule.0.lifecycle.0.delete_after'] })],
      messageId: 'unknown',
      path: 'rule.0.lifecycle.0.delete_after',
    },
  ],
});
