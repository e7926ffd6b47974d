import type { Resource, Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';

/** What a normalizer knows about where a resource lives. */
export interface LiveIdentity {
  readonly arn: string;
  readonly account: string;
  readonly region: string;
}

/** The identity of a configuration item's resource: its ARN (or `fallbackArn` when Config gives none), account and region. */
export function identityOf(item: ConfigurationItem, fallbackArn?: string): LiveIdentity {
  return { arn: item.arn ?? fallbackArn ?? `${item.resourceType}/${item.resourceId}`, account: item.accountId, region: item.awsRegion };
}

/**
 * A live resource in the canonical model. `address` defaults to the ARN; resources derived from another one (an S3
 * bucket's versioning, a role's inline policy) get `<ARN>/<suffix>` so addresses stay unique.
 */
export function liveResource(
  identity: LiveIdentity,
  type: string,
  attributes: Readonly<Record<string, Value>>,
  options: { readonly suffix?: string; readonly references?: Readonly<Record<string, readonly string[]>> } = {},
): Resource {
  return {
    address: options.suffix === undefined ? identity.arn : `${identity.arn}/${options.suffix}`,
    type,
    provider: 'aws',
    attributes,
    origin: { kind: 'aws', arn: identity.arn, account: identity.account, region: identity.region },
    ...(options.references === undefined ? {} : { references: options.references }),
  };
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(arn: string | undefined): string {
  return arn?.split(':')[1] || 'aws';
}
