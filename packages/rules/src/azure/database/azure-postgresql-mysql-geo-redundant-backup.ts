import { defineRule } from '@trustscan/core';
import { attribute, readBoolean, readNumber } from '../../analysis/values.js';

const minimumDays = 7;

type MessageId = 'protected' | 'localOnly' | 'tooShort' | 'unknown';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-postgresql-mysql-geo-redundant-backup',
    title: `PostgreSQL, MySQL and MariaDB servers keep geo-redundant backups for at least ${minimumDays} days`,
    description:
      'Azure backs up every PostgreSQL and MySQL server, by default in the server\'s own region only. Geo-redundant backup copies them to the paired region, so the database can be restored after a regional outage, and a retention of at least a week covers corruption noticed days later; auditors check both under the availability criterion. Geo-redundancy can only be chosen when a server is created.',
    remediation: [
      `Create servers with geo-redundant backup and keep backups for ${minimumDays} days or more:`,
      '',
      '```hcl',
      'resource "azurerm_postgresql_flexible_server" "main" {',
      '  # ...',
      '  geo_redundant_backup_enabled = true',
      '  backup_retention_days        = 14',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['PI1.5'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Geo-redundant backup should be enabled for Azure Database for MySQL' and '... for PostgreSQL' to A1.2 and PI1.5.",
    },
    resourceTypes: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mariadb_server'],
    live: {
      azure: { armType: 'Microsoft.DBforPostgreSQL/flexibleServers; Microsoft.DBforMySQL/flexibleServers', fields: ['properties.backup.geoRedundantBackup (= Enabled)', 'properties.backup.backupRetentionDays'] },
    },
    defaults: ['`geo_redundant_backup_enabled` defaults to false and `backup_retention_days` to 7. Azure Database for MariaDB (`azurerm_mariadb_server`, retired in 2025 but still found in code) has the same settings and is judged the same way.'],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days backups must be kept.',
        default: 7,
        minimum: 1,
        maximum: 35,
      },
    },
    equivalents: {
      checkov: ['CKV_AZURE_94', 'CKV_AZURE_102', 'CKV_AZURE_129', 'CKV_AZURE_136'],
      kics: ['Geo Redundancy Is Disabled'],
      prowler: ['postgresql_flexible_server_geo_redundant_backup_enabled', 'mysql_flexible_server_geo_redundant_backup_enabled'],
      catalog: ['S2-AZR-DB-002'],
    },
    messages: {
      protected: 'Database server {{address}} keeps geo-redundant backups for {{days}} days.',
      localOnly: 'Database server {{address}} keeps its backups in one region only. Recreate it with geo_redundant_backup_enabled = true.',
      tooShort: `Database server {{address}} keeps backups for {{days}} day(s). Set backup_retention_days to {{minDays}} or more.`,
      unknown: 'How database server {{address}} keeps its backups is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_postgresql_flexible_server" "main" {
  name                         = "acme-pg"
  resource_group_name          = "acme-prod"
  location                     = "westeurope"
  version                      = "16"
  sku_name                     = "GP_Standard_D2s_v3"
  geo_redundant_backup_enabled = true
  backup_retention_days        = 14
}
`,
      bad: `resource "azurerm_postgresql_flexible_server" "main" {
  name                = "acme-pg"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}
`,
    },
  },
  evaluate(server, context) {
    const address = server.address;
    const geoPath = ['geo_redundant_backup_enabled'];
    const geo = readBoolean(attribute(server, geoPath));
    if (geo.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: geo.reason }, path: geoPath };
    if (geo.kind !== 'value' || !geo.value) return { status: 'fail', messageId: 'localOnly', data: { address }, ...(geo.kind === 'value' ? { path: geoPath } : {}) };
    const daysPath = ['backup_retention_days'];
    const days = readNumber(attribute(server, daysPath));
    if (days.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: days.reason }, path: daysPath };
    const value = days.kind === 'value' ? days.value : 7;
    if (value < context.options.minDays) return { status: 'fail', messageId: 'tooShort', data: { address, days: value }, path: daysPath };
    return { status: 'pass', messageId: 'protected', data: { address, days: value }, path: geoPath };
  },
});
