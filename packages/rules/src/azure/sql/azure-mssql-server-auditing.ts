import { defineRule, type AttributePath, type Resource, type Verdict } from '@trustscan/core';
import { readLink } from '../../analysis/azure-attributes.js';
import { attribute, readBlocks, readBoolean, readNumber } from '../../analysis/values.js';

const minimumDays = 90;
type MessageId = 'audited' | 'missing' | 'disabled' | 'tooShort' | 'noDestination' | 'unknown' | 'notObserved';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-mssql-server-auditing',
    title: `Azure SQL servers audit database activity and keep it for at least ${minimumDays} days`,
    description:
      'Server auditing records logins, queries and permission changes on every database of a logical server. Kept for at least three months, the audit trail lets the team detect and investigate unauthorized access to customer data, which auditors examine under the monitoring criteria.',
    remediation: [
      `Turn on server auditing and keep the records for ${minimumDays} days or more (0 keeps them forever):`,
      '',
      '```hcl',
      'resource "azurerm_mssql_server_extended_auditing_policy" "main" {',
      '  server_id              = azurerm_mssql_server.main.id',
      '  storage_endpoint       = azurerm_storage_account.audit.primary_blob_endpoint',
      '  retention_in_days      = 365',
      '  log_monitoring_enabled = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3', 'PI1.2'],
      basis: "Prowler maps sqlserver_auditing_enabled to PI1.2 and sqlserver_auditing_retention_90_days to C1.2; Microsoft's SOC 2023 initiative maps 'Auditing on SQL server should be enabled' to CC7.2.",
    },
    resourceTypes: ['azurerm_mssql_server', 'azurerm_sql_server', 'azurerm_mssql_database_extended_auditing_policy'],
    relatedTypes: ['azurerm_mssql_server_extended_auditing_policy', 'azurerm_mssql_database'],
    live: { azure: { armType: 'Microsoft.Sql/servers/auditingSettings (default)', fields: ['properties.state (= Enabled)', 'properties.retentionDays', 'properties.isAzureMonitorTargetEnabled', 'properties.storageEndpoint'] } },
    defaults: [
      'A server is not audited until an `azurerm_mssql_server_extended_auditing_policy` (or, in azurerm v3, the inline `extended_auditing_policy` block of `azurerm_sql_server`) exists. In the policy `enabled` defaults to true, `retention_in_days` to 0 (keep forever) and `log_monitoring_enabled` to true.',
    ],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days audit records must be kept (0 keeps them forever).',
        default: 90,
        minimum: 1,
        maximum: 3285,
      },
    },
    equivalents: {
      checkov: ['CKV_AZURE_23', 'CKV_AZURE_24', 'CKV_AZURE_156'],
      kics: ['SQL Server Auditing Disabled'],
      trivy: ['AVD-AZU-0027', 'AVD-AZU-0025'],
      prowler: ['sqlserver_auditing_enabled', 'sqlserver_auditing_retention_90_days'],
      catalog: ['S2-AZR-SQL-003'],
    },
    messages: {
      audited: 'SQL server {{address}} audits database activity and keeps the records {{retention}}.',
      missing: 'SQL server {{address}} has no auditing policy. Add an azurerm_mssql_server_extended_auditing_policy.',
      disabled: 'The auditing policy of SQL server {{address}} is disabled. Set enabled to true.',
      tooShort: `SQL server {{address}} keeps audit records for {{days}} day(s). Set retention_in_days to {{minDays}} or more, or 0 to keep them forever.`,
      noDestination: 'The auditing policy of SQL server {{address}} sends records nowhere: it has no storage_endpoint and log_monitoring_enabled is false.',
      unknown: 'Whether SQL server {{address}} audits database activity is not known: {{reason}}.',
      notObserved: 'Whether SQL server {{address}} audits database activity is not known: this scan did not read its auditing settings.',
    },
    examples: {
      good: `resource "azurerm_mssql_server" "main" {
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

resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id              = azurerm_mssql_server.main.id
  log_monitoring_enabled = true
  retention_in_days      = 0
}
`,
      bad: `resource "azurerm_mssql_server" "main" {
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

resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id              = azurerm_mssql_server.main.id
  log_monitoring_enabled = true
  retention_in_days      = 30
}
`,
    },
  },
  evaluate(server, context) {
    if (server.type === 'azurerm_mssql_database_extended_auditing_policy') {
      // A database's own policy, when enabled, must not keep records for less than the minimum. Turning it off
      // changes nothing: Azure audits a database whenever its server audits, which the server's verdict judges.
      if (attribute(server, ['enabled']) === false) return [];
      const database = context.related(server, 'azurerm_mssql_database')[0];
      return check(server, [], `${database?.address ?? server.address} (database auditing policy)`, context.options.minDays);
    }
    const address = server.address;
    const verdicts = context.related(server, 'azurerm_mssql_server_extended_auditing_policy').map((policy) => check(policy, [], address, context.options.minDays));
    if (verdicts.length === 0) {
      // azurerm v3's azurerm_sql_server (and azurerm v2's azurerm_mssql_server) declared the policy inline.
      const inline = readBlocks(attribute(server, ['extended_auditing_policy']));
      if (inline.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: inline.reason }, path: ['extended_auditing_policy'] };
      if (inline.kind === 'value' && inline.value.length > 0) verdicts.push(check(server, ['extended_auditing_policy', 0], address, context.options.minDays));
    }
    if (verdicts.length === 0 && !context.observed('azurerm_mssql_server_extended_auditing_policy')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    if (verdicts.length === 0) return { status: 'fail', messageId: 'missing', data: { address } };
    return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? (verdicts[0] as Verdict<MessageId>);
  },
});

function check(holder: Resource, prefix: AttributePath, address: string, minDays: number): Verdict<MessageId> {
  const at = address.startsWith(holder.address) ? {} : { at: holder };
  const unknown = (reason: string, path: AttributePath): Verdict<MessageId> => ({ status: 'unknown', messageId: 'unknown', data: { address, reason }, path, ...at });
  const enabledPath = [...prefix, 'enabled'];
  const enabled = readBoolean(attribute(holder, enabledPath));
  if (enabled.kind === 'unknown') return unknown(enabled.reason, enabledPath);
  if (enabled.kind === 'value' && !enabled.value) return { status: 'fail', messageId: 'disabled', data: { address }, path: enabledPath, ...at };
  const retentionPath = [...prefix, 'retention_in_days'];
  const retention = readNumber(attribute(holder, retentionPath));
  if (retention.kind === 'unknown') return unknown(retention.reason, retentionPath);
  const days = retention.kind === 'value' ? retention.value : 0;
  if (days > 0 && days < minDays) return { status: 'fail', messageId: 'tooShort', data: { address, days }, path: retentionPath, ...at };
  const storagePath = [...prefix, 'storage_endpoint'];
  const storage = readLink(holder, storagePath);
  const monitoringPath = [...prefix, 'log_monitoring_enabled'];
  const monitoring = readBoolean(attribute(holder, monitoringPath));
  if (storage.kind !== 'value' || !storage.value) {
    if (storage.kind === 'unknown') return unknown(storage.reason, storagePath);
    if (monitoring.kind === 'unknown') return unknown(monitoring.reason, monitoringPath);
    if (monitoring.kind === 'value' && !monitoring.value) return { status: 'fail', messageId: 'noDestination', data: { address }, path: monitoringPath, ...at };
  }
  const kept = days === 0 ? 'without a time limit' : `for ${days} days`;
  return { status: 'pass', messageId: 'audited', data: { address, retention: kept }, path: retentionPath, ...at };
}
