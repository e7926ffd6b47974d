import { fingerprintOf } from '../engine/fingerprint.js';
import { locate } from '../engine/locate.js';
import { formatMessage, redactedText, redactSensitive } from '../engine/message.js';
import { isJoinable, matchDeclared } from '../identity/match-declared.js';
import type { DeclaredMatch } from '../identity/declared-match.js';
import { Inventory } from '../inventory/inventory.js';
import { relationSpecs, type RelationSpec } from '../inventory/relations.js';
import type { DriftSide, Finding, FindingResource, Location, Notification } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { DriftKind, RuleMeta, VerdictStatus } from '../model/rule.js';
import { isUnknown, parsePath, valueAt, type Value } from '../model/value.js';
import type { TscId } from '../tsc/criteria.js';
import { accountOf, regionOf, scopeOf, type LiveScope } from './cloud-scope.js';
import { isInventoryType, madeByTheCloud } from './drift-scope.js';

/** One target of a scan, as drift sees it: what its source loaded and what the rules found on it. */
export interface DriftTarget {
  /** The target's name in the report: a path, `aws:<account>`, `azure:<subscription>`. */
  readonly name: string;
  readonly kind: string;
  readonly resources: readonly Resource[];
  /** The rules' findings on these resources, before waivers. */
  readonly findings: readonly Finding[];
  /** For a live target, the types its source looked for (`SourceOutput.observedTypes`); absent: every type. */
  readonly observedTypes?: readonly string[];
  /** For a live target, the accounts and regions it read (`SourceOutput.scope`); absent: the accounts of its resources. */
  readonly scope?: LiveScope;
  /** The inventory the rules ran on, when the caller has it; built from `resources` otherwise. */
  readonly inventory?: Inventory;
}

export interface DriftInput {
  /** Targets of Terraform: directories, plans, states. */
  readonly declared: readonly DriftTarget[];
  /** Live targets: AWS accounts, Azure subscriptions. */
  readonly live: readonly DriftTarget[];
  /** The rules that ran: the drift rules (`meta.drift`) say what to report; the others are the controls compared. */
  readonly rules: readonly RuleMeta[];
  /** Directory that locations are relative to. */
  readonly root: string;
  /** Extra relations, as given to the scan, to find the resource a control read its value from. */
  readonly relations?: readonly RelationSpec[];
}

export interface DriftResult {
  readonly findings: Finding[];
  readonly notifications: Notification[];
}

const providerLabels: Readonly<Record<string, string>> = { aws: 'AWS', azure: 'Azure' };
const examplesShown = 5;
/** Values longer than this are named in messages, not quoted. */
const longValue = 60;

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
  const comparison = new DriftComparison(input);
  const providers = [...new Set(input.live.flatMap((t) => t.resources.map((r) => r.provider)))].sort();
  for (const provider of providers) comparison.compareProvider(provider);
  return { findings: comparison.findings, notifications: comparison.notifications };
}

/** A control's verdict on one copy of a resource: the findings of one rule on it, taken together. */
interface CopyVerdict {
  readonly status: VerdictStatus;
  /** The finding that decided: the first failing one, else the first unknown, else the first. */
  readonly finding: Finding;
}

interface MissingCandidate {
  readonly resource: Resource;
  readonly target: DriftTarget;
  readonly live: DriftTarget;
}

class DriftComparison {
  readonly findings: Finding[] = [];
  readonly notifications: Notification[] = [];
  private readonly rules: Partial<Record<DriftKind, RuleMeta>>;
  private readonly controls: ReadonlyMap<string, RuleMeta>;
  private readonly verdicts = new Map<DriftTarget, Map<string, Map<string, Finding[]>>>();
  private readonly inventories = new Map<DriftTarget, Inventory>();

  constructor(private readonly input: DriftInput) {
    this.rules = Object.fromEntries(input.rules.filter((r) => r.drift !== undefined).map((r) => [r.drift, r]));
    this.controls = new Map(input.rules.filter((r) => r.drift === undefined).map((r) => [r.id, r]));
  }

