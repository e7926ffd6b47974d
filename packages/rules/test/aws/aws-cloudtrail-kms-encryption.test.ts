import rule from '../../src/aws/cloudtrail/aws-cloudtrail-kms-encryption.js';
import { testRule } from '../rule-tester.js';

const trailHcl = (body: string, prelude = '') => `${prelude}resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n${body}}\n`;
const trail = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_cloudtrail.main', values: { name: 'main', s3_bucket_name: 'acme-cloudtrail', ...values }, ...more });
const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab';

testRule(rule, {
  pass: [
    { name: 'known key ARN', hcl: trailHcl(`  kms_key_id = "${keyArn}"\n`), resources: [trail({ kms_key_id: keyArn })], messageId: 'encrypted', path: 'kms_key_id' },
    {
      name: 'key created in the same configuration (ARN known after apply)',
      hcl: 'resource "aws_kms_key" "trail" {\n  enable_key_rotation = true\n}\n\n' + trailHcl('  kms_key_id = aws_kms_key.trail.arn\n'),
      resources: [trail({}, { unknown: ['kms_key_id'], expressions: { kms_key_id: ['aws_kms_key.trail.arn', 'aws_kms_key.trail'] } })],
      subject: 'aws_cloudtrail.main',
      messageId: 'encrypted',
      path: 'kms_key_id',
      message: 'aws_kms_key.trail',
    },
  ],
  fail: [
    { name: 'no key', hcl: trailHcl(''), resources: [trail({})], messageId: 'notEncrypted', path: 'kms_key_id' },
    { name: 'key set to null', hcl: trailHcl('  kms_key_id = null\n'), resources: [trail({ kms_key_id: null })], messageId: 'notEncrypted', path: 'kms_key_id' },
  ],
  unknown: [
    {
      name: 'key from a variable without a value',
      hcl: trailHcl('  kms_key_id = var.key\n', 'variable "key" {\n  type = string\n}\n\n'),
      resources: [trail({}, { unknown: ['kms_key_id'] })],
      messageId: 'unknown',
      path: 'kms_key_id',
    },
  ],
});
