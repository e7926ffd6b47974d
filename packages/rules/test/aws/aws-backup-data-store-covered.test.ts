import rule from '../../src/aws/backup/aws-backup-data-store-covered.js';
import { testRule } from '../rule-tester.js';

const tableHcl = (tags = '') =>
  `resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n${tags}\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n`;
const selectionHcl = (body: string) =>
  `\nresource "aws_backup_selection" "main" {\n  name         = "main"\n  plan_id      = "4a8b2b1c-6d3e-4f5a-9b8c-7d6e5f4a3b2c"\n  iam_role_arn = "arn:aws:iam::111122223333:role/aws-backup"\n${body}}\n`;
const table = (values: Record<string, unknown> = {}) => ({ address: 'aws_dynamodb_table.orders', values: { name: 'orders', billing_mode: 'PAY_PER_REQUEST', hash_key: 'id', ...values }, computed: ['arn'] });
const selection = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_backup_selection.main',
  values: { name: 'main', plan_id: '4a8b2b1c-6d3e-4f5a-9b8c-7d6e5f4a3b2c', iam_role_arn: 'arn:aws:iam::111122223333:role/aws-backup', ...values },
  ...more,
});

testRule(rule, {
  pass: [
    {
      name: 'point-in-time recovery is the service backup the baseline profile accepts',
      hcl: tableHcl('\n  point_in_time_recovery {\n    enabled = true\n  }\n'),
      resources: [table({ point_in_time_recovery: [{ enabled: true }] })],
      messageId: 'serviceBackup',
      path: 'point_in_time_recovery.0.enabled',
    },
    {
      name: 'Aurora automated backups of 5 days, with minServiceBackupDays lowered to 5',
      hcl: 'resource "aws_rds_cluster" "app" {\n  engine                  = "aurora-postgresql"\n  master_username         = "app"\n  backup_retention_period = 5\n}\n',
      resources: [{ address: 'aws_rds_cluster.app', values: { engine: 'aurora-postgresql', master_username: 'app', backup_retention_period: 5 } }],
      options: { minServiceBackupDays: 5 },
      messageId: 'serviceBackup',
      path: 'backup_retention_period',
    },
    {
      name: 'EFS automatic backups are AWS Backup, in the strict profile too',
      hcl: 'resource "aws_efs_file_system" "shared" {\n  encrypted = true\n}\n\nresource "aws_efs_backup_policy" "shared" {\n  file_system_id = aws_efs_file_system.shared.id\n  backup_policy {\n    status = "ENABLED"\n  }\n}\n',
      resources: [
        { address: 'aws_efs_file_system.shared', values: { encrypted: true }, computed: ['id', 'arn'] },
        { address: 'aws_efs_backup_policy.shared', values: { backup_policy: [{ status: 'ENABLED' }] }, unknown: ['file_system_id'], expressions: { file_system_id: ['aws_efs_file_system.shared.id', 'aws_efs_file_system.shared'] } },
      ],
      subject: 'aws_efs_file_system.shared',
      profile: 'strict',
      messageId: 'efsBackupPolicy',
      path: 'backup_policy.0.status',
    },
    {
      name: 'selected by reference while its ARN is unknown',
      hcl: tableHcl() + selectionHcl('  resources    = [aws_dynamodb_table.orders.arn]\n'),
      resources: [table(), selection({}, { unknown: ['resources'], expressions: { resources: ['aws_dynamodb_table.orders.arn', 'aws_dynamodb_table.orders'] } })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'covered',
      message: 'aws_backup_selection.main',
    },
    {
      name: 'selected by tag',
      hcl: tableHcl('\n  tags = {\n    backup = "daily"\n  }\n') + selectionHcl('\n  selection_tag {\n    type  = "STRINGEQUALS"\n    key   = "backup"\n    value = "daily"\n  }\n'),
      resources: [table({ tags: { backup: 'daily' } }), selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'backup', value: 'daily' }] })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'covered',
    },
    {
      name: 'selected by an ARN wildcard for every table',
      hcl: tableHcl() + selectionHcl('  resources    = ["arn:aws:dynamodb:*:*:table/*"]\n'),
      resources: [table(), selection({ resources: ['arn:aws:dynamodb:*:*:table/*'] })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'covered',
    },
    {
      name: 'selected by "*" with a tag condition (provider default tags in tags_all)',
      resources: [
        table({ tags_all: { backup: 'daily', team: 'core' } }),
        selection({ resources: ['*'], condition: [{ string_equals: [{ key: 'aws:ResourceTag/backup', value: 'daily' }] }] }),
      ],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'covered',
    },
  ],
  fail: [
    { name: 'no backup selection at all', hcl: tableHcl(), resources: [table()], messageId: 'notCovered', path: 'point_in_time_recovery.0.enabled', message: 'and no point-in-time recovery' },
    {
      name: 'point-in-time recovery without AWS Backup, in the strict profile',
      hcl: tableHcl('\n  point_in_time_recovery {\n    enabled = true\n  }\n'),
      resources: [table({ point_in_time_recovery: [{ enabled: true }] })],
      profile: 'strict',
      messageId: 'notCovered',
      path: '',
    },
    {
      name: 'RDS automated backups shorter than minServiceBackupDays',
      hcl: 'resource "aws_db_instance" "app" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  allocated_storage       = 20\n  backup_retention_period = 3\n}\n',
      resources: [{ address: 'aws_db_instance.app', values: { engine: 'postgres', instance_class: 'db.t3.micro', allocated_storage: 20, backup_retention_period: 3 } }],
      messageId: 'notCovered',
      path: 'backup_retention_period',
      message: 'kept for 3 day(s), fewer than 7',
    },
    {
      name: 'selection for another tag value',
      hcl: tableHcl('\n  tags = {\n    backup = "none"\n  }\n') + selectionHcl('\n  selection_tag {\n    type  = "STRINGEQUALS"\n    key   = "backup"\n    value = "daily"\n  }\n'),
      resources: [table({ tags: { backup: 'none' } }), selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'backup', value: 'daily' }] })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'notCovered',
      path: 'point_in_time_recovery.0.enabled',
    },
    {
      name: 'ARN wildcard for RDS only',
      resources: [table(), selection({ resources: ['arn:aws:rds:*:*:db:*'] })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'notCovered',
      path: 'point_in_time_recovery.0.enabled',
    },
  ],
  unknown: [
    {
      name: 'selection whose ARNs come from a variable without a value',
      hcl: 'variable "arns" {\n  type = list(string)\n}\n\n' + tableHcl() + selectionHcl('  resources    = var.arns\n'),
      resources: [table(), selection({}, { unknown: ['resources'] })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'unknown',
    },
    {
      name: 'ARN pattern for tables of one account while the table ARN is unknown',
      resources: [table(), selection({ resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders*'] })],
      subject: 'aws_dynamodb_table.orders',
      messageId: 'unknown',
    },
  ],
});
