import { defineRule } from '@trustscan/core';
import { trailCoverage } from '../../analysis/aws-cloudtrail.js';

export default defineRule({
  meta: {
    id: 'aws-cloudtrail-multi-region',
    title: 'A multi-region CloudTrail trail records all management events',
    description:
      'CloudTrail management events are the audit log of the AWS account: who changed IAM, opened a security group, deleted a backup, in which region. One multi-region trail that is logging and keeps read and write management events (including global services such as IAM) is the baseline evidence auditors ask for under the monitoring criteria. The rule is account-wide: a trail that does not qualify passes when another trail in the scan does.',
    remediation: [
      'Declare one multi-region trail (an organization trail covers every account):',
      '',
      '```hcl',
      'resource "aws_cloudtrail" "main" {',
      '  name                          = "main"',
      '  s3_bucket_name                = aws_s3_bucket.trail.id',
      '  is_multi_region_trail         = true',
      '  include_global_service_events = true',
      '  enable_log_file_validation    = true',
      '  kms_key_id                    = aws_kms_key.trail.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC2.1', 'CC7.3'],
      basis: 'Prowler maps cloudtrail_multi_region_enabled to CC2.1, CC7.2 and A1.2; Steampipe maps cloudtrail_multi_region_trail_enabled to CC7.2 and A1.2.',
    },
    resourceTypes: ['aws_cloudtrail'],
    live: {
      aws: {
        configType: 'AWS::CloudTrail::Trail',
        fields: ['configuration.isMultiRegionTrail', 'configuration.isOrganizationTrail', 'configuration.includeGlobalServiceEvents'],
        api: 'CloudTrail GetTrailStatus (IsLogging), GetEventSelectors',
      },
    },
    defaults: [
      '`is_multi_region_trail` defaults to false; `enable_logging` and `include_global_service_events` default to true; a trail without event selectors records all management events.',
    ],
    equivalents: { checkov: ['CKV_AWS_67', 'CKV_AWS_251'], kics: ['CloudTrail Multi Region Disabled', 'CloudTrail Logging Disabled'], trivy: ['AVD-AWS-0014'], prowler: ['cloudtrail_multi_region_enabled', 'cloudtrail_multi_region_enabled_logging_management_events'], catalog: ['S2-AWS-CT-001'] },
    messages: {
      covers: 'CloudTrail trail {{address}} records read and write management events in every region.',
      coveredByOther: 'CloudTrail trail {{address}} does not record every region\'s management events, but trail {{other}} does.',
      notCovered: 'No trail records every region\'s management events: {{address}} does not because {{detail}}. Make it multi-region, logging, with management events.',
      unknown: 'Whether CloudTrail trail {{address}} records every region\'s management events is not known: {{reason}}.',
      notObserved: 'CloudTrail trail {{address}} does not record every region\'s management events ({{detail}}), and whether another trail does is not known: this scan did not read every trail.',
    },
    examples: {
      good: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = "acme-cloudtrail"\n  is_multi_region_trail = true\n}\n',
      bad: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n}\n',
    },
  },
  evaluate(trail, context) {
    const address = trail.address;
    const own = trailCoverage(trail);
    if (own.status === 'yes') return { status: 'pass', messageId: 'covers', data: { address } };
    const other = context.resourcesOfType('aws_cloudtrail').find((t) => t !== trail && trailCoverage(t).status === 'yes');
    if (other) return { status: 'pass', messageId: 'coveredByOther', data: { address, other: other.address }, at: other };
    const where = own.path ? { path: own.path } : {};
    if (own.status === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: own.detail }, ...where };
    if (!context.observed('aws_cloudtrail')) return { status: 'unknown', messageId: 'notObserved', data: { address, detail: own.detail }, ...where };
    return { status: 'fail', messageId: 'notCovered', data: { address, detail: own.detail }, ...where };
  },
});
