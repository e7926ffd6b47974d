import { matchDeclared } from '../identity/match-declared.js';
import type { DeclaredMatch } from '../identity/declared-match.js';
import type { Notification } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { DriftKind, RuleMeta } from '../model/rule.js';
import { accountOf, regionOf, scopeOf, type LiveScope } from './cloud-scope.js';
import { ControlDrift } from './control-drift.js';
import { byAddress, compare, plural } from './drift-resource.js';
import { isInventoryType } from './drift-scope.js';
import type { DriftInput, DriftResult, DriftTarget } from './drift-target.js';
import { duplicateIdentities } from './duplicate-identities.js';
import { missingResources, unmanagedFindings, unmanagedResources, type MissingCandidate } from './inventory-drift.js';

export type { DriftInput, DriftResult, DriftTarget } from './drift-target.js';

const providerLabels: Readonly<Record<string, string>> = { aws: 'AWS', azure: 'Azure' };

/**
 * Compares what Terraform declares with what the cloud runs, per control. Each live resource is joined to its
 * declarations by cloud identity (`matchDeclared`); then, as the drift rules among `rules` ask:
 * - `drift-control`: for every control with a verdict on both copies, a finding that fails when one copy passes and
 *   the other fails, with both values and both locations (passes when they agree, unknown when either is unknown);
 * - `drift-unmanaged`: live resources of the inventory types that no declaration claims;
 * - `drift-missing`: declared resources of the types, accounts and regions the live scan read that it did not find.
 * Declared targets of another account than the live one are not joined, and a notification says so; so do
 * resources claimed twice, and declarations that cannot be joined because their identity is known only after apply.
 */
export function compareDrift(input: DriftInput): DriftResult {
  const rules: Partial<Record<DriftKind, RuleMeta>> = Object.fromEntries(input.rules.filter((r) => r.drift !== undefined).map((r) => [r.drift, r]));
  const controls = new Map(input.rules.filter((r) => r.drift === undefined).map((r) => [r.id, r]));
  const controlDrift = rules.control ? new ControlDrift(rules.control, controls, input.relations) : undefined;
  const result: DriftResult = { findings: [], notifications: [] };
  const providers = [...new Set(input.live.flatMap((t) => t.resources.map((r) => r.provider)))].sort();
  for (const provider of providers) compareProvider(provider, input, rules, controlDrift, result);
  return result;
}

/** Joins and compares the live targets of one provider with every declared target of that provider. */
function compareProvider(provider: string, input: DriftInput, rules: Partial<Record<DriftKind, RuleMeta>>, controlDrift: ControlDrift | undefined, result: DriftResult): void {
  const { findings, notifications } = result;
  const note = (level: Notification['level'], code: string, message: string, subject: string) => notifications.push({ level, code, message, subject });
  const lives = input.live.filter((t) => t.resources.some((r) => r.provider === provider));
  const declaredTargets = input.declared.filter((t) => t.resources.some((r) => r.provider === provider));
  const liveNames = lives.map((t) => t.name).join(', ');
  if (declaredTargets.length === 0) {
    const what = provider === 'azure' ? 'subscription' : 'account';
    note('note', 'drift-not-compared', `${liveNames}: no Terraform target of this scan declares ${providerLabels[provider] ?? provider} resources, so drift was not compared; scan the configuration or state of this ${what} with it.`, liveNames);
    return;
  }
  const joined = new Set<Resource>();
  const candidates: MissingCandidate[] = [];
  for (const live of lives) {
    const scope = scopeOf(live.resources, live.scope);
    const { pool, owners, accounts } = declaredPool(provider, declaredTargets, live, scope, notifications);
    if (pool.length === 0) continue;
    const liveResources = live.resources.filter((r) => r.provider === provider);
    const matches = sameAccount(matchDeclared(liveResources, pool));
    notifications.push(...duplicateIdentities(live, matches, owners));
    let compared = 0;
    for (const resource of [...matches.keys()].sort(byAddress)) {
      for (const match of matches.get(resource) ?? []) {
        joined.add(match.declared);
        const owner = owners.get(match.declared);
        if (!owner || !controlDrift) continue;
        const comparisons = controlDrift.compare(match, owner, live);
        compared += comparisons.length;
        for (const finding of comparisons) findings.push(finding);
      }
    }
    const unmanaged = unmanagedResources(liveResources, new Set(matches.keys()), accounts);
    if (rules.unmanaged) findings.push(...unmanagedFindings(rules.unmanaged, live, unmanaged, input.root));
    for (const resource of pool) {
      const target = owners.get(resource);
      if (target && isInventoryType(resource.type) && observes(live, resource.type) && inRegions(resource, scope)) candidates.push({ resource, target, live });
    }
    note(
      'note',
      'drift-compared',
      `${live.name}: ${plural(matches.size, 'live resource')} joined to ${declaredTargets.map((t) => t.name).join(', ')}${joinSummary(matches)}; ${plural(compared, 'control verdict')} compared, ${plural(unmanaged.length, 'unmanaged resource')}.`,
      live.name,
    );
  }
  const missing = missingResources(rules.missing, candidates, joined, input.root);
  findings.push(...missing.findings);
  notifications.push(...missing.notifications);
}

