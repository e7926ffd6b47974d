import { defineRule, type Resource, type RuleContext } from '@trustscan/core';
import { backupCoverage } from '../../analysis/aws-backup-selection.js';
import type { Reading } from '../../analysis/values.js';
import { attribute, readBoolean, readNumber, readString } from '../../analysis/values.js';

type MessageId = 'covered' | 'efsBackupPolicy' | 'serviceBackup' | 'notCovered' | 'unknown' | 'notObserved';
type Options = { readonly acceptServiceBackups: boolean; readonly minServiceBackupDays: number };

export default defineRule<MessageId, Options>({
  meta: {
    id: 'aws-backup-data-store-covered',
    title: 'Data stores are backed up by AWS Backup or by their own service',
    description:
      'Databases, volumes, file systems and tables need managed, restorable backups, which is what auditors test under the availability criterion. A store is covered when an `aws_backup_selection` names it (by reference or ARN), matches it with an ARN wildcard, or selects it by tag; an EFS file system also through its automatic backup policy, which is AWS Backup. In the baseline profile a store protected by its own service\'s backups passes too: RDS and Aurora automated backups kept for at least 7 days, DynamoDB point-in-time recovery. The strict profile asks for central AWS Backup coverage of every store (vault lock, cross-account copies and one retention policy are AWS Backup\'s).',
    remediation: [
      'Select the store in a backup plan, by reference or, better for new stores, by tag:',
      '',
      '```hcl',
      'resource "aws_backup_selection" "tagged" {',
      '  name         = "tagged"',
      '  plan_id      = aws_backup_plan.daily.id',
      '  iam_role_arn = aws_iam_role.backup.arn',
      '  selection_tag {',
      '    type  = "STRINGEQUALS"',
      '    key   = "backup"',
      '    value = "daily"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4'],
      basis: "Steampipe maps its *_in_backup_plan and *_protected_by_backup_plan controls to A1.2 and CC7.4; Prowler maps efs_have_backup_enabled to A1.2 and CC7.4.",
    },
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'aws_ebs_volume', 'aws_efs_file_system', 'aws_dynamodb_table'],
    relatedTypes: ['aws_backup_selection', 'aws_efs_backup_policy'],
    live: { aws: { configType: 'AWS::Backup::BackupSelection', fields: ['configuration.BackupSelection.Resources', 'configuration.BackupSelection.ListOfTags', 'configuration.BackupSelection.Conditions'], api: 'Backup ListProtectedResources' } },
    defaults: [
      'Nothing is backed up by AWS Backup unless a selection covers it (or, for EFS, `aws_efs_backup_policy` is ENABLED). Read replicas (`replicate_source_db`) are not evaluated: AWS Backup does not back them up. `not_resources` exclusions are not read.',
      '`backup_retention_period` defaults to 1 day (instances created through the API, and clusters); DynamoDB point-in-time recovery is off unless declared.',
    ],
    options: {
      acceptServiceBackups: {
        type: 'boolean',
        description: "Accept a store's own service backups (RDS and Aurora automated backups, DynamoDB point-in-time recovery) instead of AWS Backup.",
        default: true,
        strict: false,
      },
      minServiceBackupDays: {
        type: 'integer',
        description: 'The automated backup retention, in days, that makes an RDS or Aurora database count as backed up by its own service.',
        default: 7,
        minimum: 1,
        maximum: 35,
      },
    },
    requires: {
      baseline: 'Each data store is selected by an AWS Backup plan, or protected by its own service: RDS and Aurora automated backups kept for `minServiceBackupDays`, DynamoDB point-in-time recovery, an EFS automatic backup policy.',
      strict: 'Each data store is selected by an AWS Backup plan (an EFS automatic backup policy is one); service backups alone do not count.',
    },
    equivalents: { checkov: ['CKV2_AWS_8', 'CKV2_AWS_9', 'CKV2_AWS_18'], prowler: ['efs_have_backup_enabled', 'rds_instance_protected_by_backup_plan', 'rds_cluster_protected_by_backup_plan', 'ec2_ebs_volume_protected_by_backup_plan', 'dynamodb_table_protected_by_backup_plan'], catalog: ['S2-AWS-BKP-002'] },
    messages: {
      covered: 'Data store {{address}} is backed up by AWS Backup selection {{selection}}.',
      efsBackupPolicy: 'EFS file system {{address}} is backed up by AWS Backup through its automatic backup policy.',
      serviceBackup: 'Data store {{address}} is protected by its own service\'s backups ({{detail}}), which this profile accepts.',
      notCovered: 'Data store {{address}} is not selected by any AWS Backup plan{{why}}. Add it to an aws_backup_selection, by ARN or by tag.',
      unknown: 'Whether data store {{address}} is selected by an AWS Backup plan is not known: {{reason}}.',
      notObserved: 'Whether data store {{address}} is selected by an AWS Backup plan is not known: this scan did not read AWS Backup selections.',
    },
    examples: {
      good: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n\nresource "aws_backup_selection" "orders" {\n  name         = "orders"\n  plan_id      = "4a8b2b1c-6d3e-4f5a-9b8c-7d6e5f4a3b2c"\n  iam_role_arn = "arn:aws:iam::111122223333:role/aws-backup"\n  resources    = [aws_dynamodb_table.orders.arn]\n}\n',
      bad: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n',
    },
  },
  evaluate(store, context) {
    const address = store.address;
    if (store.type === 'aws_db_instance' && readString(attribute(store, ['replicate_source_db'])).kind !== 'absent') return [];
    const coverage = backupCoverage(store, context);
    const at = coverage.selection ? { at: coverage.selection } : {};
    if (coverage.status === 'yes') return { status: 'pass', messageId: 'covered', data: { address, selection: coverage.selection?.address ?? '' }, ...at };
    const policy = efsBackupPolicy(store, context);
    if (policy) return { status: 'pass', messageId: 'efsBackupPolicy', data: { address }, path: ['backup_policy', 0, 'status'], at: policy };
    const own = context.options.acceptServiceBackups ? serviceBackup(store, context.options.minServiceBackupDays) : undefined;
    if (own?.reading.kind === 'value' && own.protected) return { status: 'pass', messageId: 'serviceBackup', data: { address, detail: own.detail }, path: own.path };
    if (coverage.status === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: coverage.reason ?? 'known after apply' }, ...at };
    if (own?.reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: own.reading.reason }, path: own.path };
    if (!context.observed('aws_backup_selection')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'notCovered', data: { address, why: own ? `, and ${own.detail}` : '' }, ...(own ? { path: own.path } : {}) };
  },
});

