import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-dynamodb-point-in-time-recovery',
    title: 'DynamoDB tables have point-in-time recovery',
    description:
      'Point-in-time recovery keeps continuous backups of a table for up to 35 days, so a table damaged by a bad deployment, a script or an attacker can be restored to any second before the damage. Auditors look for it under the availability criterion for backup and recovery.',
    remediation: [
      'Turn on point-in-time recovery:',
      '',
      '```hcl',
      'resource "aws_dynamodb_table" "sessions" {',
      '  # ...',
      '  point_in_time_recovery {',
      '    enabled = true',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4'],
      basis: 'Prowler maps dynamodb_tables_pitr_enabled to A1.2 and CC7.4; Steampipe maps dynamodb_table_point_in_time_recovery_enabled to A1.2 and CC7.4.',
    },
    resourceTypes: ['aws_dynamodb_table'],
    live: { aws: { configType: 'AWS::DynamoDB::Table', fields: ['supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus'] } },
    defaults: ['Point-in-time recovery is off unless `point_in_time_recovery { enabled = true }` is declared.'],
    equivalents: { checkov: ['CKV_AWS_28'], kics: ['DynamoDB Table Point In Time Recovery Disabled'], trivy: ['AVD-AWS-0024'], prowler: ['dynamodb_tables_pitr_enabled'], catalog: ['S2-AWS-DDB-001'] },
    messages: {
      enabled: 'DynamoDB table {{address}} has point-in-time recovery.',
      disabled: 'DynamoDB table {{address}} has no point-in-time recovery: {{why}}. Add point_in_time_recovery { enabled = true }.',
      unknown: 'Whether DynamoDB table {{address}} has point-in-time recovery is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_dynamodb_table" "sessions" {\n  name         = "sessions"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n',
      bad: 'resource "aws_dynamodb_table" "sessions" {\n  name         = "sessions"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n',
    },
  },
  evaluate(table) {
    const address = table.address;
    const path = ['point_in_time_recovery', 0, 'enabled'];
    const enabled = readBoolean(attribute(table, path));
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path };
    if (enabled.kind === 'value' && enabled.value) return { status: 'pass', messageId: 'enabled', data: { address }, path };
    const why = enabled.kind === 'value' ? 'enabled is false' : 'it is not configured';
    return { status: 'fail', messageId: 'disabled', data: { address, why }, path };
  },
});
