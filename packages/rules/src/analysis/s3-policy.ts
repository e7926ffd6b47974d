import type { Resource, RuleContext } from '@trustscan/core';
import { attribute } from './values.js';

/**
 * The resource and path holding an S3 bucket's policy: the split `aws_s3_bucket_policy` (provider v4+, and what
 * live scans emit) or the legacy inline `policy` attribute. `undefined` when the bucket has no policy at all.
 */
export function bucketPolicyHolder(bucket: Resource, context: RuleContext): { holder: Resource; path: ['policy'] } | undefined {
  const split = context.related(bucket, 'aws_s3_bucket_policy')[0];
  if (split) return { holder: split, path: ['policy'] };
  const inline = attribute(bucket, ['policy']);
  if (inline === undefined || inline === null || inline === '') return undefined;
  return { holder: bucket, path: ['policy'] };
}
