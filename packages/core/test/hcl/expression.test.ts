import { describe, expect, it } from 'vitest';
import { Unknown, type Value } from '../../src/model/value.js';
import { newTrace } from '../../src/sources/terraform/hcl/expression/evaluate.js';
import { ExpressionSyntaxError, parseExpression, parseTemplate } from '../../src/sources/terraform/hcl/expression/parser.js';
import { EvaluationError } from '../../src/sources/terraform/hcl/expression/values.js';
import { evaluateText, testEvaluator } from './expression-support.js';

const cases: [string, Value][] = [
  // literals and operators
  ['1 + 2 * 3', 7],
  ['(1 + 2) * 3', 9],
  ['10 % 4', 2],
  ['-var.count', -3],
  ['!var.enabled', false],
  ['"5" + 1', 6],
  ['1 == 1 && "a" != "b"', true],
  ['1 == "1"', false],
  ['3 >= 3 || false', true],
  ['null', null],
  ['1.5e2', 150],
  // strings and templates
  ['"${var.name}-bucket"', 'app-bucket'],
  ['"a\\n\\"b\\u00e9"', 'a\n"bé'],
  ['"$${literal} %%{literal}"', '${literal} %{literal}'],
  ['"${var.tags}"', { env: 'prod', team: 'sec' }],
  ['"x%{ if var.enabled }on%{ else }off%{ endif }"', 'xon'],
  ['"%{ for v in var.list ~}\n${v},\n%{~ endfor }"', 'a,b,c,'],
  ['"a ${~ var.name ~} b"', 'aappb'],
  ['"n=${var.count}"', 'n=3'],
  ['<<EOT\nhello ${var.name}\nEOT\n', 'hello app\n'],
  ['<<-EOT\n    indented\n      more\n    EOT\n', 'indented\n  more\n'],
  // collections and traversal
  ['[1, 2, 3][1]', 2],
  ['{ a = 1, "b" = 2, c: 3 }', { a: 1, b: 2, c: 3 }],
  ['{\n  a = 1\n  b = [\n    2,\n    3\n  ]\n}', { a: 1, b: [2, 3] }],
  ['{ (var.name) = 1 }', { app: 1 }],
  ['var.tags.env', 'prod'],
  ['var.tags["team"]', 'sec'],
  ['var.list.1', 'b'],
  ['var.nested[*].id', ['x', 'y']],
  ['var.nested.*.id', ['x', 'y']],
  ['var.nested[*].ports[0]', [80, 22]],
  ['var.nothing[*]', []],
  ['var.name[*]', ['app']],
  // conditionals and for expressions
  ['var.enabled ? "yes" : "no"', 'yes'],
  ['var.nothing == null ? "default" : var.nothing', 'default'],
  ['[for s in var.list : upper(s) if s != "b"]', ['A', 'C']],
  ['{ for k, v in var.tags : v => k }', { prod: 'env', sec: 'team' }],
  ['{ for s in ["a", "b", "a"] : s => s... }', { a: ['a', 'a'], b: ['b'] }],
  ['[for i, s in var.list : "${i}:${s}"]', ['0:a', '1:b', '2:c']],
  ['[for k, v in { b = 2, a = 1 } : k]', ['a', 'b']],
  // comments inside multi-line expressions
  ['merge(\n  # comment\n  var.tags, // another\n  /* block */ { x = 1 })', { env: 'prod', team: 'sec', x: 1 }],
  ['var.nothing != null && var.nothing.x', false],
  ['var.enabled || var.nothing.x', true],
  // functions that take `...`
  ['concat([[1], [2, 3]]...)', [1, 2, 3]],
  ['max([4, 9, 2]...)', 9],
];

describe('expressions', () => {
  it.each(cases)('%s', (text, expected) => {
    expect(evaluateText(text)).toEqual(expected);
  });
});

const unknownCases: [string, string][] = [
  ['var.unset', 'var.unset has no value'],
  ['"${var.unset}-x"', 'var.unset has no value'],
  ['var.unset ? 1 : 2', 'var.unset has no value'],
  ['var.unset + 1', 'var.unset has no value'],
  ['aws_s3_bucket.b.id', 'aws_s3_bucket.b.id is known only after apply'],
  ['upper(var.unset)', 'var.unset has no value'],
  ['[for s in var.unset : s]', 'var.unset has no value'],
  ['provider::aws::arn_parse("x")', 'the function provider::aws::arn_parse() is not evaluated offline'],
  ['try(var.unset, "fallback")', 'var.unset has no value'],
  ['can(var.unset)', 'var.unset has no value'],
];

describe('unknown values', () => {
  it.each(unknownCases)('%s is unknown', (text, reason) => {
    const value = evaluateText(text);
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).reason).toBe(reason);
  });

  it('keeps both branches agreeing when the condition is unknown', () => {
    expect(evaluateText('var.unset ? "same" : "same"')).toBe('same');
  });

  it('records references and sensitivity in the trace', () => {
    const trace = newTrace();
    expect(evaluateText('"${aws_s3_bucket.b.bucket}-${var.secret}"', trace)).toBe('logs-s3cr3t-value');
    expect([...trace.references]).toEqual(['aws_s3_bucket.b']);
    expect(trace.sensitive).toBe(true);
  });

  it('reads the references of both branches when the condition is unknown', () => {
    const trace = newTrace();
    evaluateText('var.unset ? aws_s3_bucket.a.id : aws_s3_bucket.b.id', trace);
    expect([...trace.references].sort()).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
  });
});

describe('errors', () => {
  it.each([
    ['var.tags.missing', /no attribute or key "missing"/],
    ['var.list[5]', /out of range/],
    ['1 / 0', /division by zero/],
    ['"x${var.nothing}"', /null value/],
    ['{ for s in ["a", "a"] : s => s }', /twice/],
    ['lookup(var.tags, "x")', /no key "x"/],
  ])('%s fails', (text, message) => {
    expect(() => evaluateText(text)).toThrow(EvaluationError);
    expect(() => evaluateText(text)).toThrow(message);
  });

  it.each([['1 +'], ['[1, 2'], ['"unterminated'], ['a.'], ['f(1,,2)'], ['{ a = 1 b = 2 }'], ['<<EOT\nno end'], ['"\\q"'], ['"\\u12"'], ['"\\U0011FFFF"']])('%s is a syntax error', (text) => {
    expect(() => parseExpression(text)).toThrow(ExpressionSyntaxError);
  });

  it('refuses expressions nested deeper than the limit instead of overflowing the stack', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    expect(() => parseExpression(deep)).toThrow(/nests more than/);
    const deepList = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(() => parseExpression(deepList)).toThrow(/nests more than/);
    const deepUnary = `${'!'.repeat(5000)}true`;
    expect(() => parseExpression(deepUnary)).toThrow(/nests more than/);
  });
});

describe('hcl2json templates', () => {
  it('reads a JSON string as a template with decoded text and raw backslashes', () => {
    const trace = newTrace();
    expect(testEvaluator.evaluate(parseTemplate('a\\b ${var.name} $${x}'), trace)).toBe('a\\b app ${x}');
    expect(testEvaluator.evaluate(parseTemplate('${var.count}'), trace)).toBe(3);
    expect(testEvaluator.evaluate(parseTemplate('%{if true}y%{endif}'), trace)).toBe('y');
  });
});
