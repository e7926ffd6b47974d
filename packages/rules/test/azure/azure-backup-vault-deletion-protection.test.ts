import rule from '../../src/azure/backup/azure-backup-vault-deletion-protection.js';
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
const dataProtection = (values: Record<string, unknown>) => ({
  address: 'azurerm_data_protection_backup_vault.disks',
  values: { name: 'acme-disk-backups', resource_group_name: 'acme-prod', location: 'westeurope', datastore_type: 'VaultStore', redundancy: 'GeoRedundant', ...values },
});

testRule(rule, {
  pass: [
    { name: 'soft delete on by default, immutability unlocked', hcl: hcl('  immutability = "Unlocked"\n'), resources: [vault({ immutability: 'Unlocked' })], messageId: 'protected', path: 'immutability' },
    { name: 'immutability locked', resources: [vault({ soft_delete_enabled: true, immutability: 'Locked' })], messageId: 'protected', message: 'Locked' },
    {
      name: 'data protection backup vault with soft delete always on and immutability',
      hcl: `resource "azurerm_data_protection_backup_vault" "disks" {
  name                = "acme-disk-backups"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  datastore_type      = "VaultStore"
  redundancy          = "GeoRedundant"
  soft_delete         = "AlwaysOn"
  immutability        = "Unlocked"
}
`,
      resources: [dataProtection({ soft_delete: 'AlwaysOn', immutability: 'Unlocked' })],
      messageId: 'protected',
    },
  ],
  fail: [
    { name: 'soft delete off', hcl: hcl('  soft_delete_enabled = false\n  immutability        = "Unlocked"\n'), resources: [vault({ soft_delete_enabled: false, immutability: 'Unlocked' })], messageId: 'noSoftDelete', path: 'soft_delete_enabled' },
    { name: 'immutability left out', hcl: hcl(), resources: [vault({ soft_delete_enabled: true })], messageId: 'mutable', path: '' },
    { name: 'data protection vault with soft delete off', resources: [dataProtection({ soft_delete: 'Off', immutability: 'Disabled' })], messageId: 'noSoftDelete', path: 'soft_delete' },
    { name: 'data protection vault with immutability disabled', resources: [dataProtection({ soft_delete: 'On', immutability: 'Disabled' })], messageId: 'mutable', path: 'immutability' },
  ],
  unknown: [
    {
      name: 'immutability from a variable without a value',
      hcl: `variable "immutability" {
  type = string
}

${hcl('  immutability = var.immutability\n')}`,
      resources: [vault({}, ['immutability'])],
      messageId: 'unknown',
      path: 'immutability',
    },
  ],
});
