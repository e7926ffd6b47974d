import { Unknown, isRecord, type Value } from '../../../../model/value.js';

/** An expression that Terraform would reject (a type mismatch, a missing key, a function error). */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  constructor(message: string) {
    // These errors steer evaluation (`try()`, `can()`, unknown fallbacks) and never reach the user with a stack;
    // capturing one on a deep evaluation stack costs more than the rest of the work.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

export type ObjectValue = { readonly [key: string]: Value };

/** Longest string and largest collection the evaluator builds; beyond them it gives up instead of exhausting memory. */
export const maxStringLength = 16 * 1024 * 1024;
export const maxCollectionLength = 1_000_000;

/** What `markComputed` knows about an instance object; `managed` is false for data sources. */
export interface ComputedObject {
  readonly address: string;
  readonly reason: string;
  readonly managed: boolean;
}

const computedObjects = new WeakMap<object, ComputedObject>();

/**
 * Marks an object as the value of a resource or data source instance: attributes the configuration does not set
 * read as `Unknown` (computed by the provider) instead of being an error. The mark belongs to the object itself, so
 * copies made by functions such as `merge` do not inherit it.
 */
export function markComputed<T extends object>(object: T, address: string, reason: string, managed: boolean): T {
  computedObjects.set(object, { address, reason, managed });
  return object;
}

/** The address and reason of an object marked by `markComputed`. */
export function computedOf(object: object): ComputedObject | undefined {
  return computedObjects.get(object);
}

/** Terraform's name for the type of a value, for messages. */
export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (value instanceof Unknown) return 'unknown';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/** The first `Unknown` inside a value, looking into collections. */
export function firstUnknown(value: Value, depth = 0): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (depth > 100) return undefined;
  if (Array.isArray(value)) {
    for (const item of value as readonly Value[]) {
      const found = firstUnknown(item, depth + 1);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) {
      const found = firstUnknown(item, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Keys of an object in the order Terraform iterates maps and objects: lexical. */
export function sortedKeys(object: ObjectValue): string[] {
  return Object.keys(object).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deep equality with Terraform's typing: `1 == "1"` is false. Callers handle `Unknown` first. */
export function valuesEqual(a: Value, b: Value, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 100) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = a as readonly Value[];
    const right = b as readonly Value[];
    return left.length === right.length && left.every((item, i) => valuesEqual(item, right[i] as Value, depth + 1));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key] as Value, b[key] as Value, depth + 1));
  }
  return false;
}

/**
 * Sets an own key of an object being built. A key named `__proto__` (HCL and JSON allow any key) would set the
 * object's prototype through `object[key] = value`: defined as a plain property, it stays a key like any other.
 */
export function setKey(object: Record<string, Value>, key: string, value: Value): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * Formats a number the way Terraform prints it in strings (`big.Float.Text('f', -1)`): plain decimal digits, never
 * an exponent (`5e-324` prints as `0.000…005`, `1e21` as `1000000000000000000000`), integers without a fraction.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  const text = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign, first, rest = '', power] = exponent as unknown as [string, string, string, string | undefined, string];
  const digits = first + rest;
  // The decimal point sits after `first`; moving it by `power` places.
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return point >= digits.length ? `${sign}${digits}${'0'.repeat(point - digits.length)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Converts a primitive to a string as Terraform's automatic conversion does; other values are an error. */
export function asString(value: Value, what = 'value'): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) throw new EvaluationError(`the ${what} is null where a string is required`);
  throw new EvaluationError(`the ${what} is a ${typeName(value)} where a string is required`);
}

/** Converts a number or a numeric string to a number. */
export function asNumber(value: Value, what = 'value'): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw new EvaluationError(`the ${what} is ${describeValue(value)} where a number is required`);
}

/** Converts a bool or `"true"`/`"false"` to a bool. */
export function asBool(value: Value, what = 'value'): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new EvaluationError(`the ${what} is ${describeValue(value)} where a bool is required`);
}

/** A list, or a set; objects are not lists. */
export function asList(value: Value, what = 'value'): readonly Value[] {
  if (Array.isArray(value)) return value as readonly Value[];
  throw new EvaluationError(`the ${what} is ${describeValue(value)} where a list is required`);
}

export function asObject(value: Value, what = 'value'): ObjectValue {
  if (isRecord(value)) return value;
  throw new EvaluationError(`the ${what} is ${describeValue(value)} where a map or object is required`);
}

/** A short description of a value for messages, without printing it whole. */
export function describeValue(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeName(value)}`;
}

/** Throws when a built string would exceed the limit. */
export function checkStringLength(text: string): string {
  if (text.length > maxStringLength) throw new EvaluationError(`a string grew beyond ${maxStringLength} characters`);
  return text;
}

export function checkCollectionLength<T>(items: T[]): T[] {
  if (items.length > maxCollectionLength) throw new EvaluationError(`a collection grew beyond ${maxCollectionLength} elements`);
  return items;
}
