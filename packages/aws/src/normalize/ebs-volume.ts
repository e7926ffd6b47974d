import type { Resource } from '@trustscan/core';
import { storeTags } from './store-tags.js';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, required, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/** `AWS::EC2::Volume` → `aws_ebs_volume`. */
export function normalizeEbsVolume(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const id = text(field(c, 'volumeId')) ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:ec2:${item.awsRegion}:${item.accountId}:volume/${id}`);
  return [
    liveResource(
      identity,
      'aws_ebs_volume',
      attributes({
        id,
        arn: identity.arn,
        encrypted: required(field(c, 'encrypted'), 'boolean', 'encrypted', item.missing),
        kms_key_id: optional(field(c, 'kmsKeyId'), 'string'),
        availability_zone: optional(field(c, 'availabilityZone'), 'string'),
        size: optional(field(c, 'size'), 'number'),
        type: optional(field(c, 'volumeType'), 'string'),
        tags: storeTags(item, 'tags'),
      }),
    ),
  ];
}
