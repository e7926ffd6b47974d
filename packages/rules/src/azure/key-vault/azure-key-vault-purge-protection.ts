import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-key-vault-purge-protection',
    title: 'Key Vaults are protected against purge',
    description:
      'Soft delete keeps a deleted vault and its keys recoverable, and purge protection stops anyone, an attacker or an administrator by mistake, from purging them before the retention period ends. Losing a key makes every piece of data it encrypts unrecoverable, so auditors check both under the logical access and availability criteria.',
    remediation: [
      'Turn on purge protection (soft delete is always on since azurerm 3.0):',
      '',
      '```hcl',
      'resource "azurerm_key_vault" "main" {',
      '  # ...',
      '  purge_protection_enabled   = true',
      '  soft_delete_retention_days = 90',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5', 'A1.2'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Key vaults should have soft delete enabled' and 'Key vaults should have deletion protection enabled' to CC6.1; Prowler maps keyvault_recoverable to PI1.5.",
    },
    resourceTypes: ['azurerm_key_vault', 'azurerm_key_vault_managed_hardware_security_module'],
    live: { azure: { armType: 'Microsoft.KeyVault/vaults', fields: ['properties.enableSoftDelete', 'properties.enablePurgeProtection', 'properties.softDeleteRetentionInDays'] } },
    defaults: [
      '`purge_protection_enabled` defaults to false. Soft delete cannot be turned off since azurerm 3.0; an azurerm 2.x `soft_delete_enabled = false` fails.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_110', 'CKV_AZURE_111', 'CKV_AZURE_42'],
      trivy: ['AVD-AZU-0016'],
      prowler: ['keyvault_recoverable'],
      catalog: ['S2-AZR-KV-001'],
    },
    messages: {
      protected: 'Key Vault {{address}} has soft delete and purge protection enabled.',
      noPurgeProtection: 'Key Vault {{address}} can be purged while it is soft-deleted, losing its keys for good. Set purge_protection_enabled to true.',
      noSoftDelete: 'Key Vault {{address}} has soft delete turned off. Remove soft_delete_enabled = false and set purge_protection_enabled to true.',
      unknown: 'Whether Key Vault {{address}} is protected against purge is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_key_vault" "main" {
  name                       = "acme-prod-keys"
  resource_group_name        = "acme-prod"
  location                   = "westeurope"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}
`,
      bad: `resource "azurerm_key_vault" "main" {
  name                = "acme-prod-keys"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
    },
  },
  evaluate(vault) {
    const address = vault.address;
    const softDelete = readBoolean(attribute(vault, ['soft_delete_enabled']));
    if (softDelete.kind === 'value' && !softDelete.value) return { status: 'fail', messageId: 'noSoftDelete', data: { address }, path: ['soft_delete_enabled'] };
    const path = ['purge_protection_enabled'];
    const purge = readBoolean(attribute(vault, path));
    if (purge.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: purge.reason }, path };
    if (purge.kind === 'value' && purge.value) return { status: 'pass', messageId: 'protected', data: { address }, path };
    return { status: 'fail', messageId: 'noPurgeProtection', data: { address }, ...(purge.kind === 'value' ? { path } : {}) };
  },
});
