import rule from '../../src/aws/rds/aws-rds-storage-encrypted.js';
import { testRule } from '../rule-tester.js';

const instance = (values: Record<string, unknown>, options: { unknown?: string[]; computed?: string[] } = {}) => ({
  address: 'aws_db_instance.main',
  values: { engine: 'postgres', instance_class: 'db.t3.micro', ...values },
  ...options,
});

testRule(rule, {
  pass: [
    { name: 'instance with storage_encrypted',
      hcl: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  storage_encrypted = true
}
`, resources: [instance({ storage_encrypted: true })], messageId: 'encrypted', path: 'storage_encrypted' },
    {
      name: 'global cluster with storage_encrypted',
      hcl: 'resource "aws_rds_global_cluster" "main" {\n  global_cluster_identifier = "main"\n  engine                    = "aurora-postgresql"\n  storage_encrypted         = true\n}\n',
      resources: [{ address: 'aws_rds_global_cluster.main', values: { global_cluster_identifier: 'main', engine: 'aurora-postgresql', storage_encrypted: true } }],
      messageId: 'encrypted',
      path: 'storage_encrypted',
    },
    { name: 'Aurora Serverless v1 cluster', resources: [{ address: 'aws_rds_cluster.main', values: { engine: 'aurora-mysql', engine_mode: 'serverless' }, computed: ['storage_encrypted'] }], messageId: 'serverless', path: 'engine_mode' },
  ],
  fail: [
    { name: 'storage_encrypted false', resources: [instance({ storage_encrypted: false })], messageId: 'notEncrypted', path: 'storage_encrypted' },
    { name: 'storage_encrypted left out (provider default false)',
      hcl: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
`, resources: [instance({}, { computed: ['storage_encrypted'] })], messageId: 'notEncrypted', path: 'storage_encrypted', message: 'default false' },
    { name: 'provisioned cluster without encryption', resources: [{ address: 'aws_rds_cluster.main', values: { engine: 'aurora-postgresql', engine_mode: 'provisioned', storage_encrypted: false } }], messageId: 'notEncrypted', path: 'storage_encrypted' },
  ],
  unknown: [
    { name: 'storage_encrypted from an unknown variable',
      hcl: `variable "encrypt" {
  type = bool
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  storage_encrypted = var.encrypt
}
`, resources: [instance({}, { unknown: ['storage_encrypted'] })], messageId: 'unknown', path: 'storage_encrypted' },
    {
      name: 'global cluster built from an existing cluster inherits its encryption',
      hcl: 'resource "aws_rds_global_cluster" "main" {\n  global_cluster_identifier    = "main"\n  source_db_cluster_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster:main"\n}\n',
      resources: [{ address: 'aws_rds_global_cluster.main', values: { global_cluster_identifier: 'main', source_db_cluster_identifier: 'arn:aws:rds:eu-west-1:111122223333:cluster:main' }, computed: ['storage_encrypted'] }],
      messageId: 'replica',
      path: 'source_db_cluster_identifier',
    },
    { name: 'read replica inherits its source', resources: [instance({ replicate_source_db: 'main-primary' }, { computed: ['storage_encrypted'] })], messageId: 'replica', path: 'replicate_source_db' },
  ],
});
