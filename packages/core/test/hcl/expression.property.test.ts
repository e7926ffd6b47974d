import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Unknown } from '../../src/model/value.js';
import { Bindings, newTrace } from '../../src/sources/terraform/hcl/expression/evaluate.js';
import { evaluateRaw } from '../../src/sources/terraform/hcl/evaluate/raw-value.js';
import { ExpressionSyntaxError, parseExpression, parseTemplate } from '../../src/sources/terraform/hcl/expression/parser.js';
import { EvaluationError } from '../../src/sources/terraform/hcl/expression/values.js';
import { parseNativeSyntax } from '../../src/sources/terraform/hcl/parse/native-syntax.js';
import { testEvaluator, testVariables } from './expression-support.js';
import { checkProperty, propertyTimeout } from '../../../../testing/property.js';
import { hcl2json } from './syntax-oracles.js';

/** Functions the generated expressions call: collections, strings, numbers and conversions, with any arguments. */
const functionNames = [
  'upper', 'lower', 'length', 'join', 'concat', 'merge', 'keys', 'values', 'tostring', 'tonumber', 'tobool', 'tolist', 'toset', 'tomap',
  'try', 'can', 'coalesce', 'coalescelist', 'format', 'formatlist', 'element', 'lookup', 'flatten', 'distinct', 'reverse', 'replace',
  'substr', 'split', 'trimspace', 'contains', 'compact', 'zipmap', 'slice', 'sort', 'max', 'min', 'abs', 'ceil', 'floor', 'range',
  'jsonencode', 'jsondecode', 'base64encode', 'base64decode', 'cidrsubnet', 'cidrhost', 'regex', 'regexall', 'strrev', 'title',
  'alltrue', 'anytrue', 'one', 'sum', 'setproduct', 'chunklist', 'transpose', 'index', 'startswith', 'endswith', 'nonsensitive',
];
const operators = ['||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'];
const names = Object.keys(testVariables);

/** Text of a well-formed HCL expression: every construct of the native syntax, nested a few levels. */
const expressionText: fc.Arbitrary<string> = fc.letrec<{ expr: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => String(Math.abs(n))),
    fc.constantFrom('true', 'false', 'null'),
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s).replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{')),
    fc.constantFrom(...names).map((n) => `var.${n}`),
    fc.constantFrom(...names).map((n) => `local.${n}`),
    fc.constantFrom('aws_s3_bucket.logs.id', 'aws_s3_bucket.logs.bucket', 'var.nested[*].id', 'var.nested.*.ports', 'var.tags["env"]', 'var.list[1]'),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(tie('expr'), fc.constantFrom(...operators), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('!', '-'), tie('expr')).map(([op, a]) => `${op}${a}`),
    tie('expr').map((a) => `(${a})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.array(tie('expr'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', '"c d"', '(var.name)'), tie('expr')), { maxLength: 3 }).map((items) => `{ ${items.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(fc.constantFrom(...functionNames), fc.array(tie('expr'), { maxLength: 3 }), fc.boolean()).map(([f, args, expand]) => `${f}(${args.join(', ')}${expand && args.length > 0 ? '...' : ''})`),
    fc.tuple(tie('expr'), tie('expr')).map(([c, v]) => `[for x in ${c} : ${v}]`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, v, w]) => `{ for k, x in ${c} : tostring(k) => ${v} if ${w} }`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `"pre-\${${a}}-%{ if ${b} }yes%{ else }no%{ endif }"`),
    fc.tuple(tie('expr'), fc.constantFrom('[0]', '["a"]', '.a', '[*]', '.*.a', '[*].a')).map(([a, step]) => `(${a})${step}`),
  ),
})).expr;

/** Whether `run` throws nothing, or only the parser's and evaluator's own errors. */
function throwsOnlyOwnErrors(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof ExpressionSyntaxError || error instanceof EvaluationError) return true;
    throw error;
  }
}

