import { isRecord, isUnknown, Unknown, type Value } from '@trustscan/core';

/**
 * Reads `name` from an object, ignoring case: AWS Config spells the same property `storageEncrypted`,
 * `iamdatabaseAuthenticationEnabled` or `Protocol` depending on the resource type and the item's form, and the SDK
 * spells S3 answers `SSEAlgorithm` where Config says `sseAlgorithm`.
 */
export function field(value: Value | undefined, name: string): Value | undefined {
  if (!isRecord(value)) return undefined;
  if (Object.hasOwn(value, name)) return value[name];
  const wanted = name.toLowerCase();
  for (const key of Object.keys(value)) if (key.toLowerCase() === wanted) return value[key];
  return undefined;
}

/** Follows a path of case-insensitive keys; stops at the first `Unknown`. */
export function fieldAt(value: Value | undefined, ...names: string[]): Value | undefined {
  let current = value;
  for (const name of names) {
    if (isUnknown(current)) return current;
    current = field(current, name);
  }
  return current;
}

/** A string, or `undefined`. */
export function text(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses a JSON string that holds an object or an array (repeatedly: moto double-encodes some values); anything else is returned as it is. */
export function decodeJson(value: Value | undefined): Value | undefined {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current === 'string'; depth++) {
    const trimmed = current.trim();
    if (!(trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"'))) return current;
    try {
      current = JSON.parse(trimmed) as Value;
    } catch {
      return current;
    }
  }
  return current;
}

/**
 * An IAM or resource policy document as an object. IAM returns documents URL-encoded; the RDK examples hold them
 * decoded, sometimes wrapped in a one-element array; bucket and key policies are plain JSON strings.
 */
export function decodePolicyDocument(value: Value | undefined): Value | undefined {
  if (isUnknown(value) || value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.length === 1 ? decodePolicyDocument(value[0] as Value) : undefined;
  if (isRecord(value)) return value;
  if (typeof value !== 'string') return undefined;
  let source = value.trim();
  if (!source.startsWith('{') && /%[0-9A-Fa-f]{2}/.test(source)) {
    try {
      source = decodeURIComponent(source.replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
  }
  const decoded = decodeJson(source);
  return isRecord(decoded) ? decoded : undefined;
}

/** A policy document as the JSON string Terraform keeps in `policy`; `Unknown` stays unknown, an unreadable one becomes `Unknown`. */
export function policyJson(value: Value | undefined, what: string): string | Unknown | null {
  if (isUnknown(value)) return value;
  if (value === undefined || value === null) return null;
  const document = decodePolicyDocument(value);
  return document === undefined ? new Unknown(`${what} is not a readable policy document`) : JSON.stringify(document);
}

/**
 * The value of a property that AWS always sends: the value when it has the expected type, else `Unknown` naming what
 * is missing (`missing`, the reason the whole item has no configuration, when there is one).
 */
export function required(value: Value | undefined, kind: 'boolean' | 'number' | 'string', what: string, missing?: string): Value {
  if (missing !== undefined) return new Unknown(missing);
  if (isUnknown(value)) return value;
  if (kind === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof value === kind) return value as Value;
  return new Unknown(`the AWS Config item has no ${what}`);
}

/** The value of a property that may be absent (absent means not set): the value, or `null`. */
export function optional(value: Value | undefined, kind: 'boolean' | 'number' | 'string'): Value {
  if (isUnknown(value)) return value;
  if (value === undefined || value === null || value === '') return null;
  if (kind === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (kind === 'number' && typeof value === 'string' && Number.isFinite(Number(value))) return Number(value);
  return typeof value === kind ? (value as Value) : null;
}

/** A list of strings from a list (or a single string); other values give an empty list. */
export function stringList(value: Value | undefined): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  return (value as readonly Value[]).filter((item): item is string => typeof item === 'string' && item !== '');
}

/** The elements of a list value; anything else gives an empty list. */
export function list(value: Value | undefined): readonly Value[] {
  return Array.isArray(value) ? (value as readonly Value[]) : [];
}

/** An attribute map without its `undefined` entries. */
export function attributes(entries: Readonly<Record<string, Value | undefined>>): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) result[key] = value;
  return result;
}
