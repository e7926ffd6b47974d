import { defineRule } from '@trustscan/core';
import { dataEventTrail, logDestinationEvidence } from '../../analysis/aws-s3-access-records.js';
import { bucketSubject } from '../../analysis/s3-bucket-subject.js';
import { attribute, readBlocks, readString } from '../../analysis/values.js';

type Options = { readonly exemptLogDestinations: boolean; readonly acceptCloudTrailDataEvents: boolean };

export default defineRule<'enabled' | 'disabled' | 'logDestination' | 'dataEvents' | 'unknown' | 'notObserved', Options>({
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
      'A bucket that receives server access logs (the target of another bucket\'s logging, or granted to the S3 log delivery service by the `log-delivery-write` ACL or a policy for `logging.s3.amazonaws.com`) is not asked to log its own access: AWS advises against logging a log bucket into itself, and logging it elsewhere only moves the question (option `exemptLogDestinations`).',
      'CloudTrail S3 data events (an `event_selector` data resource of type `AWS::S3::Object` naming the bucket or every bucket, or an advanced event selector for S3 data events) record the same object-level requests and count as an alternative (option `acceptCloudTrailDataEvents`).',
    ],
    options: {
      exemptLogDestinations: {
        type: 'boolean',
        description: 'Pass buckets that receive other buckets\' access logs without asking them to log their own access.',
        default: true,
      },
      acceptCloudTrailDataEvents: {
        type: 'boolean',
        description: 'Pass buckets whose object-level requests a CloudTrail trail records as S3 data events.',
        default: true,
      },
    },
    equivalents: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089'], prowler: ['s3_bucket_server_access_logging_enabled'], catalog: ['S2-AWS-S3-003'] },
    messages: {
      enabled: 'S3 bucket {{address}} writes access logs to {{target}}.',
      disabled: 'S3 bucket {{address}} does not log requests. Configure server access logging to a log bucket.',
      logDestination: 'S3 bucket {{address}} receives the access logs of {{source}}, so it is not asked to log its own access.',
      dataEvents: 'S3 bucket {{address}} has its object-level requests recorded by CloudTrail trail {{trail}} as S3 data events.',
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
    const trail = context.options.acceptCloudTrailDataEvents ? dataEventTrail(bucket, context) : undefined;
    if (trail) return { status: 'pass', messageId: 'dataEvents', data: { address, trail: trail.address }, at: trail };
    const source = context.options.exemptLogDestinations ? logDestinationEvidence(bucket, context) : undefined;
    if (source) return { status: 'pass', messageId: 'logDestination', data: { address, source } };
    if (!context.observed('aws_s3_bucket_logging')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'disabled', data: { address } };
  },
});

