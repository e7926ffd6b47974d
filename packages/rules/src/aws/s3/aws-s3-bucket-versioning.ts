import { defineRule } from '@trustscan/core';
import { bucketSubject } from '../../analysis/s3-bucket-subject.js';
import { attribute, readBlocks, readBoolean, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-s3-bucket-versioning',
    title: 'S3 buckets keep object versions',
    description:
      'Versioning keeps every version of every object, so data that is overwritten or deleted by mistake, by a faulty deployment or by ransomware can be restored. SOC 2 auditors look for it as part of the backup and recovery controls for stored data.',
    remediation: [
      'Enable versioning with an `aws_s3_bucket_versioning` resource (AWS provider v4 and later):',
      '',
      '```hcl',
      'resource "aws_s3_bucket_versioning" "data" {',
      '  bucket = aws_s3_bucket.data.id',
      '  versioning_configuration {',
      '    status = "Enabled"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['CC7.4', 'C1.2'],
      basis: 'Steampipe maps s3_bucket_versioning_enabled to A1.2 and CC7.4; Prowler maps s3_bucket_object_versioning to A1.2 and C1.2 (recovery of overwritten or deleted data).',
    },
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_versioning'],
    relatedTypes: ['aws_s3_bucket_versioning'],
    live: {
      aws: {
        configType: 'AWS::S3::Bucket',
        fields: ['supplementaryConfiguration.BucketVersioningConfiguration.status'],
        api: 'S3 GetBucketVersioning',
      },
    },
    defaults: ['Versioning is off on a new bucket until it is enabled.'],
    equivalents: { checkov: ['CKV_AWS_21'], trivy: ['AVD-AWS-0090'], prowler: ['s3_bucket_object_versioning'], catalog: ['S2-AWS-S3-004'] },
    messages: {
      enabled: 'Versioning is enabled on S3 bucket {{address}}.',
      notEnabled: 'S3 bucket {{address}} does not keep object versions: versioning is {{status}}. Enable versioning so overwritten or deleted objects can be restored.',
      unknown: 'Whether versioning is enabled on S3 bucket {{address}} is not known: {{reason}}.',
      notObserved: 'Whether versioning is enabled on S3 bucket {{address}} is not known: this scan did not read its versioning configuration.',
    },
    examples: {
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n',
    },
  },
  evaluate(resource, scope) {
    const subject = bucketSubject(resource, scope);
    if (!subject) return [];
    const { bucket, context, address } = subject;
    for (const split of context.related(bucket, 'aws_s3_bucket_versioning')) {
      const path = ['versioning_configuration', 0, 'status'];
      const status = readString(attribute(split, path));
      if (status.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: status.reason }, path, at: split };
      if (status.kind === 'value' && status.value === 'Enabled') return { status: 'pass', messageId: 'enabled', data: { address }, path, at: split };
      return { status: 'fail', messageId: 'notEnabled', data: { address, status: status.kind === 'value' ? status.value : 'not set' }, path, at: split };
    }
    // The legacy inline block of AWS provider v3: versioning { enabled = true }.
    const inline = readBlocks(attribute(bucket, ['versioning']));
    if (inline.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: inline.reason }, path: ['versioning'] };
    const first = inline.kind === 'value' ? inline.value[0] : undefined;
    if (first) {
      const enabled = readBoolean(first['enabled']);
      const path = ['versioning', 0, 'enabled'];
      if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path };
      if (enabled.kind === 'value' && enabled.value) return { status: 'pass', messageId: 'enabled', data: { address }, path };
      return { status: 'fail', messageId: 'notEnabled', data: { address, status: 'disabled' }, path };
    }
    if (!context.observed('aws_s3_bucket_versioning')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'notEnabled', data: { address, status: 'not configured' } };
  },
});
