import { isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/**
 * `AWS::KMS::Key` → `aws_kms_key` for customer managed keys, or `aws_kms_external_key` for keys with imported key
 * material (`origin` `EXTERNAL`), as Terraform declares them; keys in a custom key store keep its id. AWS managed
 * keys (`keyManager` `AWS`) are not emitted: Terraform cannot manage them and AWS rotates them every year. Keys
 * pending deletion are not emitted either.
 */
export function normalizeKmsKey(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  if (text(field(c, 'keyManager')) === 'AWS') return [];
  const state = text(field(c, 'keyState'));
  if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') return [];
  const keyId = text(field(c, 'keyId')) ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'arn')));
  const policy = field(item.supplementaryConfiguration, 'Policy');
  const origin = text(field(c, 'origin'));
  return [
    liveResource(
      identity,
      origin === 'EXTERNAL' ? 'aws_kms_external_key' : 'aws_kms_key',
      attributes({
        id: keyId,
        key_id: keyId,
        arn: identity.arn,
        description: optional(field(c, 'description'), 'string'),
        key_usage: optional(field(c, 'keyUsage'), 'string'),
        customer_master_key_spec: optional(field(c, 'keySpec') ?? field(c, 'customerMasterKeySpec'), 'string'),
        is_enabled: optional(field(c, 'enabled'), 'boolean'),
        multi_region: optional(field(c, 'multiRegion'), 'boolean'),
        custom_key_store_id: optional(field(c, 'customKeyStoreId'), 'string'),
        enable_key_rotation: rotation(item),
        policy: typeof policy === 'string' || isUnknown(policy) ? policy : null,
        tags: item.tags,
      }),
    ),
  ];
}

function rotation(item: ConfigurationItem): Value {
  const status = field(item.supplementaryConfiguration, 'KeyRotationStatus');
  if (isUnknown(status) || typeof status === 'boolean') return status;
  if (status === 'true' || status === 'false') return status === 'true';
  return new Unknown(item.missing ?? `the AWS Config item of key ${item.resourceId} has no KeyRotationStatus (kms:GetKeyRotationStatus)`);
}
