import rule from '../../src/aws/iam/aws-iam-user-no-direct-policies.js';
import { testRule } from '../rule-tester.js';

const readOnly = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const attachmentHcl = (members: string, prelude = '') => `${prelude}resource "aws_iam_policy_attachment" "readers" {\n  name       = "readers"\n${members}  policy_arn = "${readOnly}"\n}\n`;

testRule(rule, {
  pass: [
    {
      name: 'shared attachment to groups and roles only',
      hcl: attachmentHcl('  groups     = ["developers"]\n  roles      = ["auditor"]\n'),
      resources: [{ address: 'aws_iam_policy_attachment.readers', values: { name: 'readers', groups: ['developers'], roles: ['auditor'], users: [], policy_arn: readOnly } }],
      messageId: 'notToUsers',
      path: 'users',
    },
    { name: 'users set to null', resources: [{ address: 'aws_iam_policy_attachment.readers', values: { name: 'readers', groups: ['developers'], users: null, policy_arn: readOnly } }], messageId: 'notToUsers' },
  ],
  fail: [
    {
      name: 'managed policy attached to a user',
      hcl: `resource "aws_iam_user_policy_attachment" "jane" {\n  user       = "jane"\n  policy_arn = "${readOnly}"\n}\n`,
      resources: [{ address: 'aws_iam_user_policy_attachment.jane', values: { user: 'jane', policy_arn: readOnly } }],
      messageId: 'attachedToUser',
      path: 'user',
    },
    {
      name: 'inline user policy',
      hcl: 'resource "aws_iam_user_policy" "jane" {\n  name = "jane"\n  user = "jane"\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n}\n',
      resources: [{ address: 'aws_iam_user_policy.jane', values: { name: 'jane', user: 'jane', policy: '{}' } }],
      messageId: 'inlineUserPolicy',
      path: 'user',
    },
    {
      name: 'shared attachment naming users',
      hcl: 'resource "aws_iam_user" "ci" {\n  name = "ci"\n}\n\n' + attachmentHcl('  users      = [aws_iam_user.ci.name]\n'),
      resources: [{ address: 'aws_iam_policy_attachment.readers', values: { name: 'readers', users: ['ci'], policy_arn: readOnly } }],
      subject: 'aws_iam_policy_attachment.readers',
      messageId: 'attachedToUser',
      path: 'users',
      message: 'ci',
    },
  ],
  unknown: [
    {
      name: 'members from a variable without a value',
      hcl: attachmentHcl('  users      = var.readers\n', 'variable "readers" {\n  type = list(string)\n}\n\n'),
      resources: [{ address: 'aws_iam_policy_attachment.readers', values: { name: 'readers', policy_arn: readOnly }, unknown: ['users'] }],
      messageId: 'unknown',
      path: 'users',
    },
  ],
});
