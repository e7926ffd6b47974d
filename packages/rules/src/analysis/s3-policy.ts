import { isUnknown, type Resource, type RuleContext, type Value } from '@trustscan/core';
import { all, isAllow, namesEveryone, type PolicyStatement, type Ternary } from './iam-policy.js';
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

/**
 * Condition keys that, with a fixed value, limit a statement to known callers or networks, so that S3 does not
 * consider it public (the list S3 Block Public Access uses to decide what "public" means).
 */
const restrictingKeys = new Set(
  [
    'aws:SourceIp',
    'aws:SourceArn',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceOwner',
    'aws:SourceAccount',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
    's3:x-amz-server-side-encryption-aws-kms-key-id',
  ].map((key) => key.toLowerCase()),
);

/** Operators that require the key to equal (or be inside) the given values; `…IfExists` lets absent keys through. */
const restrictingOperator = /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/i;

/** CIDR blocks that admit every address, so an `aws:SourceIp` condition on them restricts nothing. */
const everyAddress = new Set(['0.0.0.0/0', '::/0']);

/**
 * Whether a statement grants access to everyone: an Allow for `Principal: "*"` or `{ AWS: "*" }` without a
 * condition that limits it to known accounts, organizations, networks or endpoints. Deny statements never grant.
 */
export function grantsPublicAccess(statement: PolicyStatement): Ternary {
  const allow = isAllow(statement);
  if (allow === 'no') return 'no';
  const restricted = hasRestrictingCondition(statement);
  return all([allow, namesEveryone(statement), restricted === 'yes' ? 'no' : restricted === 'no' ? 'yes' : 'unknown']);
}

function hasRestrictingCondition(statement: PolicyStatement): Ternary {
  if (statement.unknownFields.has('Condition')) return 'unknown';
  for (const [operator, entries] of Object.entries(statement.condition ?? {})) {
    if (!restrictingOperator.test(operator)) continue;
    for (const [key, raw] of Object.entries(entries)) {
      if (!restrictingKeys.has(key.toLowerCase())) continue;
      const values = (Array.isArray(raw) ? (raw as readonly Value[]) : [raw]).filter((v) => !isUnknown(v)).map(String);
      // A value known only after apply is an id or ARN (a VPC endpoint, an organization), never a wildcard.
      const wide = values.some((v) => v.trim() === '*' || everyAddress.has(v.trim()));
      if (!wide) return 'yes';
    }
  }
  return 'no';
}
