import rule from '../../src/azure/sql/azure-mssql-server-min-tls-1-2.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acme-sql', resource_group_name: 'acme-prod', location: 'westeurope', version: '12.0' };
const server = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_mssql_server.main', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
${extra}
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}
`;

testRule(rule, {
  pass: [
    { name: 'TLS 1.2', hcl: hcl('  minimum_tls_version = "1.2"\n'), resources: [server({ minimum_tls_version: '1.2' })], messageId: 'modern', path: 'minimum_tls_version' },
    { name: 'left out: defaults to 1.2', hcl: hcl(), resources: [server()], messageId: 'byDefault' },
    { name: 'managed instance with TLS 1.2', resources: [{ address: 'azurerm_mssql_managed_instance.main', values: { name: 'acme-mi', minimum_tls_version: '1.2' } }], messageId: 'modern', path: 'minimum_tls_version' },
  ],
  fail: [
    { name: 'TLS 1.0', hcl: hcl('  minimum_tls_version = "1.0"\n'), resources: [server({ minimum_tls_version: '1.0' })], messageId: 'outdated', path: 'minimum_tls_version', message: 'TLS 1.0' },
    { name: 'Disabled accepts every version', hcl: hcl('  minimum_tls_version = "Disabled"\n'), resources: [server({ minimum_tls_version: 'Disabled' })], messageId: 'noMinimum', path: 'minimum_tls_version', message: '"Disabled"' },
  ],
  unknown: [
    {
      name: 'from a variable without a value',
      hcl: `variable "tls" {
  type = string
}

${hcl('  minimum_tls_version = var.tls\n')}`,
      resources: [server({}, ['minimum_tls_version'])],
      messageId: 'unknown',
      path: 'minimum_tls_version',
    },
  ],
});
