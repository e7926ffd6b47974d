import type { Resource } from '@trustscan/core';
import { resourceGroupOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource } from './azure-resource.js';

/** `Microsoft.Network/networkWatchers/flowLogs` → `azurerm_network_watcher_flow_log` (enabled, target, retention). */
export function normalizeFlowLog(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const [watcher, name] = record.resource.name.includes('/') ? record.resource.name.split('/') : [record.resource.id.split('/').at(-3), record.resource.name];
  const target = p.string('targetResourceId');
  const retention = p.at('retentionPolicy');
  return [
    azureResource(record, 'azurerm_network_watcher_flow_log', {
      name: name ?? record.resource.name,
      network_watcher_name: watcher ?? '',
      resource_group_name: resourceGroupOf(record.resource.id) ?? '',
      enabled: p.bool('enabled'),
      target_resource_id: target,
      network_security_group_id: typeof target === 'string' && /\/networkSecurityGroups\//i.test(target) ? target : null,
      storage_account_id: p.optionalString('storageId'),
      version: p.number('format.version'),
      retention_policy: retention.readable ? [{ enabled: retention.bool('enabled'), days: retention.number('days') }] : retention.missing(''),
    }),
  ];
}
