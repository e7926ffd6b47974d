import { defineRule, type AttributePath, type Verdict } from '@trustscan/core';
import { attribute, readBlocks, readNumber, readString } from '../../analysis/values.js';

const minimumDays = 7;
const policies = [
  { block: 'delete_retention_policy', what: 'deleted blobs' },
  { block: 'container_delete_retention_policy', what: 'deleted containers' },
] as const;
type MessageId = 'retained' | 'noBlobService' | 'off' | 'tooShort' | 'unknown';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-storage-account-blob-soft-delete',
    title: `Storage accounts keep deleted blobs and containers for at least ${minimumDays} days`,
    description:
      'Soft delete keeps a deleted or overwritten blob, and a deleted container, recoverable for a retention period, so data removed by mistake, by a faulty deployment or by ransomware can be restored. It is the Azure counterpart of S3 versioning, and auditors look for it among the backup and recovery controls for stored data. Blob versioning is recommended as well but not required by this rule.',
    remediation: [
      `Turn on soft delete for blobs and containers with a retention of at least ${minimumDays} days:`,
      '',
      '```hcl',
      'resource "azurerm_storage_account" "data" {',
      '  # ...',
      '  blob_properties {',
      '    versioning_enabled = true',
      '    delete_retention_policy {',
      '      days = 14',
      '    }',
      '    container_delete_retention_policy {',
      '      days = 14',
      '    }',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4', 'PI1.5'],
      basis: 'Prowler maps storage_ensure_soft_delete_is_enabled to CC7.4, C1.1, C1.2 and PI1.5; it is the counterpart of S3 versioning, which Prowler and Steampipe map to A1.2.',
    },
    resourceTypes: ['azurerm_storage_account'],
    live: {
      azure: {
        armType: 'Microsoft.Storage/storageAccounts/blobServices (default)',
        fields: ['properties.deleteRetentionPolicy.enabled', 'properties.deleteRetentionPolicy.days', 'properties.containerDeleteRetentionPolicy.enabled', 'properties.containerDeleteRetentionPolicy.days'],
      },
    },
    defaults: [
      'Soft delete is off unless `blob_properties` declares `delete_retention_policy` and `container_delete_retention_policy`; a declared policy without `days` keeps items for 7 days.',
      'Accounts of kind `FileStorage` have no blob service and pass.',
    ],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days deleted blobs and containers must be kept.',
        default: 7,
        minimum: 1,
        maximum: 365,
      },
    },
    equivalents: {
      checkov: ['CKV2_AZURE_38'],
      kics: ['Beta - Blob Storage Without Soft Delete'],
      trivy: ['AVD-AZU-0056'],
      prowler: ['storage_ensure_soft_delete_is_enabled'],
      catalog: ['S2-AZR-STG-004'],
    },
    messages: {
      retained: 'Storage account {{address}} keeps deleted blobs for {{blobDays}} days and deleted containers for {{containerDays}} days.',
      noBlobService: 'Storage account {{address}} is a FileStorage account without a blob service.',
      off: `Storage account {{address}} does not keep {{what}}: soft delete is off. Add {{block}} to blob_properties with days = {{minDays}} or more.`,
      tooShort: `Storage account {{address}} keeps {{what}} for {{days}} day(s), less than {{minDays}}. Set {{block}} days to {{minDays}} or more.`,
      unknown: 'Whether storage account {{address}} keeps deleted blobs and containers is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  blob_properties {
    delete_retention_policy {
      days = 14
    }
    container_delete_retention_policy {
      days = 14
    }
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
    const kind = readString(attribute(account, ['account_kind']));
    if (kind.kind === 'value' && kind.value === 'FileStorage') return { status: 'pass', messageId: 'noBlobService', data: { address }, path: ['account_kind'] };
    const properties = readBlocks(attribute(account, ['blob_properties']));
    if (properties.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: properties.reason }, path: ['blob_properties'] };
    const days: number[] = [];
    for (const { block, what } of policies) {
      const prefix: AttributePath = ['blob_properties', 0, block];
      const policy = readBlocks(attribute(account, prefix));
      if (policy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path: prefix };
      if (policy.kind !== 'value' || policy.value.length === 0) return failure('off', address, what, block, properties.kind === 'value' && properties.value.length > 0 ? ['blob_properties', 0] : []);
      const path = [...prefix, 0, 'days'];
      const retention = readNumber(policy.value[0]?.['days']);
      if (retention.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: retention.reason }, path };
      const value = retention.kind === 'value' ? retention.value : 7;
      if (value < context.options.minDays) return { ...failure('tooShort', address, what, block, path), data: { address, what, block, days: value } };
      days.push(value);
    }
    return { status: 'pass', messageId: 'retained', data: { address, blobDays: days[0] ?? 7, containerDays: days[1] ?? 7 }, path: ['blob_properties'] };
  },
});

function failure(messageId: 'off' | 'tooShort', address: string, what: string, block: string, path: AttributePath): Verdict<MessageId> {
  return { status: 'fail', messageId, data: { address, what, block }, path };
}
