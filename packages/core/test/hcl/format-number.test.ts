import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/sources/terraform/hcl/expression/values.js';
import { parseNativeSyntax } from '../../src/sources/terraform/hcl/parse/native-syntax.js';

// Terraform prints numbers in strings with big.Float.Text('f', -1): plain decimal digits, never an exponent.
// Fuzzing found `"${5e-324}"` printed as `5e-324` where Terraform (and hcl2json) print every digit.
describe('numbers in strings, as Terraform prints them', () => {
  it.each<[number, string]>([
    [0, '0'],
    [42, '42'],
    [-7, '-7'],
    [1.5, '1.5'],
    [0.1, '0.1'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [1e21, '1000000000000000000000'],
    [1.25e22, '12500000000000000000000'],
    [-3.5e21, '-3500000000000000000000'],
  ])('%s prints as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('also where the reader folds a literal into the text of a template', () => {
    expect(parseNativeSyntax('x = "n-${5e-324}"\ny = { 1e21 = true }\n', false).body).toEqual({ x: `n-0.${'0'.repeat(323)}5`, y: { '1000000000000000000000': true } });
  });
});