  compareProvider(provider: string): void {
    const label = providerLabels[provider] ?? provider;
    const lives = this.input.live.filter((t) => t.resources.some((r) => r.provider === provider));
    const declaredTargets = this.input.declared.filter((t) => t.resources.some((r) => r.provider === provider));
    if (declaredTargets.length === 0) {
      this.note('note', 'drift-not-compared', `${names(lives)}: no Terraform target of this scan declares ${label} resources, so drift was not compared; scan the configuration or state of this ${provider === 'azure' ? 'subscription' : 'account'} with it.`, names(lives));
      return;
    }
    const matched = new Set<Resource>();
    const candidates: MissingCandidate[] = [];
    for (const live of lives) {
      const scope = scopeOf(live.resources, live.scope);
      const { pool, owners, accounts } = this.declaredPool(provider, declaredTargets, live, scope);
      if (pool.length === 0) continue;
      const liveResources = live.resources.filter((r) => r.provider === provider);
      const matches = this.sameAccount(matchDeclared(liveResources, pool));
      this.reportDuplicates(live, matches, owners);
      let compared = 0;
      for (const resource of [...matches.keys()].sort(byAddress)) {
        for (const match of matches.get(resource) ?? []) {
          matched.add(match.declared);
          const owner = owners.get(match.declared);
          if (owner) compared += this.compareControls(match, owner, live);
        }
      }
      const unmanaged = this.reportUnmanaged(live, liveResources, matches, accounts);
      for (const resource of pool) {
        if (!isInventoryType(resource.type) || !observes(live, resource.type) || !inRegions(resource, scope)) continue;
        const target = owners.get(resource);
        if (target) candidates.push({ resource, target, live });
      }
      this.note(
        'note',
        'drift-compared',
        `${live.name}: ${plural(matches.size, 'live resource')} joined to ${names(declaredTargets)}${joinSummary(matches)}; ${plural(compared, 'control verdict')} compared, ${plural(unmanaged, 'unmanaged resource')}.`,
        live.name,
      );
    }
    this.reportMissing(candidates, matched);
  }

