import rule from '../../src/aws/iam/aws-iam-policy-no-full-admin.js';
import { testRule } from '../rule-tester.js';

const policy = (statement: unknown, type = 'aws_iam_policy') => ({
  address: `${type}.p`,
  values: { name: 'p', policy: JSON.stringify({ Version: '2012-10-17', Statement: statement }) },
});
const attachment = (policyArn: string) => ({ address: 'aws_iam_role_policy_attachment.admin', values: { role: 'ops', policy_arn: policyArn } });

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
    {
      name: 'attachment of a read-only AWS managed policy',
      hcl: 'resource "aws_iam_role_policy_attachment" "admin" {\n  role       = "ops"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
      resources: [attachment('arn:aws:iam::aws:policy/ReadOnlyAccess')],
      messageId: 'attachesOther',
      path: 'policy_arn',
    },
    {
      name: 'role with a scoped inline policy',
      hcl: 'resource "aws_iam_role" "worker" {\n  name               = "worker"\n  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })\n\n  inline_policy {\n    name   = "queue"\n    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sqs:ReceiveMessage", Resource = "*" }] })\n  }\n}\n',
      resources: [{ address: 'aws_iam_role.worker', values: { name: 'worker', inline_policy: [{ name: 'queue', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: '*' }] }) }] } }],
      messageId: 'limited',
      path: 'inline_policy.0.policy',
    },
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
`, resources: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })], messageId: 'fullAdmin', path: 'policy.Statement.0', message: 'statement 1' },
    { name: 'in a list, second statement, inline role policy', resources: [policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Action: ['*'], Resource: ['*'] }], 'aws_iam_role_policy')], messageId: 'fullAdmin', path: 'policy.Statement.1', message: 'statement 2' },
    { name: 'NotAction with Allow on every resource', resources: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })], messageId: 'fullAdmin', path: 'policy.Statement.0', message: 'every action except iam:*' },
    { name: 'every action on NotResource', resources: [policy({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::audit-logs/*' })], messageId: 'fullAdmin', path: 'policy.Statement.0', message: 'every resource except arn:aws:s3:::audit-logs/*' },
    {
      name: 'attachment of AdministratorAccess',
      hcl: 'resource "aws_iam_role_policy_attachment" "admin" {\n  role       = "ops"\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n',
      resources: [attachment('arn:aws:iam::aws:policy/AdministratorAccess')],
      messageId: 'adminAttached',
      path: 'policy_arn',
    },
    {
      name: 'role inline policy built from a data source, in a module',
      hcl: 'module "ops" {\n  source = "./modules/ops"\n}\n',
      files: {
        'modules/ops/main.tf': 'data "aws_iam_policy_document" "all" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n\nresource "aws_iam_role" "ops" {\n  name               = "ops"\n  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }] })\n\n  inline_policy {\n    name   = "all"\n    policy = data.aws_iam_policy_document.all.json\n  }\n}\n',
      },
      resources: [{ address: 'module.ops.aws_iam_role.ops', values: { name: 'ops', inline_policy: [{ name: 'all', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }] } }],
      messageId: 'fullAdmin',
      path: 'inline_policy.0.policy.Statement.0',
      message: 'inline policy all',
    },
  ],
  unknown: [
    { name: 'policy known after apply',
      hcl: `variable "document" {
  type = string
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = var.document
}
`, resources: [{ address: 'aws_iam_policy.p', values: { name: 'p' }, unknown: ['policy'] }], messageId: 'unknown', path: 'policy' },
    {
      name: 'every action on a resource from a variable without a value',
      hcl: 'variable "target" {\n  type = string\n}\n\nresource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = var.target }] })\n}\n',
      resources: [{ address: 'aws_iam_policy.p', values: { name: 'p' }, unknown: ['policy'] }],
      messageId: 'unknown',
      path: 'policy',
    },
  ],
});
