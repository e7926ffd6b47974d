import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import {
  EvaluationError,
  asList,
  asNumber,
  asObject,
  asString,
  checkCollectionLength,
  describeValue,
  maxCollectionLength,
  firstUnknown,
  sortedKeys,
  valuesEqual,
} from '../expression/values.js';

/** Collection functions: lists, maps and sets. */
export const collectionFunctions: Readonly<Record<string, FunctionDefinition>> = {
  length: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([value]) => {
      if (value instanceof Unknown) return value;
      if (typeof value === 'string') return [...value].length;
      if (Array.isArray(value)) return value.length;
      if (isRecord(value)) return Object.keys(value).length;
      throw new EvaluationError(`cannot take the length of ${describeValue(value ?? null)}`);
    },
  },
  element: {
    minArgs: 2,
    maxArgs: 2,
    acceptsUnknown: true,
    call: ([list, index]) => {
      if (list instanceof Unknown) return list;
      if (index instanceof Unknown) return index;
      const items = asList(list ?? null, 'list');
      if (items.length === 0) throw new EvaluationError('cannot use element() on an empty list');
      const i = Math.floor(asNumber(index ?? null, 'index'));
      if (i < 0) throw new EvaluationError('the index must not be negative');
      return items[i % items.length] as Value;
    },
  },
  concat: {
    acceptsUnknown: true,
    call: (args) => {
      const result: Value[] = [];
      for (const arg of args) {
        if (arg instanceof Unknown) return arg;
        result.push(...asList(arg, 'argument'));
      }
      return checkCollectionLength(result);
    },
  },
  merge: {
    acceptsUnknown: true,
    call: (args) => {
      // A Map, not Object.assign: a key named __proto__ (JSON and HCL allow it) must stay a key.
      const result = new Map<string, Value>();
      for (const arg of args) {
        if (arg === null) continue;
        if (arg instanceof Unknown) return arg;
        for (const [key, value] of Object.entries(asObject(arg, 'argument'))) result.set(key, value);
      }
      return Object.fromEntries(result);
    },
  },
  lookup: {
    minArgs: 2,
    maxArgs: 3,
    acceptsUnknown: true,
    call: (args) => {
      const [map, key, fallback] = args;
      if (map instanceof Unknown) return map;
      if (key instanceof Unknown) return key;
      const object = asObject(map ?? null, 'map');
      const name = asString(key ?? null, 'key');
      if (Object.hasOwn(object, name)) return object[name] as Value;
      if (args.length < 3) throw new EvaluationError(`the map has no key ${JSON.stringify(name)}`);
      return fallback;
    },
  },
  keys: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([map]) => (map instanceof Unknown ? map : sortedKeys(asObject(map ?? null, 'map'))),
  },
  values: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([map]) => {
      if (map instanceof Unknown) return map;
      const object = asObject(map ?? null, 'map');
      return sortedKeys(object).map((key) => object[key] as Value);
    },
  },
  flatten: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([list]) => {
      if (list instanceof Unknown) return list;
      const result: Value[] = [];
      let unknown: Unknown | undefined;
      const visit = (items: readonly Value[], depth: number): void => {
        if (depth > 100) throw new EvaluationError('the list nests too deeply');
        for (const item of items) {
          if (item instanceof Unknown) unknown ??= item;
          else if (Array.isArray(item)) visit(item as readonly Value[], depth + 1);
          else result.push(item);
        }
        checkCollectionLength(result);
      };
      visit(asList(list ?? null, 'argument'), 0);
      return unknown ?? result;
    },
  },
  distinct: {
    minArgs: 1,
    maxArgs: 1,
    call: ([list]) => unique(asList(list ?? null, 'argument')),
  },
  compact: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([list]) => {
      if (list instanceof Unknown) return list;
      const items = asList(list ?? null, 'argument');
      const unknown = items.find((item) => item instanceof Unknown);
      if (unknown) return unknown;
      return items.filter((item) => item !== null && item !== '');
    },
  },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    acceptsUnknown: true,
    call: ([list, value]) => {
      if (list instanceof Unknown) return list;
      if (value instanceof Unknown) return value;
      const items = asList(list ?? null, 'list');
      if (items.some((item) => !(item instanceof Unknown) && valuesEqual(item, value ?? null))) return true;
      return items.find((item) => item instanceof Unknown) ?? false;
    },
  },
  index: {
    minArgs: 2,
    maxArgs: 2,
    call: ([list, value]) => {
      const found = asList(list ?? null, 'list').findIndex((item) => valuesEqual(item, value ?? null));
      if (found === -1) throw new EvaluationError(`the list does not contain ${describeValue(value ?? null)}`);
      return found;
    },
  },
  coalesce: {
    minArgs: 1,
    acceptsUnknown: true,
    call: (args) => {
      for (const arg of args) {
        if (arg instanceof Unknown) return arg;
        if (arg !== null && arg !== '') return arg;
      }
      throw new EvaluationError('no argument of coalesce() is non-null and non-empty');
    },
  },
  coalescelist: {
    minArgs: 1,
    acceptsUnknown: true,
    call: (args) => {
      for (const arg of args) {
        if (arg instanceof Unknown) return arg;
        if (asList(arg, 'argument').length > 0) return arg;
      }
      throw new EvaluationError('no argument of coalescelist() is a non-empty list');
    },
  },
  zipmap: {
    minArgs: 2,
    maxArgs: 2,
    acceptsUnknown: true,
    call: ([keys, values]) => {
      if (keys instanceof Unknown) return keys;
      if (values instanceof Unknown) return values;
      const names = asList(keys ?? null, 'keys');
      const items = asList(values ?? null, 'values');
      if (names.length !== items.length) throw new EvaluationError('the keys and values lists differ in length');
      const result = new Map<string, Value>();
      names.forEach((name, i) => {
        if (name instanceof Unknown) throw new EvaluationError('a key is unknown');
        result.set(asString(name, 'key'), items[i] as Value);
      });
      return Object.fromEntries(result);
    },
  },
  range: {
    minArgs: 1,
    maxArgs: 3,
    call: (args) => {
      const numbers = args.map((arg) => asNumber(arg, 'argument'));
      const [start, end, step] = numbers.length === 1 ? [0, numbers[0] as number, 1] : [numbers[0] as number, numbers[1] as number, numbers[2] ?? ((numbers[1] as number) >= (numbers[0] as number) ? 1 : -1)];
      if (step === 0) throw new EvaluationError('the step must not be zero');
      const result: number[] = [];
      for (let n = start; step > 0 ? n < end : n > end; n += step) {
        result.push(n);
        if (result.length > 1024) throw new EvaluationError('range() would produce more than 1024 values');
      }
      return result;
    },
  },
  reverse: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([list]) => (list instanceof Unknown ? list : [...asList(list ?? null, 'argument')].reverse()),
  },
  slice: {
    minArgs: 3,
    maxArgs: 3,
    acceptsUnknown: true,
    call: ([list, from, to]) => {
      if (list instanceof Unknown) return list;
      const items = asList(list ?? null, 'list');
      const start = asNumber(from ?? null, 'start index');
      const end = asNumber(to ?? null, 'end index');
      if (start < 0 || end > items.length || start > end) throw new EvaluationError(`the indexes ${start}..${end} are out of range for a list of ${items.length}`);
      return items.slice(start, end);
    },
  },
  sort: {
    minArgs: 1,
    maxArgs: 1,
    call: ([list]) => asList(list ?? null, 'argument').map((item) => asString(item, 'element')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  },
  chunklist: {
    minArgs: 2,
    maxArgs: 2,
    acceptsUnknown: true,
    call: ([list, size]) => {
      if (list instanceof Unknown) return list;
      const items = asList(list ?? null, 'list');
      const n = asNumber(size ?? null, 'size');
      if (n < 0) throw new EvaluationError('the chunk size must not be negative');
      // A fraction would step through the list by less than one item: Terraform asks for a whole number too.
      if (!Number.isInteger(n)) throw new EvaluationError(`the chunk size must be a whole number, not ${n}`);
      if (n === 0) return [items];
      const result: Value[] = [];
      for (let i = 0; i < items.length; i += n) result.push(items.slice(i, i + n));
      return result;
    },
  },
  setunion: { minArgs: 1, call: (args) => toSet(args.flatMap((arg) => asList(arg, 'argument'))) },
  setintersection: {
    minArgs: 1,
    call: (args) => {
      const [first, ...rest] = args.map((arg) => asList(arg, 'argument'));
      return toSet((first ?? []).filter((item) => rest.every((other) => other.some((o) => valuesEqual(o, item)))));
    },
  },
  setsubtract: {
    minArgs: 2,
    maxArgs: 2,
    call: ([a, b]) => {
      const remove = asList(b ?? null, 'argument');
      return toSet(asList(a ?? null, 'argument').filter((item) => !remove.some((r) => valuesEqual(r, item))));
    },
  },
  setproduct: {
    minArgs: 1,
    call: (args) => {
      const lists = args.map((arg) => asList(arg, 'argument'));
      const size = lists.reduce((product, list) => product * list.length, 1);
      if (size > maxCollectionLength) throw new EvaluationError(`setproduct() would produce ${size} elements, more than ${maxCollectionLength}`);
      let result: Value[][] = [[]];
      for (const items of lists) result = result.flatMap((prefix) => items.map((item) => [...prefix, item]));
      return result;
    },
  },
  one: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([list]) => {
      if (list instanceof Unknown) return list;
      const items = asList(list ?? null, 'argument');
      if (items.length > 1) throw new EvaluationError(`the list has ${items.length} elements; one() needs at most one`);
      return items[0] ?? null;
    },
  },
  alltrue: decidedBy(false),
  anytrue: decidedBy(true),
  transpose: {
    minArgs: 1,
    maxArgs: 1,
    call: ([map]) => {
      const result = new Map<string, string[]>();
      const object = asObject(map ?? null, 'argument');
      for (const key of sortedKeys(object)) {
        for (const item of asList(object[key] as Value, 'value')) {
          const name = asString(item, 'element');
          const keys = result.get(name);
          if (keys) keys.push(key);
          else result.set(name, [key]);
        }
      }
      return Object.fromEntries(result);
    },
  },
  matchkeys: {
    minArgs: 3,
    maxArgs: 3,
    call: ([values, keys, search]) => {
      const items = asList(values ?? null, 'values');
      const names = asList(keys ?? null, 'keys');
      const wanted = asList(search ?? null, 'search set');
      if (items.length !== names.length) throw new EvaluationError('the values and keys lists differ in length');
      return items.filter((_, i) => wanted.some((w) => valuesEqual(w, names[i] as Value)));
    },
  },
};

