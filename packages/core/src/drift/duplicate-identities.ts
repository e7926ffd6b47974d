import type { DeclaredMatch } from '../identity/declared-match.js';
import type { Notification } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { DriftTarget } from './drift-target.js';
import { byAddress, cloudIdOf, examples, plural } from './drift-resource.js';
import { isInventoryType } from './drift-scope.js';

/**
 * Warnings for identities joined more than once in one live target: a live resource two declarations claim (two
 * roots managing one bucket), and a declaration that more than one live resource answers (a name in two accounts).
 * The same block read through two kinds of target (a directory and its state) is one declaration, not two.
 */
export function duplicateIdentities(live: DriftTarget, matches: ReadonlyMap<Resource, readonly DeclaredMatch[]>, owners: ReadonlyMap<Resource, DriftTarget>): Notification[] {
  const notifications: Notification[] = [];
  const claimed: string[] = [];
  const answers = new Map<Resource, Resource[]>();
  const ownerName = (declared: Resource): string => owners.get(declared)?.name ?? '?';
  for (const [resource, found] of [...matches].sort(([a], [b]) => byAddress(a, b))) {
    const declarations = new Set<string>();
    let repeated = false;
    for (const match of found) {
      const key = `${match.declared.address}|${owners.get(match.declared)?.kind ?? ''}`;
      if (declarations.has(key)) repeated = true;
      declarations.add(key);
      const others = answers.get(match.declared);
      if (others) others.push(resource);
      else answers.set(match.declared, [resource]);
    }
    if (repeated || new Set(found.map((m) => m.declared.address)).size > 1) {
      claimed.push(`${cloudIdOf(resource) ?? resource.address} by ${found.map((m) => `${m.declared.address} (${ownerName(m.declared)})`).join(' and ')}`);
    }
  }
  if (claimed.length > 0) {
    notifications.push({
      level: 'warning',
      code: 'drift-duplicate-identity',
      message: `${live.name}: ${plural(claimed.length, 'live resource')} ${claimed.length === 1 ? 'is' : 'are'} declared more than once: ${examples(claimed)}. Two declarations of one resource fight over it on every apply; each was compared with it.`,
      subject: live.name,
    });
  }
  const answered = [...answers].filter(([declared, lives]) => lives.length > 1 && isInventoryType(declared.type));
  if (answered.length > 0) {
    notifications.push({
      level: 'warning',
      code: 'drift-duplicate-identity',
      message: `${live.name}: ${plural(answered.length, 'declaration')} ${answered.length === 1 ? 'matches' : 'match'} more than one live resource: ${examples(answered.map(([d, ls]) => `${d.address} (${ownerName(d)}) matches ${ls.map((l) => cloudIdOf(l) ?? l.address).join(' and ')}`))}. Give the declaration its ARN or id (scan the state), or narrow the live scan; each was compared.`,
      subject: live.name,
    });
  }
  return notifications;
}
