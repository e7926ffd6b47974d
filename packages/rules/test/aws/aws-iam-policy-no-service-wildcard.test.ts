import rule from '../../src/aws/iam/aws-iam-policy-no-service-wildcard.js';
import { testRule } from '../rule-tester.js';

const document = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: statement });
const policy = (statement: unknown, type = 'aws_iam_policy') => ({ address: `${type}.p`, values: { name: 'p', policy: document(statement) } });
const policyHcl = (statement: string, prelude = '') => `${prelude}resource "aws_iam_policy" "p" {\n  name = "p"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = ${statement}\n  })\n}\n`;

testRule(rule, {
  pass: [
    {
      name: 'listed actions on listed resources',
      hcl: policyHcl('[{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"] }]'),
      resources: [policy([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/*'] }])],
      messageId: 'scoped',
      path: 'policy',
    },
    { name: 'service wildcard on one bucket only', resources: [policy({ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/*'] })], messageId: 'scoped' },
    { name: 'service wildcard in a Deny', hcl: policyHcl('{ Effect = "Deny", Action = "iam:*", Resource = "*" }'), resources: [policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' })], messageId: 'scoped' },
    { name: 'Action * is left to aws-iam-policy-no-full-admin', resources: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })], messageId: 'scoped' },
    { name: 'prefix wildcard is not service-wide', resources: [policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' })], messageId: 'scoped' },
  ],
  fail: [
    { name: 'kms:* on every resource', hcl: policyHcl('[{ Effect = "Allow", Action = "kms:*", Resource = "*" }]'), resources: [policy([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }])], messageId: 'serviceWide', path: 'policy.Statement.0', message: 'kms:*' },
    {
      name: 'upper-case service in the second statement of a user policy',
      resources: [policy([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs' }, { Effect: 'Allow', Action: ['S3:*', 'ec2:Describe*'], Resource: '*' }], 'aws_iam_user_policy')],
      messageId: 'serviceWide',
      path: 'policy.Statement.1',
      message: 'statement 2',
    },
    {
      name: 'service wildcard on NotResource in an inline role policy',
      hcl: 'resource "aws_iam_role_policy" "p" {\n  name = "p"\n  role = "worker"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["dynamodb:*"], NotResource = ["arn:aws:dynamodb:eu-west-1:111122223333:table/audit"] }]\n  })\n}\n',
      resources: [policy([{ Effect: 'Allow', Action: ['dynamodb:*'], NotResource: ['arn:aws:dynamodb:eu-west-1:111122223333:table/audit'] }], 'aws_iam_role_policy')],
      messageId: 'serviceWide',
      path: 'policy.Statement.0',
    },
  ],
  unknown: [
    {
      name: 'service wildcard on a resource from a variable without a value',
      hcl: policyHcl('[{ Effect = "Allow", Action = "s3:*", Resource = var.bucket_arn }]', 'variable "bucket_arn" {\n  type = string\n}\n\n'),
      resources: [{ address: 'aws_iam_policy.p', values: { name: 'p' }, unknown: ['policy'] }],
      messageId: 'unknown',
      path: 'policy',
    },
  ],
});
