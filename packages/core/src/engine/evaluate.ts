import type { Finding, FindingResource } from '../model/finding.js';
import type { TscId } from '../tsc/criteria.js';
import type { Resource } from '../model/resource.js';
import type { Rule, RuleContext, Verdict } from '../model/rule.js';
import { pathToString } from '../model/value.js';
import { describeError } from '../model/errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { fingerprintOf } from './fingerprint.js';
import { locate } from './locate.js';
import { formatMessage, redactSensitive } from './message.js';
import { RuleIndex } from './rule-index.js';

/**
 * Runs every rule against the resources of the types it declares and turns verdicts into findings. A rule that
 * throws yields an `unknown` finding naming the error: never a crash, never a pass.
 */
export function evaluateRules(inventory: Inventory, rules: readonly Rule[], root: string, target?: string): Finding[] {
  const index = new RuleIndex(rules);
  const context: RuleContext = {
    related: (resource, type) => inventory.related(resource, type),
    resourcesOfType: (type) => inventory.ofType(type),
    observed: (type) => inventory.observes(type),
  };
  const findings: Finding[] = [];
  const criteria = new Map<Rule, readonly TscId[]>(rules.map((rule) => [rule, [...rule.meta.criteria.primary, ...(rule.meta.criteria.secondary ?? [])]]));
  for (const type of index.types()) {
    const resources = inventory.ofType(type);
    if (resources.length === 0) continue;
    const typeRules = index.forType(type);
    for (const resource of resources) {
      const subject = findingResource(resource);
      for (const rule of typeRules) {
        const verdicts = runRule(rule, resource, context);
        for (const verdict of verdicts) {
          const discriminator = verdicts.length > 1 && verdict.path ? pathToString(verdict.path) : '';
          findings.push(toFinding(rule, criteria.get(rule) ?? [], resource, subject, verdict, root, discriminator, target));
        }
      }
    }
  }
  return findings;
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
): Finding {
  const meta = rule.meta;
  const template =
    verdict.messageId === ruleErrorMessageId
      ? `The rule ${meta.id} could not evaluate ${resource.address}: {{error}}.`
      : (meta.messages[verdict.messageId] ?? verdict.messageId);
  let message = formatMessage(template, verdict.data);
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
  const base = { address, type, provider, origin: origin.kind };
  if (origin.kind === 'aws') return { ...base, cloudId: origin.arn };
  if (origin.kind === 'azure') return { ...base, cloudId: origin.id };
  return base;
}
