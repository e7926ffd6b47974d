import { defineRule } from '@trustscan/core';
import { firstLink } from '../../analysis/azure-attributes.js';
import { attribute, readBlocks } from '../../analysis/values.js';

const keyPaths = [['key_vault_key_id'], ['managed_hsm_key_id'], ['key_name']];

export default defineRule({
  meta: {
    id: 'azure-storage-account-customer-managed-key',
    title: 'Storage accounts encrypt data with a customer-managed key',
    description:
      'Azure Storage always encrypts data at rest, by default with keys Microsoft manages. A customer-managed key in Key Vault lets the organization control, rotate, audit and revoke access to the key, which is what auditors look for when data is classified confidential. The severity is low because platform encryption is always on; the rule is about who controls the key.',
    remediation: [
      'Encrypt the account with a key from Key Vault (inline `customer_managed_key`, or the separate resource):',
      '',
      '```hcl',
      'resource "azurerm_storage_account_customer_managed_key" "data" {',
      '  storage_account_id = azurerm_storage_account.data.id',
      '  key_vault_id       = azurerm_key_vault.main.id',
      '  key_name           = azurerm_key_vault_key.storage.name',
      '}',
      '```',
    ].join('\n'),
    severity: 'low',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Storage accounts should use customer-managed key for encryption' to CC6.1; Prowler maps storage_ensure_encryption_with_customer_managed_keys to PI1.4 and PI1.5.",
    },
    resourceTypes: ['azurerm_storage_account'],
    relatedTypes: ['azurerm_storage_account_customer_managed_key'],
    live: {
      azure: { armType: 'Microsoft.Storage/storageAccounts', fields: ['properties.encryption.keySource (= Microsoft.Keyvault)', 'properties.encryption.keyvaultproperties.keyname'] },
    },
    defaults: ['Without `customer_managed_key` (or an `azurerm_storage_account_customer_managed_key`) the account is encrypted with Microsoft-managed keys, and the rule fails.'],
    profiles: ['strict'],
    requires: {
      baseline: 'Not required: Azure Storage always encrypts data at rest with Microsoft-managed keys, which meets the encryption-at-rest criterion; a customer-managed key is best practice for data the company classifies as confidential.',
    },
    equivalents: {
      checkov: ['CKV2_AZURE_1'],
      kics: ['Critical Data Storage CMK (Manual)'],
      trivy: ['AVD-AZU-0060'],
      prowler: ['storage_ensure_encryption_with_customer_managed_keys'],
      catalog: ['S2-AZR-STG-001'],
    },
    messages: {
      customerKey: 'Storage account {{address}} encrypts data with a customer-managed key.',
      microsoftKey: 'Storage account {{address}} encrypts data with Microsoft-managed keys only. Configure a customer-managed key from Key Vault if the organization must control the key.',
      unknown: 'Whether storage account {{address}} uses a customer-managed key is not known: {{reason}}.',
      notObserved: 'Whether storage account {{address}} uses a customer-managed key is not known: this scan did not read its customer-managed key settings.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/storage"]
  }

  customer_managed_key {
    key_vault_key_id          = "https://acme-keys.vault.azure.net/keys/storage"
    user_assigned_identity_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/storage"
  }
}
`,
      bad: `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
`,
    },
  },
  evaluate(account, context) {
    const address = account.address;
    for (const separate of context.related(account, 'azurerm_storage_account_customer_managed_key')) {
      const key = firstLink(separate, keyPaths);
      if (key?.reading.kind === 'value') return { status: 'pass', messageId: 'customerKey', data: { address }, path: key.path, at: separate };
      if (key?.reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: key.reading.reason }, path: key.path, at: separate };
    }
    const blocks = readBlocks(attribute(account, ['customer_managed_key']));
    if (blocks.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: blocks.reason }, path: ['customer_managed_key'] };
    const inline = firstLink(account, keyPaths.map((path) => ['customer_managed_key', 0, ...path]));
    if (inline?.reading.kind === 'value') return { status: 'pass', messageId: 'customerKey', data: { address }, path: inline.path };
    if (inline?.reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: inline.reading.reason }, path: inline.path };
    if (!context.observed('azurerm_storage_account_customer_managed_key')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'microsoftKey', data: { address } };
  },
});

