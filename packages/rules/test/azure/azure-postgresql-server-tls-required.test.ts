import rule from '../../src/azure/database/azure-postgresql-server-tls-required.js';
import { testRule } from '../rule-tester.js';

const server = { address: 'azurerm_postgresql_flexible_server.main', values: { name: 'acme-pg', resource_group_name: 'acme-prod', location: 'westeurope', version: '16', sku_name: 'GP_Standard_D2s_v3' }, computed: ['id'] };
const configuration = (name: string, value: unknown, unknown: string[] = []) => ({
  address: `azurerm_postgresql_flexible_server_configuration.${name}`,
  values: { name, ...(value === undefined ? {} : { value }) },
  unknown: ['server_id', ...unknown],
  expressions: { server_id: ['azurerm_postgresql_flexible_server.main.id', 'azurerm_postgresql_flexible_server.main'] },
});
const serverHcl = `resource "azurerm_postgresql_flexible_server" "main" {
  name                = "acme-pg"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}
`;
const configurationHcl = (name: string, value: string) => `${serverHcl}
resource "azurerm_postgresql_flexible_server_configuration" "${name}" {
  name      = "${name}"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = ${value}
}
`;

testRule(rule, {
  pass: [
    { name: 'flexible server with the defaults', hcl: serverHcl, resources: [server], messageId: 'required', message: 'TLS 1.2' },
    { name: 'TLSv1.3 minimum declared', hcl: configurationHcl('ssl_min_protocol_version', '"TLSv1.3"'), resources: [server, configuration('ssl_min_protocol_version', 'TLSv1.3')], subject: 'azurerm_postgresql_flexible_server.main', messageId: 'required', message: 'TLS 1.3' },
    {
      name: 'azurerm v3 single server enforcing TLS 1.2',
      resources: [{ address: 'azurerm_postgresql_server.legacy', values: { name: 'acme-pg-legacy', ssl_enforcement_enabled: true, ssl_minimal_tls_version_enforced: 'TLS1_2' } }],
      messageId: 'required',
      path: 'ssl_minimal_tls_version_enforced',
    },
  ],
  fail: [
    { name: 'require_secure_transport off', hcl: configurationHcl('require_secure_transport', '"off"'), resources: [server, configuration('require_secure_transport', 'off')], subject: 'azurerm_postgresql_flexible_server.main', messageId: 'transportOptional', path: 'value' },
    { name: 'TLSv1.1 minimum', hcl: configurationHcl('ssl_min_protocol_version', '"TLSv1.1"'), resources: [server, configuration('ssl_min_protocol_version', 'TLSv1.1')], subject: 'azurerm_postgresql_flexible_server.main', messageId: 'outdated', path: 'value', message: 'TLS 1.1' },
    { name: 'azurerm v3 single server without SSL enforcement', resources: [{ address: 'azurerm_postgresql_server.legacy', values: { name: 'acme-pg-legacy', ssl_enforcement_enabled: false } }], messageId: 'transportOptional', path: 'ssl_enforcement_enabled' },
    { name: 'azurerm v3 single server with TLS enforcement disabled', resources: [{ address: 'azurerm_postgresql_server.legacy', values: { name: 'acme-pg-legacy', ssl_enforcement_enabled: true, ssl_minimal_tls_version_enforced: 'TLSEnforcementDisabled' } }], messageId: 'transportOptional', path: 'ssl_minimal_tls_version_enforced' },
  ],
  unknown: [
    {
      name: 'secure transport from a variable without a value',
      hcl: `variable "secure_transport" {
  type = string
}

${configurationHcl('require_secure_transport', 'var.secure_transport')}`,
      resources: [server, configuration('require_secure_transport', undefined, ['value'])],
      subject: 'azurerm_postgresql_flexible_server.main',
      messageId: 'unknown',
      path: 'value',
    },
  ],
});
