import type { Resource, Value } from '@trustscan/core';
import { parentIdOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/**
 * `Microsoft.Sql/servers/databases` → `azurerm_mssql_database`, with Transparent Data Encryption from
 * `transparentDataEncryption/current` and the short- and long-term backup retention policies from their
 * `default` children; a database's own `auditingSettings/default`, when it is enabled, becomes an
 * `azurerm_mssql_database_extended_auditing_policy` (a disabled one changes nothing: the server's auditing applies).
 */
export function normalizeMssqlDatabase(record: ArmRecord): Resource[] {
  const arm = ArmReader.ofRecord(record);
  const p = arm.at('properties');
  // A database has no group or location of its own in Terraform: it belongs to its server (`server_id`).
  const { resource_group_name: _group, location: _location, ...envelope } = envelopeAttributes(record);
  const auditing = ArmReader.ofChild(record, 'auditing');
  const audited = auditing.readable && auditing.string('properties.state') === 'Enabled';
  return [
    azureResource(record, 'azurerm_mssql_database', {
      ...envelope,
      server_id: parentIdOf(record.resource.id),
      sku_name: arm.string('sku.name'),
      storage_account_type: p.string('requestedBackupStorageRedundancy'),
      zone_redundant: p.bool('zoneRedundant'),
      transparent_data_encryption_enabled: ArmReader.ofChild(record, 'tde').enabled('properties.state'),
      short_term_retention_policy: shortTerm(ArmReader.ofChild(record, 'shortTermRetention')),
      long_term_retention_policy: longTerm(ArmReader.ofChild(record, 'longTermRetention')),
    }),
    ...(audited
      ? [
          azureResource(
            record,
            'azurerm_mssql_database_extended_auditing_policy',
            {
              database_id: record.resource.id,
              enabled: true,
              retention_in_days: auditing.number('properties.retentionDays'),
              storage_endpoint: auditing.optionalString('properties.storageEndpoint'),
              log_monitoring_enabled: auditing.bool('properties.isAzureMonitorTargetEnabled'),
            },
            `${record.resource.id}/auditingSettings/default`,
          ),
        ]
      : []),
  ];
}

function shortTerm(policy: ArmReader): Value {
  if (!policy.readable) return policy.missing('');
  return [{ retention_days: policy.number('properties.retentionDays'), backup_interval_in_hours: policy.number('properties.diffBackupIntervalInHours') }];
}

function longTerm(policy: ArmReader): Value {
  if (!policy.readable) return policy.missing('');
  return [
    {
      weekly_retention: policy.string('properties.weeklyRetention'),
      monthly_retention: policy.string('properties.monthlyRetention'),
      yearly_retention: policy.string('properties.yearlyRetention'),
      week_of_year: policy.number('properties.weekOfYear'),
    },
  ];
}
