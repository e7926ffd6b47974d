import { defineRule } from '@trustscan/core';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-cloudtrail-cloudwatch-logs',
    title: 'CloudTrail trails deliver events to CloudWatch Logs',
    description:
      'Delivering CloudTrail events to CloudWatch Logs lets metric filters and alarms react within minutes to root sign-ins, policy changes or disabled logging, instead of someone reading S3 files later. Auditors look for that alerting under the criteria for detecting and evaluating security events. Organizations that forward CloudTrail to a SIEM another way can waive this rule with that reason.',
    remediation: [
      'Deliver the trail to a log group, with a role CloudTrail can assume to write to it:',
      '',
      '```hcl',
      'resource "aws_cloudtrail" "main" {',
      '  # ...',
      '  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.cloudtrail.arn}:*"',
      '  cloud_watch_logs_role_arn  = aws_iam_role.cloudtrail_to_logs.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'low',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: 'Prowler maps cloudtrail_cloudwatch_logging_enabled to CC7.2 and CC7.3; Steampipe maps cloudtrail_trail_integrated_with_logs to CC7.2 and CC7.3.',
    },
    resourceTypes: ['aws_cloudtrail'],
    relatedTypes: ['aws_cloudwatch_log_group'],
    live: { aws: { configType: 'AWS::CloudTrail::Trail', fields: ['configuration.cloudWatchLogsLogGroupArn'] } },
    defaults: ['A trail delivers to CloudWatch Logs only when `cloud_watch_logs_group_arn` is set.'],
    equivalents: { checkov: ['CKV2_AWS_10'], kics: ['CloudTrail Not Integrated With CloudWatch'], trivy: ['AVD-AWS-0162'], prowler: ['cloudtrail_cloudwatch_logging_enabled'], catalog: ['S2-AWS-CT-004'] },
    messages: {
      delivered: 'CloudTrail trail {{address}} delivers its events to CloudWatch Logs group {{group}}.',
      notDelivered: 'CloudTrail trail {{address}} does not deliver its events to CloudWatch Logs. Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn so alarms can react to them.',
      unknown: 'Whether CloudTrail trail {{address}} delivers its events to CloudWatch Logs is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-cloudtrail"\n  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*"\n  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-logs"\n}\n',
      bad: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n}\n',
    },
  },
  evaluate(trail, context) {
    const address = trail.address;
    const path = ['cloud_watch_logs_group_arn'];
    // The inventory links the trail to a log group declared in the scan, even while its ARN is known only after apply.
    const group = context.related(trail, 'aws_cloudwatch_log_group')[0];
    if (group) return { status: 'pass', messageId: 'delivered', data: { address, group: group.address }, path };
    const arn = readString(attribute(trail, path));
    if (arn.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: arn.reason }, path };
    if (arn.kind === 'value') return { status: 'pass', messageId: 'delivered', data: { address, group: arn.value }, path };
    return { status: 'fail', messageId: 'notDelivered', data: { address }, path };
  },
});
