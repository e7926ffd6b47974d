import { defineRule } from '@trustscan/core';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-backup-vault-geo-redundant-storage',
    title: 'Backup vaults store backups geo-redundantly',
    description:
      'A vault with locally or zone-redundant storage keeps every copy of the backups in one region, so a regional disaster takes the data and its backups together. Geo-redundant storage replicates backups to the paired region, which auditors look for under the availability criterion (offsite storage of backups). Redundancy can only be changed before the vault protects its first item.',
    remediation: [
      'Create vaults with geo-redundant storage:',
      '',
      '```hcl',
      'resource "azurerm_recovery_services_vault" "backups" {',
      '  # ...',
      '  storage_mode_type            = "GeoRedundant"',
      '  cross_region_restore_enabled = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.5'],
      basis: "A1.2's point of focus on offsite storage of backups; KICS's 'Recovery Services Vault Cross Region Restore Disabled' covers the same concern.",
    },
    resourceTypes: ['azurerm_recovery_services_vault', 'azurerm_data_protection_backup_vault'],
    live: {
      azure: {
        armType: 'Microsoft.RecoveryServices/vaults; Microsoft.DataProtection/backupVaults',
        fields: ['properties.redundancySettings.standardTierStorageRedundancy', 'backupVaults properties.storageSettings[].type'],
      },
    },
    defaults: [
      '`azurerm_recovery_services_vault.storage_mode_type` defaults to `GeoRedundant`, so a vault that leaves it out passes; `azurerm_data_protection_backup_vault.redundancy` is required.',
    ],
    equivalents: { kics: ['Beta - Recovery Services Vault Cross Region Restore Disabled'], catalog: ['S2-AZR-BKP-002'] },
    messages: {
      geoRedundant: 'Backup vault {{address}} stores backups geo-redundantly.',
      byDefault: 'Backup vault {{address}} stores backups geo-redundantly, the default when storage_mode_type is left out.',
      singleRegion: 'Backup vault {{address}} stores backups as {{redundancy}}, in one region only. Create it with GeoRedundant storage before it protects anything.',
      unknown: 'How backup vault {{address}} replicates its backups is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_recovery_services_vault" "backups" {
  name                = "acme-backups"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku                 = "Standard"
  storage_mode_type   = "GeoRedundant"
}
`,
      bad: `resource "azurerm_recovery_services_vault" "backups" {
  name                = "acme-backups"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku                 = "Standard"
  storage_mode_type   = "LocallyRedundant"
}
`,
    },
  },
  evaluate(vault) {
    const address = vault.address;
    const path = [vault.type === 'azurerm_recovery_services_vault' ? 'storage_mode_type' : 'redundancy'];
    const redundancy = readString(attribute(vault, path));
    if (redundancy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: redundancy.reason }, path };
    if (redundancy.kind === 'absent') {
      return vault.type === 'azurerm_recovery_services_vault'
        ? { status: 'pass', messageId: 'byDefault', data: { address } }
        : { status: 'unknown', messageId: 'unknown', data: { address, reason: 'redundancy is not set' }, path };
    }
    if (redundancy.value === 'GeoRedundant') return { status: 'pass', messageId: 'geoRedundant', data: { address }, path };
    return { status: 'fail', messageId: 'singleRegion', data: { address, redundancy: redundancy.value }, path };
  },
});
