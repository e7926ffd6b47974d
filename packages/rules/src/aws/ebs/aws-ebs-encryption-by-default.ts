import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-ebs-encryption-by-default',
    title: 'EBS encryption by default is on',
    description:
      'With EBS encryption by default, every new volume and snapshot copy in the region is encrypted, including those created by hand, by autoscaling or by other tools, so no unencrypted disk can appear. Auditors accept it as a preventive control for encryption at rest. The setting is per account and region: declare it in each region that runs workloads.',
    remediation: [
      'Turn it on in each region, optionally with a customer managed key:',
      '',
      '```hcl',
      'resource "aws_ebs_encryption_by_default" "this" {',
      '  enabled = true',
      '}',
      '',
      'resource "aws_ebs_default_kms_key" "this" {',
      '  key_arn = aws_kms_key.ebs.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      basis: "Steampipe maps ebs_encryption_by_default_enabled to CC6.1 (Prowler's ec2_ebs_default_encryption has no SOC 2 mapping); CC6.1's point of focus 'uses encryption to protect data'.",
    },
    resourceTypes: ['aws_ebs_encryption_by_default'],
    live: { aws: { configType: '(not recorded by AWS Config)', fields: ['EbsEncryptionByDefault'], api: 'EC2 GetEbsEncryptionByDefault (per region)' } },
    defaults: [
      '`enabled` defaults to true on `aws_ebs_encryption_by_default`. A configuration that does not declare the resource says nothing about the account setting and gets no finding from this rule; `aws-ebs-volume-encrypted` then asks for encryption on each volume.',
    ],
    equivalents: { checkov: ['CKV_AWS_106'], kics: ['EBS Default Encryption Disabled'], prowler: ['ec2_ebs_default_encryption'], catalog: ['S2-AWS-EBS-002'] },
    messages: {
      enabled: 'EBS encryption by default is on ({{address}}).',
      disabled: 'EBS encryption by default is turned off by {{address}}. Set enabled = true so every new volume is encrypted.',
      unknown: 'Whether EBS encryption by default is on ({{address}}) is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n',
      bad: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
    },
  },
  evaluate(setting) {
    const address = setting.address;
    const path = ['enabled'];
    const enabled = readBoolean(attribute(setting, path));
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path };
    if (enabled.kind === 'value' && !enabled.value) return { status: 'fail', messageId: 'disabled', data: { address }, path };
    return { status: 'pass', messageId: 'enabled', data: { address }, path };
  },
});
