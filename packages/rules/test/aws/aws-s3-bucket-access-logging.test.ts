import rule from '../../src/aws/s3/aws-s3-bucket-access-logging.js';
import { testRule } from '../rule-tester.js';

const bucket = { address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, computed: ['logging', 'id', 'arn'] };
const logs = { address: 'aws_s3_bucket.logs', values: { bucket: 'acme-logs' }, computed: ['logging', 'id', 'arn'] };

testRule(rule, {
  pass: [
    {
      name: 'split logging to a bucket created in the same plan',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}
`,
      resources: [bucket, logs, { address: 'aws_s3_bucket_logging.data', values: { target_prefix: 'data/' }, unknown: ['bucket', 'target_bucket'], expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'], target_bucket: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] } }],
      subject: 'aws_s3_bucket.data',
      messageId: 'enabled',
      path: 'target_bucket',
    },
    { name: 'legacy inline logging block', resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data', logging: [{ target_bucket: 'acme-logs', target_prefix: 'x/' }] } }], messageId: 'enabled', path: 'logging.0.target_bucket' },
  ],
  fail: [{ name: 'no logging',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`, resources: [bucket], messageId: 'disabled', path: '' }],
  unknown: [
    { name: 'target bucket from an unknown variable',
      hcl: `variable "log_bucket" {
  type = string
}

resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = var.log_bucket
}
`, resources: [bucket, { address: 'aws_s3_bucket_logging.data', values: {}, unknown: ['bucket', 'target_bucket'], expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] } }], messageId: 'unknown', path: 'target_bucket' },
  ],
});
