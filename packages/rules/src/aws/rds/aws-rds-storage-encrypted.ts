import { defineRule } from '@trustscan/core';
import { attribute, readBoolean, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-rds-storage-encrypted',
    title: 'RDS databases encrypt their storage',
    description:
      'Storage encryption protects database files, backups, snapshots and read replicas at rest with KMS. It can only be chosen when the database is created, so an unencrypted production database is costly to fix later; auditors check it under the logical access criteria.',
    remediation: [
      'Set `storage_encrypted = true` (optionally with a customer managed `kms_key_id`). An existing database must be migrated from an encrypted snapshot copy.',
      '',
      '```hcl',
      'resource "aws_db_instance" "main" {',
      '  # ...',
      '  storage_encrypted = true',
      '  kms_key_id        = aws_kms_key.rds.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5'],
      basis: 'Steampipe maps rds_db_instance_encryption_at_rest_enabled to CC6.1; Prowler maps rds_instance_storage_encrypted to PI1.5.',
    },
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'aws_rds_global_cluster'],
    live: {
      aws: { configType: 'AWS::RDS::DBInstance; AWS::RDS::DBCluster', fields: ['configuration.storageEncrypted', 'configuration.kmsKeyId'] },
    },
    defaults: [
      'storage_encrypted defaults to false for aws_db_instance and provisioned aws_rds_cluster; Aurora Serverless v1 clusters (engine_mode = "serverless") are always encrypted.',
      'A read replica (replicate_source_db), and a global cluster built from an existing cluster (source_db_cluster_identifier), inherit their source\'s encryption, so they are unknown from their own configuration.',
    ],
    equivalents: { checkov: ['CKV_AWS_16', 'CKV_AWS_96'], trivy: ['AVD-AWS-0080', 'AVD-AWS-0079'], prowler: ['rds_instance_storage_encrypted'], catalog: ['S2-AWS-RDS-001'] },
    messages: {
      encrypted: 'Database {{address}} encrypts its storage at rest.',
      serverless: 'Aurora Serverless v1 cluster {{address}} is always encrypted at rest.',
      notEncrypted: 'Database {{address}} does not encrypt its storage: storage_encrypted is {{value}}. Create it with storage_encrypted = true.',
      replica: 'Database {{address}} takes its encryption from the database it is created from, which this configuration does not show.',
      unknown: 'Whether database {{address}} encrypts its storage is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_db_instance" "main" {\n  engine              = "postgres"\n  instance_class      = "db.t3.micro"\n  allocated_storage   = 20\n  storage_encrypted   = true\n  backup_retention_period = 7\n}\n',
      bad: 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  allocated_storage = 20\n}\n',
    },
  },
  evaluate(database) {
    const address = database.address;
    const path = ['storage_encrypted'];
    const encrypted = readBoolean(attribute(database, path));
    if (encrypted.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: encrypted.reason }, path };
    if (encrypted.kind === 'value' && encrypted.value) return { status: 'pass', messageId: 'encrypted', data: { address }, path };
    if (database.type === 'aws_rds_cluster' && attribute(database, ['engine_mode']) === 'serverless') {
      return { status: 'pass', messageId: 'serverless', data: { address }, path: ['engine_mode'] };
    }
    const sourcePath = [database.type === 'aws_rds_global_cluster' ? 'source_db_cluster_identifier' : 'replicate_source_db'];
    const source = readString(attribute(database, sourcePath));
    if (source.kind !== 'absent') return { status: 'unknown', messageId: 'replica', data: { address }, path: sourcePath };
    return { status: 'fail', messageId: 'notEncrypted', data: { address, value: encrypted.kind === 'value' ? 'false' : 'not set (default false)' }, path };
  },
});
