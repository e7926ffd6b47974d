import { defineRule } from '@trustscan/core';
import { attribute, readBlocks, readNumber, readString } from '../../analysis/values.js';

const minimumDays = 7;
const geoRedundant = ['Geo', 'GeoZone'];

type MessageId = 'protected' | 'localOnly' | 'tooShort' | 'unknown';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-mssql-database-geo-redundant-backup',
    title: `Azure SQL databases keep geo-redundant backups for at least ${minimumDays} days`,
    description:
      'Automated backups allow point-in-time restore of a database. Stored geo-redundantly and kept for at least a week, they let the team recover from corruption or deletion noticed days later, and from the loss of a whole region, which auditors check under the availability criterion. Long-term retention is recommended for evidence kept longer but is not required by this rule.',
    remediation: [
      `Keep point-in-time backups for ${minimumDays} days or more in geo-redundant storage:`,
      '',
      '```hcl',
      'resource "azurerm_mssql_database" "app" {',
      '  # ...',
      '  storage_account_type = "Geo"',
      '  short_term_retention_policy {',
      '    retention_days = 14',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.5'],
      basis: "Microsoft's SOC 2023 initiative maps 'Long-term geo-redundant backup should be enabled for Azure SQL Databases' to CC7.4; A1.2's points of focus on data backup and offsite storage.",
    },
    resourceTypes: ['azurerm_mssql_database'],
    live: {
      azure: { armType: 'Microsoft.Sql/servers/databases; .../backupShortTermRetentionPolicies', fields: ['properties.requestedBackupStorageRedundancy', 'backupShortTermRetentionPolicies properties.retentionDays'] },
    },
    defaults: [
      '`storage_account_type` defaults to `Geo` and `short_term_retention_policy.retention_days` to 7, so a database that leaves both out passes.',
    ],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days point-in-time backups must be kept.',
        default: 7,
        minimum: 1,
        maximum: 35,
      },
    },
    equivalents: { catalog: ['S2-AZR-SQL-004'] },
    messages: {
      protected: 'SQL database {{address}} keeps {{redundancy}} backups for {{days}} days.',
      localOnly: 'SQL database {{address}} stores its backups as {{redundancy}}, which a regional outage can destroy. Set storage_account_type to "Geo" or "GeoZone".',
      tooShort: `SQL database {{address}} keeps point-in-time backups for {{days}} day(s). Set short_term_retention_policy retention_days to {{minDays}} or more.`,
      unknown: 'How SQL database {{address}} keeps its backups is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_mssql_database" "app" {
  name                 = "app"
  server_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Sql/servers/acme-sql"
  sku_name             = "S1"
  storage_account_type = "Geo"

  short_term_retention_policy {
    retention_days = 14
  }
}
`,
      bad: `resource "azurerm_mssql_database" "app" {
  name                 = "app"
  server_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Sql/servers/acme-sql"
  sku_name             = "S1"
  storage_account_type = "Local"
}
`,
    },
  },
  evaluate(database, context) {
    const address = database.address;
    const redundancyPath = ['storage_account_type'];
    const redundancy = readString(attribute(database, redundancyPath));
    if (redundancy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: redundancy.reason }, path: redundancyPath };
    const storage = redundancy.kind === 'value' ? redundancy.value : 'Geo';
    if (!geoRedundant.includes(storage)) return { status: 'fail', messageId: 'localOnly', data: { address, redundancy: storage }, path: redundancyPath };
    const policies = readBlocks(attribute(database, ['short_term_retention_policy']));
    if (policies.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policies.reason }, path: ['short_term_retention_policy'] };
    const daysPath = ['short_term_retention_policy', 0, 'retention_days'];
    const days = readNumber(policies.kind === 'value' ? policies.value[0]?.['retention_days'] : undefined);
    if (days.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: days.reason }, path: daysPath };
    const value = days.kind === 'value' ? days.value : context.options.minDays;
    if (value < context.options.minDays) return { status: 'fail', messageId: 'tooShort', data: { address, days: value }, path: daysPath };
    return { status: 'pass', messageId: 'protected', data: { address, redundancy: storage, days: value }, ...(days.kind === 'value' ? { path: daysPath } : {}) };
  },
});
