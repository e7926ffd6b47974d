import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../src/sources/terraform/hcl/parse/nesting-limit.js';

describe('limitNesting', () => {
  it('leaves ordinary text untouched', () => {
    const text = 'locals {\n  a = [1, [2, { b = "(((" }]]\n  c = <<EOT\n[[[[\nEOT\n  # ((((\n}\n';
    expect(limitNesting(text, 4)).toEqual({ text, cutLines: [] });
  });

  it('cuts brackets deeper than the limit and keeps the lines', () => {
    const { text, cutLines } = limitNesting('x = [[[\n1\n]]]\ny = 1\n', 2);
    expect(text).toBe('x = [[trustscan_nested_too_deep()\n\n]]\ny = 1\n');
    expect(cutLines).toEqual([1]);
  });

  it('returns unbalanced text as it is, for the parser to report', () => {
    expect(limitNesting('x = [[[', 1).text).toBe('x = [[[');
  });
});
