import rule from '../../src/aws/cloudtrail/aws-cloudtrail-cloudwatch-logs.js';
import { testRule } from '../rule-tester.js';

const trailHcl = (body: string, prelude = '') => `${prelude}resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n${body}}\n`;
const trail = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_cloudtrail.main', values: { name: 'main', s3_bucket_name: 'acme-cloudtrail', ...values }, ...more });
const groupArn = 'arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*';
const roleArn = 'arn:aws:iam::111122223333:role/cloudtrail-to-logs';

testRule(rule, {
  pass: [
    {
      name: 'log group created alongside, linked through "${arn}:*"',
      hcl: 'resource "aws_cloudwatch_log_group" "trail" {\n  name              = "cloudtrail"\n  retention_in_days = 365\n}\n\n' + trailHcl(`  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = "${roleArn}"\n`),
      resources: [
        { address: 'aws_cloudwatch_log_group.trail', values: { name: 'cloudtrail', retention_in_days: 365 }, computed: ['arn'] },
        trail({ cloud_watch_logs_role_arn: roleArn }, { unknown: ['cloud_watch_logs_group_arn'], expressions: { cloud_watch_logs_group_arn: ['aws_cloudwatch_log_group.trail.arn', 'aws_cloudwatch_log_group.trail'] } }),
      ],
      subject: 'aws_cloudtrail.main',
      messageId: 'delivered',
      path: 'cloud_watch_logs_group_arn',
      message: 'aws_cloudwatch_log_group.trail',
    },
    { name: 'known log group ARN outside the configuration', hcl: trailHcl(`  cloud_watch_logs_group_arn = "${groupArn}"\n  cloud_watch_logs_role_arn  = "${roleArn}"\n`), resources: [trail({ cloud_watch_logs_group_arn: groupArn, cloud_watch_logs_role_arn: roleArn })], messageId: 'delivered' },
  ],
  fail: [{ name: 'no log group', hcl: trailHcl(''), resources: [trail({})], messageId: 'notDelivered', path: 'cloud_watch_logs_group_arn' }],
  unknown: [
    {
      name: 'log group ARN from a variable without a value',
      hcl: trailHcl('  cloud_watch_logs_group_arn = var.group\n', 'variable "group" {\n  type = string\n}\n\n'),
      resources: [trail({}, { unknown: ['cloud_watch_logs_group_arn'] })],
      messageId: 'unknown',
      path: 'cloud_watch_logs_group_arn',
    },
  ],
});
