import { Unknown, type Resource } from '@trustscan/core';
import { resourceGroupOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/**
 * `Microsoft.RecoveryServices/vaults` → `azurerm_recovery_services_vault` (soft delete, immutability, storage
 * redundancy, cross-region restore), plus its Azure VM backup items → `azurerm_backup_protected_vm` and VM backup
 * policies → `azurerm_backup_policy_vm`, read from the vault's `backupProtectedItems` and `backupPolicies`.
 */
export function normalizeRecoveryServicesVault(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const vault = azureResource(record, 'azurerm_recovery_services_vault', {
    ...envelopeAttributes(record),
    sku: ArmReader.ofRecord(record).string('sku.name'),
    soft_delete_enabled: p.mapped('securitySettings.softDeleteSettings.softDeleteState', { enabled: true, alwayson: true, disabled: false }),
    immutability: p.string('securitySettings.immutabilitySettings.state'),
    storage_mode_type: p.string('redundancySettings.standardTierStorageRedundancy'),
    cross_region_restore_enabled: p.enabled('redundancySettings.crossRegionRestore'),
    public_network_access_enabled: p.enabled('publicNetworkAccess'),
  });
  return [vault, ...protectedVms(record), ...vmPolicies(record)];
}

function protectedVms(record: ArmRecord): Resource[] {
  return childItems(record, 'protectedItems').flatMap(({ item, id }) => {
    const p = item.at('properties');
    const kind = p.raw('protectedItemType') ?? p.raw('workloadType');
    if (typeof kind !== 'string' || !/virtualmachines|^vm$/i.test(kind)) return [];
    const source = p.raw('sourceResourceId') !== undefined ? p.string('sourceResourceId') : p.string('virtualMachineId');
    return [
      azureResource(
        record,
        'azurerm_backup_protected_vm',
        {
          recovery_vault_name: record.resource.name,
          resource_group_name: resourceGroupOf(record.resource.id) ?? new Unknown('the vault id has no resource group'),
          source_vm_id: source,
          backup_policy_id: p.optionalString('policyId'),
          protection_state: p.optionalString('protectionState'),
        },
        id,
      ),
    ];
  });
}

function vmPolicies(record: ArmRecord): Resource[] {
  return childItems(record, 'backupPolicies').flatMap(({ item, id }) => {
    const p = item.at('properties');
    const management = p.raw('backupManagementType');
    if (typeof management !== 'string' || management.toLowerCase() !== 'azureiaasvm') return [];
    const daily = p.at('retentionPolicy.dailySchedule');
    return [
      azureResource(
        record,
        'azurerm_backup_policy_vm',
        {
          name: item.string('name'),
          recovery_vault_name: record.resource.name,
          resource_group_name: resourceGroupOf(record.resource.id) ?? new Unknown('the vault id has no resource group'),
          policy_type: p.raw('policyType') === undefined ? 'V1' : p.string('policyType'),
          retention_daily: daily.readable ? [{ count: daily.number('retentionDuration.count') }] : [],
        },
        id,
      ),
    ];
  });
}

/** The items of a child collection that have an id; none when the collection could not be read. */
export function childItems(record: ArmRecord, key: string): { readonly item: ArmReader; readonly id: string }[] {
  const child = record.children.get(key);
  if (!child || !child.outcome.ok || !Array.isArray(child.outcome.value)) return [];
  const source = `GET ${child.spec.armType} (api-version ${child.spec.apiVersion})`;
  return child.outcome.value.flatMap((value) => {
    const item = ArmReader.of(value, source);
    const id = item.raw('id');
    return typeof id === 'string' ? [{ item, id }] : [];
  });
}