/**
 * The declared resources of one provider that may be joined to a live target: those of targets in the live
 * target's accounts (a target of other accounts is left out, and a warning says nothing joins), and within a target
 * those whose account is unknown or one the live scan read.
 */
function declaredPool(provider: string, targets: readonly DriftTarget[], live: DriftTarget, scope: LiveScope, notifications: Notification[]) {
  const pool: Resource[] = [];
  const owners = new Map<Resource, DriftTarget>();
  const accounts = new Set<string>();
  for (const target of targets) {
    const resources = target.resources.filter((r) => r.provider === provider);
    const own = [...new Set(resources.map(accountOf).filter((a): a is string => a !== undefined))].sort();
    if (own.length > 0 && scope.accounts.length > 0 && !own.some((a) => scope.accounts.includes(a))) {
      const what = provider === 'azure' ? 'subscription' : 'account';
      notifications.push({
        level: 'warning',
        code: 'drift-other-account',
        message: `${target.name} describes ${what} ${own.join(', ')} but ${live.name} is ${what} ${scope.accounts.join(', ')}: nothing joins, so drift between them was not compared. Scan the state of the same ${what}, or the ${what} of this state.`,
        subject: target.name,
      });
      continue;
    }
    for (const account of own) accounts.add(account);
    for (const resource of resources) {
      const account = accountOf(resource);
      if (account !== undefined && scope.accounts.length > 0 && !scope.accounts.includes(account)) continue;
      pool.push(resource);
      owners.set(resource, target);
    }
  }
  return { pool, owners, accounts };
}

/** Drops joins by name across accounts: a declared resource whose account is known joins live resources of that account only. */
function sameAccount(matches: Map<Resource, DeclaredMatch[]>): Map<Resource, DeclaredMatch[]> {
  for (const [resource, found] of matches) {
    const account = accountOf(resource);
    const kept = found.filter((m) => {
      const declared = accountOf(m.declared);
      return declared === undefined || account === undefined || declared === account;
    });
    if (kept.length === 0) matches.delete(resource);
    else matches.set(resource, kept);
  }
  return matches;
}

function observes(live: DriftTarget, type: string): boolean {
  return live.observedTypes === undefined || live.observedTypes.includes(type);
}

function inRegions(resource: Resource, scope: LiveScope): boolean {
  const region = regionOf(resource);
  return region === undefined || scope.regions === undefined || scope.regions.includes(region);
}

/** `(3 by arn, 2 by name)`: how the live resources were joined. */
function joinSummary(matches: ReadonlyMap<Resource, readonly DeclaredMatch[]>): string {
  const counts = new Map<string, number>();
  for (const found of matches.values()) {
    const by = found[0]?.by;
    if (by) counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  const parts = [...counts].sort(([a], [b]) => compare(a, b)).map(([by, count]) => `${count} by ${by}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
