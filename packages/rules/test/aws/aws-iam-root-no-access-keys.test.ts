import rule from '../../src/aws/iam/aws-iam-root-no-access-keys.js';
import { testRule } from '../rule-tester.js';

// A live scan describes the root user as aws_iam_root_user with fields of the IAM credential report.
const root = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_iam_root_user.account', values, ...more });
const memberAccountHcl = 'resource "aws_organizations_account" "payments" {\n  name  = "payments"\n  email = "aws-payments@acme.example"\n}\n';

testRule(rule, {
  pass: [{ name: 'no active root keys', resources: [root({ mfa_active: true, access_key_1_active: false, access_key_2_active: false })], messageId: 'noKeys' }],
  fail: [
    { name: 'first root key active', resources: [root({ access_key_1_active: true, access_key_2_active: false })], messageId: 'activeKeys', path: 'access_key_1_active' },
    { name: 'second root key active', resources: [root({ access_key_1_active: false, access_key_2_active: true })], messageId: 'activeKeys', path: 'access_key_2_active' },
  ],
  unknown: [
    {
      name: 'member account created by Terraform: only a live scan can tell',
      hcl: memberAccountHcl,
      resources: [{ address: 'aws_organizations_account.payments', values: { name: 'payments', email: 'aws-payments@acme.example' }, computed: ['id', 'arn'] }],
      messageId: 'liveOnly',
    },
    { name: 'credential report could not be read', resources: [root({ access_key_1_active: false }, { unknown: ['access_key_2_active'] })], messageId: 'unknown', path: 'access_key_2_active' },
  ],
});
