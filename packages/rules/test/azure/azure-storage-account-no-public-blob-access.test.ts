import rule from '../../src/azure/storage/azure-storage-account-no-public-blob-access.js';
import { testRule } from '../rule-tester.js';
import { describe, expect, it } from 'vitest';
import { evaluateLive, liveAzureResource } from '../../../../testing/rules-azure.js';

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

describe('azure-storage-account-no-public-blob-access on live containers', () => {
  const accountId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme/providers/Microsoft.Storage/storageAccounts';
  const live = (name: string, allowed: boolean, level: string) => [
    liveAzureResource('azurerm_storage_account', `${accountId}/${name}`, { name, allow_nested_items_to_be_public: allowed }),
    liveAzureResource('azurerm_storage_container', `${accountId}/${name}/blobServices/default/containers/uploads`, { name: 'uploads', storage_account_id: `${accountId}/${name}`, container_access_type: level }),
  ];

  it('fails a public container of an account that allows it, and passes one the account blocks', () => {
    const findings = evaluateLive(rule, [...live('open', true, 'blob'), ...live('locked', false, 'container')]);
    const containers = findings.filter((f) => f.resource.type === 'azurerm_storage_container').map((f) => [f.resource.address.split('/')[8], f.status]);
    expect(containers).toEqual([
      ['open', 'fail'],
      ['locked', 'pass'],
    ]);
  });
});
