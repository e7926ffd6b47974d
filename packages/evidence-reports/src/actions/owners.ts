import { matchesGlob, type OwnerRule } from '@trustscan/core';

/** What an owner rule is matched against: the failing finding's resource, file and target. */
export interface OwnedFinding {
  readonly address: string;
  readonly cloudId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly file: string;
  readonly target: string;
}

/**
 * The first owner rule that matches: any of its resource globs matches the address or cloud id, any path glob the
 * file, any target glob the target, or every tag it names is on the resource with a matching value. `*` matches any
 * run of characters, `/` included, as in waivers.
 */
export function findOwner(finding: OwnedFinding, owners: readonly OwnerRule[]): OwnerRule | undefined {
  return owners.find((rule) => ownerMatches(rule, finding));
}

export function ownerMatches(rule: OwnerRule, finding: OwnedFinding): boolean {
  if (rule.resources?.some((glob) => matchesGlob(glob, finding.address) || (finding.cloudId !== undefined && matchesGlob(glob, finding.cloudId)))) return true;
  if (rule.paths?.some((glob) => matchesGlob(glob, finding.file))) return true;
  if (rule.targets?.some((glob) => matchesGlob(glob, finding.target))) return true;
  const tags = rule.tags ? Object.entries(rule.tags) : [];
  return (
    tags.length > 0 &&
    tags.every(([key, value]) => {
      const actual = finding.tags?.[key];
      return actual !== undefined && matchesGlob(value, actual);
    })
  );
}
