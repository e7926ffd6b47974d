import { evaluateRules } from '../packages/core/src/engine/evaluate.js';
import { Inventory } from '../packages/core/src/inventory/inventory.js';
import type { Finding } from '../packages/core/src/model/finding.js';
import type { Resource } from '../packages/core/src/model/resource.js';
import type { Rule } from '../packages/core/src/model/rule.js';
import type { Value } from '../packages/core/src/model/value.js';

/**
 * A resource as the live Azure source emits it: the ARM id is the address and the `id` attribute, and the origin
 * names the subscription, so rules that depend on live input (owner counts, subscription coverage) can be tested
 * without an ARM server.
 */
export function liveAzureResource(type: string, id: string, attributes: Record<string, Value> = {}): Resource {
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
  return { address: id, type, provider: 'azure', attributes: { id, ...attributes }, origin: { kind: 'azure', id, subscription } };
}

/** The findings of `rule` on live resources, with relations resolved by the inventory as in a scan. */
export function evaluateLive(rule: Rule, resources: readonly Resource[]): Finding[] {
  return evaluateRules(new Inventory(resources), [rule], process.cwd());
}

/** The one finding about `address`; throws when there is none or more than one. */
export function findingFor(findings: readonly Finding[], address: string): Finding {
  const matching = findings.filter((f) => f.resource.address === address);
  if (matching.length !== 1) throw new Error(`expected one finding for ${address}, got ${matching.length}`);
  return matching[0] as Finding;
}
