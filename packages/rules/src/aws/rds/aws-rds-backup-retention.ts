import { defineRule } from '@trustscan/core';
import { attribute, readNumber, readString } from '../../analysis/values.js';

const minimumDays = 7;

type MessageId = 'retained' | 'tooShort' | 'replica' | 'unknown';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'aws-rds-backup-retention',
    title: 'RDS databases keep automated backups for at least 7 days',
    description:
      'Automated backups allow point-in-time restore of a database. A retention of at least a week lets the team recover from data corruption or deletion noticed days later, which auditors check under the availability criterion for backup and recovery.',
    remediation: [
      `Keep automated backups for at least ${minimumDays} days:`,
      '',
      '```hcl',
      'resource "aws_db_instance" "main" {',
      '  # ...',
      `  backup_retention_period = ${minimumDays}`,
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4'],
      basis: 'Steampipe maps rds_db_instance_backup_enabled to A1.2 and CC7.4; Prowler maps rds_instance_backup_enabled to A1.2.',
    },
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    live: {
      aws: { configType: 'AWS::RDS::DBInstance', fields: ['configuration.backupRetentionPeriod'] },
    },
    defaults: [
      'backup_retention_period defaults to 1 day when left out (AWS\'s default for instances created through the API and for clusters); a read replica of a non-Aurora engine keeps no backups of its own and is not evaluated.',
    ],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days automated backups must be kept.',
        default: 7,
        strict: 14,
        minimum: 1,
        maximum: 35,
      },
    },
    equivalents: { checkov: ['CKV_AWS_133'], trivy: ['AVD-AWS-0077'], prowler: ['rds_instance_backup_enabled'], catalog: ['S2-AWS-RDS-003'] },
    messages: {
      retained: 'Database {{address}} keeps automated backups for {{days}} days.',
      tooShort: `Database {{address}} keeps automated backups for {{days}} day(s), less than {{minDays}}. Set backup_retention_period to {{minDays}} or more.`,
      replica: 'Database {{address}} is a read replica; backups are taken on its source.',
      unknown: 'The backup retention of database {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  allocated_storage       = 20\n  storage_encrypted       = true\n  backup_retention_period = 14\n}\n',
      bad: 'resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  allocated_storage       = 20\n  backup_retention_period = 1\n}\n',
    },
  },
  evaluate(database, context) {
    const address = database.address;
    const path = ['backup_retention_period'];
    const days = readNumber(attribute(database, path));
    if (days.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: days.reason }, path };
    if (database.type === 'aws_db_instance' && readString(attribute(database, ['replicate_source_db'])).kind !== 'absent') {
      return { status: 'pass', messageId: 'replica', data: { address }, path: ['replicate_source_db'] };
    }
    const value = days.kind === 'value' ? days.value : 1;
    if (value >= context.options.minDays) return { status: 'pass', messageId: 'retained', data: { address, days: value }, path };
    return { status: 'fail', messageId: 'tooShort', data: { address, days: value }, path };
  },
});
