import { isRecord, isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import { readTags, type ConfigurationItem } from '../configuration-item.js';
import type { BucketSettingKey } from '../s3-bucket-settings.js';
import { attributes, decodePolicyDocument, field, fieldAt, list, optional, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/**
 * `AWS::S3::Bucket` → `aws_s3_bucket` plus the provider's split resources the rules read (encryption, versioning,
 * logging, public access block, policy, ACL, ownership controls, object lock), each linked to the bucket by
 * `references.bucket`. A setting that is off is not emitted; one that could not be read is emitted with `Unknown`
 * values naming why, so rules report `unknown`, never a pass.
 */
export function normalizeS3Bucket(item: ConfigurationItem): Resource[] {
  const name = text(field(item.configuration, 'name')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:s3:::${name}`);
  const tags = item.tags ?? readTags(firstTagSet(item));
  const bucket = liveResource(identity, 'aws_s3_bucket', attributes({ bucket: name, id: name, arn: identity.arn, tags }));
  const split = (type: string, suffix: string, values: Record<string, Value>): Resource =>
    liveResource(identity, type, { bucket: name, id: name, ...values }, { suffix, references: { bucket: [identity.arn] } });
  const resources = [bucket];
  const emit = (resource: Resource | undefined): void => {
    if (resource) resources.push(resource);
  };
  emit(encryption(setting(item, 'ServerSideEncryptionConfiguration'), split));
  emit(versioning(setting(item, 'BucketVersioningConfiguration'), split));
  emit(logging(setting(item, 'BucketLoggingConfiguration'), split));
  emit(publicAccessBlock(setting(item, 'PublicAccessBlockConfiguration'), split));
  emit(policy(setting(item, 'BucketPolicy'), split));
  emit(acl(setting(item, 'AccessControlList'), split));
  emit(ownership(setting(item, 'BucketOwnershipControls'), split));
  emit(objectLock(setting(item, 'ObjectLockConfiguration'), split));
  return resources;
}

type Split = (type: string, suffix: string, values: Record<string, Value>) => Resource;

/** A supplementary setting: its value, `null` when not configured, or `Unknown` when the item lacks it. */
function setting(item: ConfigurationItem, key: BucketSettingKey): Value {
  const value = field(item.supplementaryConfiguration, key);
  if (value !== undefined) return value;
  return new Unknown(item.missing ?? `the AWS Config item of bucket ${item.resourceId} has no ${key}`);
}

function firstTagSet(item: ConfigurationItem): Value | undefined {
  const sets = list(fieldAt(item.supplementaryConfiguration, 'BucketTaggingConfiguration', 'tagSets'));
  return field(sets[0], 'tags');
}

function encryption(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_server_side_encryption_configuration';
  if (isUnknown(value)) return split(type, 'server-side-encryption', { rule: value });
  const rules = list(field(value, 'rules'));
  if (rules.length === 0) return undefined;
  return split(type, 'server-side-encryption', {
    rule: rules.map((rule) => {
      const defaults = field(rule, 'applyServerSideEncryptionByDefault');
      return {
        apply_server_side_encryption_by_default: isRecord(defaults)
          ? [{ sse_algorithm: optional(field(defaults, 'sseAlgorithm'), 'string'), kms_master_key_id: optional(field(defaults, 'kmsMasterKeyID'), 'string') }]
          : [],
        bucket_key_enabled: optional(field(rule, 'bucketKeyEnabled'), 'boolean'),
      };
    }),
  });
}

function versioning(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_versioning';
  if (isUnknown(value)) return split(type, 'versioning', { versioning_configuration: value });
  const status = text(field(value, 'status'));
  if (status !== 'Enabled' && status !== 'Suspended') return undefined;
  const mfa = field(value, 'isMfaDeleteEnabled');
  return split(type, 'versioning', {
    versioning_configuration: [{ status, mfa_delete: mfa === true || mfa === 'Enabled' ? 'Enabled' : 'Disabled' }],
  });
}

function logging(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_logging';
  if (isUnknown(value)) return split(type, 'logging', { target_bucket: value, target_prefix: value });
  const target = text(field(value, 'destinationBucketName'));
  if (target === undefined || target === '') return undefined;
  return split(type, 'logging', { target_bucket: target, target_prefix: text(field(value, 'logFilePrefix')) ?? '' });
}

const publicAccessBlockFlags = [
  ['block_public_acls', 'blockPublicAcls'],
  ['block_public_policy', 'blockPublicPolicy'],
  ['ignore_public_acls', 'ignorePublicAcls'],
  ['restrict_public_buckets', 'restrictPublicBuckets'],
] as const;

/** The four public access block flags in Terraform's names; an absent flag is off, as in the API. */
export function publicAccessBlockAttributes(value: Value): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const [attribute, key] of publicAccessBlockFlags) {
    const flag = isUnknown(value) ? value : field(value, key);
    result[attribute] = isUnknown(flag) ? flag : flag === true || flag === 'true';
  }
  return result;
}

function publicAccessBlock(value: Value, split: Split): Resource | undefined {
  if (value === null || (!isUnknown(value) && !isRecord(value))) return undefined;
  return split('aws_s3_bucket_public_access_block', 'public-access-block', publicAccessBlockAttributes(value));
}

function policy(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_policy';
  if (isUnknown(value)) return split(type, 'policy', { policy: value });
  const document = field(value, 'policyText');
  if (document === undefined || document === null || document === '') return undefined;
  const parsed = decodePolicyDocument(document);
  const policyText = typeof document === 'string' && parsed !== undefined ? document : parsed === undefined ? undefined : JSON.stringify(parsed);
  return split(type, 'policy', { policy: policyText ?? new Unknown('the bucket policy is not valid JSON') });
}

const groupUris: Readonly<Record<string, string>> = {
  allusers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  authenticatedusers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  logdelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
};

function acl(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_acl';
  if (isUnknown(value)) return split(type, 'acl', { acl: value, access_control_policy: value });
  if (!isRecord(value)) return undefined;
  const grants = list(field(value, 'grantList') ?? field(value, 'grants'));
  const owner = field(value, 'owner');
  return split(type, 'acl', {
    acl: null,
    access_control_policy: [
      {
        grant: grants.map((grant) => ({ grantee: [grantee(field(grant, 'grantee'))], permission: permissionName(text(field(grant, 'permission'))) })),
        owner: [{ id: text(field(owner, 'id')) ?? null, display_name: text(field(owner, 'displayName')) ?? null }],
      },
    ],
  });
}

/** A grantee in Terraform's shape, from Config's (`"AllUsers"` or `{ id }`) or the SDK's (`{ Type, URI, ID }`) form. */
function grantee(value: Value | undefined): Record<string, Value> {
  if (typeof value === 'string') {
    const uri = groupUris[value.toLowerCase()] ?? value;
    return { type: 'Group', uri, id: null, email_address: null, display_name: null };
  }
  const uri = text(field(value, 'uri'));
  const id = text(field(value, 'id'));
  const email = text(field(value, 'emailAddress'));
  const declared = text(field(value, 'type'));
  const kind = declared ?? (uri ? 'Group' : email ? 'AmazonCustomerByEmail' : 'CanonicalUser');
  return { type: kind, uri: uri ?? null, id: id ?? null, email_address: email ?? null, display_name: text(field(value, 'displayName')) ?? null };
}

/** `FullControl` (Config) and `FULL_CONTROL` (the API) both become `FULL_CONTROL`. */
function permissionName(permission: string | undefined): string | null {
  if (permission === undefined) return null;
  if (/^[A-Z_]+$/.test(permission)) return permission;
  return permission.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function ownership(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_ownership_controls';
  if (isUnknown(value)) return split(type, 'ownership-controls', { rule: value });
  const rules = list(field(value, 'rules'));
  if (rules.length === 0) return undefined;
  return split(type, 'ownership-controls', { rule: rules.map((rule) => ({ object_ownership: optional(field(rule, 'objectOwnership'), 'string') })) });
}

function objectLock(value: Value, split: Split): Resource | undefined {
  const type = 'aws_s3_bucket_object_lock_configuration';
  if (isUnknown(value)) return split(type, 'object-lock', { object_lock_enabled: value, rule: value });
  if (text(field(value, 'objectLockEnabled')) !== 'Enabled') return undefined;
  const retention = fieldAt(value, 'rule', 'defaultRetention');
  return split(type, 'object-lock', {
    object_lock_enabled: 'Enabled',
    rule: isRecord(retention)
      ? [{ default_retention: [{ mode: optional(field(retention, 'mode'), 'string'), days: optional(field(retention, 'days'), 'number'), years: optional(field(retention, 'years'), 'number') }] }]
      : [],
  });
}

