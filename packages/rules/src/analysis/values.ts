import { isRecord, isUnknown, valueAt, type AttributePath, type Resource, type Value } from '@trustscan/core';

/** The value at `path`: `undefined` when absent, `Unknown` when it cannot be known. */
export function attribute(resource: Resource, path: AttributePath): Value | undefined {
  return valueAt(resource.attributes, path);
}

/** A value read for a check: known, absent (not set; the provider default applies), or unknown with a reason. */
export type Reading<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

export type Block = { readonly [key: string]: Value };

export function readBoolean(value: Value | undefined): Reading<boolean> {
  if (isUnknown(value)) return { kind: 'unknown', reason: value.reason };
  if (typeof value === 'boolean') return { kind: 'value', value };
  if (value === 'true' || value === 'false') return { kind: 'value', value: value === 'true' };
  return { kind: 'absent' };
}

export function readNumber(value: Value | undefined): Reading<number> {
  if (isUnknown(value)) return { kind: 'unknown', reason: value.reason };
  if (typeof value === 'number') return { kind: 'value', value };
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return { kind: 'value', value: Number(value) };
  return { kind: 'absent' };
}

export function readString(value: Value | undefined): Reading<string> {
  if (isUnknown(value)) return { kind: 'unknown', reason: value.reason };
  if (typeof value === 'string' && value !== '') return { kind: 'value', value };
  return { kind: 'absent' };
}

/** The objects of a nested block list (`versioning`, `rule`); an absent block reads as an empty list. */
export function readBlocks(value: Value | undefined): Reading<readonly Block[]> {
  if (isUnknown(value)) return { kind: 'unknown', reason: value.reason };
  if (Array.isArray(value)) {
    const items = value as readonly Value[];
    const unknown = items.find(isUnknown);
    if (unknown) return { kind: 'unknown', reason: unknown.reason };
    return { kind: 'value', value: items.filter(isRecord) };
  }
  if (isRecord(value)) return { kind: 'value', value: [value] };
  return { kind: 'value', value: [] };
}

/**
 * The resources an attribute refers to, as recorded by the source (`['aws_cloudwatch_log_group.api']`): those of
 * the exact dotted path, else those of its top-level attribute (sources record references of a nested block
 * under the block's name). An attribute known only after apply that refers to a resource is set.
 */
export function referencesAt(resource: Resource, path: AttributePath): readonly string[] {
  const references = resource.references;
  if (!references) return [];
  return references[path.join('.')] ?? (typeof path[0] === 'string' ? references[path[0]] : undefined) ?? [];
}
