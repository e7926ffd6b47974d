import rule from '../../src/azure/backup/azure-backup-vault-geo-redundant-storage.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acme-backups', resource_group_name: 'acme-prod', location: 'westeurope', sku: 'Standard' };
const vault = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_recovery_services_vault.backups', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_recovery_services_vault" "backups" {
  name                = "acme-backups"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku                 = "Standard"
${extra}}
`;

testRule(rule, {
  pass: [
    { name: 'GeoRedundant', hcl: hcl('  storage_mode_type = "GeoRedundant"\n'), resources: [vault({ storage_mode_type: 'GeoRedundant' })], messageId: 'geoRedundant', path: 'storage_mode_type' },
    { name: 'left out: GeoRedundant by default', hcl: hcl(), resources: [vault()], messageId: 'byDefault' },
    { name: 'data protection vault, GeoRedundant', resources: [{ address: 'azurerm_data_protection_backup_vault.disks', values: { name: 'acme-disk-backups', datastore_type: 'VaultStore', redundancy: 'GeoRedundant' } }], messageId: 'geoRedundant', path: 'redundancy' },
  ],
  fail: [
    { name: 'LocallyRedundant', hcl: hcl('  storage_mode_type = "LocallyRedundant"\n'), resources: [vault({ storage_mode_type: 'LocallyRedundant' })], messageId: 'singleRegion', path: 'storage_mode_type', message: 'LocallyRedundant' },
    { name: 'data protection vault, ZoneRedundant', resources: [{ address: 'azurerm_data_protection_backup_vault.disks', values: { name: 'acme-disk-backups', datastore_type: 'VaultStore', redundancy: 'ZoneRedundant' } }], messageId: 'singleRegion', path: 'redundancy' },
  ],
  unknown: [
    {
      name: 'redundancy chosen by a conditional on a variable without a value',
      hcl: `variable "production" {
  type = bool
}

${hcl('  storage_mode_type = var.production ? "GeoRedundant" : "LocallyRedundant"\n')}`,
      resources: [vault({}, ['storage_mode_type'])],
      messageId: 'unknown',
      path: 'storage_mode_type',
    },
  ],
});
