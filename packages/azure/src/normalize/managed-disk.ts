import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/**
 * `Microsoft.Compute/disks` → `azurerm_managed_disk`: the disk encryption set (customer-managed key) and Azure Disk
 * Encryption settings. A platform-key disk has an `encryption` object without `diskEncryptionSetId`, which is a
 * disk with no encryption set (`null`), not an unknown. A disk in use names its VM in `managedBy`: that link
 * becomes an `azurerm_virtual_machine_data_disk_attachment`, as in Terraform, so the VM's encryption at host counts.
 */
export function normalizeManagedDisk(record: ArmRecord): Resource[] {
  const arm = ArmReader.ofRecord(record);
  const p = arm.at('properties');
  const encryption = p.at('encryption');
  return [
    azureResource(record, 'azurerm_managed_disk', {
      ...envelopeAttributes(record),
      storage_account_type: arm.string('sku.name'),
      disk_size_gb: p.number('diskSizeGB'),
      os_type: p.optionalString('osType'),
      encryption_type: encryption.string('type'),
      disk_encryption_set_id: encryption.readable ? encryption.optionalString('diskEncryptionSetId') : encryption.missing(''),
      secure_vm_disk_encryption_set_id: p.optionalString('securityProfile.secureVMDiskEncryptionSetId'),
      encryption_settings: encryptionSettings(p),
      network_access_policy: p.string('networkAccessPolicy'),
      public_network_access_enabled: p.enabled('publicNetworkAccess'),
    }),
    ...attachment(record),
  ];
}

function attachment(record: ArmRecord): Resource[] {
  const machine = record.resource['managedBy'];
  if (typeof machine !== 'string' || machine === '') return [];
  const disk = record.resource.id;
  return [azureResource(record, 'azurerm_virtual_machine_data_disk_attachment', { managed_disk_id: disk, virtual_machine_id: machine }, `${disk}/attachment`)];
}

/** Azure Disk Encryption: present when `encryptionSettingsCollection.enabled`; an absent collection is "not used". */
function encryptionSettings(p: ArmReader): Value {
  if (!p.readable) return p.missing('encryptionSettingsCollection');
  const collection = p.at('encryptionSettingsCollection');
  if (!collection.readable) return [];
  const enabled = collection.bool('enabled');
  if (enabled instanceof Unknown) return enabled;
  if (!enabled) return [];
  const first = collection.at('encryptionSettings.0');
  return [
    {
      disk_encryption_key: [{ secret_url: first.string('diskEncryptionKey.secretUrl'), source_vault_id: first.string('diskEncryptionKey.sourceVault.id') }],
      key_encryption_key: first.raw('keyEncryptionKey')
        ? [{ key_url: first.string('keyEncryptionKey.keyUrl'), source_vault_id: first.string('keyEncryptionKey.sourceVault.id') }]
        : [],
    },
  ];
}
