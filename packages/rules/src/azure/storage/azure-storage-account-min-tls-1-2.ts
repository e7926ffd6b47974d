import { defineRule } from '@trustscan/core';
import { formatTlsVersion, tlsVersion } from '../../analysis/azure-tls.js';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-storage-account-min-tls-1-2',
    title: 'Storage accounts refuse TLS versions older than 1.2',
    description:
      'TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by current security baselines. Requiring TLS 1.2 keeps clients from negotiating a weak protocol with the storage account, which auditors check under the criterion for protecting data in transmission.',
    remediation: [
      'Set the minimum TLS version to 1.2:',
      '',
      '```hcl',
      'resource "azurerm_storage_account" "data" {',
      '  # ...',
      '  min_tls_version = "TLS1_2"',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.6'],
      basis: "Prowler maps storage_ensure_minimum_tls_version_12 to CC6.6; CC6.7's point of focus 'uses encryption technologies to protect data in transmission' (Azure Policy's minimum-TLS definition is not in Microsoft's SOC 2 initiatives).",
    },
    resourceTypes: ['azurerm_storage_account'],
    live: { azure: { armType: 'Microsoft.Storage/storageAccounts', fields: ['properties.minimumTlsVersion'] } },
    defaults: [
      '`min_tls_version` defaults to `TLS1_2` since azurerm 3.0 (azurerm 2.x defaulted to `TLS1_0`), so an account that leaves it out passes.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_44'],
      kics: ['Storage Account Not Using Latest TLS Encryption Version'],
      trivy: ['AVD-AZU-0011'],
      prowler: ['storage_ensure_minimum_tls_version_12'],
      catalog: ['S2-AZR-STG-003'],
    },
    messages: {
      modern: 'Storage account {{address}} requires TLS {{version}} or newer.',
      byDefault: 'Storage account {{address}} requires TLS 1.2 or newer, the azurerm default when min_tls_version is left out.',
      outdated: 'Storage account {{address}} accepts TLS {{version}}, older than 1.2. Set min_tls_version to "TLS1_2".',
      unrecognized: 'Storage account {{address}} sets min_tls_version to "{{value}}", which is not a TLS version. Set it to "TLS1_2".',
      unknown: 'The minimum TLS version of storage account {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}
`,
      bad: `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_0"
}
`,
    },
  },
  evaluate(account) {
    const address = account.address;
    const path = ['min_tls_version'];
    const setting = readString(attribute(account, path));
    if (setting.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: setting.reason }, path };
    if (setting.kind === 'absent') return { status: 'pass', messageId: 'byDefault', data: { address } };
    const version = tlsVersion(setting.value);
    if (version === undefined) return { status: 'fail', messageId: 'unrecognized', data: { address, value: setting.value }, path };
    if (version >= 1.2) return { status: 'pass', messageId: 'modern', data: { address, version: formatTlsVersion(version) }, path };
    return { status: 'fail', messageId: 'outdated', data: { address, version: formatTlsVersion(version) }, path };
  },
});
