import { defineRule, type AttributePath } from '@trustscan/core';
import { attribute, readBoolean, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-backup-vault-deletion-protection',
    title: 'Backup vaults keep deleted backups recoverable and immutable',
    description:
      'Ransomware and malicious insiders go after backups first. Soft delete keeps deleted backup data recoverable for 14 days or more, and immutability stops anyone from shortening retention or deleting recovery points early. Together they make backups a reliable recovery path, which auditors examine under the availability criterion. The catalog\'s vault rule is split: geo-redundant storage is a separate rule (azure-backup-vault-geo-redundant-storage) because it protects against a different threat and can only be set before the first backup.',
    remediation: [
      'Keep soft delete on and turn immutability on (lock it once the retention settings are final):',
      '',
      '```hcl',
      'resource "azurerm_recovery_services_vault" "backups" {',
      '  # ...',
      '  soft_delete_enabled = true',
      '  immutability        = "Unlocked"',
      '}',
      '',
      'resource "azurerm_data_protection_backup_vault" "backups" {',
      '  # ...',
      '  soft_delete  = "On"',
      '  immutability = "Unlocked"',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.5'],
      basis: "A1.2's points of focus on performing data backup and protecting recovery infrastructure; Azure Policy's '[Preview]: Soft delete must be enabled for Recovery Services Vaults' and 'Immutability must be enabled for Recovery Services vaults' exist but are not in Microsoft's SOC 2 initiatives.",
    },
    resourceTypes: ['azurerm_recovery_services_vault', 'azurerm_data_protection_backup_vault'],
    live: {
      azure: {
        armType: 'Microsoft.RecoveryServices/vaults; Microsoft.DataProtection/backupVaults',
        fields: ['properties.securitySettings.softDeleteSettings.softDeleteState', 'properties.securitySettings.immutabilitySettings.state'],
      },
    },
    defaults: [
      '`azurerm_recovery_services_vault`: `soft_delete_enabled` defaults to true; `immutability` is `Disabled` when left out.',
      '`azurerm_data_protection_backup_vault`: `soft_delete` defaults to `On`; `immutability` defaults to `Disabled`.',
    ],
    equivalents: { kics: ['Beta - Backup Vault Without Soft Delete', 'Beta - Backup Vault Without Immutability'], catalog: ['S2-AZR-BKP-002'] },
    messages: {
      protected: 'Backup vault {{address}} keeps deleted backups recoverable and its immutability is {{immutability}}.',
      noSoftDelete: 'Backup vault {{address}} deletes backup data at once: soft delete is off. Turn it on.',
      mutable: 'Backup vault {{address}} is not immutable, so anyone with access can delete recovery points early. Set immutability to "Unlocked", then "Locked".',
      unknown: 'Whether backup vault {{address}} protects its backups from deletion is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_recovery_services_vault" "backups" {
  name                = "acme-backups"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku                 = "Standard"
  soft_delete_enabled = true
  immutability        = "Unlocked"
}
`,
      bad: `resource "azurerm_recovery_services_vault" "backups" {
  name                = "acme-backups"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku                 = "Standard"
  soft_delete_enabled = false
}
`,
    },
  },
  evaluate(vault) {
    const address = vault.address;
    const recoveryServices = vault.type === 'azurerm_recovery_services_vault';
    const softDeletePath: AttributePath = [recoveryServices ? 'soft_delete_enabled' : 'soft_delete'];
    const softDelete = recoveryServices ? readBoolean(attribute(vault, softDeletePath)) : readString(attribute(vault, softDeletePath));
    if (softDelete.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: softDelete.reason }, path: softDeletePath };
    if (softDelete.kind === 'value' && (softDelete.value === false || softDelete.value === 'Off')) return { status: 'fail', messageId: 'noSoftDelete', data: { address }, path: softDeletePath };
    const path = ['immutability'];
    const immutability = readString(attribute(vault, path));
    if (immutability.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: immutability.reason }, path };
    if (immutability.kind === 'value' && ['Unlocked', 'Locked'].includes(immutability.value)) {
      return { status: 'pass', messageId: 'protected', data: { address, immutability: immutability.value }, path };
    }
    return { status: 'fail', messageId: 'mutable', data: { address }, ...(immutability.kind === 'value' ? { path } : {}) };
  },
});
