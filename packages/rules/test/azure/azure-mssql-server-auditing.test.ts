import rule from '../../src/azure/sql/azure-mssql-server-auditing.js';
import { testRule } from '../rule-tester.js';

const server = { address: 'azurerm_mssql_server.main', values: { name: 'acme-sql', resource_group_name: 'acme-prod', location: 'westeurope', version: '12.0', minimum_tls_version: '1.2' }, computed: ['id'] };
const policy = (values: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'azurerm_mssql_server_extended_auditing_policy.main',
  values,
  unknown: ['server_id', ...unknown],
  expressions: { server_id: ['azurerm_mssql_server.main.id', 'azurerm_mssql_server.main'] },
});
const serverHcl = `resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}
`;
const withPolicy = (body: string) => `${serverHcl}
resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id = azurerm_mssql_server.main.id
${body}}
`;

testRule(rule, {
  pass: [
    { name: 'auditing to Azure Monitor, kept forever', hcl: withPolicy('  log_monitoring_enabled = true\n'), resources: [server, policy({ log_monitoring_enabled: true })], subject: 'azurerm_mssql_server.main', messageId: 'audited', message: 'without a time limit' },
    {
      name: 'auditing to storage for 365 days',
      hcl: withPolicy('  storage_endpoint  = "https://acmeaudit.blob.core.windows.net/"\n  retention_in_days = 365\n'),
      resources: [server, policy({ storage_endpoint: 'https://acmeaudit.blob.core.windows.net/', retention_in_days: 365 })],
      subject: 'azurerm_mssql_server.main',
      messageId: 'audited',
      path: 'retention_in_days',
      message: 'for 365 days',
    },
    {
      name: 'azurerm v3 azurerm_sql_server with an inline policy',
      resources: [{ address: 'azurerm_sql_server.legacy', values: { name: 'acme-legacy', extended_auditing_policy: [{ storage_endpoint: 'https://acmeaudit.blob.core.windows.net/', retention_in_days: 90 }] } }],
      messageId: 'audited',
      path: 'extended_auditing_policy.0.retention_in_days',
    },
  ],
  fail: [
    { name: 'no auditing policy', hcl: serverHcl, resources: [server], messageId: 'missing', path: '' },
    { name: 'retention of 30 days', hcl: withPolicy('  storage_endpoint  = "https://acmeaudit.blob.core.windows.net/"\n  retention_in_days = 30\n'), resources: [server, policy({ storage_endpoint: 'https://acmeaudit.blob.core.windows.net/', retention_in_days: 30 })], subject: 'azurerm_mssql_server.main', messageId: 'tooShort', path: 'retention_in_days' },
    { name: 'policy disabled', hcl: withPolicy('  enabled = false\n'), resources: [server, policy({ enabled: false })], subject: 'azurerm_mssql_server.main', messageId: 'disabled', path: 'enabled' },
    { name: 'no destination', resources: [server, policy({ log_monitoring_enabled: false })], subject: 'azurerm_mssql_server.main', messageId: 'noDestination', path: 'log_monitoring_enabled' },
  ],
  unknown: [
    {
      name: 'retention from a variable without a value',
      hcl: `variable "audit_days" {
  type = number
}

${withPolicy('  log_monitoring_enabled = true\n  retention_in_days      = var.audit_days\n')}`,
      resources: [server, policy({ log_monitoring_enabled: true }, ['retention_in_days'])],
      subject: 'azurerm_mssql_server.main',
      messageId: 'unknown',
      path: 'retention_in_days',
    },
  ],
});
