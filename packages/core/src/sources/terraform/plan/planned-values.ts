import { Unknown, type Value } from '../../../model/value.js';
import type { JsonValue } from './plan-json.js';

const knownAfterApply = new Unknown('known after apply');

/**
 * Puts `Unknown` wherever `after_unknown` marks a value as unknown. Terraform leaves unknown object attributes out of
 * `after` and sets unknown list elements to `null`, so both trees are walked together.
 */
export function withUnknowns(after: JsonValue | undefined, afterUnknown: JsonValue | undefined): Value | undefined {
  if (afterUnknown === true) return knownAfterApply;
  // Copy only where something becomes unknown: most of a plan is known, and copying it all doubles the garbage.
  if (Array.isArray(afterUnknown)) {
    const items = Array.isArray(after) ? after : [];
    let result: Value[] | undefined;
    const length = Math.max(items.length, afterUnknown.length);
    for (let i = 0; i < length; i++) {
      const current = items[i];
      const merged = i < afterUnknown.length ? withUnknowns(current, afterUnknown[i]) : current;
      if (merged !== current) {
        result ??= items.slice(0, length) as Value[];
        result[i] = merged ?? null;
      }
    }
    return result ?? (after as Value | undefined);
  }
  if (isObject(afterUnknown) && (isObject(after) || after === undefined || after === null)) {
    const base = isObject(after) ? after : undefined;
    let result: Record<string, Value> | undefined;
    for (const key in afterUnknown) {
      const marker = afterUnknown[key];
      if (marker === false || marker === undefined) continue;
      const current = base?.[key];
      const merged = withUnknowns(current, marker);
      if (merged !== current && merged !== undefined) {
        result ??= { ...(base as Record<string, Value> | undefined) };
        result[key] = merged;
      }
    }
    return result ?? (after as Value | undefined);
  }
  return after as Value | undefined;
}

/** The dotted paths marked `true` in a `*_sensitive` shadow tree (which may itself be `true`, `false` or absent). */
export function sensitivePaths(shadow: JsonValue | undefined, prefix = '', found: string[] = []): string[] {
  if (shadow === true) {
    found.push(prefix);
  } else if (Array.isArray(shadow)) {
    for (let i = 0; i < shadow.length; i++) if (shadow[i] !== false) sensitivePaths(shadow[i], join(prefix, String(i)), found);
  } else if (isObject(shadow)) {
    for (const key in shadow) if (shadow[key] !== false) sensitivePaths(shadow[key], join(prefix, key), found);
  }
  return found;
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Expressions = { readonly [attribute: string]: unknown };

/**
 * Removes unknown values the configuration never set. Terraform marks provider-computed attributes (an S3 bucket's
 * legacy `versioning`, an RDS instance's `backup_retention_period`) as known after apply when the configuration
 * leaves them out; they then take the provider's default, exactly as an absent attribute in HCL does, so rules
 * must see them as absent rather than unknown. Unknowns that come from a configured expression stay unknown.
 */
export function dropUnconfiguredUnknowns(value: Value | undefined, expressions: Expressions): Value | undefined {
  if (!isObject(value as JsonValue)) return value;
  const record = value as Record<string, Value>;
  let result: Record<string, Value> | undefined;
  for (const key in record) {
    const item = record[key] as Value;
    const expression = expressions[key];
    let kept: Value | undefined = item;
    if (expression === undefined) {
      if (item instanceof Unknown) kept = undefined;
    } else if (Array.isArray(expression) && Array.isArray(item)) {
      // A nested block: one expressions object per block, in order.
      const blocks = item as readonly Value[];
      let changed: Value[] | undefined;
      blocks.forEach((block, index) => {
        const blockExpressions = expression[index];
        const pruned = isObject(blockExpressions as JsonValue) ? (dropUnconfiguredUnknowns(block, blockExpressions as Expressions) ?? null) : block;
        if (pruned !== block) {
          changed ??= [...blocks];
          changed[index] = pruned;
        }
      });
      if (changed) kept = changed;
    }
    if (kept !== item) {
      result ??= { ...record };
      if (kept === undefined) delete result[key];
      else result[key] = kept;
    }
  }
  return result ?? value;
}
