import { defineRule, type Resource, type RuleContext } from '@trustscan/core';
import { bucketSubject } from '../../analysis/s3-bucket-subject.js';
import { attribute, readBlocks, readString } from '../../analysis/values.js';

type Options = { readonly exemptLogDestinations: boolean };

export default defineRule<'enabled' | 'disabled' | 'logDestination' | 'unknown' | 'notObserved', Options>({
  meta: {
    id: 'aws-s3-bucket-access-logging',
    title: 'S3 buckets log every request',
    description:
      'Server access logs record who read, wrote or deleted which object and when. Without them, unusual access to stored data cannot be detected or investigated, which SOC 2 auditors examine under the monitoring criteria.',
    remediation: [
      'Send the bucket\'s access logs to a dedicated log bucket with `aws_s3_bucket_logging`:',
      '',
      '```hcl',
      'resource "aws_s3_bucket_logging" "data" {',
      '  bucket        = aws_s3_bucket.data.id',
      '  target_bucket = aws_s3_bucket.access_logs.id',
      '  target_prefix = "s3/acme-data/"',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: 'Steampipe maps s3_bucket_logging_enabled to CC7.2 and CC7.3; Prowler maps s3_bucket_server_access_logging_enabled to CC7.2 and CC7.3.',
    },
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_logging'],
    relatedTypes: ['aws_s3_bucket_logging'],
    live: {
      aws: { configType: 'AWS::S3::Bucket', fields: ['supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName'], api: 'S3 GetBucketLogging' },
    },
    defaults: [
      'Access logging is off until a target bucket is configured.',
      'A bucket that receives the server access logs of another bucket in the configuration is not asked to log its own access: AWS advises against logging a log bucket into itself, and logging it elsewhere only moves the question (option `exemptLogDestinations`).',
    ],
    options: {
      exemptLogDestinations: {
        type: 'boolean',
        description: 'Pass buckets that receive other buckets\' access logs without asking them to log their own access.',
        default: true,
      },
    },
    equivalents: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089'], prowler: ['s3_bucket_server_access_logging_enabled'], catalog: ['S2-AWS-S3-003'] },
    messages: {
      enabled: 'S3 bucket {{address}} writes access logs to {{target}}.',
      disabled: 'S3 bucket {{address}} does not log requests. Configure server access logging to a log bucket.',
      logDestination: 'S3 bucket {{address}} receives the access logs of {{source}}, so it is not asked to log its own access.',
      unknown: 'Whether S3 bucket {{address}} logs requests is not known: {{reason}}.',
      notObserved: 'Whether S3 bucket {{address}} logs requests is not known: this scan did not read its logging configuration.',
    },
    examples: {
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = "acme-access-logs"\n  target_prefix = "data/"\n}\n',
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n',
    },
  },
  evaluate(resource, scope) {
    const subject = bucketSubject(resource, scope);
    if (!subject) return [];
    const { bucket, context, address } = subject;
    for (const split of context.related(bucket, 'aws_s3_bucket_logging')) {
      const path = ['target_bucket'];
      const target = readString(attribute(split, path));
      if (target.kind === 'unknown') {
        // A target bucket that is created in the same plan is unknown, yet logging is configured.
        return split.references?.['target_bucket']?.length
          ? { status: 'pass', messageId: 'enabled', data: { address, target: split.references['target_bucket'].join(', ') }, path, at: split }
          : { status: 'unknown', messageId: 'unknown', data: { address, reason: target.reason }, path, at: split };
      }
      if (target.kind === 'value') return { status: 'pass', messageId: 'enabled', data: { address, target: target.value }, path, at: split };
    }
    const inline = readBlocks(attribute(bucket, ['logging']));
    if (inline.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: inline.reason }, path: ['logging'] };
    const first = inline.kind === 'value' ? inline.value[0] : undefined;
    if (first) {
      const target = readString(first['target_bucket']);
      const path = ['logging', 0, 'target_bucket'];
      if (target.kind === 'value') return { status: 'pass', messageId: 'enabled', data: { address, target: target.value }, path };
      if (target.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: target.reason }, path };
    }
    const source = context.options.exemptLogDestinations ? logSource(bucket, context) : undefined;
    if (source) return { status: 'pass', messageId: 'logDestination', data: { address, source: source.address } };
    if (!context.observed('aws_s3_bucket_logging')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'disabled', data: { address } };
  },
});

/** A bucket whose access logs go to `bucket`: named by reference or by name, in a split resource or an inline block. */
function logSource(bucket: Resource, context: RuleContext): Resource | undefined {
  const name = readString(attribute(bucket, ['bucket']));
  const targets = (holder: Resource, path: readonly (string | number)[], references: readonly string[] | undefined) => {
    const target = readString(attribute(holder, path));
    return (references ?? []).includes(bucket.address) || (name.kind === 'value' && target.kind === 'value' && target.value === name.value);
  };
  for (const split of context.resourcesOfType('aws_s3_bucket_logging')) {
    if (split === bucket || !targets(split, ['target_bucket'], split.references?.['target_bucket'])) continue;
    return context.related(split, 'aws_s3_bucket')[0] ?? split;
  }
  return context.resourcesOfType('aws_s3_bucket').find((other) => other !== bucket && targets(other, ['logging', 0, 'target_bucket'], other.references?.['logging']));
}
