// Properties of the Terraform functions against their documented behaviour (developer.hashicorp.com/terraform/language/functions):
// any arguments give a value or an EvaluationError, never another exception; unknown arguments give unknown results;
// results are Terraform values (finite numbers); and the laws the documentation states hold (round trips, orders,
// lengths). Calls are built as syntax trees, so the properties test the functions, not the expression parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Unknown, isUnknown, type Value } from '../../src/model/value.js';
import type { Expr } from '../../src/sources/terraform/hcl/expression/ast.js';
import { newTrace } from '../../src/sources/terraform/hcl/expression/evaluate.js';
import { EvaluationError } from '../../src/sources/terraform/hcl/expression/values.js';
import { terraformFunctions } from '../../src/sources/terraform/hcl/functions/index.js';
import { checkProperty, propertyTimeout } from '../../../../testing/property.js';
import { testEvaluator as evaluator } from './expression-support.js';

const target = 'terraform-functions';

/** Calls a function with already evaluated arguments, as the evaluator does for `name(args...)`. */
function call(name: string, ...args: Value[]): Value {
  const expr: Expr = { kind: 'call', name, args: args.map((value): Expr => ({ kind: 'literal', value })), expandFinal: false };
  return evaluator.evaluate(expr, newTrace());
}

/** The outcome of a call: its value, or the message of the EvaluationError it raised (any other exception escapes). */
function outcome(name: string, ...args: Value[]): { value: Value } | { error: string } {
  try {
    return { value: call(name, ...args) };
  } catch (error) {
    if (error instanceof EvaluationError) return { error: error.message };
    throw error;
  }
}

// Functions whose results depend on the clock, randomness or the file system: their properties are the type checks.
const impure = new Set(['uuid', 'timestamp', 'plantimestamp', 'bcrypt', 'file', 'fileexists', 'filebase64', 'templatefile', 'fileset', 'abspath', 'pathexpand']);

const text = fc.string({ maxLength: 12 });
/** Object keys, including the ones JavaScript treats specially: JSON.parse gives them as ordinary keys. */
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', ''));
const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0, -0, 1e300, -1e300, Number.MAX_SAFE_INTEGER));
const leaf: fc.Arbitrary<Value> = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const unknown = fc.string({ maxLength: 8 }).map((reason) => new Unknown(`unknown ${reason}`));
/** Any Terraform value, unknowns included, a few levels deep. */
const value: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    unknown,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;
const knownValue: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true })),
})).value;

/** Whether a value is a Terraform value: no NaN or infinite numbers, no `undefined`, no functions. */
function isTerraformValue(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.every(isTerraformValue);
  if (typeof v === 'object') return Object.values(v as object).every(isTerraformValue);
  return false;
}

/** A value as text for a failure message (objects with a `toString` key cannot be converted with String()). */
function show(v: Value): string {
  return JSON.stringify(v, (_, item: unknown) => (typeof item === 'number' && !Number.isFinite(item) ? String(item) : item));
}

function deepUnknown(v: Value): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(deepUnknown);
  if (v !== null && typeof v === 'object') return Object.values(v).some(deepUnknown);
  return false;
}

// The file functions read through the evaluator's file access, which belongs to the test harness: left out.
const fileFunctions = new Set(['file', 'fileexists', 'filebase64', 'templatefile', 'fileset']);
const names = [...terraformFunctions.keys()].filter((name) => !fileFunctions.has(name));

