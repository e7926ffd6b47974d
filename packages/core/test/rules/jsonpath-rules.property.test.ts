// Properties of declarative rules with user-written JSONPath: a path the rule file validation accepts never makes the
// rule throw on any resource; a path through a value that is unknown gives `unknown`, never a pass or a fail; script
// expressions in paths run no code; and simple paths agree with reading the value directly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, Unknown, compileDeclarativeRule, validateDefinition, type Resource, type RuleContext, type Value } from '@trustscan/core';
import { checkProperty, propertyTimeout } from '../../../../testing/property.js';

const target = 'jsonpath-rules';

const definition = (check: unknown) => ({
  id: 'custom-check',
  title: 'A user rule',
  description: 'A user rule.',
  remediation: 'Fix it.',
  severity: 'low',
  area: 'change-management',
  criteria: { primary: ['CC8.1'], basis: 'test' },
  resourceTypes: ['aws_s3_bucket'],
  check,
  messages: { pass: 'pass', fail: 'fail' },
});

/** The rule a user's check compiles to, or undefined when the rule file validation refuses it (with an InputError). */
function ruleOf(check: unknown) {
  try {
    return compileDeclarativeRule(validateDefinition(definition(check), 'rules/custom-check.yaml'));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message).not.toContain('\n');
    return undefined;
  }
}

const context = {} as RuleContext;
const resource = (attributes: { readonly [key: string]: Value }): Resource => ({ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', provider: 'aws', attributes, origin: { kind: 'hcl', file: 'main.tf' } }) as Resource;

const keys = ['a', 'b', 'tags', 'rule', 'enabled', 'reason', 'partial', '0', 'constructor', '__proto__', 'length', 'x y', "it's", '$'];
const leaf: fc.Arbitrary<Value> = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null));
const attributes: fc.Arbitrary<Value> = fc.letrec<{ node: Value }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.string({ maxLength: 5 }).map((reason) => new Unknown(`unknown ${reason}`)),
    tie('node').map((partial) => new Unknown('partly known', partial)),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('node'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).node;
const record = fc.dictionary(fc.constantFrom(...keys), attributes, { maxKeys: 5, noNullPrototype: true });

/**
 * A static path: names and indexes, as `$.a.b[0]` or `$['x y'][1]`. Keys JSONPath cannot name (`$`, `__proto__`,
 * a quote) are left to the no-crash property.
 */
const nameable = keys.filter((k) => k !== '$' && k !== '__proto__' && !k.includes("'"));
const staticSteps = fc.array(fc.oneof(fc.constantFrom(...nameable), fc.nat(3)), { minLength: 1, maxLength: 4 });
const showStep = (step: string | number) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(step) ? `.${step}` : `['${step.replace(/'/g, "\\'")}']`);
const pathPiece = fc.oneof(
  staticSteps.map((steps) => steps.map(showStep).join('')),
  fc.constantFrom("['$']", "['it\\'s']", '.$'),
  fc.constantFrom('.*', '..', '[*]', '[0:2]', '[-1:]', "[?(@.enabled == true)]", '[?(@.a)]', '[(@.length-1)]', '[?(@.constructor)]', "['a','b']", '[', ']', '(', ')', '?', '@', '.', "'", '"', '\\', '^', '~', '$'),
  fc.string({ maxLength: 6 }),
);
const operator = fc.oneof(
  fc.record({ exists: fc.boolean() }),
  fc.record({ equals: leaf }),
  fc.record({ notEquals: leaf }),
  fc.record({ in: fc.array(leaf, { maxLength: 3 }) }),
  fc.record({ matches: fc.constantFrom('^a', '(', '.*', '[', 'x+') }),
  fc.record({ gte: fc.integer() }),
  fc.record({ lte: fc.integer() }),
);

/**
 * The value at a static path of plain keys: a number step on an object names the key "0" (JSONPath's `$[0]`), on a string its character; below
 * an unknown, the unknown. (JSONPath-plus also reads `length`: the keys below avoid it.)
 */
function read(root: Value, steps: readonly (string | number)[]): Value | undefined {
  let current: Value | undefined = root;
  for (const step of steps) {
    if (current instanceof Unknown) return current;
    if (Array.isArray(current)) current = typeof step === 'number' ? (current as readonly Value[])[step] : undefined;
    else if (typeof current === 'string') current = typeof step === 'number' ? current[step] : undefined;
    else if (current !== null && typeof current === 'object') current = Object.hasOwn(current, step) ? (current as Record<string, Value>)[String(step)] : undefined;
    else return undefined;
  }
  return current;
}
const plainKeys = ['a', 'b', 'tags', 'enabled', 'x y'];
const plainSteps = fc.array(fc.oneof(fc.constantFrom(...plainKeys), fc.nat(2)), { minLength: 1, maxLength: 4 });
const plainRecord = fc.dictionary(
  fc.constantFrom(...plainKeys),
  fc.letrec<{ node: Value }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.constant(new Unknown('known after apply')),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...plainKeys), tie('node'), { maxKeys: 3, noNullPrototype: true }),
    ),
  })).node,
  { maxKeys: 4, noNullPrototype: true },
);

