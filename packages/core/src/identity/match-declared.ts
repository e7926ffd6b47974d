import type { Resource } from '../model/resource.js';
import { awsIdentityAttributes, matchAwsDeclared } from './aws-identity.js';
import { matchAzureDeclared } from './azure-identity.js';
import { identityValue, type DeclaredMatch, type ProviderMatcher } from './declared-match.js';

const matchers: Readonly<Record<string, ProviderMatcher>> = { aws: matchAwsDeclared, azure: matchAzureDeclared };

/**
 * Joins live resources to the resources Terraform declares, by cloud identity, provider by provider: for each live
 * resource, every declared resource it may be (more than one means two declarations claim it), best join first.
 * Live resources no declaration matches are absent from the map.
 */
export function matchDeclared(live: readonly Resource[], declared: readonly Resource[]): Map<Resource, DeclaredMatch[]> {
  const result = new Map<Resource, DeclaredMatch[]>();
  for (const [provider, matcher] of Object.entries(matchers)) {
    const liveOfProvider = live.filter((r) => r.provider === provider);
    if (liveOfProvider.length === 0) continue;
    const declaredOfProvider = declared.filter((r) => r.provider === provider);
    if (declaredOfProvider.length === 0) continue;
    for (const [resource, matches] of matcher(liveOfProvider, declaredOfProvider)) result.set(resource, matches);
  }
  return result;
}

/**
 * Copies the `declaration` of the Terraform block that declares each live resource onto it, so its findings point at
 * the `.tf` file (`--tf-dir`). AWS takes the first declaration by address when several match; Azure leaves an
 * ambiguous match unmatched, since names there repeat across resource groups.
 */
export function attachDeclarations(live: readonly Resource[], declared: readonly Resource[]): Resource[] {
  const located = declared.filter((d) => d.declaration !== undefined);
  if (located.length === 0) return [...live];
  const matches = matchDeclared(live, located);
  return live.map((resource) => {
    const found = matches.get(resource) ?? [];
    const match = resource.provider === 'azure' ? (found.length === 1 ? found[0] : undefined) : found[0];
    const declaration = match?.declared.declaration;
    return declaration ? { ...resource, declaration } : resource;
  });
}

/**
 * Whether a declared resource holds a value a live resource could be joined by: not so when its name and ids are
 * known only after apply or come from variables without values.
 */
export function isJoinable(resource: Resource): boolean {
  if (resource.provider === 'azure') return identityValue(resource, 'id') !== undefined || identityValue(resource, 'name') !== undefined;
  return awsIdentityAttributes.some((attribute) => identityValue(resource, attribute) !== undefined) || Object.keys(resource.references ?? {}).length > 0;
}

export type { DeclaredMatch };
