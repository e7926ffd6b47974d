import rule from '../../src/azure/database/azure-postgresql-mysql-geo-redundant-backup.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acme-pg', resource_group_name: 'acme-prod', location: 'westeurope', version: '16', sku_name: 'GP_Standard_D2s_v3' };
const server = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_postgresql_flexible_server.main', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_postgresql_flexible_server" "main" {
  name                = "acme-pg"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
${extra}}
`;

testRule(rule, {
  pass: [
    { name: 'geo-redundant, 14 days', hcl: hcl('  geo_redundant_backup_enabled = true\n  backup_retention_days        = 14\n'), resources: [server({ geo_redundant_backup_enabled: true, backup_retention_days: 14 })], messageId: 'protected', path: 'geo_redundant_backup_enabled', message: '14 days' },
    { name: 'geo-redundant with the default 7 days', hcl: hcl('  geo_redundant_backup_enabled = true\n'), resources: [server({ geo_redundant_backup_enabled: true })], messageId: 'protected', message: '7 days' },
    { name: 'MySQL flexible server', resources: [{ address: 'azurerm_mysql_flexible_server.main', values: { name: 'acme-mysql', geo_redundant_backup_enabled: true, backup_retention_days: 35 } }], messageId: 'protected' },
  ],
  fail: [
    { name: 'left out: backups stay in one region', hcl: hcl(), resources: [server()], messageId: 'localOnly', path: '' },
    { name: 'geo-redundancy off', hcl: hcl('  geo_redundant_backup_enabled = false\n'), resources: [server({ geo_redundant_backup_enabled: false, backup_retention_days: 7 })], messageId: 'localOnly', path: 'geo_redundant_backup_enabled' },
    { name: 'one day of backups', hcl: hcl('  geo_redundant_backup_enabled = true\n  backup_retention_days        = 1\n'), resources: [server({ geo_redundant_backup_enabled: true, backup_retention_days: 1 })], messageId: 'tooShort', path: 'backup_retention_days' },
  ],
  unknown: [
    {
      name: 'geo-redundancy from a conditional on a variable without a value',
      hcl: `variable "environment" {
  type = string
}

${hcl('  geo_redundant_backup_enabled = var.environment == "prod"\n')}`,
      resources: [server({}, ['geo_redundant_backup_enabled'])],
      messageId: 'unknown',
      path: 'geo_redundant_backup_enabled',
    },
  ],
});
