import type { Resource } from '../model/resource.js';

/** The accounts (AWS) or subscriptions (Azure) and regions a live scan read; absent regions mean every region. */
export interface LiveScope {
  readonly accounts: readonly string[];
  readonly regions?: readonly string[];
}

/** The AWS account or Azure subscription a resource belongs to, when known: from a live origin, an ARN or an ARM id. */
export function accountOf(resource: Resource): string | undefined {
  const origin = resource.origin;
  if (origin.kind === 'aws') return origin.account || undefined;
  if (origin.kind === 'azure') return origin.subscription.toLowerCase() || undefined;
  if (resource.provider === 'aws') {
    const arn = resource.attributes['arn'];
    const account = typeof arn === 'string' ? arn.split(':')[4] : undefined;
    return account && /^\d{12}$/.test(account) ? account : undefined;
  }
  if (resource.provider === 'azure') {
    const id = resource.attributes['id'];
    return typeof id === 'string' ? /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase() : undefined;
  }
  return undefined;
}

/**
 * The AWS region a resource lives in, when known and not global: a live origin's region, a declared resource's
 * `region` attribute (AWS provider v6, and S3 buckets before it), or the region in its ARN.
 */
export function regionOf(resource: Resource): string | undefined {
  const origin = resource.origin;
  if (origin.kind === 'aws') return origin.region && origin.region !== 'global' ? origin.region : undefined;
  if (resource.provider !== 'aws') return undefined;
  const region = resource.attributes['region'];
  if (typeof region === 'string' && region !== '') return region;
  const arn = resource.attributes['arn'];
  const fromArn = typeof arn === 'string' ? arn.split(':')[3] : undefined;
  return fromArn || undefined;
}

/** The scope of a live target: what its source says it read, else the accounts its resources belong to. */
export function scopeOf(resources: readonly Resource[], scope: LiveScope | undefined): LiveScope {
  if (scope) return { ...scope, accounts: scope.accounts.map((a) => a.toLowerCase()) };
  return { accounts: [...new Set(resources.map(accountOf).filter((a): a is string => a !== undefined))].sort() };
}
