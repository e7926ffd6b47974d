import rule from '../../src/aws/s3/aws-s3-bucket-versioning.js';
import { testRule } from '../rule-tester.js';

const bucket = { address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, computed: ['versioning', 'id', 'arn'] };
const splitVersioning = (status: unknown) => ({
  address: 'aws_s3_bucket_versioning.data',
  values: { versioning_configuration: [{ status }] },
  unknown: ['bucket'],
  expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
});

testRule(rule, {
  pass: [
    { name: 'split versioning resource Enabled, linked by reference while the bucket id is unknown',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`, resources: [bucket, splitVersioning('Enabled')], messageId: 'enabled', path: 'versioning_configuration.0.status' },
    { name: 'legacy inline versioning block enabled',
      hcl: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  versioning {
    enabled = true
  }
}
`, resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data', versioning: [{ enabled: true, mfa_delete: false }] } }], messageId: 'enabled', path: 'versioning.0.enabled' },
    {
      name: 'split resource linked by known bucket name',
      resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' } }, { address: 'aws_s3_bucket_versioning.data', values: { bucket: 'acme-data', versioning_configuration: [{ status: 'Enabled' }] } }],
      messageId: 'enabled',
    },
    {
      name: 'bucket and versioning inside a counted module are paired by instance',
      resources: [
        { address: 'module.store[0].aws_s3_bucket.this', values: { bucket: 'a' } },
        { address: 'module.store[0].aws_s3_bucket_versioning.this', values: { versioning_configuration: [{ status: 'Enabled' }] }, unknown: ['bucket'], expressions: { bucket: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] } },
        { address: 'module.store[1].aws_s3_bucket.this', values: { bucket: 'b' } },
      ],
      subject: 'module.store[0].aws_s3_bucket.this',
      messageId: 'enabled',
    },
  ],
  fail: [
    { name: 'no versioning configured at all (provider-computed legacy attribute)',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`, resources: [bucket], messageId: 'notEnabled', path: '' },
    { name: 'split versioning Suspended',
      hcl: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}
`, resources: [bucket, splitVersioning('Suspended')], messageId: 'notEnabled', path: 'versioning_configuration.0.status', message: 'Suspended' },
    { name: 'legacy inline versioning disabled', resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data', versioning: [{ enabled: false }] } }], messageId: 'notEnabled', path: 'versioning.0.enabled' },
    {
      name: 'a counted module instance without its own versioning is not covered by its sibling',
      resources: [
        { address: 'module.store[0].aws_s3_bucket.this', values: { bucket: 'a' } },
        { address: 'module.store[0].aws_s3_bucket_versioning.this', values: { versioning_configuration: [{ status: 'Enabled' }] }, unknown: ['bucket'], expressions: { bucket: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] } },
        { address: 'module.store[1].aws_s3_bucket.this', values: { bucket: 'b' } },
      ],
      subject: 'module.store[1].aws_s3_bucket.this',
      messageId: 'notEnabled',
      path: '',
    },
  ],
  unknown: [
    { name: 'versioning status from an unknown expression',
      hcl: `variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = var.versioning_status
  }
}
`, resources: [bucket, { ...splitVersioning('Enabled'), values: { versioning_configuration: [{}] }, unknown: ['bucket', 'versioning_configuration.0.status'] }], messageId: 'unknown', path: 'versioning_configuration.0.status' },
    { name: 'legacy versioning block set from an unknown value', resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, unknown: ['versioning'] }], messageId: 'unknown', path: 'versioning' },
  ],
});
