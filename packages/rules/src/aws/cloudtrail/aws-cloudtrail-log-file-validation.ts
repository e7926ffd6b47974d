import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-cloudtrail-log-file-validation',
    title: 'CloudTrail trails sign their log files',
    description:
      'Log file validation makes CloudTrail write signed digest files, so anyone can prove later that no log file was changed or deleted after delivery. Auditors rely on the integrity of audit logs when they use them as evidence, under the criteria for detecting and evaluating security events.',
    remediation: [
      'Turn on log file validation:',
      '',
      '```hcl',
      'resource "aws_cloudtrail" "main" {',
      '  # ...',
      '  enable_log_file_validation = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.3'],
      secondary: ['CC7.2', 'PI1.3'],
      basis: 'Prowler maps cloudtrail_log_file_validation_enabled to CC7.3 and PI1.3; Steampipe maps cloudtrail_trail_validation_enabled to CC7.3.',
    },
    resourceTypes: ['aws_cloudtrail'],
    live: { aws: { configType: 'AWS::CloudTrail::Trail', fields: ['configuration.logFileValidationEnabled'] } },
    defaults: ['`enable_log_file_validation` defaults to false.'],
    equivalents: { checkov: ['CKV_AWS_36'], kics: ['CloudTrail Log File Validation Disabled'], trivy: ['AVD-AWS-0016'], prowler: ['cloudtrail_log_file_validation_enabled'], catalog: ['S2-AWS-CT-002'] },
    messages: {
      enabled: 'CloudTrail trail {{address}} signs its log files.',
      disabled: 'CloudTrail trail {{address}} does not sign its log files: enable_log_file_validation is {{value}}. Set it to true so tampering can be detected.',
      unknown: 'Whether CloudTrail trail {{address}} signs its log files is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-cloudtrail"\n  enable_log_file_validation = true\n}\n',
      bad: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n}\n',
    },
  },
  evaluate(trail) {
    const address = trail.address;
    const path = ['enable_log_file_validation'];
    const enabled = readBoolean(attribute(trail, path));
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path };
    if (enabled.kind === 'value' && enabled.value) return { status: 'pass', messageId: 'enabled', data: { address }, path };
    return { status: 'fail', messageId: 'disabled', data: { address, value: enabled.kind === 'value' ? 'false' : 'not set (default false)' }, path };
  },
});