describe('Terraform functions, properties', () => {
  it('any arguments give a Terraform value or an EvaluationError, never another exception', async () => {
    await checkProperty(
      target,
      'any arguments give a value or an EvaluationError',
      fc.property(fc.constantFrom(...names), fc.array(value, { maxLength: 4 }), (name, args) => {
        const result = outcome(name, ...args);
        if ('value' in result) expect(isTerraformValue(result.value), `${name} returned ${show(result.value)}`).toBe(true);
      }),
      { runs: 400 },
    );
  }, propertyTimeout(400));

  it('an unknown argument gives an unknown result, for functions that do not handle unknowns themselves', async () => {
    const plain = names.filter((name) => !terraformFunctions.get(name)?.acceptsUnknown);
    await checkProperty(
      target,
      'unknown arguments propagate',
      fc.property(fc.constantFrom(...plain), fc.array(value, { minLength: 1, maxLength: 3 }), fc.nat(), (name, args, at) => {
        const withUnknown = [...args];
        withUnknown[at % args.length] = new Unknown('known after apply');
        const result = outcome(name, ...withUnknown);
        if ('value' in result) expect(isUnknown(result.value)).toBe(true);
      }),
    );
  }, propertyTimeout());

  it('functions that handle unknowns never return a known value that depends on them: the same call with the unknown replaced by two different values agrees, or the result is unknown', async () => {
    const handling = names.filter((name) => terraformFunctions.get(name)?.acceptsUnknown && !impure.has(name));
    await checkProperty(
      target,
      'unknown-handling functions are not fooled by unknowns',
      fc.property(fc.constantFrom(...handling), fc.array(knownValue, { minLength: 1, maxLength: 3 }), fc.nat(), knownValue, knownValue, (name, args, at, a, b) => {
        const index = at % args.length;
        const withUnknown = [...args];
        withUnknown[index] = new Unknown('known after apply');
        const result = outcome(name, ...withUnknown);
        if (!('value' in result) || deepUnknown(result.value)) return;
        // A known result must be what the call gives for every value the unknown may turn out to be.
        for (const candidate of [a, b]) {
          const known = [...args];
          known[index] = candidate;
          const resolved = outcome(name, ...known);
          if ('value' in resolved) expect(resolved.value, `${name}(${args.length} args) with ${JSON.stringify(candidate)} at ${index}`).toEqual(result.value);
        }
      }),
    );
  }, propertyTimeout());

  it('keep the laws the documentation states', async () => {
    const strings = fc.array(text, { maxLength: 6 });
    const map = fc.dictionary(key, fc.oneof(text, fc.integer()), { maxKeys: 6, noNullPrototype: true });
    const json: fc.Arbitrary<Value> = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as Value);
    const laws: [string, fc.IProperty<never>][] = [
      ['reverse(reverse(l)) == l', fc.property(fc.array(leaf, { maxLength: 6 }), (l) => {
        expect(call('reverse', call('reverse', l))).toEqual(l);
      })],
      ['length(l) == number of elements', fc.property(fc.array(value, { maxLength: 6 }), (l) => {
        expect(call('length', l)).toBe(l.length);
      })],
      ['length(s) counts characters', fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), (s) => {
        expect(call('length', s)).toBe(s.length);
      })],
      ['concat(a, b) has a then b', fc.property(strings, strings, (a, b) => {
        expect(call('concat', a, b)).toEqual([...a, ...b]);
      })],
      ['sort(l) is ordered and a permutation', fc.property(strings, (l) => {
        expect(call('sort', l)).toEqual([...l].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      })],
      ['distinct(l) keeps first occurrences', fc.property(strings, (l) => {
        expect(call('distinct', l)).toEqual([...new Set(l)]);
      })],
      ['keys(m) are sorted and zipmap(keys(m), values(m)) == m', fc.property(map, (m) => {
        const keys = call('keys', m) as string[];
        expect(keys).toEqual(Object.keys(m).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        expect(call('zipmap', keys, call('values', m))).toEqual(m);
      })],
      ['jsondecode(jsonencode(v)) == v', fc.property(json, (v) => {
        expect(call('jsondecode', call('jsonencode', v))).toEqual(v);
      })],
      ['base64decode(base64encode(s)) == s', fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        expect(call('base64decode', call('base64encode', s))).toBe(s);
      })],
      ['join(sep, split(sep, s)) == s', fc.property(fc.string({ minLength: 1, maxLength: 2 }), text, (sep, s) => {
        expect(call('join', sep, call('split', sep, s))).toBe(s);
      })],
      ['upper and lower are idempotent', fc.property(text, (s) => {
        expect(call('upper', call('upper', s))).toBe(call('upper', s));
        expect(call('lower', call('lower', s))).toBe(call('lower', s));
      })],
      ['tonumber(tostring(n)) == n', fc.property(fc.integer(), (n) => {
        expect(call('tonumber', call('tostring', n))).toBe(n);
      })],
      ['min and max bound every argument', fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 6 }), (l) => {
        expect(call('min', ...l)).toBe(Math.min(...l));
        expect(call('max', ...l)).toBe(Math.max(...l));
      })],
      ['range(n) counts from 0 to n-1', fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        expect(call('range', n)).toEqual([...Array(n).keys()]);
      })],
      ['toset(l) is sorted and distinct', fc.property(strings, (l) => {
        expect(call('toset', l)).toEqual([...new Set(l)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      })],
      ['merge is last-wins', fc.property(map, map, (a, b) => {
        expect(call('merge', a, b)).toEqual({ ...a, ...b });
      })],
      ['coalesce skips nulls and empty strings', fc.property(fc.array(fc.oneof(fc.constant(null), fc.constant(''), fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 5 }), (l) => {
        const first = l.find((v) => v !== null && v !== '');
        const result = outcome('coalesce', ...l);
        if (first === undefined) expect('error' in result).toBe(true);
        else expect(result).toEqual({ value: first });
      })],
      ['substr within bounds', fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), fc.nat(14), fc.integer({ min: -1, max: 14 }), (s, offset, length) => {
        const result = outcome('substr', s, offset, length);
        if ('value' in result && offset <= s.length) expect(result.value).toBe(length < 0 ? s.slice(offset) : s.slice(offset, offset + length));
      })],
    ];
    for (const [name, law] of laws) await checkProperty(target, name, law, { runs: 60, share: 1 / laws.length });
  }, propertyTimeout(60 * 18));

  it('edge values: null arguments and values far out of range give an EvaluationError or a value, and big ranges are refused rather than built', async () => {
    const edges: fc.Arbitrary<Value> = fc.constantFrom(null, '', ' ', '\u0000', '\u{1F600}', -1, 0, 1e21, -1e21, 2 ** 53, 1e308, [], {}, [null], { '': null });
    await checkProperty(
      target,
      'edge values never crash',
      fc.property(fc.constantFrom(...names), fc.array(edges, { maxLength: 4 }), (name, args) => {
        const result = outcome(name, ...args);
        if ('value' in result) expect(isTerraformValue(result.value), `${name} returned ${show(result.value)}`).toBe(true);
      }),
      { runs: 300 },
    );
    const started = Date.now();
    expect(outcome('range', 1e9)).toHaveProperty('error');
    expect(outcome('range', 0, 1e15, 0.5)).toHaveProperty('error');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, propertyTimeout());
});

