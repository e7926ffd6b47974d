import type { Finding, FindingResource } from '../model/finding.js';
import type { TscId } from '../tsc/criteria.js';
import type { Resource } from '../model/resource.js';
import type { Profile, Rule, RuleContext, RuleOptionValues, Verdict } from '../model/rule.js';
import { isRecord, pathToString } from '../model/value.js';
import { describeError } from '../model/errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { fingerprintOf } from './fingerprint.js';
import { locate } from './locate.js';
import { formatMessage, redactSensitive } from './message.js';
import { RuleIndex } from './rule-index.js';
import { resolveRuleOptions } from './rule-options.js';

/** The profile and the resolved options rules run with; see `resolveRuleOptions`. */
export interface RuleSettingsInEffect {
  readonly profile: Profile;
  /** Options by rule id; a rule missing here runs with its defaults under the profile. */
  readonly options: ReadonlyMap<string, RuleOptionValues>;
}

const defaultSettings: RuleSettingsInEffect = { profile: 'baseline', options: new Map() };

/**
 * Runs every rule against the resources of the types it declares and turns verdicts into findings. A rule that
 * throws yields an `unknown` finding naming the error: never a crash, never a pass. Each rule sees the profile
 * and its own options through its context.
 */
export function evaluateRules(inventory: Inventory, rules: readonly Rule[], root: string, target?: string, settings: RuleSettingsInEffect = defaultSettings): Finding[] {
  const index = new RuleIndex(rules);
  const shared = {
    profile: settings.profile,
    related: (resource: Resource, type: string) => inventory.related(resource, type),
    resourcesOfType: (type: string) => inventory.ofType(type),
    observed: (type: string) => inventory.observes(type),
  };
  // Rules the settings do not cover run with their defaults under the profile.
  const defaults = resolveRuleOptions(rules.filter((rule) => !settings.options.has(rule.meta.id)), settings.profile);
  const optionsOf = (rule: Rule): RuleOptionValues => settings.options.get(rule.meta.id) ?? defaults.get(rule.meta.id) ?? {};
  const contexts = new Map<Rule, RuleContext>(rules.map((rule) => [rule, { ...shared, options: optionsOf(rule) }]));
  // Messages may name options (`less than {{minDays}}`); a verdict's own data wins over them.
  const optionText = new Map<Rule, Readonly<Record<string, string | number | boolean>>>(rules.map((rule) => [rule, messageValues(optionsOf(rule))]));
  const findings: Finding[] = [];
  const criteria = new Map<Rule, readonly TscId[]>(rules.map((rule) => [rule, [...rule.meta.criteria.primary, ...(rule.meta.criteria.secondary ?? [])]]));
  for (const type of index.types()) {
    const resources = inventory.ofType(type);
    if (resources.length === 0) continue;
    const typeRules = index.forType(type);
    for (const resource of resources) {
      const subject = findingResource(resource);
      for (const rule of typeRules) {
        const verdicts = runRule(rule, resource, contexts.get(rule) as RuleContext);
        for (const verdict of verdicts) {
          const discriminator = verdicts.length > 1 && verdict.path ? pathToString(verdict.path) : '';
          findings.push(toFinding(rule, criteria.get(rule) ?? [], resource, subject, verdict, root, discriminator, target, optionText.get(rule)));
        }
      }
    }
  }
  return findings;
}

/** Option values as message text: lists joined with commas. */
function messageValues(options: RuleOptionValues | undefined): Readonly<Record<string, string | number | boolean>> {
  return Object.fromEntries(Object.entries(options ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value as string | number | boolean)]));
}

function runRule(rule: Rule, resource: Resource, context: RuleContext): readonly Verdict[] {
  try {
    const verdicts = rule.evaluate(resource, context);
    return Array.isArray(verdicts) ? verdicts : [verdicts as Verdict];
  } catch (error) {
    return [{ status: 'unknown', messageId: ruleErrorMessageId, data: { error: describeError(error) } }];
  }
}

const ruleErrorMessageId = '__rule-error__';

function toFinding(
  rule: Rule,
  tsc: readonly TscId[],
  resource: Resource,
  subject: FindingResource,
  verdict: Verdict,
  root: string,
  discriminator: string,
  target: string | undefined,
  options: Readonly<Record<string, string | number | boolean>> | undefined,
): Finding {
  const meta = rule.meta;
  const template =
    verdict.messageId === ruleErrorMessageId
      ? `The rule ${meta.id} could not evaluate ${resource.address}: {{error}}.`
      : (meta.messages[verdict.messageId] ?? verdict.messageId);
  let message = formatMessage(template, verdict.data, options);
  const defaulted = verdict.path && typeof verdict.path[0] === 'string' ? (verdict.at ?? resource).defaults?.[verdict.path[0]] : undefined;
  if (defaulted !== undefined) message = `${message} ${String(verdict.path?.[0])} is not set: ${defaulted}.`;
  if (resource.unknownInstances !== undefined) message = `${message} ${unknownInstancesNote(resource.unknownInstances)}`;
  if (resource.sensitivePaths?.length || verdict.at?.sensitivePaths?.length) message = redactSensitive(message, [resource, verdict.at]);
  // Built in one shape, optional fields last, so the engine's hot loop allocates one object per finding.
  const finding: Mutable<Finding> = {
    ruleId: meta.id,
    status: verdict.status,
    severity: meta.severity,
    area: meta.area,
    tsc,
    resource: subject,
    location: locate(verdict.at ?? resource, verdict.path, root),
    message,
    fingerprint: fingerprintOf(meta.id, resource.address, discriminator),
  };
  if (target !== undefined) finding.target = target;
  if (verdict.path) finding.path = pathToString(verdict.path);
  return finding;
}

/** What a finding on a representative instance (`…[*]`) adds: it holds for every instance, however many. */
function unknownInstancesNote(reason: string): string {
  return `The number of instances is not known (${reason.replace(/\.$/, '')}); this holds for each of them.`;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function findingResource(resource: Resource): FindingResource {
  const { address, type, provider, origin } = resource;
  const base: Mutable<FindingResource> = { address, type, provider, origin: origin.kind };
  if (origin.kind === 'aws') base.cloudId = origin.arn;
  if (origin.kind === 'azure') base.cloudId = origin.id;
  const tags = knownTags(resource);
  if (tags) base.tags = tags;
  return base;
}

/**
 * The tags of a resource that are known text: `tags_all` (with a provider's default tags) under `tags`, leaving out
 * unknown values and sensitive ones, which must never reach a report.
 */
function knownTags(resource: Resource): Record<string, string> | undefined {
  let tags: Record<string, string> | undefined;
  const sensitive = resource.sensitivePaths ?? [];
  for (const attribute of ['tags_all', 'tags']) {
    const value = resource.attributes[attribute];
    if (!isRecord(value) || sensitive.includes(attribute)) continue;
    for (const [key, text] of Object.entries(value)) {
      if (typeof text !== 'string' || sensitive.includes(`${attribute}.${key}`)) continue;
      (tags ??= {})[key] = text;
    }
  }
  return tags;
}
