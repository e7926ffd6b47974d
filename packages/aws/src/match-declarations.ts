import type { Resource } from '@trustscan/core';

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
const identityAttributes = ['arn', 'id', 'bucket', 'name', 'identifier', 'cluster_identifier', 'key_id', 'account_id'];

/**
 * Copies the `declaration` of the Terraform block that declares each live resource onto it, so its findings point at
 * the `.tf` file. A live resource matches a declared one of the same type by ARN, import id, bucket name or name; a
 * resource whose identifying value is not known in the configuration (`bucket = aws_s3_bucket.b.id`) matches through
 * its reference to a declared resource that matched.
 */
export function attachDeclarations(live: readonly Resource[], declared: readonly Resource[]): Resource[] {
  const candidates = declared.filter((r) => r.declaration !== undefined).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  if (candidates.length === 0) return [...live];
  const index = new Map<string, Resource>();
  for (const resource of candidates) for (const key of identityKeys(resource)) if (!index.has(key)) index.set(key, resource);

  const matches = new Map<Resource, Resource>();
  for (const resource of live) {
    const match = identityKeys(resource).map((key) => index.get(key)).find((r) => r !== undefined);
    if (match) matches.set(resource, match);
  }
  const declaredFor = new Map<string, string>();
  for (const [liveResource, declaredResource] of matches) declaredFor.set(liveResource.address, declaredResource.address);
  for (const resource of live) {
    if (matches.has(resource) || !resource.references) continue;
    const match = candidates.find((candidate) => candidate.type === resource.type && referencesAgree(resource, candidate, declaredFor));
    if (match) matches.set(resource, match);
  }
  return live.map((resource) => {
    const declaration = matches.get(resource)?.declaration;
    return declaration ? { ...resource, declaration } : resource;
  });
}

function identityKeys(resource: Resource): string[] {
  const attrs = resource.attributes;
  const composite = compositeKeys[resource.type];
  if (composite) {
    const parts = composite.map((name) => attrs[name]);
    return parts.every((part) => typeof part === 'string' && part !== '') ? [`${resource.type}|${parts.join('|')}`] : [];
  }
  const keys: string[] = [];
  for (const name of identityAttributes) {
    const value = attrs[name];
    if (typeof value === 'string' && value !== '') keys.push(`${resource.type}|${value}`);
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
