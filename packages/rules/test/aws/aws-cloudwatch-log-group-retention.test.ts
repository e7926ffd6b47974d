import rule from '../../src/aws/cloudwatch/aws-cloudwatch-log-group-retention.js';
import { testRule } from '../rule-tester.js';

const groupHcl = (line: string, prelude = '') => `${prelude}resource "aws_cloudwatch_log_group" "app" {\n  name = "/acme/app"\n${line}}\n`;
const group = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_cloudwatch_log_group.app', values: { name: '/acme/app', ...values }, computed: ['arn'], ...more });

testRule(rule, {
  pass: [
    { name: 'one year', hcl: groupHcl('  retention_in_days = 365\n'), resources: [group({ retention_in_days: 365 })], messageId: 'retained', path: 'retention_in_days' },
    { name: 'retention left out keeps events forever', hcl: groupHcl(''), resources: [group({ retention_in_days: 0 })], messageId: 'forever', path: 'retention_in_days' },
    { name: 'ten years', resources: [group({ retention_in_days: 3653 })], messageId: 'retained' },
  ],
  fail: [
    { name: 'two weeks', hcl: groupHcl('  retention_in_days = 14\n'), resources: [group({ retention_in_days: 14 })], messageId: 'tooShort', path: 'retention_in_days', message: '14 day(s)' },
    {
      name: 'retention by a conditional on a known local',
      hcl: groupHcl('  retention_in_days = local.env == "prod" ? 400 : 30\n', 'locals {\n  env = "dev"\n}\n\n'),
      resources: [group({ retention_in_days: 30 })],
      messageId: 'tooShort',
      path: 'retention_in_days',
    },
  ],
  unknown: [
    {
      name: 'retention from a variable without a value',
      hcl: groupHcl('  retention_in_days = var.days\n', 'variable "days" {\n  type = number\n}\n\n'),
      resources: [group({}, { unknown: ['retention_in_days'] })],
      messageId: 'unknown',
      path: 'retention_in_days',
    },
  ],
});
