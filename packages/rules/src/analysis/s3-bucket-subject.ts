import type { Resource, RuleContext } from '@trustscan/core';
import { attribute, readString } from './values.js';

/** What an S3 bucket rule judges: a bucket, or a split setting whose bucket this configuration does not create. */
export interface BucketSubject {
  /** The bucket, or the split resource standing in for a bucket created elsewhere. */
  readonly bucket: Resource;
  /** The context to judge it in: for a stand-in, its `related` finds the other settings of the same bucket. */
  readonly context: RuleContext;
  /** How messages name the bucket. */
  readonly address: string;
}

/**
 * The bucket a rule should judge for `resource`: the bucket itself; nothing for a split setting
 * (`aws_s3_bucket_policy`, `…_versioning`, …) whose bucket is in the scan (the bucket's verdict covers it); and
 * for a split setting of a bucket created elsewhere, the setting itself, judged with the other settings that
 * name the same bucket, so it is reported instead of dropped.
 */
export function bucketSubject(resource: Resource, context: RuleContext): BucketSubject | undefined {
  if (resource.type === 'aws_s3_bucket') return { bucket: resource, context, address: resource.address };
  if (context.related(resource, 'aws_s3_bucket').length > 0) return undefined;
  const name = readString(attribute(resource, ['bucket']));
  const key = bucketKey(resource);
  const siblings = (type: string) => context.resourcesOfType(type).filter((other) => other === resource || (key !== undefined && bucketKey(other) === key));
  const standIn: RuleContext = { ...context, related: (subject, type) => (subject === resource ? siblings(type) : context.related(subject, type)) };
  return { bucket: resource, context: standIn, address: `${name.kind === 'value' ? name.value : resource.address} (a bucket created outside this configuration, set by ${resource.address})` };
}

/** What names the bucket of a split setting: its known name, else the references of its `bucket` attribute. */
function bucketKey(resource: Resource): string | undefined {
  const name = readString(attribute(resource, ['bucket']));
  if (name.kind === 'value') return `name:${name.value}`;
  const references = resource.references?.['bucket'];
  return references?.length ? `reference:${[...references].sort().join(',')}` : undefined;
}
