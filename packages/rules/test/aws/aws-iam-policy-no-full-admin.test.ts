import rule from '../../src/aws/iam/aws-iam-policy-no-full-admin.js';
import { testRule } from '../rule-tester.js';

const policy = (statement: unknown, type = 'aws_iam_policy') => ({
  address: `${type}.p`,
  values: { name: 'p', policy: JSON.stringify({ Version: '2012-10-17', Statement: statement }) },
});

testRule(rule, {
  pass: [
    { name: 'scoped actions and resources',
      hcl: `data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme/*"]
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.p.json
}
`, resources: [policy([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::acme/*' }])], messageId: 'limited', path: 'policy' },
    { name: 'Deny statements never count as grants', resources: [policy({ Effect: 'Deny', Action: '*', Resource: '*' })], messageId: 'limited' },
    { name: 'every action on one resource only', resources: [policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::acme' })], messageId: 'limited' },
  ],
  fail: [
    { name: 'Action * on Resource * as a single statement object',
      hcl: `resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = { Effect = "Allow", Action = "*", Resource = "*" }
  })
}
`, resources: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })], messageId: 'fullAdmin', path: 'policy', message: 'statement 1' },
    { name: 'in a list, second statement, inline role policy', resources: [policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Action: ['*'], Resource: ['*'] }], 'aws_iam_role_policy')], messageId: 'fullAdmin', path: 'policy', message: 'statement 2' },
    { name: 'NotAction with Allow on every resource', resources: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })], messageId: 'fullAdmin', path: 'policy', message: 'every action except iam:*' },
  ],
  unknown: [{ name: 'policy known after apply',
      hcl: `variable "document" {
  type = string
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = var.document
}
`, resources: [{ address: 'aws_iam_policy.p', values: { name: 'p' }, unknown: ['policy'] }], messageId: 'unknown', path: 'policy' }],
});
