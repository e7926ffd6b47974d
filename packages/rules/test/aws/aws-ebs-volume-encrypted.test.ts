import rule from '../../src/aws/ebs/aws-ebs-volume-encrypted.js';
import { testRule } from '../rule-tester.js';

const volume = (values: Record<string, unknown>, more: { unknown?: string[]; computed?: string[] } = {}) => ({
  address: 'aws_ebs_volume.data',
  values: { availability_zone: 'eu-west-1a', size: 100, ...values },
  computed: ['arn', 'id', ...(more.computed ?? [])],
  ...(more.unknown ? { unknown: more.unknown } : {}),
});

testRule(rule, {
  pass: [
    {
      name: 'volume with encrypted = true',
      hcl: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\n',
      resources: [volume({ encrypted: true })],
      messageId: 'encrypted',
      path: 'encrypted',
    },
    {
      name: 'volume without encrypted while EBS encryption by default is declared',
      hcl: 'resource "aws_ebs_encryption_by_default" "this" {}\n\nresource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n',
      resources: [{ address: 'aws_ebs_encryption_by_default.this', values: {} }, volume({}, { computed: ['encrypted'] })],
      subject: 'aws_ebs_volume.data',
      messageId: 'byAccountDefault',
    },
    {
      name: 'instance whose root and data volumes are encrypted',
      hcl: `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}
`,
      resources: [{ address: 'aws_instance.app', values: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: true }] } }],
      messageId: 'encrypted',
    },
    {
      name: 'launch template whose encrypted flag is the string "true"',
      hcl: `resource "aws_launch_template" "app" {
  name_prefix = "app"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = "true"
    }
  }
}
`,
      resources: [{ address: 'aws_launch_template.app', values: { name_prefix: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20, encrypted: 'true' }] }] } }],
      messageId: 'encrypted',
      path: 'block_device_mappings.0.ebs.0.encrypted',
    },
    {
      name: 'instance whose volumes come from an encrypted launch template',
      hcl: `resource "aws_launch_template" "app" {
  name_prefix = "app"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
}

resource "aws_instance" "app" {
  instance_type = "t3.micro"

  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}
`,
      resources: [
        { address: 'aws_launch_template.app', values: { name_prefix: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] }, computed: ['id'] },
        { address: 'aws_instance.app', values: { instance_type: 't3.micro', launch_template: [{ version: '$Latest' }] }, unknown: ['launch_template.0.id'], computed: ['root_block_device'] },
      ],
      subject: 'aws_launch_template.app',
      messageId: 'encrypted',
    },
    {
      name: 'volumes of counted instances in a module',
      hcl: 'module "app" {\n  source = "./modules/app"\n}\n',
      files: {
        'modules/app/main.tf': 'resource "aws_instance" "this" {\n  count         = 2\n  ami           = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n\n  root_block_device {\n    encrypted = true\n  }\n}\n',
      },
      resources: [
        { address: 'module.app.aws_instance.this[0]', values: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', root_block_device: [{ encrypted: true }] } },
        { address: 'module.app.aws_instance.this[1]', values: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', root_block_device: [{ encrypted: true }] } },
      ],
      subject: 'module.app.aws_instance.this[1]',
      messageId: 'encrypted',
    },
  ],
  fail: [
    {
      name: 'volume without encrypted and no account default',
      hcl: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n',
      resources: [volume({}, { computed: ['encrypted'] })],
      messageId: 'notEncrypted',
      path: 'encrypted',
      message: 'not set (default false)',
    },
    {
      name: 'volume with encrypted = false',
      hcl: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = false\n}\n',
      resources: [volume({ encrypted: false })],
      messageId: 'notEncrypted',
      path: 'encrypted',
    },
    {
      name: 'instance without a root_block_device relies on its AMI',
      hcl: 'resource "aws_instance" "app" {\n  ami           = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n}\n',
      resources: [{ address: 'aws_instance.app', values: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' }, computed: ['root_block_device', 'ebs_block_device'] }],
      messageId: 'impliedNotEncrypted',
      path: '',
    },
    {
      name: 'instance with an unencrypted second EBS device',
      hcl: `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
  }
}
`,
      resources: [{ address: 'aws_instance.app', values: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', volume_size: 50 }] } }],
      messageId: 'notEncrypted',
      path: 'ebs_block_device.0.encrypted',
    },
    {
      name: 'account default declared but turned off',
      resources: [{ address: 'aws_ebs_encryption_by_default.this', values: { enabled: false } }, volume({}, { computed: ['encrypted'] })],
      subject: 'aws_ebs_volume.data',
      messageId: 'notEncrypted',
      path: 'encrypted',
    },
  ],
  unknown: [
    {
      name: 'encrypted chosen by a variable without a value',
      hcl: 'variable "encrypt" {\n  type = bool\n}\n\nresource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = var.encrypt\n}\n',
      resources: [volume({}, { unknown: ['encrypted'] })],
      messageId: 'unknown',
      path: 'encrypted',
    },
    {
      name: 'volume restored from a snapshot created in the same configuration',
      hcl: 'resource "aws_ebs_snapshot" "base" {\n  volume_id = "vol-0123456789abcdef0"\n}\n\nresource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  snapshot_id       = aws_ebs_snapshot.base.id\n}\n',
      resources: [volume({}, { unknown: ['snapshot_id'], computed: ['encrypted'] })],
      messageId: 'snapshot',
      path: 'encrypted',
    },
  ],
});
