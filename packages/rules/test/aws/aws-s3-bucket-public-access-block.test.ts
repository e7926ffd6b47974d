import rule from '../../src/aws/s3/aws-s3-bucket-public-access-block.js';
import { testRule } from '../rule-tester.js';

const bucket = { address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, computed: ['id', 'arn'] };
const allOn = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
const pab = (values: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'aws_s3_bucket_public_access_block.data',
  values,
  unknown: ['bucket', ...unknown],
  expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
});

testRule(rule, {
  pass: [
    { name: 'all four settings on the bucket',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`, resources: [bucket, pab(allOn)], messageId: 'blocked' },
    { name: 'account-level block covers the bucket', resources: [bucket, { address: 'aws_s3_account_public_access_block.this', values: allOn }], messageId: 'blockedByAccount' },
  ],
  fail: [
    { name: 'no public access block', resources: [bucket], messageId: 'missing', path: '' },
    { name: 'block_public_policy off and two settings left out',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_public_access_block" "data" {
  bucket              = aws_s3_bucket.data.id
  block_public_acls   = true
  block_public_policy = false
}
`, resources: [bucket, pab({ block_public_acls: true, block_public_policy: false })], messageId: 'incomplete', path: 'block_public_policy', message: 'block_public_policy, ignore_public_acls, restrict_public_buckets' },
    { name: 'an incomplete account block does not cover the bucket', resources: [bucket, { address: 'aws_s3_account_public_access_block.this', values: { ...allOn, restrict_public_buckets: false } }], messageId: 'missing', path: '' },
  ],
  unknown: [{ name: 'a setting from an unknown variable',
      hcl: `variable "restrict" {
  type = bool
}

resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict
}
`, resources: [bucket, pab({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true }, ['restrict_public_buckets'])], messageId: 'unknown', path: 'restrict_public_buckets' }],
});