  /**
   * The declared resources of one provider that may be joined to a live target: those of targets in the live
   * target's accounts (a target of other accounts is left out, and a warning says nothing joins), and within a target
   * those whose account is unknown or one the live scan read.
   */
  private declaredPool(provider: string, targets: readonly DriftTarget[], live: DriftTarget, scope: LiveScope) {
    const pool: Resource[] = [];
    const owners = new Map<Resource, DriftTarget>();
    const accounts = new Set<string>();
    for (const target of targets) {
      const resources = target.resources.filter((r) => r.provider === provider);
      const own = [...new Set(resources.map(accountOf).filter((a): a is string => a !== undefined))].sort();
      if (own.length > 0 && scope.accounts.length > 0 && !own.some((a) => scope.accounts.includes(a))) {
        const what = provider === 'azure' ? 'subscription' : 'account';
        this.note(
          'warning',
          'drift-other-account',
          `${target.name} describes ${what} ${own.join(', ')} but ${live.name} is ${what} ${scope.accounts.join(', ')}: nothing joins, so drift between them was not compared. Scan the state of the same ${what}, or the ${what} of this state.`,
          target.name,
        );
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
  private sameAccount(matches: Map<Resource, DeclaredMatch[]>): Map<Resource, DeclaredMatch[]> {
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

  /** One notification per live target for resources two declarations claim, and for declarations two live resources answer. */
  private reportDuplicates(live: DriftTarget, matches: ReadonlyMap<Resource, readonly DeclaredMatch[]>, owners: ReadonlyMap<Resource, DriftTarget>): void {
    const claimed: string[] = [];
    const answers = new Map<Resource, Resource[]>();
    for (const [resource, found] of [...matches].sort(([a], [b]) => byAddress(a, b))) {
      // The same block seen through two kinds of target (a directory and its state) is one declaration, not two.
      const declarations = new Map<string, DeclaredMatch[]>();
      for (const match of found) {
        const owner = owners.get(match.declared);
        const key = `${match.declared.address}|${owner?.kind ?? ''}`;
        const list = declarations.get(key);
        if (list) list.push(match);
        else declarations.set(key, [match]);
        const others = answers.get(match.declared);
        if (others) others.push(resource);
        else answers.set(match.declared, [resource]);
      }
      const distinct = new Set(found.map((m) => m.declared.address));
      if (distinct.size > 1 || [...declarations.values()].some((list) => list.length > 1)) {
        claimed.push(`${cloudIdOf(resource) ?? resource.address} by ${found.map((m) => `${m.declared.address} (${owners.get(m.declared)?.name ?? '?'})`).join(' and ')}`);
      }
    }
    if (claimed.length > 0) {
      this.note(
        'warning',
        'drift-duplicate-identity',
        `${live.name}: ${plural(claimed.length, 'live resource')} ${claimed.length === 1 ? 'is' : 'are'} declared more than once: ${examples(claimed)}. Two declarations of one resource fight over it on every apply; each was compared with it.`,
        live.name,
      );
    }
    const answered = [...answers].filter(([declared, lives]) => lives.length > 1 && isInventoryType(declared.type));
    if (answered.length > 0) {
      this.note(
        'warning',
        'drift-duplicate-identity',
        `${live.name}: ${plural(answered.length, 'declaration')} ${answered.length === 1 ? 'matches' : 'match'} more than one live resource: ${examples(answered.map(([d, ls]) => `${d.address} (${owners.get(d)?.name ?? '?'}) matches ${ls.map((l) => cloudIdOf(l) ?? l.address).join(' and ')}`))}. Give the declaration its ARN or id (scan the state), or narrow the live scan; each was compared.`,
        live.name,
      );
    }
  }

  /** A `drift-control` finding for each control with a verdict on both copies; returns how many were compared. */
  private compareControls(match: DeclaredMatch, declaredTarget: DriftTarget, liveTarget: DriftTarget): number {
    const rule = this.rules.control;
    if (!rule) return 0;
    const declaredVerdicts = this.verdictsOf(declaredTarget).get(match.declared.address);
    const liveVerdicts = this.verdictsOf(liveTarget).get(match.live.address);
    if (!declaredVerdicts || !liveVerdicts) return 0;
    let compared = 0;
    for (const [ruleId, declaredFindings] of [...declaredVerdicts].sort(([a], [b]) => compare(a, b))) {
      const control = this.controls.get(ruleId);
      const liveFindings = liveVerdicts.get(ruleId);
      // A control decided only against the cloud is unknown on every declaration: there is nothing to compare.
      if (!control || control.liveOnly || !liveFindings) continue;
      compared++;
      this.findings.push(this.controlFinding(rule, control, match, verdictOf(declaredFindings), verdictOf(liveFindings), declaredTarget, liveTarget));
    }
    return compared;
  }

  private controlFinding(rule: RuleMeta, control: RuleMeta, match: DeclaredMatch, declared: CopyVerdict, live: CopyVerdict, declaredTarget: DriftTarget, liveTarget: DriftTarget): Finding {
    const attribute = declared.finding.path ?? live.finding.path;
    const declaredValue = this.valueOf(declaredTarget, match.declared, attribute);
    const liveValue = this.valueOf(liveTarget, match.live, attribute);
    const liveId = cloudIdOf(match.live) ?? match.live.address;
    const status: VerdictStatus =
      declared.status === 'unknown' || live.status === 'unknown' ? 'unknown' : declared.status === live.status ? 'pass' : 'fail';
    const messageId =
      status === 'unknown' ? 'unknown' : status === 'pass' ? 'agrees' : declared.status === 'pass' ? 'drifted' : 'reverted';
    const unknownSide = declared.status === 'unknown' ? declared : live;
    const data = {
      control: control.id,
      resource: match.declared.address,
      liveId,
      declaredValue: declaredValue.text,
      liveValue: liveValue.text,
      declaredLocation: `${declared.finding.location.file}:${declared.finding.location.startLine}`,
      liveMessage: live.finding.message,
      declaredMessage: declared.finding.message,
      status: declared.status === 'pass' ? 'passes' : 'fails',
      side: declared.status === 'unknown' ? 'declared' : 'live',
      reason: unknownSide.finding.message,
    };
    const message = redactSensitive(formatMessage(rule.messages[messageId] ?? messageId, data), [match.declared, match.live, declaredValue.holder, liveValue.holder]);
    const inTerraform = (location: Location) => /\.tf(\.json)?$/.test(location.file);
    const location = inTerraform(declared.finding.location) || !inTerraform(live.finding.location) ? declared.finding.location : live.finding.location;
    return {
      ruleId: rule.id,
      status,
      severity: control.severity,
      area: rule.area,
      tsc: this.criteriaWith(rule, control),
      resource: { ...findingResource(match.declared), ...(cloudIdOf(match.live) ? { cloudId: liveId } : {}) },
      target: declaredTarget.name,
      location,
      message,
      ...(attribute === undefined ? {} : { path: attribute }),
      fingerprint: fingerprintOf(rule.id, liveId, `${control.id}|${match.declared.origin.kind}|${match.declared.address}`),
      drift: {
        kind: 'control',
        control: control.id,
        ...(attribute === undefined ? {} : { attribute }),
        joinedBy: match.by,
        declared: side(declaredTarget, match.declared, declared.finding.location, declared, declaredValue.value),
        live: side(liveTarget, match.live, live.finding.location, live, liveValue.value),
      },
    };
  }

  /** Live resources of the inventory types no declaration claims, unless the cloud made them; returns how many. */
  private reportUnmanaged(live: DriftTarget, resources: readonly Resource[], matches: ReadonlyMap<Resource, unknown>, declaredAccounts: ReadonlySet<string>): number {
    const rule = this.rules.unmanaged;
    let count = 0;
    for (const resource of [...resources].sort(byAddress)) {
      if (matches.has(resource) || !isInventoryType(resource.type) || resource.declaration !== undefined || madeByTheCloud(resource) !== undefined) continue;
      const account = accountOf(resource);
      if (declaredAccounts.size > 0 && account !== undefined && !declaredAccounts.has(account)) continue;
      count++;
      if (!rule) continue;
      const id = cloudIdOf(resource) ?? resource.address;
      const location = locate(resource, undefined, this.input.root);
      this.findings.push({
        ruleId: rule.id,
        status: 'fail',
        severity: rule.severity,
        area: rule.area,
        tsc: criteriaOf(rule),
        resource: findingResource(resource),
        target: live.name,
        location,
        message: formatMessage(rule.messages['unmanaged'] ?? 'unmanaged', { type: resource.type, name: nameOf(resource), target: live.name, id }),
        fingerprint: fingerprintOf(rule.id, id),
        drift: { kind: 'unmanaged', live: { target: live.name, address: resource.address, ...(cloudIdOf(resource) ? { cloudId: id } : {}), location } },
      });
    }
    return count;
  }

  /** Declared resources no live target found, once each; those that cannot be joined at all go into a note. */
  private reportMissing(candidates: readonly MissingCandidate[], matched: ReadonlySet<Resource>): void {
    const rule = this.rules.missing;
    const unjoinable = new Map<DriftTarget, string[]>();
    const seen = new Set<Resource>();
    for (const { resource, target, live } of [...candidates].sort((a, b) => compare(a.target.name, b.target.name) || byAddress(a.resource, b.resource))) {
      if (matched.has(resource) || seen.has(resource)) continue;
      seen.add(resource);
      if (!isJoinable(resource)) {
        const list = unjoinable.get(target);
        if (list) list.push(resource.address);
        else unjoinable.set(target, [resource.address]);
        continue;
      }
      if (!rule) continue;
      const location = locate(resource, undefined, this.input.root);
      const cloudId = declaredCloudId(resource);
      this.findings.push({
        ruleId: rule.id,
        status: 'fail',
        severity: rule.severity,
        area: rule.area,
        tsc: criteriaOf(rule),
        resource: { ...findingResource(resource), ...(cloudId ? { cloudId } : {}) },
        target: target.name,
        location,
        message: formatMessage(rule.messages['missing'] ?? 'missing', { address: resource.address, target: target.name, live: live.name, identity: identityText(resource) }),
        fingerprint: fingerprintOf(rule.id, resource.address, resource.origin.kind),
        drift: { kind: 'missing', declared: { target: target.name, address: resource.address, ...(cloudId ? { cloudId } : {}), location } },
      });
    }
    for (const [target, addresses] of unjoinable) {
      this.note(
        'note',
        'drift-identity-unknown',
        `${target.name}: ${plural(addresses.length, 'declared resource')} could not be joined to the cloud because ${addresses.length === 1 ? 'its name and ids are' : 'their names and ids are'} known only after apply or come from variables without values (${examples(addresses)}); ${addresses.length === 1 ? 'it is' : 'they are'} neither compared nor reported missing. Scan the state to join them by id.`,
        target.name,
      );
    }
  }

  private readonly criteria = new Map<string, readonly TscId[]>();

  /** The drift rule's criteria, then the control's own: computed once per control, shared by its findings. */
  private criteriaWith(rule: RuleMeta, control: RuleMeta): readonly TscId[] {
    let found = this.criteria.get(control.id);
    if (!found) this.criteria.set(control.id, (found = unique([...criteriaOf(rule), ...criteriaOf(control)])));
    return found;
  }

  /** The findings of a target by resource address and rule id. */
  private verdictsOf(target: DriftTarget): Map<string, Map<string, Finding[]>> {
    let index = this.verdicts.get(target);
    if (!index) {
      index = new Map();
      for (const finding of target.findings) {
        let byRule = index.get(finding.resource.address);
        if (!byRule) index.set(finding.resource.address, (byRule = new Map()));
        const list = byRule.get(finding.ruleId);
        if (list) list.push(finding);
        else byRule.set(finding.ruleId, [finding]);
      }
      this.verdicts.set(target, index);
    }
    return index;
  }

  /**
   * The value a control read at `attribute`, on the resource or on a resource linked to it (an S3 bucket's versioning
   * is read from its `aws_s3_bucket_versioning`), as text for messages and as JSON for the finding; a sensitive value
   * is never shown.
   */
  private valueOf(target: DriftTarget, resource: Resource, attribute: string | undefined): { text: string; value?: string; holder?: Resource } {
    if (attribute === undefined) return { text: 'no attribute decided' };
    const path = parsePath(attribute);
    const holders = [resource, ...this.inventoryOf(target).linked(resource)];
    const holder = holders.find((h) => valueAt(h.attributes, path) !== undefined);
    if (!holder) return { text: `${attribute} not set` };
    if (isSensitive(holder, attribute)) return { text: `${attribute} = ${redactedText}`, value: redactedText, holder };
    const value = valueAt(holder.attributes, path) as Value;
    if (isUnknown(value)) return { text: `${attribute} unknown (${value.reason})`, holder };
    const json = JSON.stringify(value) ?? String(value);
    // A long value (a policy document) would swamp the message; the control's own message says what matters in it.
    return { text: json.length <= longValue ? `${attribute} = ${json}` : attribute, value: truncate(json, 200), holder };
  }

  private inventoryOf(target: DriftTarget): Inventory {
    let inventory = target.inventory ?? this.inventories.get(target);
    if (!inventory) {
      inventory = new Inventory(target.resources, this.input.relations ? [...relationSpecs, ...this.input.relations] : relationSpecs, target.observedTypes);
      this.inventories.set(target, inventory);
    }
    return inventory;
  }

  private note(level: Notification['level'], code: string, message: string, subject: string): void {
    this.notifications.push({ level, code, message, subject });
  }
}

/** A control's verdict on one copy: fail when any finding fails, else unknown when any is unknown, else pass. */
function verdictOf(findings: readonly Finding[]): CopyVerdict {
  const failing = findings.find((f) => f.status === 'fail');
  if (failing) return { status: 'fail', finding: failing };
  const unknown = findings.find((f) => f.status === 'unknown');
  if (unknown) return { status: 'unknown', finding: unknown };
  return { status: 'pass', finding: findings[0] as Finding };
}

function side(target: DriftTarget, resource: Resource, location: Location, verdict: CopyVerdict, value: string | undefined): DriftSide {
  const cloudId = cloudIdOf(resource) ?? declaredCloudId(resource);
  return {
    target: target.name,
    address: resource.address,
    ...(cloudId ? { cloudId } : {}),
    location,
    status: verdict.status,
    message: verdict.finding.message,
    ...(value === undefined ? {} : { value }),
  };
}

/** Whether `attribute` is, or holds, a value the resource keeps sensitive. */
function isSensitive(resource: Resource, attribute: string): boolean {
  return (resource.sensitivePaths ?? []).some((path) => path === '' || attribute === path || attribute.startsWith(`${path}.`) || path.startsWith(`${attribute}.`));
}

function findingResource(resource: Resource): FindingResource {
  const { address, type, provider, origin } = resource;
  const cloudId = cloudIdOf(resource);
  return { address, type, provider, origin: origin.kind, ...(cloudId ? { cloudId } : {}) };
}

function cloudIdOf(resource: Resource): string | undefined {
  if (resource.origin.kind === 'aws') return resource.origin.arn;
  if (resource.origin.kind === 'azure') return resource.origin.id;
  return undefined;
}

/** The ARN or Azure id a declaration knows (state always does), for waivers and readers. */
function declaredCloudId(resource: Resource): string | undefined {
  const value = resource.provider === 'azure' ? resource.attributes['id'] : resource.attributes['arn'];
  return typeof value === 'string' && value !== '' && !(resource.sensitivePaths ?? []).includes(resource.provider === 'azure' ? 'id' : 'arn') ? value : undefined;
}

/** What a missing resource would be found by: its ARN, id or name as declared. */
function identityText(resource: Resource): string {
  const labels: Readonly<Record<string, string>> = { arn: 'ARN', id: 'id', bucket: 'bucket', name: 'name', identifier: 'identifier' };
  for (const [attribute, label] of Object.entries(labels)) {
    const value = resource.attributes[attribute];
    if (typeof value === 'string' && value !== '' && !(resource.sensitivePaths ?? []).some((p) => p === attribute)) return `${label} ${value}`;
  }
  return 'joined through its references';
}

function nameOf(resource: Resource): string {
  for (const attribute of ['name', 'bucket', 'id']) {
    const value = resource.attributes[attribute];
    if (typeof value === 'string' && value !== '') return value;
  }
  return resource.address;
}

function observes(live: DriftTarget, type: string): boolean {
  return live.observedTypes === undefined || live.observedTypes.includes(type);
}

function inRegions(resource: Resource, scope: LiveScope): boolean {
  const region = regionOf(resource);
  return region === undefined || scope.regions === undefined || scope.regions.includes(region);
}

function criteriaOf(rule: RuleMeta): TscId[] {
  return [...rule.criteria.primary, ...(rule.criteria.secondary ?? [])];
}

function joinSummary(matches: ReadonlyMap<Resource, readonly DeclaredMatch[]>): string {
  const counts = new Map<string, number>();
  for (const found of matches.values()) {
    const by = found[0]?.by;
    if (by) counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  const parts = [...counts].sort(([a], [b]) => compare(a, b)).map(([by, count]) => `${count} by ${by}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function names(targets: readonly DriftTarget[]): string {
  return targets.map((t) => t.name).join(', ');
}

function examples(items: readonly string[]): string {
  return `${items.slice(0, examplesShown).join('; ')}${items.length > examplesShown ? `; and ${items.length - examplesShown} more` : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function byAddress(a: Resource, b: Resource): number {
  return compare(a.address, b.address);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
