import rule from '../../src/aws/iam/aws-iam-unused-credentials-disabled.js';
import { testRule } from '../rule-tester.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
// A live scan adds last_used_date (access keys) and password_last_used (login profiles) from the credential report.
const key = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_iam_access_key.ci', values: { user: 'ci', status: 'Active', ...values }, ...more });
const profile = (values: Record<string, unknown>) => ({ address: 'aws_iam_user_login_profile.jane', values: { user: 'jane', ...values } });

testRule(rule, {
  pass: [
    { name: 'key used yesterday', resources: [key({ last_used_date: daysAgo(1), create_date: daysAgo(400) })], messageId: 'recentlyUsed', path: 'last_used_date' },
    { name: 'key created last week, never used', resources: [key({ last_used_date: null, create_date: daysAgo(7) })], messageId: 'recentlyCreated', path: 'create_date' },
    { name: 'inactive key', resources: [key({ status: 'Inactive', last_used_date: daysAgo(500) })], messageId: 'inactive', path: 'status' },
    { name: 'password used last month', resources: [profile({ password_last_used: daysAgo(30), create_date: daysAgo(900) })], messageId: 'recentlyUsed' },
  ],
  fail: [
    { name: 'key unused for 200 days', resources: [key({ last_used_date: daysAgo(200), create_date: daysAgo(900) })], messageId: 'unused', path: 'last_used_date' },
    { name: 'key created a year ago, never used', resources: [key({ last_used_date: null, create_date: daysAgo(365) })], messageId: 'unused', path: 'create_date' },
    { name: 'password unused for 120 days', resources: [profile({ password_last_used: daysAgo(120), create_date: daysAgo(900) })], messageId: 'unused', path: 'password_last_used' },
  ],
  unknown: [
    {
      name: 'access key declared in Terraform: last use is known only live',
      hcl: 'resource "aws_iam_user" "ci" {\n  name = "ci"\n}\n\nresource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n}\n',
      resources: [key({}, { computed: ['create_date', 'secret', 'id'] })],
      subject: 'aws_iam_access_key.ci',
      messageId: 'liveOnly',
    },
    { name: 'never used and creation date unknown', resources: [key({ last_used_date: null })], messageId: 'unknown', path: 'create_date' },
  ],
});
