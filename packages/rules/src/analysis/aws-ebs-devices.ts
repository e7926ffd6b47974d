import type { AttributePath, Resource, RuleContext, Value } from '@trustscan/core';
import { attribute, readBlocks, readBoolean, type Block } from './values.js';

/** One EBS volume a resource creates, with the attribute that says whether it is encrypted. */
export interface EbsDevice {
  /** Path of the `encrypted` attribute, or of the block when the volume is implied (an AMI's root volume). */
  readonly path: AttributePath;
  readonly encrypted: Value | undefined;
  /** The volume is restored from a snapshot and inherits its encryption when `encrypted` is left out. */
  readonly fromSnapshot: boolean;
  readonly implied: boolean;
}

/**
 * The EBS volumes a volume, instance, launch configuration or launch template creates. An instance or launch
 * configuration without `root_block_device` still gets a root volume from its AMI (unless an instance names a launch
 * template, which is judged on its own), and a launch template without `block_device_mappings` gets the AMI's
 * volumes: those are returned as implied devices.
 */
export function ebsDevices(resource: Resource): EbsDevice[] | { readonly unknown: string; readonly path: AttributePath } {
  if (resource.type === 'aws_ebs_volume') {
    return [{ path: ['encrypted'], encrypted: attribute(resource, ['encrypted']), fromSnapshot: isSet(attribute(resource, ['snapshot_id'])), implied: false }];
  }
  if (resource.type === 'aws_launch_template') return templateDevices(resource);
  const devices: EbsDevice[] = [];
  for (const name of ['root_block_device', 'ebs_block_device']) {
    const blocks = readBlocks(attribute(resource, [name]));
    if (blocks.kind === 'unknown') return { unknown: blocks.reason, path: [name] };
    const list: readonly Block[] = blocks.kind === 'value' ? blocks.value : [];
    list.forEach((block, index) => {
      devices.push({ path: [name, index, 'encrypted'], encrypted: block['encrypted'], fromSnapshot: isSet(block['snapshot_id']), implied: false });
    });
    // Without a root_block_device the root volume comes from the launch template, judged on its own, or the AMI.
    if (name === 'root_block_device' && list.length === 0 && !usesLaunchTemplate(resource)) devices.push({ path: [], encrypted: undefined, fromSnapshot: false, implied: true });
  }
  return devices;
}

function templateDevices(template: Resource): EbsDevice[] | { readonly unknown: string; readonly path: AttributePath } {
  const mappings = readBlocks(attribute(template, ['block_device_mappings']));
  if (mappings.kind === 'unknown') return { unknown: mappings.reason, path: ['block_device_mappings'] };
  const list: readonly Block[] = mappings.kind === 'value' ? mappings.value : [];
  if (list.length === 0) return [{ path: [], encrypted: undefined, fromSnapshot: false, implied: true }];
  const devices: EbsDevice[] = [];
  list.forEach((mapping, index) => {
    const ebs = readBlocks(mapping['ebs']);
    // A mapping without an `ebs` block is an instance store or a suppressed device.
    const settings = ebs.kind === 'value' ? ebs.value[0] : undefined;
    if (ebs.kind === 'unknown') devices.push({ path: ['block_device_mappings', index, 'ebs'], encrypted: mapping['ebs'], fromSnapshot: false, implied: false });
    else if (settings) {
      devices.push({
        path: ['block_device_mappings', index, 'ebs', 0, 'encrypted'],
        encrypted: settings['encrypted'],
        fromSnapshot: isSet(settings['snapshot_id']),
        implied: false,
      });
    }
  });
  return devices;
}

/** Whether EBS encryption by default is declared on for the account (`aws_ebs_encryption_by_default`, `enabled` defaults to true). */
export function accountEncryptsByDefault(context: RuleContext): { readonly status: 'yes' | 'no' | 'unknown'; readonly at?: Resource; readonly reason?: string } {
  let unknown: { status: 'unknown'; at: Resource; reason: string } | undefined;
  for (const setting of context.resourcesOfType('aws_ebs_encryption_by_default')) {
    const enabled = readBoolean(attribute(setting, ['enabled']));
    if (enabled.kind === 'unknown') unknown ??= { status: 'unknown', at: setting, reason: enabled.reason };
    else if (enabled.kind === 'absent' || enabled.value) return { status: 'yes', at: setting };
  }
  return unknown ?? { status: 'no' };
}

function isSet(value: Value | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

function usesLaunchTemplate(resource: Resource): boolean {
  const template = readBlocks(attribute(resource, ['launch_template']));
  return template.kind === 'unknown' || (template.kind === 'value' && template.value.length > 0);
}
