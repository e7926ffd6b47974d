import { defineRule } from '@trustscan/core';
import { effectiveTlsSetting, engineOf, tlsParameterOf } from '../../analysis/aws-rds-tls.js';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-rds-tls-required',
    title: 'RDS databases refuse unencrypted connections',
    description:
      'RDS databases accept TLS, but most engines also accept unencrypted connections unless a parameter forbids them, so one misconfigured client sends queries, results and passwords in clear text across the network. Requiring TLS in the parameter group closes that gap, which auditors check under the criterion for protecting data in transit. PostgreSQL, SQL Server (`rds.force_ssl`), MySQL, MariaDB and Aurora (`require_secure_transport`) are evaluated; Oracle and Db2 enforce TLS through option groups or listeners and are reported as unknown.',
    remediation: [
      'Use a custom parameter group that requires TLS, and attach it to the database (cluster parameter group for Aurora):',
      '',
      '```hcl',
      'resource "aws_db_parameter_group" "postgres" {',
      '  name   = "app-postgres16"',
      '  family = "postgres16"',
      '  parameter {',
      '    name  = "rds.force_ssl"',
      '    value = "1"',
      '  }',
      '}',
      '',
      'resource "aws_db_instance" "app" {',
      '  # ...',
      '  parameter_group_name = aws_db_parameter_group.postgres.name',
      '}',
      '```',
      '',
      'For MySQL and MariaDB set `require_secure_transport = "1"` instead.',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      basis: "Prowler's rds_instance_transport_encrypted has no SOC 2 mapping; mapped by CC6.7's point of focus 'uses encryption to protect data in transmission'.",
    },
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    relatedTypes: ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group'],
    live: {
      aws: {
        configType: 'AWS::RDS::DBInstance; AWS::RDS::DBCluster',
        fields: ['configuration.dBParameterGroups[].dBParameterGroupName', 'configuration.dBClusterParameterGroup'],
        api: 'RDS DescribeDBParameters / DescribeDBClusterParameters (parameter groups are not recorded by AWS Config)',
      },
    },
    defaults: [
      'A database without `parameter_group_name` (or with a `default.*` group) uses the engine defaults: `rds.force_ssl` is 1 for RDS for PostgreSQL 15 and later and 0 for older PostgreSQL, Aurora PostgreSQL and SQL Server; `require_secure_transport` is OFF for MySQL, MariaDB and Aurora MySQL. A PostgreSQL database without `engine_version` gets the newest major version and counts as 15 or later.',
      'A custom parameter group that is not part of the configuration cannot be read, so the verdict is unknown.',
    ],
    equivalents: { checkov: ['CKV2_AWS_69'], prowler: ['rds_instance_transport_encrypted'], catalog: ['S2-AWS-RDS-002'] },
    messages: {
      required: 'Database {{address}} refuses unencrypted connections: {{parameter}} is {{value}} in {{group}}.',
      requiredByDefault: 'Database {{address}} refuses unencrypted connections: {{parameter}} is on by default for {{engine}} in {{group}}.',
      notRequired: 'Database {{address}} accepts unencrypted connections: {{parameter}} is {{value}} in {{group}}. Set {{parameter}} = 1 in a custom parameter group.',
      engineNotEvaluated: 'Whether database {{address}} refuses unencrypted connections is not known: the {{engine}} engine enforces TLS through option groups or listener settings, which this rule does not read.',
      unknown: 'Whether database {{address}} refuses unencrypted connections is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_db_parameter_group" "postgres" {\n  name   = "app-postgres14"\n  family = "postgres14"\n\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n\nresource "aws_db_instance" "app" {\n  engine               = "postgres"\n  engine_version       = "14.12"\n  instance_class       = "db.t3.micro"\n  allocated_storage    = 20\n  parameter_group_name = aws_db_parameter_group.postgres.name\n}\n',
      bad: 'resource "aws_db_instance" "app" {\n  engine            = "mysql"\n  engine_version    = "8.0"\n  instance_class    = "db.t3.micro"\n  allocated_storage = 20\n}\n',
    },
  },
  evaluate(database, context) {
    const address = database.address;
    const { engine, version } = engineOf(database, context);
    if (engine.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: engine.reason }, path: ['engine'] };
    // aws_rds_cluster defaults to Aurora MySQL; an aws_db_instance names its engine or its parameter group's family does.
    const engineName = engine.kind === 'value' ? engine.value : 'aurora-mysql';
    const parameter = tlsParameterOf(engineName);
    if (!parameter) return { status: 'unknown', messageId: 'engineNotEvaluated', data: { address, engine: engineName }, path: ['engine'] };
    if (version.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: version.reason }, path: ['engine_version'] };
    const setting = effectiveTlsSetting(database, parameter, version.kind === 'value' ? version.value : undefined, context);
    switch (setting.kind) {
      case 'unknown':
        return { status: 'unknown', messageId: 'unknown', data: { address, reason: setting.reason }, path: setting.path, ...(setting.at ? { at: setting.at } : {}) };
      case 'set': {
        const data = { address, parameter: setting.parameter, value: setting.value, group: setting.group.address };
        return setting.on
          ? { status: 'pass', messageId: 'required', data, path: setting.path, at: setting.group }
          : { status: 'fail', messageId: 'notRequired', data, path: setting.path, at: setting.group };
      }
      case 'default': {
        const groupPath = [database.type === 'aws_rds_cluster' ? 'db_cluster_parameter_group_name' : 'parameter_group_name'];
        if (setting.on) return { status: 'pass', messageId: 'requiredByDefault', data: { address, parameter: setting.parameter, engine: engineName, group: setting.group }, path: ['engine_version'] };
        return { status: 'fail', messageId: 'notRequired', data: { address, parameter: setting.parameter, value: 'not set (default off)', group: setting.group }, path: groupPath };
      }
    }
  },
});
