import type { Resource, Value } from '@trustscan/core';
import { parentIdOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/**
 * `Microsoft.Sql/servers/databases` → `azurerm_mssql_database`, with Transparent Data Encryption from
 * `transparentDataEncryption/current` and the short- and long-term backup retention policies from their
 * `default` children.
 */
export function normalizeMssqlDatabase(record: ArmRecord): Resource[] {
  const arm = ArmReader.ofRecord(record);
  const p = arm.at('properties');
  // A database has no group or location of its own in Terraform: it belongs to its server (`server_id`).
  const { resource_group_name: _group, location: _location, ...envelope } = envelopeAttributes(record);
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
