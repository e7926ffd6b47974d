import { defineRule, type Verdict } from '@trustscan/core';
import { accountEncryptsByDefault, ebsDevices } from '../../analysis/aws-ebs-devices.js';
import { decisive } from '../../analysis/aws-verdicts.js';
import { readBoolean } from '../../analysis/values.js';

type MessageId = 'encrypted' | 'byAccountDefault' | 'notEncrypted' | 'impliedNotEncrypted' | 'unknown' | 'snapshot' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-ebs-volume-encrypted',
    title: 'EBS volumes are encrypted',
    description:
      'EBS volumes hold the disks of EC2 instances: operating systems, application data, caches and sometimes database files. Encryption protects that data, its snapshots and the data moving between the instance and the volume, so a leaked snapshot or a reused disk exposes nothing. SOC 2 auditors look for encryption at rest of every store of customer data. The rule reads stand-alone volumes and the volumes that instances, launch configurations and launch templates create.',
    remediation: [
      'Request encryption on every volume, or turn on EBS encryption by default for the account and region (`aws_ebs_encryption_by_default`), which also covers volumes created outside Terraform:',
      '',
      '```hcl',
      'resource "aws_ebs_volume" "data" {',
      '  availability_zone = "eu-west-1a"',
      '  size              = 100',
      '  encrypted         = true',
      '  kms_key_id        = aws_kms_key.ebs.arn',
      '}',
      '',
      'resource "aws_instance" "app" {',
      '  # ...',
      '  root_block_device {',
      '    encrypted = true',
      '  }',
      '}',
      '```',
      '',
      'An existing unencrypted volume must be replaced from an encrypted copy of its snapshot.',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5'],
      basis: "Steampipe maps ebs_attached_volume_encryption_enabled to CC6.1; Prowler maps ec2_ebs_volume_encryption to PI1.5; CC6.1's point of focus 'uses encryption to protect data'.",
    },
    resourceTypes: ['aws_ebs_volume', 'aws_instance', 'aws_launch_configuration', 'aws_launch_template'],
    relatedTypes: ['aws_ebs_encryption_by_default'],
    live: { aws: { configType: 'AWS::EC2::Volume', fields: ['configuration.encrypted', 'configuration.kmsKeyId'] } },
    defaults: [
      '`encrypted` defaults to false, unless EBS encryption by default is on for the account and region; when the configuration declares `aws_ebs_encryption_by_default` (enabled), volumes that leave `encrypted` out pass.',
      'An instance without `root_block_device`, or a launch template without `block_device_mappings`, gets its volumes from the AMI: they are encrypted only if the AMI\'s snapshots are, which the configuration does not show, so the rule asks for `encrypted = true` or account-level encryption by default.',
      'A volume restored from a snapshot (`snapshot_id`) without `encrypted` inherits the snapshot\'s encryption and is unknown.',
    ],
    equivalents: { checkov: ['CKV_AWS_3', 'CKV_AWS_8', 'CKV2_AWS_2'], kics: ['EBS Volume Encryption Disabled'], trivy: ['AVD-AWS-0026', 'AVD-AWS-0131', 'AVD-AWS-0008'], prowler: ['ec2_ebs_volume_encryption'], catalog: ['S2-AWS-EBS-001'] },
    messages: {
      encrypted: 'Every EBS volume of {{address}} is encrypted.',
      byAccountDefault: 'The EBS volumes of {{address}} are encrypted by the account\'s EBS encryption by default.',
      notEncrypted: 'An EBS volume of {{address}} is not encrypted: encrypted is {{value}}. Set encrypted = true or turn on EBS encryption by default.',
      impliedNotEncrypted: 'The volumes {{address}} takes from its AMI are not requested encrypted, so they are encrypted only if the AMI\'s snapshots are. Declare the root volume with encrypted = true or turn on EBS encryption by default.',
      snapshot: 'An EBS volume of {{address}} is restored from a snapshot and takes its encryption from it, which this configuration does not show.',
      unknown: 'Whether the EBS volumes of {{address}} are encrypted is not known: {{reason}}.',
      notObserved: 'Whether the EBS volumes of {{address}} are encrypted is not known: encrypted is not set, and this scan did not read the account\'s EBS encryption by default.',
    },
    examples: {
      good: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\n',
      bad: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n',
    },
  },
  evaluate(resource, context) {
    const address = resource.address;
    const devices = ebsDevices(resource);
    if ('unknown' in devices) return { status: 'unknown', messageId: 'unknown', data: { address, reason: devices.unknown }, path: devices.path };
    const account = accountEncryptsByDefault(context);
    const verdicts: Verdict<MessageId>[] = devices.map((device) => {
      const encrypted = readBoolean(device.encrypted);
      const path = device.path;
      const where = path.length > 0 ? { path } : {};
      if (encrypted.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: encrypted.reason }, path };
      if (encrypted.kind === 'value' && encrypted.value) return { status: 'pass', messageId: 'encrypted', data: { address }, path };
      // The account default encrypts a volume that does not ask for it; `encrypted = false` on a volume that exists
      // (a live one, or one a plan keeps) is what the volume is.
      if (encrypted.kind === 'value') return { status: 'fail', messageId: 'notEncrypted', data: { address, value: 'false' }, path };
      if (account.status === 'yes') return { status: 'pass', messageId: 'byAccountDefault', data: { address }, ...(account.at ? { at: account.at } : {}) };
      if (account.status === 'no' && !context.observed('aws_ebs_encryption_by_default')) return { status: 'unknown', messageId: 'notObserved', data: { address }, ...where };
      if (account.status === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: account.reason ?? 'unknown' }, ...(account.at ? { at: account.at } : {}) };
      if (encrypted.kind === 'absent' && device.fromSnapshot) return { status: 'unknown', messageId: 'snapshot', data: { address }, path };
      if (device.implied) return { status: 'fail', messageId: 'impliedNotEncrypted', data: { address }, ...where };
      return { status: 'fail', messageId: 'notEncrypted', data: { address, value: 'not set (default false)' }, path };
    });
    // A resource without EBS volumes of its own (an instance built from a launch template) has nothing to judge.
    return decisive(verdicts) ?? [];
  },
});
