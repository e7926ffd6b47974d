import { compileDeclarativeRule, type DeclarativeRuleDefinition, type Rule } from '@trustscan/core';

const base = { description: 'Test rule.', remediation: 'Fix it.', messages: { pass: '{{address}} passes.', fail: '{{address}} fails: {{path}} is {{value}}.' } };

const definitions: DeclarativeRuleDefinition[] = [
  {
    ...base,
    id: 'test-db-storage-encrypted',
    title: 'Databases encrypt their storage',
    severity: 'high',
    area: 'encryption-at-rest',
    criteria: { primary: ['CC6.1'], basis: 'test' },
    resourceTypes: ['aws_db_instance'],
    check: { path: '$.storage_encrypted', equals: true, default: false },
  },
  {
    ...base,
    id: 'test-db-backup-retention',
    title: 'Databases keep backups for a week',
    severity: 'medium',
    area: 'backup-recovery',
    criteria: { primary: ['A1.2'], secondary: ['CC7.4'], basis: 'test' },
    resourceTypes: ['aws_db_instance'],
    check: { path: '$.backup_retention_period', gte: 7, default: 0 },
  },
  {
    ...base,
    id: 'test-bucket-not-force-destroyed',
    title: 'Buckets are not force-destroyed',
    severity: 'low',
    area: 'logging-monitoring',
    criteria: { primary: ['CC7.2'], basis: 'test' },
    resourceTypes: ['aws_s3_bucket'],
    check: { path: '$.force_destroy', equals: false, default: false },
  },
];

/** Three declarative rules over the example stack: two fail on its database, one passes on its buckets. */
export const testRules: readonly Rule[] = definitions.map((definition) => compileDeclarativeRule(definition));
