import { defineRule } from '@trustscan/core';
import { attribute, readNumber } from '../../analysis/values.js';

const minimumDays = 365;

type MessageId = 'retained' | 'forever' | 'tooShort' | 'unknown';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'aws-cloudwatch-log-group-retention',
    title: 'CloudWatch log groups keep logs for at least a year',
    description:
      'Incidents are often discovered months after they start, and a SOC 2 Type 2 audit samples evidence across the whole review period. Log groups that expire events after days or weeks lose that evidence. SOC 2 sets no number; 365 days is the common audit expectation and should match the retention policy the company commits to.',
    remediation: [
      `Keep log events for ${minimumDays} days or more (or never expire them and archive elsewhere):`,
      '',
      '```hcl',
      'resource "aws_cloudwatch_log_group" "app" {',
      '  name              = "/acme/app"',
      `  retention_in_days = ${minimumDays}`,
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3', 'C1.2'],
      basis: 'Prowler maps cloudwatch_log_group_retention_policy_specific_days_enabled to CC7.2, CC7.3 and C1.2; Steampipe maps cloudwatch_log_group_retention_period_365 to CC7.2 and CC7.3.',
    },
    resourceTypes: ['aws_cloudwatch_log_group'],
    live: { aws: { configType: '(log groups are read from the CloudWatch Logs API)', fields: ['retentionInDays'], api: 'CloudWatch Logs DescribeLogGroups' } },
    defaults: ['`retention_in_days` defaults to 0, which keeps events forever and passes.'],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days a log group must keep events (0, never expire, always passes).',
        default: 365,
        minimum: 1,
        maximum: 3653,
      },
    },
    equivalents: { checkov: ['CKV_AWS_338', 'CKV_AWS_66'], kics: ['CloudWatch Without Retention Period Specified'], prowler: ['cloudwatch_log_group_retention_policy_specific_days_enabled'], catalog: ['S2-AWS-CW-001'] },
    messages: {
      retained: 'Log group {{address}} keeps events for {{days}} days.',
      forever: 'Log group {{address}} keeps events forever.',
      tooShort: `Log group {{address}} keeps events for {{days}} day(s), less than {{minDays}}. Set retention_in_days to {{minDays}} or more.`,
      unknown: 'The retention of log group {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/acme/app"\n  retention_in_days = 365\n}\n',
      bad: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/acme/app"\n  retention_in_days = 14\n}\n',
    },
  },
  evaluate(group, context) {
    const address = group.address;
    const path = ['retention_in_days'];
    const days = readNumber(attribute(group, path));
    if (days.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: days.reason }, path };
    const value = days.kind === 'value' ? days.value : 0;
    if (value === 0) return { status: 'pass', messageId: 'forever', data: { address }, path };
    if (value >= context.options.minDays) return { status: 'pass', messageId: 'retained', data: { address, days: value }, path };
    return { status: 'fail', messageId: 'tooShort', data: { address, days: value }, path };
  },
});
