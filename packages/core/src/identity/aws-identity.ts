import type { Resource } from '../model/resource.js';
import { byAddress, identityValue, push, type DeclaredMatch } from './declared-match.js';

/** Resource types identified by two attributes together (an inline policy is unique per principal, not by name). */
const compositeKeys: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role_policy: ['role', 'name'],
  aws_iam_user_policy: ['user', 'name'],
  aws_iam_group_policy: ['group', 'name'],
  aws_iam_role_policy_attachment: ['role', 'policy_arn'],
  aws_iam_user_policy_attachment: ['user', 'policy_arn'],
  aws_iam_group_policy_attachment: ['group', 'policy_arn'],
};

/** Attributes that identify a resource of one type: its ARN, import id, bucket name, name or identifier. */
export const awsIdentityAttributes = ['arn', 'id', 'bucket', 'name', 'identifier', 'cluster_identifier', 'key_id', 'account_id'] as const;

interface Key {
  readonly key: string;
  readonly attribute: string;
}

/**
 * Joins live AWS resources to declared ones of the same type by a value both hold in any identity attribute (the
 * ARN, the import id, the bucket name, the name, …; the ids in state make it exact), or a composite key for inline
 * policies and attachments. A live resource whose identifying value is not known in the configuration
 * (`bucket = aws_s3_bucket.b.id` before apply) joins through its references: every reference must point at the live
 * twin of what the declared resource references.
 */
export function matchAwsDeclared(live: readonly Resource[], declared: readonly Resource[]): Map<Resource, DeclaredMatch[]> {
  const candidates = [...declared].sort(byAddress);
  const index = new Map<string, { resource: Resource; attribute: string }[]>();
  for (const resource of candidates) {
    for (const { key, attribute } of identityKeys(resource)) {
      const list = index.get(key);
      if (list?.some((entry) => entry.resource === resource)) continue;
      push(index, key, { resource, attribute });
    }
  }

  const matches = new Map<Resource, DeclaredMatch[]>();
  for (const resource of live) {
    const found: DeclaredMatch[] = [];
    for (const { key } of identityKeys(resource)) {
      for (const entry of index.get(key) ?? []) if (!found.some((m) => m.declared === entry.resource)) found.push({ live: resource, declared: entry.resource, by: entry.attribute });
    }
    if (found.length > 0) matches.set(resource, found);
  }
  const declaredFor = new Map<string, string>();
  for (const [liveResource, found] of matches) if (found[0]) declaredFor.set(liveResource.address, found[0].declared.address);
  const byReference = referenceIndex(candidates);
  for (const resource of live) {
    if (matches.has(resource) || !resource.references) continue;
    const match = referenceCandidates(resource, declaredFor, byReference).find((candidate) => referencesAgree(resource, candidate, declaredFor));
    if (match) matches.set(resource, [{ live: resource, declared: match, by: 'reference' }]);
  }
  return matches;
}

/** Declared resources by type, referencing attribute and referenced address, so a join by reference looks up a few. */
function referenceIndex(candidates: readonly Resource[]): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const candidate of candidates) {
    for (const [attribute, targets] of Object.entries(candidate.references ?? {})) {
      for (const target of new Set(targets)) push(index, `${candidate.type}|${attribute}|${target}`, candidate);
    }
  }
  return index;
}

/**
 * The declared resources of the live resource's type that reference the declared twin of what it references, in
 * address order: `aws_s3_bucket.b` or, for an instance `aws_s3_bucket.b[0]`, the block it belongs to.
 */
function referenceCandidates(live: Resource, declaredFor: ReadonlyMap<string, string>, index: ReadonlyMap<string, Resource[]>): Resource[] {
  const found = new Set<Resource>();
  for (const [attribute, targets] of Object.entries(live.references ?? {})) {
    for (const target of targets) {
      const twin = declaredFor.get(target);
      if (twin === undefined) continue;
      for (const address of [twin, twin.replace(/\[[^\]]*\]$/, '')]) for (const candidate of index.get(`${live.type}|${attribute}|${address}`) ?? []) found.add(candidate);
    }
  }
  return [...found].sort(byAddress);
}

function identityKeys(resource: Resource): Key[] {
  const composite = compositeKeys[resource.type];
  if (composite) {
    const parts = composite.map((name) => identityValue(resource, name));
    return parts.every((part) => part !== undefined) ? [{ key: `${resource.type}|${parts.join('|')}`, attribute: composite.join('+') }] : [];
  }
  const keys: Key[] = [];
  for (const attribute of awsIdentityAttributes) {
    const value = identityValue(resource, attribute);
    if (value !== undefined) keys.push({ key: `${resource.type}|${value}`, attribute });
  }
  return keys;
}

/** Every reference of the live resource points at the live twin of what the declared resource references. */
function referencesAgree(live: Resource, declared: Resource, declaredFor: ReadonlyMap<string, string>): boolean {
  const references = Object.entries(live.references ?? {});
  let agreed = 0;
  for (const [attribute, targets] of references) {
    const declaredTargets = declared.references?.[attribute];
    if (!declaredTargets || declaredTargets.length === 0) continue;
    const wanted = targets.map((target) => declaredFor.get(target)).filter((t): t is string => t !== undefined);
    if (wanted.length === 0 || !wanted.some((w) => declaredTargets.some((d) => d === w || w.startsWith(`${d}[`)))) return false;
    agreed++;
  }
  return agreed > 0;
}
