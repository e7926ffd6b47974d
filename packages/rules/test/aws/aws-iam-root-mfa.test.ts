import rule from '../../src/aws/iam/aws-iam-root-mfa.js';
import { testRule } from '../rule-tester.js';

const root = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_iam_root_user.account', values, ...more });

testRule(rule, {
  pass: [{ name: 'root user with MFA', resources: [root({ mfa_active: true })], messageId: 'mfa', path: 'mfa_active' }],
  fail: [{ name: 'root user without MFA', resources: [root({ mfa_active: false })], messageId: 'noMfa', path: 'mfa_active' }],
  unknown: [
    {
      name: 'member account created by Terraform: only a live scan can tell',
      hcl: 'resource "aws_organizations_account" "payments" {\n  name  = "payments"\n  email = "aws-payments@acme.example"\n}\n',
      resources: [{ address: 'aws_organizations_account.payments', values: { name: 'payments', email: 'aws-payments@acme.example' } }],
      messageId: 'liveOnly',
    },
    { name: 'credential report could not be read', resources: [root({}, { unknown: ['mfa_active'] })], messageId: 'unknown', path: 'mfa_active' },
  ],
});
