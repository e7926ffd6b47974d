import rule from '../../src/azure/storage/azure-storage-account-https-only.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acmedata', resource_group_name: 'acme-prod', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'GRS' };
const account = (values: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_storage_account.data', values: { ...base, ...values }, unknown, computed: ['id'] });
const hcl = (setting: string) => `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
${setting}}
`;

testRule(rule, {
  pass: [
    { name: 'azurerm v4 https_traffic_only_enabled = true', hcl: hcl('  https_traffic_only_enabled = true\n'), resources: [account({ https_traffic_only_enabled: true })], messageId: 'required', path: 'https_traffic_only_enabled' },
    { name: 'azurerm v3 enable_https_traffic_only = true', hcl: hcl('  enable_https_traffic_only = true\n'), resources: [account({ enable_https_traffic_only: true })], messageId: 'required', path: 'enable_https_traffic_only' },
    { name: 'left out: the provider default requires HTTPS', hcl: hcl(''), resources: [account({})], messageId: 'byDefault' },
    { name: 'the v4 name is null and the v3 name holds the value (azurerm 3.x plans carry both)', resources: [account({ https_traffic_only_enabled: null, enable_https_traffic_only: true })], messageId: 'required', path: 'enable_https_traffic_only' },
    {
      name: 'accounts created with for_each are judged one by one',
      hcl: `variable "accounts" {
  type    = map(bool)
  default = { logs = true, data = true }
}

resource "azurerm_storage_account" "this" {
  for_each                   = var.accounts
  name                       = "acme\${each.key}"
  resource_group_name        = "acme-prod"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = each.value
}
`,
      resources: [
        { address: 'azurerm_storage_account.this["data"]', values: { ...base, name: 'acmedata', https_traffic_only_enabled: true } },
        { address: 'azurerm_storage_account.this["logs"]', values: { ...base, name: 'acmelogs', https_traffic_only_enabled: true } },
      ],
      subject: 'azurerm_storage_account.this["logs"]',
      messageId: 'required',
    },
  ],
  fail: [
    { name: 'azurerm v4 https_traffic_only_enabled = false', hcl: hcl('  https_traffic_only_enabled = false\n'), resources: [account({ https_traffic_only_enabled: false })], messageId: 'allowsHttp', path: 'https_traffic_only_enabled', message: 'https_traffic_only_enabled' },
    { name: 'azurerm v3 enable_https_traffic_only = false', hcl: hcl('  enable_https_traffic_only = false\n'), resources: [account({ enable_https_traffic_only: false })], messageId: 'allowsHttp', path: 'enable_https_traffic_only', message: 'enable_https_traffic_only' },
    {
      name: 'an account inside a module',
      hcl: `module "storage" {
  source = "./modules/storage"
}
`,
      files: {
        'modules/storage/main.tf': hcl('  https_traffic_only_enabled = false\n'),
      },
      resources: [{ ...account({ https_traffic_only_enabled: false }), address: 'module.storage.azurerm_storage_account.data' }],
      messageId: 'allowsHttp',
      path: 'https_traffic_only_enabled',
    },
  ],
  unknown: [
    {
      name: 'set from a variable without a value',
      hcl: `variable "https_only" {
  type = bool
}

${hcl('  https_traffic_only_enabled = var.https_only\n')}`,
      resources: [account({}, ['https_traffic_only_enabled'])],
      messageId: 'unknown',
      path: 'https_traffic_only_enabled',
    },
  ],
});