/** An `aws_efs_backup_policy` that turns on automatic backups, which AWS Backup takes. */
function efsBackupPolicy(store: Resource, context: RuleContext): Resource | undefined {
  if (store.type !== 'aws_efs_file_system') return undefined;
  return context.related(store, 'aws_efs_backup_policy').find((policy) => {
    const status = readString(attribute(policy, ['backup_policy', 0, 'status']));
    return status.kind === 'value' && status.value === 'ENABLED';
  });
}

/** What a store's own service keeps: RDS and Aurora automated backups, DynamoDB point-in-time recovery. */
function serviceBackup(store: Resource, minimumDays: number): { reading: Reading<unknown>; protected: boolean; detail: string; path: (string | number)[] } | undefined {
  if (store.type === 'aws_db_instance' || store.type === 'aws_rds_cluster') {
    const path = ['backup_retention_period'];
    const days = readNumber(attribute(store, path));
    // Left out, AWS keeps automated backups for 1 day.
    const value = days.kind === 'value' ? days.value : 1;
    return { reading: days.kind === 'unknown' ? days : { kind: 'value', value }, protected: value >= minimumDays, detail: `automated backups kept for ${value} day(s), ${value >= minimumDays ? 'at least' : 'fewer than'} ${minimumDays}`, path };
  }
  if (store.type === 'aws_dynamodb_table') {
    const path = ['point_in_time_recovery', 0, 'enabled'];
    const enabled = readBoolean(attribute(store, path));
    const on = enabled.kind === 'value' && enabled.value;
    return { reading: enabled.kind === 'unknown' ? enabled : { kind: 'value', value: on }, protected: on, detail: on ? 'point-in-time recovery' : 'no point-in-time recovery', path };
  }
  return undefined;
}
