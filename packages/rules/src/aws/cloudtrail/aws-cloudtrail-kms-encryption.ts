import { defineRule } from '@trustscan/core';
import { attribute, readString, referencesAt } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-cloudtrail-kms-encryption',
    title: 'CloudTrail trails encrypt their logs with a KMS key',
    description:
      'CloudTrail logs describe the whole account and can contain resource names, IP addresses and request parameters. Encrypting them with a customer managed KMS key adds a second permission, on the key, to read them, and records every decryption. Auditors look for it under the logical access criteria for protecting audit data.',
    remediation: [
      'Encrypt the trail with a KMS key whose policy lets CloudTrail use it:',
      '',
      '```hcl',
      'resource "aws_cloudtrail" "main" {',
      '  # ...',
      '  kms_key_id = aws_kms_key.cloudtrail.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['CC7.2'],
      basis: "Steampipe maps cloudtrail_trail_logs_encrypted_with_kms_cmk to CC6.1 (Prowler's cloudtrail_kms_encryption_enabled is unmapped).",
    },
    resourceTypes: ['aws_cloudtrail'],
    live: { aws: { configType: 'AWS::CloudTrail::Trail', fields: ['configuration.kmsKeyId'] } },
    defaults: [
      'Without `kms_key_id`, CloudTrail log files get only the bucket\'s SSE-S3 encryption. A key known only after apply that refers to a resource (a key created in the same configuration) counts as set.',
    ],
    equivalents: { checkov: ['CKV_AWS_35'], kics: ['CloudTrail Log Files Not Encrypted With KMS'], trivy: ['AVD-AWS-0015'], prowler: ['cloudtrail_kms_encryption_enabled'], catalog: ['S2-AWS-CT-003'] },
    messages: {
      encrypted: 'CloudTrail trail {{address}} encrypts its logs with KMS key {{key}}.',
      notEncrypted: 'CloudTrail trail {{address}} does not encrypt its logs with a KMS key. Set kms_key_id to a customer managed key.',
      unknown: 'Whether CloudTrail trail {{address}} encrypts its logs with KMS is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n}\n',
      bad: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n}\n',
    },
  },
  evaluate(trail) {
    const address = trail.address;
    const path = ['kms_key_id'];
    const key = readString(attribute(trail, path));
    if (key.kind === 'value') return { status: 'pass', messageId: 'encrypted', data: { address, key: key.value }, path };
    if (key.kind === 'unknown') {
      const references = referencesAt(trail, path);
      return references.length > 0
        ? { status: 'pass', messageId: 'encrypted', data: { address, key: references.join(', ') }, path }
        : { status: 'unknown', messageId: 'unknown', data: { address, reason: key.reason }, path };
    }
    return { status: 'fail', messageId: 'notEncrypted', data: { address }, path };
  },
});
