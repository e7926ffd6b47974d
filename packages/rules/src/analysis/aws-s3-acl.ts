import type { AttributePath, Resource, RuleContext } from '@trustscan/core';
import type { Ternary } from './iam-policy.js';
import { attribute, readBlocks, readString, type Block } from './values.js';

/** Canned ACLs that grant to everyone or to every AWS account. */
const publicCannedAcls = new Set(['public-read', 'public-read-write', 'authenticated-read']);

/** The ACL groups that stand for everyone and for every authenticated AWS account. */
const publicGroups = new Set(['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers']);

/** Whether an S3 bucket's ACL grants to the public, where it says so, and to whom. */
export interface AclReading {
  readonly status: Ternary;
  readonly holder: Resource;
  readonly path: AttributePath;
  /** The canned ACL or grantee group that makes it public, or why it is unknown. */
  readonly detail: string;
}

/**
 * Reads the ACLs of a bucket: the split `aws_s3_bucket_acl` resources (canned `acl` or `access_control_policy`
 * grants) and the legacy inline `acl` and `grant` of provider v3. Returns the first public grant, else the first
 * unknown one, else `undefined` when nothing grants to the public.
 */
export function publicAclGrant(bucket: Resource, context: RuleContext): AclReading | undefined {
  const readings: AclReading[] = [];
  for (const split of context.related(bucket, 'aws_s3_bucket_acl')) {
    readings.push(...cannedAcl(split), ...grants(split, ['access_control_policy', 0, 'grant'], 'grantee'));
  }
  readings.push(...cannedAcl(bucket), ...grants(bucket, ['grant'], undefined));
  return readings.find((r) => r.status === 'yes') ?? readings.find((r) => r.status === 'unknown');
}

function cannedAcl(holder: Resource): AclReading[] {
  const path = ['acl'];
  const acl = readString(attribute(holder, path));
  if (acl.kind === 'unknown') return [{ status: 'unknown', holder, path, detail: acl.reason }];
  if (acl.kind === 'value' && publicCannedAcls.has(acl.value)) return [{ status: 'yes', holder, path, detail: `the canned ACL ${acl.value}` }];
  return [];
}

/** Grants as `access_control_policy.grant[].grantee[].uri` (split resource) or `grant[].uri` (legacy bucket). */
function grants(holder: Resource, prefix: AttributePath, granteeBlock: string | undefined): AclReading[] {
  const list = readBlocks(attribute(holder, prefix));
  if (list.kind === 'unknown') return [{ status: 'unknown', holder, path: prefix, detail: list.reason }];
  const blocks: readonly Block[] = list.kind === 'value' ? list.value : [];
  return blocks.flatMap((grant, index): AclReading[] => {
    const path = [...prefix, index];
    const grantees = granteeBlock === undefined ? { kind: 'value' as const, value: [grant] } : readBlocks(grant[granteeBlock]);
    if (grantees.kind === 'unknown') return [{ status: 'unknown', holder, path, detail: grantees.reason }];
    const found = (grantees.kind === 'value' ? grantees.value : []).map((grantee) => readString(grantee['uri']));
    const unknown = found.find((uri) => uri.kind === 'unknown');
    const group = found.find((uri) => uri.kind === 'value' && publicGroups.has(uri.value));
    if (group?.kind === 'value') return [{ status: 'yes', holder, path, detail: `a grant to ${group.value.split('/').at(-1) ?? group.value}` }];
    if (unknown?.kind === 'unknown') return [{ status: 'unknown', holder, path, detail: unknown.reason }];
    return [];
  });
}
