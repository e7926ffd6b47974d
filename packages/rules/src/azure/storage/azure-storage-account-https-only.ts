import { defineRule } from '@trustscan/core';
import { renamedAttribute } from '../../analysis/azure-attributes.js';
import { readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-storage-account-https-only',
    title: 'Storage accounts accept HTTPS requests only',
    description:
      'With secure transfer required, Azure Storage refuses requests over plain HTTP and unencrypted SMB, so blobs, files, queues and tables never cross the network in clear text. SOC 2 auditors check that customer data is encrypted while it is transmitted.',
    remediation: [
      'Require secure transfer (azurerm v4 name; in v3 the argument is `enable_https_traffic_only`):',
      '',
      '```hcl',
      'resource "azurerm_storage_account" "data" {',
      '  # ...',
      '  https_traffic_only_enabled = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1', 'CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Secure transfer to storage accounts should be enabled' to CC6.1, CC6.6 and CC6.7; Prowler maps storage_secure_transfer_required_is_enabled to CC6.7.",
    },
    resourceTypes: ['azurerm_storage_account'],
    live: { azure: { armType: 'Microsoft.Storage/storageAccounts', fields: ['properties.supportsHttpsTrafficOnly'] } },
    defaults: [
      '`https_traffic_only_enabled` (azurerm v4) and `enable_https_traffic_only` (azurerm v3) default to true, so an account that leaves both out passes.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_3'],
      kics: ['Storage Account Not Forcing HTTPS'],
      trivy: ['AVD-AZU-0008'],
      prowler: ['storage_secure_transfer_required_is_enabled'],
      catalog: ['S2-AZR-STG-002'],
    },
    messages: {
      required: 'Storage account {{address}} accepts HTTPS requests only.',
      byDefault: 'Storage account {{address}} accepts HTTPS requests only: secure transfer is required unless it is turned off.',
      allowsHttp: 'Storage account {{address}} accepts requests over plain HTTP. Set {{attribute}} to true.',
      unknown: 'Whether storage account {{address}} requires HTTPS is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "data" {
  name                       = "acmedata"
  resource_group_name        = "acme-prod"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = true
}
`,
      bad: `resource "azurerm_storage_account" "data" {
  name                       = "acmedata"
  resource_group_name        = "acme-prod"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = false
}
`,
    },
  },
  evaluate(account) {
    const address = account.address;
    const { path, value } = renamedAttribute(account, [['https_traffic_only_enabled'], ['enable_https_traffic_only']]);
    const required = readBoolean(value);
    if (required.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: required.reason }, path };
    if (required.kind === 'absent') return { status: 'pass', messageId: 'byDefault', data: { address } };
    if (required.value) return { status: 'pass', messageId: 'required', data: { address }, path };
    return { status: 'fail', messageId: 'allowsHttp', data: { address, attribute: String(path[0]) }, path };
  },
});
