import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/** `Microsoft.DataProtection/backupVaults` → `azurerm_data_protection_backup_vault`. */
export function normalizeDataProtectionBackupVault(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  return [
    azureResource(record, 'azurerm_data_protection_backup_vault', {
      ...envelopeAttributes(record),
      datastore_type: p.string('storageSettings.0.datastoreType'),
      redundancy: p.string('storageSettings.0.type'),
      soft_delete: p.string('securitySettings.softDeleteSettings.state'),
      retention_duration_in_days: p.number('securitySettings.softDeleteSettings.retentionDurationInDays'),
      immutability: p.string('securitySettings.immutabilitySettings.state'),
      cross_region_restore_enabled: p.enabled('featureSettings.crossRegionRestoreSettings.state'),
    }),
  ];
}
