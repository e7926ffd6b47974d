import { defineRule } from '@trustscan/core';
import { renamedAttribute } from '../../analysis/azure-attributes.js';
import { formatTlsVersion, tlsVersion } from '../../analysis/azure-tls.js';
import { attribute, readBoolean, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-redis-cache-tls-only',
    title: 'Azure Cache for Redis accepts TLS 1.2 connections only',
    description:
      'The non-TLS port (6379) lets clients read and write cached data, often sessions and tokens, in clear text, and TLS older than 1.2 has known weaknesses. Keeping the port closed and requiring TLS 1.2 protects cached customer data in transit, which auditors check under the criterion for data in transmission.',
    remediation: [
      'Keep the non-TLS port closed (azurerm v4 name; `enable_non_ssl_port` in v3) and require TLS 1.2:',
      '',
      '```hcl',
      'resource "azurerm_redis_cache" "sessions" {',
      '  # ...',
      '  non_ssl_port_enabled = false',
      '  minimum_tls_version  = "1.2"',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1', 'CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Only secure connections to your Azure Cache for Redis should be enabled' to CC6.1, CC6.6 and CC6.7.",
    },
    resourceTypes: ['azurerm_redis_cache'],
    live: { azure: { armType: 'Microsoft.Cache/redis', fields: ['properties.enableNonSslPort', 'properties.minimumTlsVersion'] } },
    defaults: [
      '`non_ssl_port_enabled` (azurerm v4) and `enable_non_ssl_port` (azurerm v3) default to false.',
      'When `minimum_tls_version` is left out the rule relies on Azure, which has accepted only TLS 1.2 or newer on caches created since 2024; a plan or a live scan shows the version actually set (older azurerm 3.x releases sent `1.0`) and decides.',
    ],
    equivalents: { checkov: ['CKV_AZURE_91', 'CKV_AZURE_148'], kics: ['Redis Cache Allows Non SSL Connections'], catalog: ['S2-AZR-REDIS-001'] },
    messages: {
      tlsOnly: 'Redis cache {{address}} accepts TLS {{version}} or newer connections only.',
      nonTlsPort: 'Redis cache {{address}} opens the non-TLS port 6379. Set {{attribute}} to false.',
      outdated: 'Redis cache {{address}} accepts TLS {{version}}, older than 1.2. Set minimum_tls_version to "1.2".',
      unknown: 'Whether Redis cache {{address}} accepts TLS connections only is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_redis_cache" "sessions" {
  name                 = "acme-sessions"
  resource_group_name  = "acme-prod"
  location             = "westeurope"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = false
  minimum_tls_version  = "1.2"
}
`,
      bad: `resource "azurerm_redis_cache" "sessions" {
  name                 = "acme-sessions"
  resource_group_name  = "acme-prod"
  location             = "westeurope"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = true
  minimum_tls_version  = "1.2"
}
`,
    },
  },
  evaluate(cache) {
    const address = cache.address;
    const port = renamedAttribute(cache, [['non_ssl_port_enabled'], ['enable_non_ssl_port']]);
    const open = readBoolean(port.value);
    if (open.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: open.reason }, path: port.path };
    if (open.kind === 'value' && open.value) return { status: 'fail', messageId: 'nonTlsPort', data: { address, attribute: String(port.path[0]) }, path: port.path };
    const path = ['minimum_tls_version'];
    const minimum = readString(attribute(cache, path));
    if (minimum.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: minimum.reason }, path };
    const version = minimum.kind === 'value' ? tlsVersion(minimum.value) : 1.2;
    if (version === undefined || version < 1.2) return { status: 'fail', messageId: 'outdated', data: { address, version: version === undefined ? (minimum.kind === 'value' ? minimum.value : '') : formatTlsVersion(version) }, path };
    return { status: 'pass', messageId: 'tlsOnly', data: { address, version: formatTlsVersion(version) }, ...(minimum.kind === 'value' ? { path } : {}) };
  },
});
