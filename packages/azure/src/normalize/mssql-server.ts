import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/** ARM's `minimalTlsVersion` `None` is Terraform's `Disabled` (no minimum enforced). */
export const sqlTlsVersions: Readonly<Record<string, string>> = { '1.0': '1.0', '1.1': '1.1', '1.2': '1.2', '1.3': '1.3', none: 'Disabled', disabled: 'Disabled' };

/**
 * `Microsoft.Sql/servers` → `azurerm_mssql_server`, and its `auditingSettings/default` child →
 * `azurerm_mssql_server_extended_auditing_policy` (emitted even when auditing is off, so rules see `enabled = false`,
 * and with unknown values when it could not be read, so a denied read is never "no auditing").
 */
export function normalizeMssqlServer(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const server = azureResource(record, 'azurerm_mssql_server', {
    ...envelopeAttributes(record),
    version: p.string('version'),
    minimum_tls_version: p.mapped('minimalTlsVersion', sqlTlsVersions),
    public_network_access_enabled: p.enabled('publicNetworkAccess'),
    azuread_administrator: p.raw('administrators')
      ? [{ login_username: p.string('administrators.login'), object_id: p.string('administrators.sid'), azuread_authentication_only: p.bool('administrators.azureADOnlyAuthentication') }]
      : [],
  });
  return [server, auditingPolicy(record)];
}

function auditingPolicy(record: ArmRecord): Resource {
  const a = ArmReader.ofChild(record, 'auditing').at('properties');
  const state = a.enabled('state');
  return azureResource(
    record,
    'azurerm_mssql_server_extended_auditing_policy',
    {
      server_id: record.resource.id,
      enabled: state,
      retention_in_days: a.number('retentionDays'),
      storage_endpoint: a.optionalString('storageEndpoint'),
      log_monitoring_enabled: a.bool('isAzureMonitorTargetEnabled'),
    },
    `${record.resource.id}/auditingSettings/default`,
  );
}
