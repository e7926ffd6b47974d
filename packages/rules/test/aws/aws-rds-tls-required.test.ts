import rule from '../../src/aws/rds/aws-rds-tls-required.js';
import { testRule } from '../rule-tester.js';

const instance = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_db_instance.app',
  values: { instance_class: 'db.t3.micro', allocated_storage: 20, ...values },
  computed: ['arn', 'endpoint'],
  ...more,
});
const group = (family: string, parameters: { name: string; value: string }[]) => ({
  address: 'aws_db_parameter_group.app',
  values: { name: 'app', family, parameter: parameters.map((p) => ({ ...p, apply_method: 'immediate' })) },
  computed: ['arn', 'id'],
});
const linked = { expressions: { parameter_group_name: ['aws_db_parameter_group.app.name', 'aws_db_parameter_group.app'] } };
const instanceHcl = (engine: string, version: string | undefined, extra = '') =>
  `resource "aws_db_instance" "app" {\n  engine            = "${engine}"\n${version ? `  engine_version    = "${version}"\n` : ''}  instance_class    = "db.t3.micro"\n  allocated_storage = 20\n${extra}}\n`;

testRule(rule, {
  pass: [
    {
      name: 'PostgreSQL 14 with rds.force_ssl = 1 in a custom group',
      hcl: 'resource "aws_db_parameter_group" "app" {\n  name   = "app"\n  family = "postgres14"\n\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n\n' + instanceHcl('postgres', '14.12', '  parameter_group_name = aws_db_parameter_group.app.name\n'),
      resources: [group('postgres14', [{ name: 'rds.force_ssl', value: '1' }]), instance({ engine: 'postgres', engine_version: '14.12', parameter_group_name: 'app' }, linked)],
      subject: 'aws_db_instance.app',
      messageId: 'required',
      path: 'parameter.0.value',
    },
    {
      name: 'PostgreSQL 16 on the default parameter group (force_ssl on by default)',
      hcl: instanceHcl('postgres', '16.3'),
      resources: [instance({ engine: 'postgres', engine_version: '16.3' }, { computed: ['arn', 'endpoint', 'parameter_group_name'] })],
      messageId: 'requiredByDefault',
      path: 'engine_version',
    },
    {
      name: 'Aurora MySQL cluster with require_secure_transport = ON',
      hcl: 'resource "aws_rds_cluster_parameter_group" "app" {\n  name   = "app"\n  family = "aurora-mysql8.0"\n\n  parameter {\n    name  = "require_secure_transport"\n    value = "ON"\n  }\n}\n\nresource "aws_rds_cluster" "app" {\n  engine                          = "aurora-mysql"\n  engine_version                  = "8.0.mysql_aurora.3.05.2"\n  master_username                 = "admin"\n  manage_master_user_password     = true\n  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.app.name\n}\n',
      resources: [
        { address: 'aws_rds_cluster_parameter_group.app', values: { name: 'app', family: 'aurora-mysql8.0', parameter: [{ name: 'require_secure_transport', value: 'ON', apply_method: 'immediate' }] } },
        { address: 'aws_rds_cluster.app', values: { engine: 'aurora-mysql', engine_version: '8.0.mysql_aurora.3.05.2', db_cluster_parameter_group_name: 'app' }, expressions: { db_cluster_parameter_group_name: ['aws_rds_cluster_parameter_group.app.name', 'aws_rds_cluster_parameter_group.app'] } },
      ],
      subject: 'aws_rds_cluster.app',
      messageId: 'required',
    },
  ],
  fail: [
    {
      name: 'MySQL on the default parameter group',
      hcl: instanceHcl('mysql', '8.0'),
      resources: [instance({ engine: 'mysql', engine_version: '8.0' }, { computed: ['arn', 'endpoint', 'parameter_group_name'] })],
      messageId: 'notRequired',
      path: 'parameter_group_name',
      message: 'require_secure_transport',
    },
    {
      name: 'custom group that turns rds.force_ssl off',
      hcl: 'resource "aws_db_parameter_group" "app" {\n  name   = "app"\n  family = "postgres16"\n\n  parameter {\n    name  = "log_connections"\n    value = "1"\n  }\n\n  parameter {\n    name  = "rds.force_ssl"\n    value = "0"\n  }\n}\n\n' + instanceHcl('postgres', '16.3', '  parameter_group_name = aws_db_parameter_group.app.name\n'),
      resources: [group('postgres16', [{ name: 'log_connections', value: '1' }, { name: 'rds.force_ssl', value: '0' }]), instance({ engine: 'postgres', engine_version: '16.3', parameter_group_name: 'app' }, linked)],
      subject: 'aws_db_instance.app',
      messageId: 'notRequired',
      path: 'parameter.1.value',
    },
    {
      name: 'PostgreSQL 13 whose custom group leaves rds.force_ssl at the engine default',
      resources: [group('postgres13', [{ name: 'log_connections', value: '1' }]), instance({ engine: 'postgres', engine_version: '13.15', parameter_group_name: 'app' }, linked)],
      subject: 'aws_db_instance.app',
      messageId: 'notRequired',
      path: 'parameter_group_name',
    },
  ],
  unknown: [
    {
      name: 'custom parameter group defined outside the configuration',
      hcl: instanceHcl('postgres', '14.12', '  parameter_group_name = "shared-postgres14"\n'),
      resources: [instance({ engine: 'postgres', engine_version: '14.12', parameter_group_name: 'shared-postgres14' })],
      messageId: 'unknown',
      path: 'parameter_group_name',
      message: 'shared-postgres14',
    },
    { name: 'Oracle enforces TLS through an option group', hcl: instanceHcl('oracle-se2', '19'), resources: [instance({ engine: 'oracle-se2', engine_version: '19' })], messageId: 'engineNotEvaluated', path: 'engine' },
    {
      name: 'engine chosen by a variable without a value',
      hcl: 'variable "engine" {\n  type = string\n}\n\nresource "aws_db_instance" "app" {\n  engine            = var.engine\n  instance_class    = "db.t3.micro"\n  allocated_storage = 20\n}\n',
      resources: [instance({}, { unknown: ['engine'] })],
      messageId: 'unknown',
      path: 'engine',
    },
  ],
});
