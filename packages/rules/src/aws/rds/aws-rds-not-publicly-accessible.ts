import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-rds-not-publicly-accessible',
    title: 'RDS databases are not reachable from the internet',
    description:
      'A publicly accessible database gets a DNS name that resolves to a public address, so only its security group stands between the internet and the database login. Keeping databases private limits who can even try to connect, which auditors check under the criteria for logical access and for protecting system boundaries.',
    remediation: [
      'Keep the database private and reach it through the VPC (a bastion, Session Manager port forwarding or a VPN):',
      '',
      '```hcl',
      'resource "aws_db_instance" "app" {',
      '  # ...',
      '  publicly_accessible = false',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['CC6.6', 'CC6.2'],
      basis: 'Steampipe maps rds_db_instance_prohibit_public_access to CC6.1, CC6.2 and CC6.6; Prowler maps rds_instance_no_public_access to CC6.2.',
    },
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    live: { aws: { configType: 'AWS::RDS::DBInstance', fields: ['configuration.publiclyAccessible'] } },
    defaults: ['`publicly_accessible` defaults to false.'],
    equivalents: { checkov: ['CKV_AWS_17'], kics: ['DB Instance Publicly Accessible'], trivy: ['AVD-AWS-0180'], prowler: ['rds_instance_no_public_access'], catalog: ['S2-AWS-RDS-004'] },
    messages: {
      private: 'Database {{address}} is not publicly accessible.',
      public: 'Database {{address}} is publicly accessible. Set publicly_accessible = false and reach it from inside the VPC.',
      unknown: 'Whether database {{address}} is publicly accessible is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_db_instance" "app" {\n  engine              = "postgres"\n  instance_class      = "db.t3.micro"\n  allocated_storage   = 20\n  publicly_accessible = false\n}\n',
      bad: 'resource "aws_db_instance" "app" {\n  engine              = "postgres"\n  instance_class      = "db.t3.micro"\n  allocated_storage   = 20\n  publicly_accessible = true\n}\n',
    },
  },
  evaluate(database) {
    const address = database.address;
    const path = ['publicly_accessible'];
    const exposed = readBoolean(attribute(database, path));
    if (exposed.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: exposed.reason }, path };
    if (exposed.kind === 'value' && exposed.value) return { status: 'fail', messageId: 'public', data: { address }, path };
    return { status: 'pass', messageId: 'private', data: { address }, path };
  },
});
