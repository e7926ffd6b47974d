import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-efs-file-system-encrypted',
    title: 'EFS file systems are encrypted at rest',
    description:
      'EFS file systems are shared disks for applications: uploads, exports, build artifacts, home directories. Encryption at rest protects their data and metadata with KMS and can only be chosen when the file system is created. SOC 2 auditors look for encryption at rest of every store of customer data.',
    remediation: [
      'Create the file system encrypted, optionally with a customer managed key; an existing one must be copied to a new encrypted file system (for example with AWS DataSync):',
      '',
      '```hcl',
      'resource "aws_efs_file_system" "shared" {',
      '  encrypted  = true',
      '  kms_key_id = aws_kms_key.efs.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      basis: "Steampipe maps efs_file_system_encrypt_data_at_rest to CC6.1; CC6.1's point of focus 'uses encryption to protect data'.",
    },
    resourceTypes: ['aws_efs_file_system'],
    live: { aws: { configType: 'AWS::EFS::FileSystem', fields: ['configuration.Encrypted', 'configuration.KmsKeyId'] } },
    defaults: ['`encrypted` defaults to false in the EFS API and the provider (only the console turns it on by default).'],
    equivalents: { checkov: ['CKV_AWS_42', 'CKV_AWS_184'], kics: ['EFS Not Encrypted'], trivy: ['AVD-AWS-0037'], prowler: ['efs_encryption_at_rest_enabled'], catalog: ['S2-AWS-EFS-001'] },
    messages: {
      encrypted: 'EFS file system {{address}} is encrypted at rest.',
      notEncrypted: 'EFS file system {{address}} is not encrypted at rest: encrypted is {{value}}. Create it with encrypted = true.',
      unknown: 'Whether EFS file system {{address}} is encrypted is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_efs_file_system" "shared" {\n  encrypted = true\n}\n',
      bad: 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n}\n',
    },
  },
  evaluate(fileSystem) {
    const address = fileSystem.address;
    const path = ['encrypted'];
    const encrypted = readBoolean(attribute(fileSystem, path));
    if (encrypted.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: encrypted.reason }, path };
    if (encrypted.kind === 'value' && encrypted.value) return { status: 'pass', messageId: 'encrypted', data: { address }, path };
    return { status: 'fail', messageId: 'notEncrypted', data: { address, value: encrypted.kind === 'value' ? 'false' : 'not set (default false)' }, path };
  },
});
