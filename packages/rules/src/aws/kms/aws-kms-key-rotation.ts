import { defineRule } from '@trustscan/core';
import { attribute, readBoolean, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-kms-key-rotation',
    title: 'Customer managed KMS keys rotate automatically',
    description:
      'Automatic rotation gives a symmetric KMS key new key material every year (or the chosen period) while old data stays readable. It limits how much data one key version protects and is the usual evidence that encryption keys are managed over their life cycle, which auditors check under the logical access criteria. Asymmetric (signing, key agreement, RSA or ECC encryption), HMAC, disabled, custom key store and imported-material (`aws_kms_external_key`) keys cannot rotate automatically and are not evaluated.',
    remediation: [
      'Turn on rotation (optionally with a shorter period):',
      '',
      '```hcl',
      'resource "aws_kms_key" "data" {',
      '  description             = "Customer data"',
      '  enable_key_rotation     = true',
      '  rotation_period_in_days = 365',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5'],
      basis: "Prowler maps kms_cmk_rotation_enabled to PI1.5; CC6.1's point of focus 'protects encryption keys' (Steampipe's rotation control is outside its SOC 2 benchmark).",
    },
    resourceTypes: ['aws_kms_key'],
    live: {
      aws: { configType: 'AWS::KMS::Key', fields: ['supplementaryConfiguration.KeyRotationStatus', 'configuration.keyManager', 'configuration.keySpec', 'configuration.keyState'], api: 'KMS GetKeyRotationStatus' },
    },
    defaults: [
      '`enable_key_rotation` defaults to false. `customer_master_key_spec` defaults to SYMMETRIC_DEFAULT and `is_enabled` to true, so a key that leaves them out is evaluated.',
    ],
    equivalents: { checkov: ['CKV_AWS_7'], kics: ['CMK Rotation Disabled'], trivy: ['AVD-AWS-0065'], prowler: ['kms_cmk_rotation_enabled'], catalog: ['S2-AWS-KMS-001'] },
    messages: {
      rotated: 'KMS key {{address}} rotates its key material automatically.',
      notRotated: 'KMS key {{address}} does not rotate its key material: enable_key_rotation is {{value}}. Set enable_key_rotation = true.',
      unknown: 'Whether KMS key {{address}} rotates automatically is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_kms_key" "data" {\n  description         = "Customer data"\n  enable_key_rotation = true\n}\n',
      bad: 'resource "aws_kms_key" "data" {\n  description = "Customer data"\n}\n',
    },
  },
  evaluate(key) {
    const address = key.address;
    // Only enabled symmetric encryption keys with AWS-held key material can rotate automatically: asymmetric
    // (SIGN_VERIFY, ENCRYPT_DECRYPT with an RSA/ECC spec, KEY_AGREEMENT) and HMAC keys cannot.
    const spec = readString(attribute(key, ['customer_master_key_spec']));
    const usage = readString(attribute(key, ['key_usage']));
    const enabled = readBoolean(attribute(key, ['is_enabled']));
    const external = readString(attribute(key, ['custom_key_store_id']));
    if (usage.kind === 'value' && usage.value.toUpperCase() !== 'ENCRYPT_DECRYPT') return [];
    if (spec.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: spec.reason }, path: ['customer_master_key_spec'] };
    if ((spec.kind === 'value' && spec.value.toUpperCase() !== 'SYMMETRIC_DEFAULT') || (enabled.kind === 'value' && !enabled.value) || external.kind === 'value') return [];
    const path = ['enable_key_rotation'];
    const rotation = readBoolean(attribute(key, path));
    if (rotation.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: rotation.reason }, path };
    if (rotation.kind === 'value' && rotation.value) return { status: 'pass', messageId: 'rotated', data: { address }, path };
    return { status: 'fail', messageId: 'notRotated', data: { address, value: rotation.kind === 'value' ? 'false' : 'not set (default false)' }, path };
  },
});
