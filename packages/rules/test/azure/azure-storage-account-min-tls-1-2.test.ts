import rule from '../../src/azure/storage/azure-storage-account-min-tls-1-2.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acmedata', resource_group_name: 'acme-prod', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'GRS' };
const account = (values: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_storage_account.data', values: { ...base, ...values }, unknown });
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
    { name: 'TLS1_2', hcl: hcl('  min_tls_version = "TLS1_2"\n'), resources: [account({ min_tls_version: 'TLS1_2' })], messageId: 'modern', path: 'min_tls_version', message: 'TLS 1.2' },
    { name: 'TLS1_3', resources: [account({ min_tls_version: 'TLS1_3' })], messageId: 'modern', message: 'TLS 1.3' },
    { name: 'left out: azurerm 3.0 and later default to TLS1_2', hcl: hcl(''), resources: [account({})], messageId: 'byDefault' },
    {
      name: 'chosen by a conditional on a variable with a default',
      hcl: `variable "legacy_clients" {
  type    = bool
  default = false
}

${hcl('  min_tls_version = var.legacy_clients ? "TLS1_0" : "TLS1_2"\n')}`,
      messageId: 'modern',
      path: 'min_tls_version',
    },
  ],
  fail: [
    { name: 'TLS1_0', hcl: hcl('  min_tls_version = "TLS1_0"\n'), resources: [account({ min_tls_version: 'TLS1_0' })], messageId: 'outdated', path: 'min_tls_version', message: 'TLS 1.0' },
    { name: 'TLS1_1', resources: [account({ min_tls_version: 'TLS1_1' })], messageId: 'outdated', path: 'min_tls_version', message: 'TLS 1.1' },
    { name: 'not a TLS version', hcl: hcl('  min_tls_version = "SSL3"\n'), resources: [account({ min_tls_version: 'SSL3' })], messageId: 'unrecognized', path: 'min_tls_version' },
  ],
  unknown: [
    {
      name: 'conditional on a variable without a value',
      hcl: `variable "legacy_clients" {
  type = bool
}

${hcl('  min_tls_version = var.legacy_clients ? "TLS1_0" : "TLS1_2"\n')}`,
      resources: [account({}, ['min_tls_version'])],
      messageId: 'unknown',
      path: 'min_tls_version',
    },
  ],
});
