import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';
import { publicAccessBlockAttributes } from './s3-bucket.js';

/** The address of an account's S3 public access block; it has no ARN of its own. */
export function accountPublicAccessBlockArn(partition: string, account: string): string {
  return `arn:${partition}:s3::${account}:account-public-access-block`;
}

/** `AWS::S3::AccountPublicAccessBlock` (or the S3 Control answer in the same shape) → `aws_s3_account_public_access_block`. */
export function normalizeAccountPublicAccessBlock(item: ConfigurationItem): Resource[] {
  const account = item.accountId || item.resourceId;
  const identity = { ...identityOf(item), arn: accountPublicAccessBlockArn(partitionOf(item.arn), account), account };
  const settings: Value = item.missing ? new Unknown(item.missing) : item.configuration;
  return [liveResource(identity, 'aws_s3_account_public_access_block', { id: account, account_id: account, ...publicAccessBlockAttributes(settings) })];
}