/** Removes duplicates, keeping the first occurrence. */
function unique(items: readonly Value[]): Value[] {
  const result: Value[] = [];
  // Strings, numbers and booleans are compared through a set: a `toset()` of 100,000 keys must not cost n² comparisons.
  const primitives = new Set<string | number | boolean>();
  const others: Value[] = [];
  for (const item of items) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      if (primitives.has(item)) continue;
      primitives.add(item);
    } else {
      if (others.some((r) => valuesEqual(r, item))) continue;
      others.push(item);
    }
    result.push(item);
  }
  return result;
}

/**
 * A Terraform set as a list: duplicates removed, and strings and numbers in the order Terraform iterates sets
 * (lexical for strings, ascending for numbers), so `for_each = toset(…)` expands in a stable order.
 */
export function toSet(items: readonly Value[]): Value[] {
  const unknown = items.find((item) => firstUnknown(item) !== undefined);
  if (unknown !== undefined) throw new EvaluationError('a set element is unknown');
  const result = unique(items);
  if (result.every((item) => typeof item === 'string')) return (result as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (result.every((item) => typeof item === 'number')) return (result as number[]).sort((a, b) => a - b);
  return result;
}

/**
 * `alltrue` (decided by the first `false`) and `anytrue` (decided by the first `true`): a deciding element wins
 * even beside unknown ones; otherwise an unknown element makes the result unknown.
 */
function decidedBy(decisive: boolean): FunctionDefinition {
  return {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([list]) => {
      if (list instanceof Unknown) return list;
      const items = asList(list ?? null, 'argument');
      if (items.some((item) => item === decisive || item === String(decisive))) return decisive;
      return items.find((item) => item instanceof Unknown) ?? !decisive;
    },
  };
}
