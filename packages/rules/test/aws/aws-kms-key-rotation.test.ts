import rule from '../../src/aws/kms/aws-kms-key-rotation.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: [
    { name: 'rotation enabled', hcl: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n', resources: [{ address: 'aws_kms_key.data', values: { enable_key_rotation: true }, computed: ['arn', 'key_id'] }], messageId: 'rotated', path: 'enable_key_rotation' },
    {
      name: 'rotation enabled with a shorter period, symmetric spec written out',
      hcl: 'resource "aws_kms_key" "data" {\n  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = true\n  rotation_period_in_days  = 180\n}\n',
      resources: [{ address: 'aws_kms_key.data', values: { customer_master_key_spec: 'SYMMETRIC_DEFAULT', enable_key_rotation: true, rotation_period_in_days: 180 } }],
      messageId: 'rotated',
    },
  ],
  fail: [
    { name: 'rotation left out', hcl: 'resource "aws_kms_key" "data" {\n  description = "data"\n}\n', resources: [{ address: 'aws_kms_key.data', values: { description: 'data' }, computed: ['enable_key_rotation', 'customer_master_key_spec', 'is_enabled'] }], messageId: 'notRotated', path: 'enable_key_rotation', message: 'default false' },
    { name: 'rotation turned off', hcl: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = false\n}\n', resources: [{ address: 'aws_kms_key.data', values: { enable_key_rotation: false } }], messageId: 'notRotated', path: 'enable_key_rotation' },
  ],
  unknown: [
    {
      name: 'rotation from a variable without a value',
      hcl: 'variable "rotate" {\n  type = bool\n}\n\nresource "aws_kms_key" "data" {\n  enable_key_rotation = var.rotate\n}\n',
      resources: [{ address: 'aws_kms_key.data', unknown: ['enable_key_rotation'] }],
      messageId: 'unknown',
      path: 'enable_key_rotation',
    },
  ],
});
