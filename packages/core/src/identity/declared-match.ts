import type { Resource } from '../model/resource.js';

/**
 * A live resource joined to a resource Terraform declares (in HCL, a plan or a state), and the attribute that joined
 * them: `arn`, `id`, `bucket`, `name`, … (a value both hold), `role+name` (a composite key), `reference` (a setting
 * joined through the resource it configures) or `parent` (an Azure child joined through its parent).
 */
export interface DeclaredMatch {
  readonly live: Resource;
  readonly declared: Resource;
  readonly by: string;
}

/** Finds, for each live resource of one provider, the declared resources it may be. */
export type ProviderMatcher = (live: readonly Resource[], declared: readonly Resource[]) => Map<Resource, DeclaredMatch[]>;

/** Whether a declared value may join: a known, non-empty string that the resource does not hold as a secret. */
export function identityValue(resource: Resource, attribute: string): string | undefined {
  const value = resource.attributes[attribute];
  if (typeof value !== 'string' || value === '') return undefined;
  if (resource.sensitivePaths?.some((path) => path === attribute || attribute.startsWith(`${path}.`))) return undefined;
  return value;
}

/** Appends to a list in a map of lists. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function byAddress(a: Resource, b: Resource): number {
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}
