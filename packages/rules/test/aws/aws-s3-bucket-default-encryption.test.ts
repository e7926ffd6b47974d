import rule from '../../src/aws/s3/aws-s3-bucket-default-encryption.js';
import { testRule } from '../rule-tester.js';

const bucket = { address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, computed: ['server_side_encryption_configuration', 'id', 'arn'] };
const sse = (byDefault: Record<string, unknown>[], unknown: string[] = []) => ({
  address: 'aws_s3_bucket_server_side_encryption_configuration.data',
  values: { rule: [{ apply_server_side_encryption_by_default: byDefault, bucket_key_enabled: true }] },
  unknown: ['bucket', ...unknown],
  expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
});

testRule(rule, {
  pass: [
    { name: 'split configuration with aws:kms and a key known after apply',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_kms_key" "data" {}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}
`, resources: [bucket, sse([{ sse_algorithm: 'aws:kms' }], ['rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id'])], messageId: 'encrypted', path: 'rule.0.apply_server_side_encryption_by_default.0.sse_algorithm' },
    { name: 'split configuration with AES256', resources: [bucket, sse([{ sse_algorithm: 'AES256' }])], messageId: 'encrypted' },
    { name: 'no configuration: the S3 platform default SSE-S3 applies',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`, resources: [bucket], messageId: 'platformDefault' },
    {
      name: 'legacy inline configuration',
      resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data', server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms:dsse' }] }] }] } }],
      messageId: 'encrypted',
      path: 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm',
    },
    {
      name: 'bucket inside a module linked through a module output',
      resources: [
        { address: 'module.storage.aws_s3_bucket.this', values: { bucket: 'acme-data' } },
        { address: 'aws_s3_bucket_server_side_encryption_configuration.data', values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] }, unknown: ['bucket'], expressions: { bucket: ['module.storage.bucket_id', 'module.storage'] } },
      ],
      plan: { moduleOutputs: { 'module.storage': { bucket_id: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] } } },
      messageId: 'encrypted',
    },
  ],
  fail: [
    { name: 'rule without a default encryption block', resources: [bucket, sse([])], messageId: 'noDefaultRule', path: 'rule' },
    { name: 'unsupported algorithm',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "DES"
    }
  }
}
`, resources: [bucket, sse([{ sse_algorithm: 'DES' }])], messageId: 'badAlgorithm', path: 'rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', message: '"DES"' },
  ],
  unknown: [
    { name: 'algorithm chosen by a conditional on an unknown value',
      hcl: `variable "use_kms" {
  type = bool
}

resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.use_kms ? "aws:kms" : "AES256"
    }
  }
}
`, resources: [bucket, sse([{}], ['rule.0.apply_server_side_encryption_by_default.0.sse_algorithm'])], messageId: 'unknown', path: 'rule.0.apply_server_side_encryption_by_default.0.sse_algorithm' },
  ],
});
