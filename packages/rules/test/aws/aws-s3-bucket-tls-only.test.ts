import rule from '../../src/aws/s3/aws-s3-bucket-tls-only.js';
import { testRule } from '../rule-tester.js';

const bucket = { address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, computed: ['policy', 'id', 'arn'] };
const document = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements.length === 1 ? statements[0] : statements });
const denyInsecure = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
const policy = (text: string | undefined) => ({
  address: 'aws_s3_bucket_policy.data',
  values: text === undefined ? {} : { policy: text },
  unknown: text === undefined ? ['bucket', 'policy'] : ['bucket'],
  expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
});

testRule(rule, {
  pass: [
    { name: 'split policy with a single Deny statement object on SecureTransport',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }
  })
}
`, resources: [bucket, policy(document(denyInsecure))], messageId: 'enforced', path: 'policy' },
    { name: 'Deny on TLS versions below 1.2, among other statements', resources: [bucket, policy(document({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: ['S3:*'], Resource: '*', Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }))], messageId: 'enforced' },
    { name: 'legacy inline policy with BoolIfExists', resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data', policy: document({ ...denyInsecure, Condition: { BoolIfExists: { 'aws:SecureTransport': false } } }) } }], messageId: 'enforced' },
  ],
  fail: [
    { name: 'no bucket policy',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`, resources: [bucket], messageId: 'noPolicy', path: '' },
    { name: 'policy that allows but never denies plain HTTP',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}
  EOT
}
`, resources: [bucket, policy(document({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }))], messageId: 'notEnforced', path: 'policy' },
    { name: 'a Deny on SecureTransport true is not a TLS requirement', resources: [bucket, policy(document({ ...denyInsecure, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))], messageId: 'notEnforced', path: 'policy' },
    { name: 'policy that is not JSON', resources: [bucket, policy('{"Statement": [')], messageId: 'invalid', path: 'policy' },
    { name: 'a Deny for one role only does not require TLS of everyone', resources: [bucket, policy(document({ ...denyInsecure, Principal: { AWS: 'arn:aws:iam::111122223333:role/app' } }))], messageId: 'notEnforced', path: 'policy' },
  ],
  unknown: [{ name: 'policy rendered from values known after apply',
      hcl: `variable "policy_json" {
  type = string
}

resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = var.policy_json
}
`, resources: [bucket, policy(undefined)], messageId: 'unknown', path: 'policy' },
    {
      name: 'statements built by a dynamic block over an unknown list',
      hcl: `variable "extra_statements" {
  type = list(object({ sid = string }))
}

resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
data "aws_iam_policy_document" "data" {
  dynamic "statement" {
    for_each = var.extra_statements
    content {
      sid       = statement.value.sid
      effect    = "Allow"
      actions   = ["s3:GetObject"]
      resources = ["arn:aws:s3:::acme-data/*"]
      principals {
        type        = "AWS"
        identifiers = ["arn:aws:iam::111122223333:root"]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}
`,
      subject: 'aws_s3_bucket.data',
      messageId: 'unknown',
      path: 'policy',
    },
  ],
});
