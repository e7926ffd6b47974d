import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import { formatInstanceKey } from '../../../../inventory/address.js';
import { newTrace, type Trace } from '../expression/evaluate.js';
import { ExpressionSyntaxError } from '../expression/parser.js';
import { EvaluationError, asNumber, asString, describeValue, sortedKeys } from '../expression/values.js';
import type { RawBody } from '../config/module-config.js';
import { maxInstances } from './services.js';

/** How a block with `count` or `for_each` expands into instances. */
export type Expansion =
  | { readonly kind: 'single' }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'for_each'; readonly entries: readonly (readonly [string, Value])[] }
  /** The count or the collection is not known offline: evaluated as one representative instance, `…[*]`. */
  | { readonly kind: 'unknown'; readonly reason: string }
  /** Terraform would reject the expression; the block is evaluated as a representative instance, like an unknown one. */
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * The key of the representative instance of a block whose `count` or `for_each` is not known: it stands for every
 * instance there may be, and is written `[*]` in addresses (`aws_s3_bucket.b[*]`, `module.m[*].aws_s3_bucket.b`),
 * as Terraform writes instances whose keys are not known yet.
 */
export const representativeKey: unique symbol = Symbol('representative instance');

export type InstanceKeyValue = number | string | typeof representativeKey;

/** One instance of an expanded block: its key (none for single blocks) and the names it binds. */
export interface InstanceKey {
  readonly key: InstanceKeyValue | undefined;
  readonly bindings: Readonly<Record<string, Value>>;
}

/** Evaluates `count` or `for_each` of a block. */
export function readExpansion(body: RawBody, evaluate: (text: string, trace: Trace) => Value, trace: Trace = newTrace()): Expansion {
  const count = body['count'];
  const forEach = body['for_each'];
  try {
    if (count !== undefined) {
      const value = typeof count === 'string' ? evaluate(count, trace) : (count as Value);
      if (value instanceof Unknown) return { kind: 'unknown', reason: `count is unknown (${value.reason})` };
      if (value === null) return { kind: 'invalid', reason: 'count is null' };
      const n = asNumber(value, 'count');
      if (!Number.isInteger(n) || n < 0) return { kind: 'invalid', reason: `count is ${n}, not a whole number of zero or more` };
      if (n > maxInstances) return { kind: 'invalid', reason: `count is ${n}, more than the ${maxInstances} instances trustscan expands` };
      return { kind: 'count', count: n };
    }
    if (forEach !== undefined) {
      const value = typeof forEach === 'string' ? evaluate(forEach, trace) : (forEach as Value);
      if (value instanceof Unknown) return { kind: 'unknown', reason: `for_each is unknown (${value.reason})` };
      if (value === null) return { kind: 'invalid', reason: 'for_each is null' };
      if (isRecord(value)) return { kind: 'for_each', entries: sortedKeys(value).map((key) => [key, value[key] as Value] as const) };
      if (Array.isArray(value)) {
        const items = value as readonly Value[];
        const unknown = items.find((item) => item instanceof Unknown);
        if (unknown instanceof Unknown) return { kind: 'unknown', reason: `for_each has an unknown element (${unknown.reason})` };
        const keys = [...new Set(items.map((item) => asString(item, 'for_each element')))].sort();
        return { kind: 'for_each', entries: keys.map((key) => [key, key] as const) };
      }
      return { kind: 'invalid', reason: `for_each is ${describeValue(value)}, not a map or a set of strings` };
    }
  } catch (error) {
    if (error instanceof EvaluationError || error instanceof ExpressionSyntaxError) return { kind: 'invalid', reason: error.message };
    throw error;
  }
  return { kind: 'single' };
}

/** The instances an expansion yields, in Terraform's order, with `count.index` or `each.key`/`each.value` bound. */
export function instanceKeys(expansion: Expansion): InstanceKey[] {
  switch (expansion.kind) {
    case 'single':
      return [{ key: undefined, bindings: {} }];
    case 'count':
      return Array.from({ length: expansion.count }, (_, index) => ({ key: index, bindings: { count: { index } } }));
    case 'for_each':
      return expansion.entries.map(([key, value]) => ({ key, bindings: { each: { key, value } } }));
    case 'unknown':
    case 'invalid': {
      const unknown = new Unknown(expansion.reason);
      return [{ key: representativeKey, bindings: { count: { index: unknown }, each: { key: unknown, value: unknown } } }];
    }
  }
}

/** Whether instances of the expansion are addressed with a key (`[0]`, `["a"]`, `[*]`). */
export function isKeyed(expansion: Expansion): boolean {
  return expansion.kind !== 'single';
}

/** Whether the expansion stands for a number of instances that is not known. */
export function isRepresentative(expansion: Expansion): expansion is Extract<Expansion, { kind: 'unknown' | 'invalid' }> {
  return expansion.kind === 'unknown' || expansion.kind === 'invalid';
}

/** `base` with the instance key, as Terraform writes addresses; the representative instance is `base[*]`. */
export function instanceAddress(base: string, key: InstanceKeyValue | undefined): string {
  if (key === undefined) return base;
  return key === representativeKey ? `${base}[*]` : `${base}${formatInstanceKey(key)}`;
}
