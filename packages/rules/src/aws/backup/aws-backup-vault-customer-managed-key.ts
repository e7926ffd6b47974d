import { defineRule } from '@trustscan/core';
import { attribute, readString, referencesAt } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-backup-vault-customer-managed-key',
    title: 'AWS Backup vaults encrypt recovery points with a customer managed key',
    description:
      'Backups are a full copy of production data. Vaults always encrypt, but without `kms_key_arn` they use the AWS managed key `aws/backup`, whose policy the company cannot restrict and which cannot be shared for cross-account copies. A customer managed key lets the company decide who can decrypt backups and see every use in CloudTrail, which auditors look for under the availability and logical access criteria.',
    remediation: [
      'Create the vault with a customer managed key (the key of an existing vault cannot change; create a new vault and point the plan at it):',
      '',
      '```hcl',
      'resource "aws_backup_vault" "main" {',
      '  name        = "main"',
      '  kms_key_arn = aws_kms_key.backup.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4', 'PI1.5'],
      basis: 'Steampipe maps backup_recovery_point_encryption_enabled to A1.2 and CC7.4; Prowler maps backup_vaults_encrypted and backup_recovery_point_encrypted to PI1.5.',
    },
    resourceTypes: ['aws_backup_vault'],
    live: { aws: { configType: 'AWS::Backup::BackupVault', fields: ['configuration.EncryptionKeyArn'] } },
    defaults: [
      'Without `kms_key_arn` the vault uses the AWS managed key aws/backup: recovery points are encrypted, but not with a key the company controls, so the rule fails. A key known only after apply that refers to a resource counts as set.',
    ],
    profiles: ['strict'],
    requires: {
      baseline: 'Not required: AWS Backup always encrypts recovery points (with an AWS managed key when none is given), which meets the encryption-at-rest criterion; a customer managed key adds control over who may restore.',
    },
    equivalents: { checkov: ['CKV_AWS_166'], kics: ['Beta - Backup Vault Without KMS Key'], prowler: ['backup_vaults_encrypted', 'backup_recovery_point_encrypted'], catalog: ['S2-AWS-BKP-003'] },
    messages: {
      customerKey: 'Backup vault {{address}} encrypts recovery points with the customer managed key {{key}}.',
      awsManagedKey: 'Backup vault {{address}} encrypts recovery points with the AWS managed key aws/backup. Create it with kms_key_arn set to a customer managed key.',
      unknown: 'The encryption key of backup vault {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_backup_vault" "main" {\n  name        = "main"\n  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n}\n',
      bad: 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\n',
    },
  },
  evaluate(vault) {
    const address = vault.address;
    const path = ['kms_key_arn'];
    const key = readString(attribute(vault, path));
    if (key.kind === 'value') return { status: 'pass', messageId: 'customerKey', data: { address, key: key.value }, path };
    if (key.kind === 'unknown') {
      const references = referencesAt(vault, path);
      return references.length > 0
        ? { status: 'pass', messageId: 'customerKey', data: { address, key: references.join(', ') }, path }
        : { status: 'unknown', messageId: 'unknown', data: { address, reason: key.reason }, path };
    }
    return { status: 'fail', messageId: 'awsManagedKey', data: { address }, path };
  },
});
