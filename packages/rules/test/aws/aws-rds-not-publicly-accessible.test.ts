import rule from '../../src/aws/rds/aws-rds-not-publicly-accessible.js';
import { testRule } from '../rule-tester.js';

const instanceHcl = (line: string, prelude = '') => `${prelude}resource "aws_db_instance" "app" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  allocated_storage = 20\n${line}}\n`;
const instance = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_db_instance.app', values: { engine: 'postgres', instance_class: 'db.t3.micro', allocated_storage: 20, ...values }, ...more });

testRule(rule, {
  pass: [
    { name: 'publicly_accessible left out (defaults to false)', hcl: instanceHcl(''), resources: [instance({}, { computed: ['publicly_accessible'] })], messageId: 'private', path: 'publicly_accessible' },
    {
      name: 'Aurora cluster member set private',
      hcl: 'resource "aws_rds_cluster_instance" "app" {\n  cluster_identifier  = "app"\n  instance_class      = "db.r6g.large"\n  engine              = "aurora-postgresql"\n  publicly_accessible = false\n}\n',
      resources: [{ address: 'aws_rds_cluster_instance.app', values: { cluster_identifier: 'app', instance_class: 'db.r6g.large', engine: 'aurora-postgresql', publicly_accessible: false } }],
      messageId: 'private',
    },
  ],
  fail: [
    { name: 'publicly accessible instance', hcl: instanceHcl('  publicly_accessible = true\n'), resources: [instance({ publicly_accessible: true })], messageId: 'public', path: 'publicly_accessible' },
    {
      name: 'publicly accessible instance inside a module',
      hcl: 'module "db" {\n  source = "./modules/db"\n  public = true\n}\n',
      files: { 'modules/db/main.tf': 'variable "public" {\n  type    = bool\n  default = false\n}\n\n' + instanceHcl('  publicly_accessible = var.public\n') },
      resources: [{ ...instance({ publicly_accessible: true }), address: 'module.db.aws_db_instance.app' }],
      messageId: 'public',
      path: 'publicly_accessible',
    },
  ],
  unknown: [
    {
      name: 'publicly_accessible from a conditional on an unknown variable',
      hcl: instanceHcl('  publicly_accessible = var.env == "dev" ? true : false\n', 'variable "env" {\n  type = string\n}\n\n'),
      resources: [instance({}, { unknown: ['publicly_accessible'] })],
      messageId: 'unknown',
      path: 'publicly_accessible',
    },
  ],
});
