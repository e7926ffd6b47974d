import rule from '../../src/aws/iam/aws-iam-console-user-mfa.js';
import { testRule } from '../rule-tester.js';

// A live scan describes each console user as aws_iam_user_login_profile with mfa_active from the credential report.
const profile = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_iam_user_login_profile.jane', values: { user: 'jane', ...values }, ...more });

testRule(rule, {
  pass: [{ name: 'console user with MFA', resources: [profile({ mfa_active: true })], messageId: 'mfa', path: 'mfa_active' }],
  fail: [{ name: 'console user without MFA', resources: [profile({ mfa_active: false })], messageId: 'noMfa', path: 'mfa_active', message: 'jane' }],
  unknown: [
    {
      name: 'login profile declared in Terraform: MFA is known only live',
      hcl: 'resource "aws_iam_user" "jane" {\n  name = "jane"\n}\n\nresource "aws_iam_user_login_profile" "jane" {\n  user = aws_iam_user.jane.name\n}\n',
      resources: [profile({}, { computed: ['password', 'encrypted_password'] })],
      subject: 'aws_iam_user_login_profile.jane',
      messageId: 'liveOnly',
    },
    { name: 'credential report could not be read', resources: [profile({}, { unknown: ['mfa_active'] })], messageId: 'unknown', path: 'mfa_active' },
  ],
});
