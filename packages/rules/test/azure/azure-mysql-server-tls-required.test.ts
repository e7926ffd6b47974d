import rule from '../../src/azure/database/azure-mysql-server-tls-required.js';
import { testRule } from '../rule-tester.js';

const server = { address: 'azurerm_mysql_flexible_server.main', values: { name: 'acme-mysql', resource_group_name: 'acme-prod', location: 'westeurope', sku_name: 'GP_Standard_D2ds_v4', version: '8.0.21' } };
const configuration = (name: string, value: unknown, unknown: string[] = []) => ({
  address: `azurerm_mysql_flexible_server_configuration.${name}`,
  values: { name, resource_group_name: 'acme-prod', ...(value === undefined ? {} : { value }) },
  unknown: ['server_name', ...unknown],
  expressions: { server_name: ['azurerm_mysql_flexible_server.main.name', 'azurerm_mysql_flexible_server.main'] },
});
const serverHcl = `resource "azurerm_mysql_flexible_server" "main" {
  name                = "acme-mysql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.0.21"
}
`;
const configurationHcl = (name: string, value: string) => `${serverHcl}
resource "azurerm_mysql_flexible_server_configuration" "${name}" {
  name                = "${name}"
  resource_group_name = "acme-prod"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = ${value}
}
`;

testRule(rule, {
  pass: [
    { name: 'flexible server with the defaults', hcl: serverHcl, resources: [server], messageId: 'required' },
    { name: 'TLS 1.2 and 1.3 declared', hcl: configurationHcl('tls_version', '"TLSv1.2,TLSv1.3"'), resources: [server, configuration('tls_version', 'TLSv1.2,TLSv1.3')], subject: 'azurerm_mysql_flexible_server.main', messageId: 'required', message: 'TLS 1.2' },
    {
      name: 'configuration linked by the known server name',
      resources: [server, { address: 'azurerm_mysql_flexible_server_configuration.tls_version', values: { name: 'tls_version', resource_group_name: 'acme-prod', server_name: 'acme-mysql', value: 'TLSv1.3' } }],
      subject: 'azurerm_mysql_flexible_server.main',
      messageId: 'required',
      message: 'TLS 1.3',
    },
  ],
  fail: [
    { name: 'TLS 1.0 still allowed', hcl: configurationHcl('tls_version', '"TLSv1,TLSv1.1,TLSv1.2"'), resources: [server, configuration('tls_version', 'TLSv1,TLSv1.1,TLSv1.2')], subject: 'azurerm_mysql_flexible_server.main', messageId: 'outdated', path: 'value', message: 'TLS 1.0' },
    { name: 'require_secure_transport OFF', hcl: configurationHcl('require_secure_transport', '"OFF"'), resources: [server, configuration('require_secure_transport', 'OFF')], subject: 'azurerm_mysql_flexible_server.main', messageId: 'transportOptional', path: 'value' },
    { name: 'azurerm v3 single server with TLS 1.0', resources: [{ address: 'azurerm_mysql_server.legacy', values: { name: 'acme-mysql-legacy', ssl_enforcement_enabled: true, ssl_minimal_tls_version_enforced: 'TLS1_0' } }], messageId: 'outdated', path: 'ssl_minimal_tls_version_enforced' },
  ],
  unknown: [
    {
      name: 'TLS versions from a variable without a value',
      hcl: `variable "tls_versions" {
  type = string
}

${configurationHcl('tls_version', 'var.tls_versions')}`,
      resources: [server, configuration('tls_version', undefined, ['value'])],
      subject: 'azurerm_mysql_flexible_server.main',
      messageId: 'unknown',
      path: 'value',
    },
  ],
});
