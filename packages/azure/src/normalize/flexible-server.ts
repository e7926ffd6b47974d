import type { Resource } from '@trustscan/core';
import { resourceGroupOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/** The server configurations the rules read, by engine: secure transport and the minimum TLS version. */
export const flexibleServerConfigurations = {
  postgresql: ['require_secure_transport', 'ssl_min_protocol_version'],
  mysql: ['require_secure_transport', 'tls_version'],
} as const;

/**
 * `Microsoft.DBforPostgreSQL/flexibleServers` → `azurerm_postgresql_flexible_server` and
 * `Microsoft.DBforMySQL/flexibleServers` → `azurerm_mysql_flexible_server` (backup retention, geo-redundant backup),
 * each with its TLS configurations as `azurerm_{postgresql,mysql}_flexible_server_configuration` resources.
 */
export function normalizeFlexibleServer(engine: 'postgresql' | 'mysql'): (record: ArmRecord) => Resource[] {
  return (record) => {
    const arm = ArmReader.ofRecord(record);
    const p = arm.at('properties');
    const server = azureResource(record, `azurerm_${engine}_flexible_server`, {
      ...envelopeAttributes(record),
      version: p.string('version'),
      sku_name: arm.string('sku.name'),
      backup_retention_days: p.number('backup.backupRetentionDays'),
      geo_redundant_backup_enabled: p.enabled('backup.geoRedundantBackup'),
      public_network_access_enabled: p.enabled('network.publicNetworkAccess'),
    });
    const configurations = flexibleServerConfigurations[engine].map((name) => {
      const value = ArmReader.ofChild(record, name).string('properties.value');
      // PostgreSQL's configuration resource names its server by id, MySQL's by name and group.
      const link =
        engine === 'postgresql'
          ? { server_id: record.resource.id }
          : { server_name: record.resource.name, resource_group_name: resourceGroupOf(record.resource.id) ?? '' };
      return azureResource(record, `azurerm_${engine}_flexible_server_configuration`, { name, ...link, value }, `${record.resource.id}/configurations/${name}`);
    });
    return [server, ...configurations];
  };
}
