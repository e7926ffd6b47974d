import { defineRule } from '@trustscan/core';
import { backupCoverage } from '../../analysis/aws-backup-selection.js';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-backup-data-store-covered',
    title: 'Data stores are selected by an AWS Backup plan',
    description:
      'A backup plan protects only the resources its selections name. Databases, volumes, file systems and tables left out of every selection have no managed, restorable backups, which is what auditors test under the availability criterion. A store is covered when an `aws_backup_selection` names it (by reference or ARN), matches it with an ARN wildcard, or selects it by tag.',
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
    relatedTypes: ['aws_backup_selection'],
    live: { aws: { configType: 'AWS::Backup::BackupSelection', fields: ['configuration.BackupSelection.Resources', 'configuration.BackupSelection.ListOfTags', 'configuration.BackupSelection.Conditions'], api: 'Backup ListProtectedResources' } },
    defaults: [
      'Nothing is backed up by AWS Backup unless a selection covers it. Read replicas (`replicate_source_db`) are not evaluated: AWS Backup does not back them up. `not_resources` exclusions are not read.',
    ],
    equivalents: { checkov: ['CKV2_AWS_8', 'CKV2_AWS_9', 'CKV2_AWS_18'], prowler: ['efs_have_backup_enabled', 'rds_instance_protected_by_backup_plan', 'rds_cluster_protected_by_backup_plan', 'ec2_ebs_volume_protected_by_backup_plan', 'dynamodb_table_protected_by_backup_plan'], catalog: ['S2-AWS-BKP-002'] },
    messages: {
      covered: 'Data store {{address}} is backed up by AWS Backup selection {{selection}}.',
      notCovered: 'Data store {{address}} is not selected by any AWS Backup plan. Add it to an aws_backup_selection, by ARN or by tag.',
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
    if (coverage.status === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: coverage.reason ?? 'known after apply' }, ...at };
    if (!context.observed('aws_backup_selection')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'notCovered', data: { address } };
  },
});
