import rule from '../../src/aws/backup/aws-backup-vault-customer-managed-key.js';
import { testRule } from '../rule-tester.js';

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab';
const vaultHcl = (line: string, prelude = '') => `${prelude}resource "aws_backup_vault" "main" {\n  name = "main"\n${line}}\n`;
const vault = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_backup_vault.main', values: { name: 'main', ...values }, computed: ['arn'], ...more });

testRule(rule, {
  pass: [
    { name: 'known customer key', hcl: vaultHcl(`  kms_key_arn = "${keyArn}"\n`), resources: [vault({ kms_key_arn: keyArn })], messageId: 'customerKey', path: 'kms_key_arn' },
    {
      name: 'key created in the same configuration',
      hcl: 'resource "aws_kms_key" "backup" {\n  enable_key_rotation = true\n}\n\n' + vaultHcl('  kms_key_arn = aws_kms_key.backup.arn\n'),
      resources: [vault({}, { unknown: ['kms_key_arn'], expressions: { kms_key_arn: ['aws_kms_key.backup.arn', 'aws_kms_key.backup'] } })],
      subject: 'aws_backup_vault.main',
      messageId: 'customerKey',
      message: 'aws_kms_key.backup',
    },
  ],
  fail: [{ name: 'no key (AWS managed aws/backup)', hcl: vaultHcl(''), resources: [vault({}, { computed: ['arn', 'kms_key_arn'] })], messageId: 'awsManagedKey', path: 'kms_key_arn' }],
  unknown: [
    {
      name: 'key from a variable without a value',
      hcl: vaultHcl('  kms_key_arn = var.key\n', 'variable "key" {\n  type = string\n}\n\n'),
      resources: [vault({}, { unknown: ['kms_key_arn'] })],
      messageId: 'unknown',
      path: 'kms_key_arn',
    },
  ],
});