/** Whether a value is, or holds, an unknown. */
function holdsUnknown(value: unknown): boolean {
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return value.some(holdsUnknown);
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsUnknown);
}

describe('HCL expressions, as properties', () => {
  it('parses any text or throws its own syntax error', async () => {
    await checkProperty(
      'expression',
      'parses any text or throws its own syntax error',
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: fc.constantFrom(...'()[]{}"$%~!?:.,*=<>-+/&|#\\\n abc01'), maxLength: 60 })), (text) => {
        expect(throwsOnlyOwnErrors(() => parseExpression(text))).toBe(true);
        expect(throwsOnlyOwnErrors(() => parseTemplate(text))).toBe(true);
      }),
      { runs: 300 },
    );
  }, propertyTimeout(300));

  it('parses every well-formed expression, the same way twice', async () => {
    await checkProperty(
      'expression',
      'parses every well-formed expression, the same way twice',
      fc.property(expressionText, (text) => {
        expect(parseExpression(text)).toEqual(parseExpression(text));
      }),
      { runs: 300 },
    );
  }, propertyTimeout(300));

  it('parses text cut or spliced from well-formed expressions, or throws its own syntax error', async () => {
    await checkProperty(
      'expression',
      'parses text cut or spliced from well-formed expressions',
      fc.property(expressionText, fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (text, a, b, inserted) => {
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        expect(throwsOnlyOwnErrors(() => parseExpression(text.slice(0, from) + inserted + text.slice(to)))).toBe(true);
      }),
      { runs: 300 },
    );
  }, propertyTimeout(300));

  it('evaluates every well-formed expression to a value or its own error, and terminates', async () => {
    await checkProperty(
      'expression',
      'evaluates every well-formed expression to a value or its own error',
      fc.property(expressionText, (text) => {
        const started = performance.now();
        expect(throwsOnlyOwnErrors(() => testEvaluator.evaluate(parseExpression(text), newTrace()))).toBe(true);
        // Bounded: nothing a few levels deep may take long (a loop would hang the property, this catches a blow-up).
        expect(performance.now() - started).toBeLessThan(2_000);
      }),
      { runs: 300 },
    );
  }, propertyTimeout(300));

  // hcl2json folds a string template nested in another into it (`"a-${"b"}"` reads `"a-b"`) where trustscan keeps
  // the interpolation: the texts differ, so the property compares what each reading evaluates to.
  it('reads an argument holding any well-formed expression to what the reading of hcl2json evaluates to', async () => {
    const evaluate = (raw: unknown) => {
      try {
        return evaluateRaw(raw, (text, bindings, trace) => testEvaluator.evaluate(parseTemplate(text), trace, bindings), Bindings.of({}), newTrace());
      } catch (error) {
        // Which error comes first may differ (hcl2json sorts object keys), so only that there is one is compared.
        if (error instanceof EvaluationError || error instanceof ExpressionSyntaxError) return 'error:';
        throw error;
      }
    };
    await checkProperty(
      'expression',
      'reads an argument as the reading of hcl2json evaluates',
      fc.asyncProperty(expressionText, async (text) => {
        const file = `x = ${text}\n`;
        const mine = parseNativeSyntax(file, false);
        const theirs = await hcl2json(file);
        if ('error' in theirs) {
          // hcl2json evaluates constant operations as it reads (`!0` is its error); trustscan when it evaluates, and
          // a part of a value that fails to evaluate is unknown there (a scan keeps the rest of the resource).
          const value = mine.problem === undefined ? evaluate(mine.body?.['x']) : 'error:';
          expect(String(value).startsWith('error:') || holdsUnknown(value), theirs.error).toBe(true);
          return;
        }
        expect(mine.problem).toBeUndefined();
        expect(evaluate(mine.body?.['x'])).toEqual(evaluate(theirs.body['x']));
      }),
      // Each call runs the WASM oracle, a few milliseconds.
      { runs: 60 },
    );
  }, propertyTimeout(60, 200));
});
