import rule from '../../src/aws/efs/aws-efs-file-system-encrypted.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: [
    { name: 'encrypted with the default key', hcl: 'resource "aws_efs_file_system" "shared" {\n  encrypted = true\n}\n', resources: [{ address: 'aws_efs_file_system.shared', values: { encrypted: true }, computed: ['kms_key_id'] }], messageId: 'encrypted', path: 'encrypted' },
    {
      name: 'encrypted with a key created alongside',
      hcl: 'resource "aws_kms_key" "efs" {}\n\nresource "aws_efs_file_system" "shared" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}\n',
      resources: [{ address: 'aws_efs_file_system.shared', values: { encrypted: true }, unknown: ['kms_key_id'], expressions: { kms_key_id: ['aws_kms_key.efs.arn', 'aws_kms_key.efs'] } }],
      messageId: 'encrypted',
    },
  ],
  fail: [
    { name: 'encrypted left out (default false)', hcl: 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n}\n', resources: [{ address: 'aws_efs_file_system.shared', values: { creation_token: 'shared' }, computed: ['encrypted', 'kms_key_id'] }], messageId: 'notEncrypted', path: 'encrypted', message: 'default false' },
    { name: 'encrypted = null', hcl: 'resource "aws_efs_file_system" "shared" {\n  encrypted = null\n}\n', resources: [{ address: 'aws_efs_file_system.shared', values: { encrypted: null } }], messageId: 'notEncrypted', path: 'encrypted' },
  ],
  unknown: [
    {
      name: 'encrypted by a conditional on an unknown variable',
      hcl: 'variable "sensitive" {\n  type = bool\n}\n\nresource "aws_efs_file_system" "shared" {\n  encrypted = var.sensitive ? true : false\n}\n',
      resources: [{ address: 'aws_efs_file_system.shared', unknown: ['encrypted'] }],
      messageId: 'unknown',
      path: 'encrypted',
    },
  ],
});
