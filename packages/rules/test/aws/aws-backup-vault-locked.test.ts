import rule from '../../src/aws/backup/aws-backup-vault-locked.js';
import { testRule } from '../rule-tester.js';

const vaultHcl = 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\n';
const vault = { address: 'aws_backup_vault.main', values: { name: 'main' }, computed: ['arn', 'id'] };
const linked = { expressions: { backup_vault_name: ['aws_backup_vault.main.name', 'aws_backup_vault.main'] } };
const policyHcl = (statement: string, prelude = '') =>
  `${prelude}${vaultHcl}\nresource "aws_backup_vault_policy" "main" {\n  backup_vault_name = aws_backup_vault.main.name\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${statement}]\n  })\n}\n`;
const policy = (statement: unknown) => ({ address: 'aws_backup_vault_policy.main', values: { backup_vault_name: 'main', policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) }, ...linked });

testRule(rule, {
  pass: [
    {
      name: 'vault lock in compliance mode',
      hcl: vaultHcl + '\nresource "aws_backup_vault_lock_configuration" "main" {\n  backup_vault_name   = aws_backup_vault.main.name\n  min_retention_days  = 7\n  max_retention_days  = 365\n  changeable_for_days = 3\n}\n',
      resources: [vault, { address: 'aws_backup_vault_lock_configuration.main', values: { backup_vault_name: 'main', min_retention_days: 7, max_retention_days: 365, changeable_for_days: 3 }, ...linked }],
      subject: 'aws_backup_vault.main',
      messageId: 'locked',
    },
    {
      name: 'vault policy denying deletion to everyone but a break-glass role',
      hcl: policyHcl('{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"]\n      Resource  = "*"\n      Condition = { ArnNotLike = { "aws:PrincipalArn" = "arn:aws:iam::111122223333:role/break-glass" } }\n    }'),
      resources: [vault, policy({ Effect: 'Deny', Principal: '*', Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'], Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/break-glass' } } })],
      subject: 'aws_backup_vault.main',
      messageId: 'denied',
      path: 'policy',
    },
    { name: 'Deny backup:Delete* to AWS "*" (wildcard, other case)', resources: [vault, policy({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'Backup:Delete*', Resource: '*' })], subject: 'aws_backup_vault.main', messageId: 'denied' },
  ],
  fail: [
    { name: 'no lock and no policy', hcl: vaultHcl, resources: [vault], messageId: 'unprotected', path: '' },
    {
      name: 'vault policy that only allows copies',
      hcl: policyHcl('{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::444455556666:root" }\n      Action    = "backup:CopyIntoBackupVault"\n      Resource  = "*"\n    }'),
      resources: [vault, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'backup:CopyIntoBackupVault', Resource: '*' })],
      subject: 'aws_backup_vault.main',
      messageId: 'unprotected',
      path: 'policy',
    },
    { name: 'Deny to one principal only', resources: [vault, policy({ Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: 'backup:DeleteRecoveryPoint', Resource: '*' })], subject: 'aws_backup_vault.main', messageId: 'unprotected', path: 'policy' },
  ],
  unknown: [
    {
      name: 'policy document from a variable without a value',
      hcl: 'variable "vault_policy" {\n  type = string\n}\n\n' + vaultHcl + '\nresource "aws_backup_vault_policy" "main" {\n  backup_vault_name = aws_backup_vault.main.name\n  policy            = var.vault_policy\n}\n',
      resources: [vault, { address: 'aws_backup_vault_policy.main', values: { backup_vault_name: 'main' }, unknown: ['policy'], ...linked }],
      subject: 'aws_backup_vault.main',
      messageId: 'unknown',
      path: 'policy',
    },
  ],
});
