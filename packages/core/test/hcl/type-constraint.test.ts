import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/model/value.js';
import { Unknown } from '../../src/model/value.js';
import { convertToType, parsesLiterally, readTypeConstraint } from '../../src/sources/terraform/hcl/config/type-constraint.js';
import { parseTemplate } from '../../src/sources/terraform/hcl/expression/parser.js';
import { testEvaluator } from './expression-support.js';
import { newTrace } from '../../src/sources/terraform/hcl/expression/evaluate.js';

const typeOf = (text: string) => readTypeConstraint(parseTemplate(text), (expr) => testEvaluator.evaluate(expr, newTrace()));

describe('variable types', () => {
  it.each([
    ['${string}', 5, '5'],
    ['${number}', '12', 12],
    ['${bool}', 'true', true],
    ['${list(number)}', ['1', 2], [1, 2]],
    ['${set(string)}', ['b', 'a', 'b'], ['a', 'b']],
    ['${map(string)}', { a: 1 }, { a: '1' }],
    ['${tuple([string, number])}', [1, '2'], ['1', 2]],
    ['${object({ a = string, b = optional(number, 3), c = optional(list(string)) })}', { a: 'x', extra: true }, { a: 'x', b: 3, c: null }],
    ['${list(object({ name = string, port = optional(number, 443) }))}', [{ name: 'a' }, { name: 'b', port: 80 }], [{ name: 'a', port: 443 }, { name: 'b', port: 80 }]],
    ['${any}', { a: [1] }, { a: [1] }],
    ['${map(any)}', { a: [1] }, { a: [1] }],
    ['string', 1, '1'],
  ] as [string, Value, Value][])('%s converts %j', (type, value, expected) => {
    expect(convertToType(value, typeOf(type))).toEqual(expected);
  });

  it('passes unknown values and null through', () => {
    const unknown = new Unknown('later');
    expect(convertToType(unknown, typeOf('${string}'))).toBe(unknown);
    expect(convertToType(null, typeOf('${number}'))).toBeNull();
  });

  it.each([
    ['${number}', 'abc', /number is required/],
    ['${object({ a = string })}', {}, /attribute "a" is required/],
    ['${list(string)}', 'x', /list is required/],
    ['${bool}', 'yes', /bool is required/],
  ] as [string, Value, RegExp][])('%s rejects %j', (type, value, message) => {
    expect(() => convertToType(value, typeOf(type))).toThrow(message);
  });

  it('parses command-line values literally only for primitive types and untyped variables', () => {
    expect(parsesLiterally(undefined)).toBe(true);
    expect(parsesLiterally(typeOf('${string}'))).toBe(true);
    expect(parsesLiterally(typeOf('${list(string)}'))).toBe(false);
    expect(parsesLiterally(typeOf('${any}'))).toBe(false);
  });
});
