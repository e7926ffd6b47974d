import { defineRule, type AttributePath, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { firstLink } from '../../analysis/azure-attributes.js';
import { attribute, readBlocks, readBoolean } from '../../analysis/values.js';

const virtualMachineTypes = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine'];
const scaleSetTypes = ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set'];
const encryptionSetPaths: readonly AttributePath[] = [['disk_encryption_set_id'], ['secure_vm_disk_encryption_set_id']];
type MessageId = 'atHost' | 'customerKey' | 'diskEncryption' | 'attachedAtHost' | 'platformKeysOnly' | 'legacyMachine' | 'unknown';

export default defineRule<MessageId>({
  meta: {
    id: 'azure-managed-disk-cmk-or-host-encryption',
    title: 'Managed disks are encrypted with a customer-managed key, Azure Disk Encryption or encryption at host',
    description:
      'Azure encrypts every managed disk with platform-managed keys, but temporary disks and disk caches on the host are not covered, and the organization does not control the key. A disk encryption set (customer-managed key), Azure Disk Encryption, or encryption at host on the VM closes both gaps, which auditors look for under the encryption-at-rest part of the logical access criteria.',
    remediation: [
      'Turn on encryption at host for the VM (or give each disk a disk encryption set):',
      '',
      '```hcl',
      'resource "azurerm_linux_virtual_machine" "app" {',
      '  # ...',
      '  encryption_at_host_enabled = true',
      '  os_disk {',
      '    caching                = "ReadWrite"',
      '    storage_account_type   = "Premium_LRS"',
      '    disk_encryption_set_id = azurerm_disk_encryption_set.main.id',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5'],
      basis: "Prowler maps vm_ensure_attached_disks_encrypted_with_cmk and vm_ensure_unattached_disks_encrypted_with_cmk to CC6.7 and PI1.5; Microsoft's SOC 2023 initiative maps 'Managed disks should be double encrypted with both platform-managed and customer-managed keys' to CC6.1.",
    },
    resourceTypes: ['azurerm_managed_disk', ...virtualMachineTypes, ...scaleSetTypes, 'azurerm_virtual_machine'],
    relatedTypes: ['azurerm_virtual_machine_data_disk_attachment', 'azurerm_disk_encryption_set'],
    live: {
      azure: {
        armType: 'Microsoft.Compute/disks; Microsoft.Compute/virtualMachines',
        fields: ['properties.encryption.type', 'properties.encryption.diskEncryptionSetId', 'properties.encryptionSettingsCollection.enabled', 'virtualMachines properties.securityProfile.encryptionAtHost'],
      },
    },
    defaults: [
      'Without a disk encryption set, Azure Disk Encryption settings or `encryption_at_host_enabled = true`, disks are encrypted with platform-managed keys only and the rule fails.',
      'azurerm v3 marks Azure Disk Encryption with `encryption_settings.enabled`; azurerm v4 with the presence of the `encryption_settings` block.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_2', 'CKV_AZURE_93', 'CKV2_AZURE_14', 'CKV_AZURE_151', 'CKV_AZURE_97'],
      kics: ['Encryption On Managed Disk Disabled'],
      trivy: ['AVD-AZU-0038'],
      prowler: ['vm_ensure_attached_disks_encrypted_with_cmk', 'vm_ensure_unattached_disks_encrypted_with_cmk'],
      catalog: ['S2-AZR-DISK-001'],
    },
    messages: {
      atHost: 'Virtual machine {{address}} encrypts its disks, caches and temporary disks at host.',
      customerKey: 'The {{disk}} is encrypted with a customer-managed key through a disk encryption set.',
      diskEncryption: 'Disk {{address}} is encrypted with Azure Disk Encryption.',
      attachedAtHost: 'Disk {{address}} is attached to {{vm}}, which encrypts its disks at host.',
      platformKeysOnly: 'The {{disk}} is encrypted with platform-managed keys only. Set encryption_at_host_enabled = true on the VM, or give the disk a disk encryption set.',
      legacyMachine: 'The {{disk}} is encrypted with platform-managed keys only: the legacy azurerm_virtual_machine supports neither disk encryption sets nor encryption at host. Move to azurerm_linux_virtual_machine or azurerm_windows_virtual_machine, or attach a managed disk that has a disk encryption set.',
      unknown: 'How the disks of {{address}} are encrypted is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_managed_disk" "data" {
  name                   = "acme-app-data"
  resource_group_name    = "acme-prod"
  location               = "westeurope"
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_size_gb           = 256
  disk_encryption_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Compute/diskEncryptionSets/acme-cmk"
}
`,
      bad: `resource "azurerm_managed_disk" "data" {
  name                 = "acme-app-data"
  resource_group_name  = "acme-prod"
  location             = "westeurope"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256
}
`,
    },
  },
  evaluate(resource, context) {
    const address = resource.address;
    if (resource.type === 'azurerm_virtual_machine') return legacyMachine(resource, context) ?? [];
    if (resource.type !== 'azurerm_managed_disk') {
      const atHost = readBoolean(attribute(resource, ['encryption_at_host_enabled']));
      if (atHost.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: atHost.reason }, path: ['encryption_at_host_enabled'] };
      if (atHost.kind === 'value' && atHost.value) return { status: 'pass', messageId: 'atHost', data: { address }, path: ['encryption_at_host_enabled'] };
      const verdicts = [['os_disk', 0] as const, ...dataDisks(resource)].map((prefix) => diskVerdict(resource, [...prefix], address));
      return verdicts.find((v) => v.status !== 'pass') ?? (verdicts[0] as Verdict<MessageId>);
    }
    const own = diskVerdict(resource, [], address);
    if (own.status !== 'fail') return own;
    const host = context.related(resource, 'azurerm_virtual_machine_data_disk_attachment').flatMap((attachment) => attachedMachines(attachment, context));
    const encrypting = host.find((vm) => {
      const atHost = readBoolean(attribute(vm, ['encryption_at_host_enabled']));
      return atHost.kind === 'value' && atHost.value;
    });
    if (encrypting) return { status: 'pass', messageId: 'attachedAtHost', data: { address, vm: encrypting.address }, path: ['encryption_at_host_enabled'], at: encrypting };
    return own;
  },
});

/** Judges one disk (`prefix` is `[]` for a managed disk, `['os_disk', 0]` or `['data_disk', n]` inside a VM). */
function diskVerdict(holder: Resource, prefix: AttributePath, address: string): Verdict<MessageId> {
  const disk = prefix.length === 0 ? `disk ${address}` : `${prefix[0] === 'os_disk' ? 'OS disk' : `data disk ${String(prefix[1])}`} of ${address}`;
  const set = firstLink(holder, encryptionSetPaths.map((path) => [...prefix, ...path]));
  if (set?.reading.kind === 'value') return { status: 'pass', messageId: 'customerKey', data: { address, disk }, path: set.path };
  if (set?.reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: set.reading.reason }, path: set.path };
  if (prefix.length === 0) {
    const settings = readBlocks(attribute(holder, ['encryption_settings']));
    if (settings.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: settings.reason }, path: ['encryption_settings'] };
    const block = settings.kind === 'value' ? settings.value[0] : undefined;
    if (block) {
      const enabled = readBoolean(block['enabled']);
      if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path: ['encryption_settings', 0, 'enabled'] };
      if (enabled.kind === 'absent' || enabled.value) return { status: 'pass', messageId: 'diskEncryption', data: { address }, path: ['encryption_settings'] };
    }
  }
  return { status: 'fail', messageId: 'platformKeysOnly', data: { address, disk }, path: prefix.length === 0 ? [] : [...prefix] };
}

/**
 * The legacy `azurerm_virtual_machine` has no disk encryption set or encryption at host: its `storage_os_disk` and
 * `storage_data_disk` blocks are encrypted with platform keys only, unless they attach a managed disk of the
 * configuration (`managed_disk_id`), which is judged on its own.
 */
function legacyMachine(vm: Resource, context: RuleContext): Verdict<MessageId> | undefined {
  const address = vm.address;
  const disks = (['storage_os_disk', 'storage_data_disk'] as const).flatMap((block) => {
    const blocks = readBlocks(attribute(vm, [block]));
    return blocks.kind === 'value' ? blocks.value.map((disk, index) => ({ block, index, disk })) : [];
  });
  const managed = new Set(context.resourcesOfType('azurerm_managed_disk').map((disk) => disk.address));
  for (const { block, index, disk } of disks) {
    const references = vm.references?.[`${block}.${index}.managed_disk_id`] ?? vm.references?.[block] ?? [];
    if (disk['managed_disk_id'] !== undefined && references.some((reference) => managed.has(reference))) continue;
    const label = `${block === 'storage_os_disk' ? 'OS disk' : `data disk ${index}`} of ${address}`;
    return { status: 'fail', messageId: 'legacyMachine', data: { address, disk: label }, path: [block, index] };
  }
  return undefined;
}

function dataDisks(resource: Resource): (readonly ['data_disk', number])[] {
  const blocks = readBlocks(attribute(resource, ['data_disk']));
  return blocks.kind === 'value' ? blocks.value.map((_, index) => ['data_disk', index] as const) : [];
}

function attachedMachines(attachment: Resource, context: RuleContext): Resource[] {
  return virtualMachineTypes.flatMap((type) => context.related(attachment, type));
}
