import rule from '../../src/azure/storage/azure-storage-account-no-public-blob-access.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acmedata', resource_group_name: 'acme-prod', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'GRS' };
const account = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_storage_account.data', values: { ...base, ...values }, unknown, computed: ['id'] });
const hcl = (extra = '') => `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
${extra}}
`;
const container = (access: string) => ({
  address: 'azurerm_storage_container.assets',
  values: { name: 'assets', container_access_type: access },
  unknown: ['storage_account_id'],
  expressions: { storage_account_id: ['azurerm_storage_account.data.id', 'azurerm_storage_account.data'] },
});

testRule(rule, {
  pass: [
    { name: 'azurerm v3/v4 allow_nested_items_to_be_public = false', hcl: hcl('  allow_nested_items_to_be_public = false\n'), resources: [account({ allow_nested_items_to_be_public: false })], messageId: 'disallowed', path: 'allow_nested_items_to_be_public' },
    { name: 'azurerm v2 allow_blob_public_access = false', resources: [account({ allow_blob_public_access: false })], messageId: 'disallowed', path: 'allow_blob_public_access' },
  ],
  fail: [
    { name: 'left out: azurerm sends true', hcl: hcl(), resources: [account()], messageId: 'allowedByDefault', path: '' },
    { name: 'explicitly allowed (the value a plan records by default)', resources: [account({ allow_nested_items_to_be_public: true })], messageId: 'allowed', path: 'allow_nested_items_to_be_public' },
    {
      name: 'allowed, and a container linked by id (azurerm 4.9+) is public',
      hcl: `${hcl('  allow_nested_items_to_be_public = true\n')}
resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "blob"
}
`,
      resources: [account({ allow_nested_items_to_be_public: true }), container('blob')],
      subject: 'azurerm_storage_account.data',
      messageId: 'publicContainer',
      path: 'container_access_type',
      message: 'azurerm_storage_container.assets',
    },
    {
      name: 'allowed, and a container linked by account name (azurerm v3) is public',
      hcl: `${hcl('  allow_nested_items_to_be_public = true\n')}
resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = azurerm_storage_account.data.name
  container_access_type = "container"
}
`,
      resources: [
        account({ allow_nested_items_to_be_public: true }),
        { address: 'azurerm_storage_container.assets', values: { name: 'assets', storage_account_name: 'acmedata', container_access_type: 'container' }, expressions: { storage_account_name: ['azurerm_storage_account.data.name', 'azurerm_storage_account.data'] } },
      ],
      subject: 'azurerm_storage_account.data',
      messageId: 'publicContainer',
      path: 'container_access_type',
    },
    {
      name: 'allowed while every container is private today',
      resources: [account({ allow_nested_items_to_be_public: true }), container('private')],
      subject: 'azurerm_storage_account.data',
      messageId: 'allowed',
      path: 'allow_nested_items_to_be_public',
    },
  ],
  unknown: [
    {
      name: 'set from a variable without a value',
      hcl: `variable "public_assets" {
  type = bool
}

${hcl('  allow_nested_items_to_be_public = var.public_assets\n')}`,
      resources: [account({}, ['allow_nested_items_to_be_public'])],
      messageId: 'unknown',
      path: 'allow_nested_items_to_be_public',
    },
  ],
});
