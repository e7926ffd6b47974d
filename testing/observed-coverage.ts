import { evaluateRules } from '../packages/core/src/engine/evaluate.js';
import { Inventory } from '../packages/core/src/inventory/inventory.js';
import type { Finding } from '../packages/core/src/model/finding.js';
import type { Resource } from '../packages/core/src/model/resource.js';
import type { Rule } from '../packages/core/src/model/rule.js';
import type { Value } from '../packages/core/src/model/value.js';

/** A resource as the live AWS source emits it: the ARN is the address, and the origin names account and region. */
export function liveAwsResource(type: string, arn: string, attributes: Record<string, Value> = {}): Resource {
  const [, , , region = '', account = ''] = arn.split(':');
  return { address: arn, type, provider: 'aws', attributes: { arn, ...attributes }, origin: { kind: 'aws', arn, account, region } };
}

/**
 * A coverage case: resources as a live source emits them, the resource whose verdict is checked, and the evidence
 * types the rule looks for. The case is evaluated twice: with the evidence types left out of the observed types
 * (the source did not read them) and with them in (it read them and found none).
 */
export interface CoverageCase {
  readonly name: string;
  readonly rule: Rule;
  readonly resources: readonly Resource[];
  readonly subject: string;
  readonly evidence: readonly string[];
  /** What the rule says when the evidence types were read and nothing was found: `fail`, or `pass` for absence that passes. */
  readonly whenObserved: 'pass' | 'fail';
}

/** The finding about `subject` when the source observed the types of the given resources, less the evidence, plus `extra`. */
export function verdictWhenObserved(c: CoverageCase, extra: readonly string[]): Finding {
  const observed = [...new Set([...c.resources.map((r) => r.type).filter((type) => !c.evidence.includes(type)), ...extra])];
  const findings = evaluateRules(new Inventory(c.resources, undefined, observed), [c.rule], '/work/repo');
  const matching = findings.filter((f) => f.resource.address === c.subject);
  if (matching.length !== 1) throw new Error(`expected one finding of ${c.rule.meta.id} for ${c.subject}, got ${matching.length}`);
  return matching[0] as Finding;
}
