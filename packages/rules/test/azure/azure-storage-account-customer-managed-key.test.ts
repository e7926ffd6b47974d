import rule from '../../src/azure/storage/azure-storage-account-customer-managed-key.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acmedata', resource_group_name: 'acme-prod', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'GRS' };
const account = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_storage_account.data', values: { ...base, ...values }, unknown, computed: ['id'] });
const keyId = 'https://acme-keys.vault.azure.net/keys/storage/0123456789abcdef';
const identity = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/storage';
const accountHcl = (extra = '') => `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
${extra}}
`;

testRule(rule, {
  pass: [
    {
      name: 'inline customer_managed_key with a Key Vault key id',
      hcl: accountHcl(`
  identity {
    type         = "UserAssigned"
    identity_ids = ["${identity}"]
  }

  customer_managed_key {
    key_vault_key_id          = "${keyId}"
    user_assigned_identity_id = "${identity}"
  }
`),
      resources: [account({ customer_managed_key: [{ key_vault_key_id: keyId, user_assigned_identity_id: identity }] })],
      messageId: 'customerKey',
      path: 'customer_managed_key.0.key_vault_key_id',
    },
    {
      name: 'separate azurerm_storage_account_customer_managed_key linked by reference while the account id is unknown',
      hcl: `${accountHcl()}
resource "azurerm_storage_account_customer_managed_key" "data" {
  storage_account_id = azurerm_storage_account.data.id
  key_vault_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.KeyVault/vaults/acme-keys"
  key_name           = "storage"
}
`,
      resources: [
        account(),
        {
          address: 'azurerm_storage_account_customer_managed_key.data',
          values: { key_vault_id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.KeyVault/vaults/acme-keys', key_name: 'storage' },
          unknown: ['storage_account_id'],
          expressions: { storage_account_id: ['azurerm_storage_account.data.id', 'azurerm_storage_account.data'] },
        },
      ],
      messageId: 'customerKey',
      path: 'key_name',
    },
  ],
  fail: [
    { name: 'Microsoft-managed keys only', hcl: accountHcl(), resources: [account()], messageId: 'microsoftKey', path: '' },
    { name: 'an empty customer_managed_key list (plan of an account without one)', resources: [account({ customer_managed_key: [] })], messageId: 'microsoftKey', path: '' },
  ],
  unknown: [
    {
      name: 'key id from a variable without a value',
      hcl: `variable "storage_key_id" {
  type = string
}

${accountHcl(`
  identity {
    type         = "UserAssigned"
    identity_ids = ["${identity}"]
  }

  customer_managed_key {
    key_vault_key_id          = var.storage_key_id
    user_assigned_identity_id = "${identity}"
  }
`)}`,
      resources: [account({ customer_managed_key: [{ user_assigned_identity_id: identity }] }, ['customer_managed_key.0.key_vault_key_id'])],
      messageId: 'unknown',
      path: 'customer_managed_key.0.key_vault_key_id',
    },
  ],
});
