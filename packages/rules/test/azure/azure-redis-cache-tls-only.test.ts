import rule from '../../src/azure/redis/azure-redis-cache-tls-only.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acme-sessions', resource_group_name: 'acme-prod', location: 'westeurope', capacity: 1, family: 'C', sku_name: 'Standard' };
const cache = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_redis_cache.sessions', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_redis_cache" "sessions" {
  name                = "acme-sessions"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
${extra}}
`;

testRule(rule, {
  pass: [
    { name: 'azurerm v4: port closed, TLS 1.2', hcl: hcl('  non_ssl_port_enabled = false\n  minimum_tls_version  = "1.2"\n'), resources: [cache({ non_ssl_port_enabled: false, minimum_tls_version: '1.2' })], messageId: 'tlsOnly', path: 'minimum_tls_version' },
    { name: 'azurerm v3: enable_non_ssl_port = false, TLS 1.2', hcl: hcl('  enable_non_ssl_port = false\n  minimum_tls_version = "1.2"\n'), resources: [cache({ enable_non_ssl_port: false, minimum_tls_version: '1.2' })], messageId: 'tlsOnly', path: 'minimum_tls_version' },
    { name: 'left out: port closed by default, Azure requires TLS 1.2', hcl: hcl(), resources: [cache()], messageId: 'tlsOnly' },
  ],
  fail: [
    { name: 'azurerm v4 non-TLS port open', hcl: hcl('  non_ssl_port_enabled = true\n'), resources: [cache({ non_ssl_port_enabled: true, minimum_tls_version: '1.2' })], messageId: 'nonTlsPort', path: 'non_ssl_port_enabled', message: 'non_ssl_port_enabled' },
    { name: 'azurerm v3 non-TLS port open', resources: [cache({ enable_non_ssl_port: true, minimum_tls_version: '1.2' })], messageId: 'nonTlsPort', path: 'enable_non_ssl_port', message: 'enable_non_ssl_port' },
    { name: 'TLS 1.0 (the azurerm 3.x default recorded in a plan)', hcl: hcl('  minimum_tls_version = "1.0"\n'), resources: [cache({ enable_non_ssl_port: false, minimum_tls_version: '1.0' })], messageId: 'outdated', path: 'minimum_tls_version' },
  ],
  unknown: [
    {
      name: 'port setting from a variable without a value',
      hcl: `variable "allow_plaintext" {
  type = bool
}

${hcl('  non_ssl_port_enabled = var.allow_plaintext\n')}`,
      resources: [cache({}, ['non_ssl_port_enabled'])],
      messageId: 'unknown',
      path: 'non_ssl_port_enabled',
    },
  ],
});