describe('Terraform functions, cases found by the properties', () => {
  // Object.assign and `result[key] =` treat a key named __proto__ as the prototype: the key was lost (and its value
  // became the object's prototype). JSON and quoted HCL keys may be any string.
  const proto = JSON.parse('{"__proto__": "x", "a": 1}') as Value;
  it.each<[string, Value[], Value]>([
    ['merge', [proto, { b: 2 }], JSON.parse('{"__proto__": "x", "a": 1, "b": 2}') as Value],
    ['zipmap', [['__proto__', 'a'], ['x', 1]], proto],
    ['transpose', [{ k: ['__proto__'] }], JSON.parse('{"__proto__": ["k"]}') as Value],
  ])('%s keeps a key named __proto__', (name, args, expected) => {
    const result = call(name, ...args) as Record<string, Value>;
    expect(Object.keys(result)).toEqual(Object.keys(expected as object));
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result).toEqual(expected);
  });
});

describe('Terraform functions, numbers found by the properties', () => {
  // Math gives NaN and infinities where Terraform has no number; they reached reports as null.
  it.each<[string, Value[]]>([
    ['log', [0, 0]],
    ['log', [0, 10]],
    ['log', [10, 1]],
    ['pow', [10, 400]],
    ['sum', [[1e308, 1e308]]],
  ])('%s(%j) is an error, not a number that is not finite', (name, args) => {
    expect(outcome(name, ...args)).toEqual({ error: `${name}(): the result of ${name}() is not a finite number` });
  });

  it('min and max of a list of 200,000 numbers, which Math.min(...list) could not spread', () => {
    const list = Array.from({ length: 200_000 }, (_, i) => i - 7);
    expect(call('min', list)).toBe(-7);
    expect(call('max', list)).toBe(199_992);
  });
});
