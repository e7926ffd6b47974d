import rule from '../../src/azure/sql/azure-mssql-database-geo-redundant-backup.js';
import { testRule } from '../rule-tester.js';

const serverId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Sql/servers/acme-sql';
const database = (values: Record<string, unknown> = {}, unknown: string[] = [], computed: string[] = []) => ({ address: 'azurerm_mssql_database.app', values: { name: 'app', server_id: serverId, sku_name: 'S1', ...values }, unknown, computed });
const hcl = (extra = '') => `resource "azurerm_mssql_database" "app" {
  name      = "app"
  server_id = "${serverId}"
  sku_name  = "S1"
${extra}}
`;

testRule(rule, {
  pass: [
    {
      name: 'geo-redundant, 14 days',
      hcl: hcl('  storage_account_type = "Geo"\n\n  short_term_retention_policy {\n    retention_days = 14\n  }\n'),
      resources: [database({ storage_account_type: 'Geo', short_term_retention_policy: [{ retention_days: 14, backup_interval_in_hours: 12 }] })],
      messageId: 'protected',
      path: 'short_term_retention_policy.0.retention_days',
    },
    { name: 'left out: Geo storage and 7 days by default', hcl: hcl(), resources: [database({}, [], ['short_term_retention_policy'])], messageId: 'protected', message: '7 days' },
    { name: 'GeoZone', resources: [database({ storage_account_type: 'GeoZone' })], messageId: 'protected', message: 'GeoZone' },
  ],
  fail: [
    { name: 'locally redundant backups', hcl: hcl('  storage_account_type = "Local"\n'), resources: [database({ storage_account_type: 'Local' })], messageId: 'localOnly', path: 'storage_account_type', message: 'Local' },
    {
      name: 'three days of point-in-time restore',
      hcl: hcl('  short_term_retention_policy {\n    retention_days = 3\n  }\n'),
      resources: [database({ short_term_retention_policy: [{ retention_days: 3 }] })],
      messageId: 'tooShort',
      path: 'short_term_retention_policy.0.retention_days',
    },
  ],
  unknown: [
    {
      name: 'redundancy from a variable without a value',
      hcl: `variable "backup_redundancy" {
  type = string
}

${hcl('  storage_account_type = var.backup_redundancy\n')}`,
      resources: [database({}, ['storage_account_type'])],
      messageId: 'unknown',
      path: 'storage_account_type',
    },
  ],
});
