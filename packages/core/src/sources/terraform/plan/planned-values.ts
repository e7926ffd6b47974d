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
