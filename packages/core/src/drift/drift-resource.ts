import type { FindingResource } from '../model/finding.js';
import type { Resource } from '../model/resource.js';

/** The finding's view of a resource, with its ARN or Azure id when it is live. */
export function findingResource(resource: Resource): FindingResource {
  const { address, type, provider, origin } = resource;
  const cloudId = cloudIdOf(resource);
  return { address, type, provider, origin: origin.kind, ...(cloudId ? { cloudId } : {}) };
}

/** The ARN or Azure resource id of a live resource. */
export function cloudIdOf(resource: Resource): string | undefined {
  if (resource.origin.kind === 'aws') return resource.origin.arn;
  if (resource.origin.kind === 'azure') return resource.origin.id;
  return undefined;
}

/** The ARN or Azure id a declaration knows (state always does), for waivers and readers. */
export function declaredCloudId(resource: Resource): string | undefined {
  const attribute = resource.provider === 'azure' ? 'id' : 'arn';
  const value = resource.attributes[attribute];
  return typeof value === 'string' && value !== '' && !(resource.sensitivePaths ?? []).includes(attribute) ? value : undefined;
}

/** What a missing resource would be found by: its ARN, id or name as declared. */
export function identityText(resource: Resource): string {
  const labels: Readonly<Record<string, string>> = { arn: 'ARN', id: 'id', bucket: 'bucket', name: 'name', identifier: 'identifier' };
  for (const [attribute, label] of Object.entries(labels)) {
    const value = resource.attributes[attribute];
    if (typeof value === 'string' && value !== '' && !(resource.sensitivePaths ?? []).some((p) => p === attribute)) return `${label} ${value}`;
  }
  return 'joined through its references';
}

/** The name a person knows a live resource by. */
export function nameOf(resource: Resource): string {
  for (const attribute of ['name', 'bucket', 'id']) {
    const value = resource.attributes[attribute];
    if (typeof value === 'string' && value !== '') return value;
  }
  return resource.address;
}

export function byAddress(a: Resource, b: Resource): number {
  return compare(a.address, b.address);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `1 resource`, `3 resources`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first few items of a list, and how many more there are. */
export function examples(items: readonly string[], shown = 5): string {
  return `${items.slice(0, shown).join('; ')}${items.length > shown ? `; and ${items.length - shown} more` : ''}`;
}
