import { defineRule, type Resource, type Verdict } from '@trustscan/core';
import { deniesActionToEveryone, readPolicy } from '../../analysis/iam-policy.js';
import { attribute } from '../../analysis/values.js';

type MessageId = 'locked' | 'denied' | 'unprotected' | 'unknown' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-backup-vault-locked',
    title: 'AWS Backup vaults protect recovery points from deletion',
    description:
      'Ransomware and malicious insiders delete backups before they encrypt or destroy production data. A vault lock (or a vault access policy that denies `backup:DeleteRecoveryPoint` to everyone) keeps recovery points until their retention ends, whoever asks. Auditors increasingly ask for it with the backup evidence of the availability criterion.',
    remediation: [
      'Lock the vault; with `changeable_for_days` the lock becomes immutable (compliance mode) after that grace period:',
      '',
      '```hcl',
      'resource "aws_backup_vault_lock_configuration" "main" {',
      '  backup_vault_name   = aws_backup_vault.main.name',
      '  min_retention_days  = 7',
      '  max_retention_days  = 365',
      '  changeable_for_days = 3',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4'],
      basis: 'Steampipe maps backup_recovery_point_manual_deletion_disabled to A1.2 and CC7.4.',
    },
    resourceTypes: ['aws_backup_vault'],
    relatedTypes: ['aws_backup_vault_lock_configuration', 'aws_backup_vault_policy'],
    live: { aws: { configType: 'AWS::Backup::BackupVault', fields: ['Locked', 'MinRetentionDays'], api: 'Backup DescribeBackupVault, GetBackupVaultAccessPolicy' } },
    defaults: ['A vault has no lock and no access policy until they are declared; either one passes.'],
    equivalents: { catalog: ['S2-AWS-BKP-004'] },
    messages: {
      locked: 'Backup vault {{address}} is locked by {{lock}}.',
      denied: 'The access policy of backup vault {{address}} denies deleting recovery points to everyone.',
      unprotected: 'Recovery points in backup vault {{address}} can be deleted by anyone with backup:DeleteRecoveryPoint. Add an aws_backup_vault_lock_configuration, or a vault policy that denies it.',
      unknown: 'Whether backup vault {{address}} protects recovery points from deletion is not known: {{reason}}.',
      notObserved: 'Whether backup vault {{address}} protects recovery points from deletion is not known: this scan did not read its vault lock or its access policy.',
    },
    examples: {
      good: 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\n\nresource "aws_backup_vault_lock_configuration" "main" {\n  backup_vault_name  = aws_backup_vault.main.name\n  min_retention_days = 7\n}\n',
      bad: 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\n',
    },
  },
  evaluate(vault, context) {
    const address = vault.address;
    const lock = context.related(vault, 'aws_backup_vault_lock_configuration')[0];
    if (lock) return { status: 'pass', messageId: 'locked', data: { address, lock: lock.address }, at: lock };
    const verdicts = context.related(vault, 'aws_backup_vault_policy').map((policy) => fromPolicy(address, policy));
    const decided = verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown');
    if (decided) return decided;
    // Without a lock, only a policy read in full can show that nothing denies the deletion.
    if (!context.observed('aws_backup_vault_lock_configuration') || !context.observed('aws_backup_vault_policy')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return verdicts[0] ?? { status: 'fail', messageId: 'unprotected', data: { address } };
  },
});

function fromPolicy(address: string, holder: Resource): Verdict<MessageId> {
  const path = ['policy'];
  const policy = readPolicy(attribute(holder, path));
  if (policy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path, at: holder };
  if (policy.kind !== 'document') return { status: 'fail', messageId: 'unprotected', data: { address }, path, at: holder };
  const denials = policy.statements.map((s) => deniesActionToEveryone(s, 'backup:DeleteRecoveryPoint'));
  if (denials.includes('yes')) return { status: 'pass', messageId: 'denied', data: { address }, path, at: holder };
  if (denials.includes('unknown') || policy.unknownStatements) {
    return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.unknownStatements ?? 'part of its access policy is known only after apply' }, path, at: holder };
  }
  return { status: 'fail', messageId: 'unprotected', data: { address }, path, at: holder };
}
