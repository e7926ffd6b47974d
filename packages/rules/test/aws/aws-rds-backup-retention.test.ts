import rule from '../../src/aws/rds/aws-rds-backup-retention.js';
import { testRule } from '../rule-tester.js';

const instance = (values: Record<string, unknown>, options: { unknown?: string[]; computed?: string[] } = {}) => ({
  address: 'aws_db_instance.main',
  values: { engine: 'postgres', instance_class: 'db.t3.micro', storage_encrypted: true, ...values },
  ...options,
});

testRule(rule, {
  pass: [
    { name: 'seven days',
      hcl: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  storage_encrypted       = true
  backup_retention_period = 7
}
`, resources: [instance({ backup_retention_period: 7 })], messageId: 'retained', path: 'backup_retention_period' },
    { name: 'cluster with 35 days', resources: [{ address: 'aws_rds_cluster.main', values: { engine: 'aurora-postgresql', backup_retention_period: 35 } }], messageId: 'retained' },
    { name: 'read replica', resources: [instance({ replicate_source_db: 'main-primary', backup_retention_period: 0 })], messageId: 'replica', path: 'replicate_source_db' },
  ],
  fail: [
    { name: 'one day', resources: [instance({ backup_retention_period: 1 })], messageId: 'tooShort', path: 'backup_retention_period', message: '1 day(s)' },
    { name: 'backups disabled', resources: [instance({ backup_retention_period: 0 })], messageId: 'tooShort', path: 'backup_retention_period', message: '0 day(s)' },
    { name: 'left out: AWS default of one day',
      hcl: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  storage_encrypted = true
}
`, resources: [instance({}, { computed: ['backup_retention_period'] })], messageId: 'tooShort', path: 'backup_retention_period', message: '1 day(s)' },
  ],
  unknown: [{ name: 'retention from an unknown variable',
      hcl: `variable "days" {
  type = number
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  backup_retention_period = var.days
}
`, resources: [instance({}, { unknown: ['backup_retention_period'] })], messageId: 'unknown', path: 'backup_retention_period' }],
});
