import rule from '../../src/azure/storage/azure-storage-account-blob-soft-delete.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acmedata', resource_group_name: 'acme-prod', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'GRS' };
const account = (values: Record<string, unknown> = {}, unknown: string[] = [], computed: string[] = []) => ({ address: 'azurerm_storage_account.data', values: { ...base, ...values }, unknown, computed });
const hcl = (extra = '') => `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
${extra}}
`;
const policies = (blob: string, container: string) => `
  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
${blob}    }
    container_delete_retention_policy {
${container}    }
  }
`;

testRule(rule, {
  pass: [
    {
      name: 'blob and container soft delete for 14 days',
      hcl: hcl(policies('      days = 14\n', '      days = 14\n')),
      resources: [account({ blob_properties: [{ versioning_enabled: true, delete_retention_policy: [{ days: 14 }], container_delete_retention_policy: [{ days: 14 }] }] })],
      messageId: 'retained',
      message: '14 days',
    },
    {
      name: 'declared policies without days keep items 7 days',
      hcl: hcl(policies('', '')),
      resources: [account({ blob_properties: [{ delete_retention_policy: [{}], container_delete_retention_policy: [{}] }] })],
      messageId: 'retained',
      message: '7 days',
    },
    { name: 'a FileStorage account has no blob service', resources: [account({ account_kind: 'FileStorage', account_tier: 'Premium' })], messageId: 'noBlobService', path: 'account_kind' },
  ],
  fail: [
    { name: 'no blob_properties (provider-computed in the plan)', hcl: hcl(), resources: [account({}, [], ['blob_properties'])], messageId: 'off', path: '', message: 'deleted blobs' },
    {
      name: 'container soft delete missing',
      hcl: hcl(`
  blob_properties {
    delete_retention_policy {
      days = 30
    }
  }
`),
      resources: [account({ blob_properties: [{ delete_retention_policy: [{ days: 30 }], container_delete_retention_policy: [] }] })],
      messageId: 'off',
      path: 'blob_properties.0',
      message: 'deleted containers',
    },
    {
      name: 'blob retention of 3 days',
      hcl: hcl(policies('      days = 3\n', '      days = 14\n')),
      resources: [account({ blob_properties: [{ delete_retention_policy: [{ days: 3 }], container_delete_retention_policy: [{ days: 14 }] }] })],
      messageId: 'tooShort',
      path: 'blob_properties.0.delete_retention_policy.0.days',
      message: '3 day(s)',
    },
  ],
  unknown: [
    {
      name: 'retention days from a variable without a value',
      hcl: `variable "retention_days" {
  type = number
}

${hcl(policies('      days = var.retention_days\n', '      days = 14\n'))}`,
      resources: [account({ blob_properties: [{ delete_retention_policy: [{}], container_delete_retention_policy: [{ days: 14 }] }] }, ['blob_properties.0.delete_retention_policy.0.days'])],
      messageId: 'unknown',
      path: 'blob_properties.0.delete_retention_policy.0.days',
    },
  ],
});