describe('declarative JSONPath rules, properties', () => {
  it('any path the validation accepts never makes the rule throw, on any attributes', async () => {
    await checkProperty(
      target,
      'accepted paths never throw',
      fc.property(fc.array(pathPiece, { maxLength: 5 }), operator, record, (pieces, op, attrs) => {
        const rule = ruleOf({ path: `$${pieces.join('')}`, ...op });
        if (!rule) return;
        const verdict = rule.evaluate(resource(attrs as { [key: string]: Value }), context);
        expect(['pass', 'fail', 'unknown']).toContain((verdict as { status: string }).status);
      }),
      { runs: 500 },
    );
  }, propertyTimeout());

  it('a static path that reaches an unknown value, or passes through one, is unknown', async () => {
    await checkProperty(
      target,
      'paths through unknowns are unknown',
      fc.property(staticSteps, fc.nat(4), record, operator, (steps, at, attrs, op) => {
        // Plant an unknown somewhere along the path, building the objects and lists that lead there.
        const cut = at % steps.length;
        const planted = structuredClone(attrs) as Record<string, unknown>;
        let node: Record<string | number, unknown> = planted;
        for (const [i, step] of steps.slice(0, cut).entries()) {
          const next = steps[i + 1];
          const child = node[step];
          const fits = typeof next === 'number' ? Array.isArray(child) : typeof child === 'object' && child !== null && !Array.isArray(child) && !(child instanceof Unknown);
          if (!fits) Object.defineProperty(node, step, { value: typeof next === 'number' ? [] : {}, enumerable: true, writable: true, configurable: true });
          node = node[step] as Record<string | number, unknown>;
        }
        Object.defineProperty(node, steps[cut] as string | number, { value: new Unknown('known after apply'), enumerable: true, writable: true, configurable: true });
        const rule = ruleOf({ path: `$${steps.map(showStep).join('')}`, ...op });
        if (!rule) return;
        const verdict = rule.evaluate(resource(planted as { [key: string]: Value }), context) as { status: string };
        expect(verdict.status).toBe('unknown');
      }),
      { runs: 300 },
    );
  }, propertyTimeout());

  it('simple paths agree with reading the value: exists passes exactly when the value is there', async () => {
    await checkProperty(
      target,
      'exists agrees with valueAt',
      fc.property(plainSteps, plainRecord, (steps, attrs) => {
        const rule = ruleOf({ path: `$${steps.map(showStep).join('')}`, exists: true });
        if (!rule) return;
        const value = read(attrs, steps);
        const verdict = rule.evaluate(resource(attrs as { [key: string]: Value }), context) as { status: string };
        if (value instanceof Unknown) expect(verdict.status).toBe('unknown');
        else if (value === undefined) expect(verdict.status).not.toBe('pass');
        else expect(verdict.status).toBe('pass');
      }),
      { runs: 300 },
    );
  }, propertyTimeout());

  it('script expressions in a path run no code', () => {
    const globals = globalThis as { trustscanPwned?: boolean };
    for (const path of [
      "$[?(@.constructor.constructor('globalThis.trustscanPwned = true')())]",
      "$..[?(this.constructor.constructor('globalThis.trustscanPwned = true')())]",
      "$[(globalThis.trustscanPwned = true)]",
      "$[?(@.a == (function(){ globalThis.trustscanPwned = true })())]",
    ]) {
      const rule = ruleOf({ path, exists: true });
      if (rule) rule.evaluate(resource({ a: 1, b: { c: 2 } }), context);
    }
    expect(globals.trustscanPwned).toBeUndefined();
  });
});

describe('declarative JSONPath rules, cases found by the properties', () => {
  const unknown = new Unknown('known after apply');
  it.each<[string, Record<string, unknown>, Record<string, Value>, string]>([
    // JSONPath threw a TypeError inside (the engine then reported "could not evaluate").
    ['a script step that does not fit the value', { path: '$[(@.length-1)]', in: [] }, {}, 'unknown'],
    ['a filter followed by a bare name', { path: '$[?(@.constructor)]0', lte: 0 }, {}, 'unknown'],
    // JSONPath walked into the unknown's own fields and compared its reason text.
    ['a path below an unknown block', { path: '$.versioning.reason', equals: 'known after apply' }, { versioning: unknown }, 'unknown'],
    ['a path below an unknown, with a field the unknown has', { path: '$.a.partial', notEquals: false }, { a: unknown }, 'unknown'],
    // The attribute is there, but its value may turn out null: whether it exists is not known.
    ['exists on an unknown value', { path: '$.kms_key_id', exists: true }, { kms_key_id: unknown }, 'unknown'],
    // `$[0]` names the key "0" of an object; the walk that looks for unknowns did not.
    ['a number step on an object holding an unknown', { path: '$[0].a', lte: 0 }, { '0': unknown }, 'unknown'],
  ])('%s', (_, check, attributes, status) => {
    const rule = ruleOf(check);
    expect(rule).toBeDefined();
    expect((rule?.evaluate(resource(attributes), context) as { status: string }).status).toBe(status);
  });
});
