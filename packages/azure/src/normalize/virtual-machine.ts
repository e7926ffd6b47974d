import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/**
 * `Microsoft.Compute/virtualMachines` → `azurerm_linux_virtual_machine` or `azurerm_windows_virtual_machine` by the
 * OS disk's `osType` (`azurerm_virtual_machine` when it cannot be read): encryption at host and the OS disk's
 * encryption set.
 */
export function normalizeVirtualMachine(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const os = p.raw('storageProfile.osDisk.osType');
  const type = os === 'Linux' ? 'azurerm_linux_virtual_machine' : os === 'Windows' ? 'azurerm_windows_virtual_machine' : 'azurerm_virtual_machine';
  const disk = p.at('storageProfile.osDisk');
  return [
    azureResource(record, type, {
      ...envelopeAttributes(record),
      size: p.string('hardwareProfile.vmSize'),
      encryption_at_host_enabled: p.bool('securityProfile.encryptionAtHost'),
      os_disk: disk.readable
        ? [
            {
              name: disk.optionalString('name'),
              storage_account_type: disk.optionalString('managedDisk.storageAccountType'),
              disk_encryption_set_id: disk.optionalString('managedDisk.diskEncryptionSet.id'),
            },
          ]
        : disk.missing(''),
    }),
  ];
}
