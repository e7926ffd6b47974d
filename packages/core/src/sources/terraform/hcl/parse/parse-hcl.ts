import { limitNesting, maxBracketDepth } from './nesting-limit.js';
import { parseNativeSyntax } from './native-syntax.js';
import type { ParsedFile, TerraformFileKind } from './parsed-file.js';

/** Parses the text of one `.tf` or `.tfvars` file: the body, and for `.tf` files the positions of what it declares. */
export function parseHclText(kind: TerraformFileKind, text: string): ParsedFile {
  const limited = limitNesting(text);
  const parsed = parseNativeSyntax(limited.text, kind === 'tf');
  if (parsed.problem) {
    // Blocks nested past the limit are cut like brackets, which leaves `block trustscan_nested_too_deep()`: say why.
    if (limited.cutLines.includes(parsed.problem.line)) return { problem: { ...parsed.problem, summary: `Blocks or brackets nest more than ${maxBracketDepth} levels deep` } };
    return { problem: parsed.problem };
  }
  const deep = limited.cutLines.length > 0 ? { deepLines: limited.cutLines } : {};
  return { ...(parsed.body ? { body: parsed.body } : {}), ...(parsed.syntax ? { syntax: parsed.syntax } : {}), ...deep };
}
