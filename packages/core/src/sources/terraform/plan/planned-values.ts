import { Unknown, type Value } from '../../../model/value.js';
import type { JsonValue } from './plan-json.js';

const knownAfterApply = new Unknown('known after apply');

/**
 * Puts `Unknown` wherever `after_unknown` marks a value as unknown. Terraform leaves unknown object attributes out of
 * `after` and sets unknown list elements to `null`, so both trees are walked together.
 */
export function withUnknowns(after: JsonValue | undefined, afterUnknown: JsonValue | undefined): Value | undefined {
  if (afterUnknown === true) return knownAfterApply;
  if (Array.isArray(afterUnknown)) {
    const items = Array.isArray(after) ? after : [];
    const length = Math.max(items.length, afterUnknown.length);
    const result: Value[] = [];
    for (let i = 0; i < length; i++) result.push(withUnknowns(items[i], afterUnknown[i]) ?? null);
    return result;
  }
  if (isObject(afterUnknown) && (isObject(after) || after === undefined || after === null)) {
    const base = isObject(after) ? after : {};
    const result: Record<string, Value> = { ...(base as Record<string, Value>) };
    let changed = false;
    for (const [key, marker] of Object.entries(afterUnknown)) {
      if (marker === false) continue;
      const merged = withUnknowns(base[key], marker);
      if (merged !== undefined) {
        result[key] = merged;
        changed = true;
      }
    }
    if (!changed && (after === undefined || after === null)) return after ?? undefined;
    return result;
  }
  return after as Value | undefined;
}

/** The dotted paths marked `true` in a `*_sensitive` shadow tree (which may itself be `true`, `false` or absent). */
export function sensitivePaths(shadow: JsonValue | undefined, prefix = ''): string[] {
  if (shadow === true) return [prefix];
  const paths: string[] = [];
  if (Array.isArray(shadow)) {
    shadow.forEach((item, index) => paths.push(...sensitivePaths(item, join(prefix, String(index)))));
  } else if (isObject(shadow)) {
    for (const [key, item] of Object.entries(shadow)) paths.push(...sensitivePaths(item, join(prefix, key)));
  }
  return paths;
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
  const result: Record<string, Value> = {};
  for (const [key, item] of Object.entries(value as Record<string, Value>)) {
    const expression = expressions[key];
    if (expression === undefined) {
      if (!(item instanceof Unknown)) result[key] = item;
      continue;
    }
    if (Array.isArray(expression) && Array.isArray(item)) {
      // A nested block: one expressions object per block, in order.
      result[key] = (item as readonly Value[]).map((block, index) => {
        const blockExpressions = expression[index];
        return isObject(blockExpressions as JsonValue) ? (dropUnconfiguredUnknowns(block, blockExpressions as Expressions) ?? null) : block;
      });
      continue;
    }
    result[key] = item;
  }
  return result;
}
