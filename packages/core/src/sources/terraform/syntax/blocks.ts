import type { SourceRange } from '../../../model/resource.js';
import { limitNesting } from '../hcl/parse/nesting-limit.js';
import { parseNativeSyntax } from '../hcl/parse/native-syntax.js';

/** A top-level Terraform block (`resource "aws_s3_bucket" "b" { … }`) with the ranges of everything inside it. */
export interface SyntaxBlock {
  /** `resource`, `data`, `module`, `variable`, `locals`, … */
  readonly kind: string;
  readonly labels: readonly string[];
  readonly range: SourceRange;
  /**
   * Ranges of attributes and nested blocks by dotted path; nested blocks are indexed per name (`rule.0`), dynamic
   * blocks by their name (the first) and by `dynamic.<name>.<index>` among the dynamic blocks of that name.
   */
  readonly attributes: Record<string, SourceRange>;
  /** 1-based lines of the comments inside the block, with their text (for inline waivers). */
  readonly comments: readonly { readonly line: number; readonly text: string }[];
}

export interface SyntaxError {
  readonly line: number;
  readonly column: number;
}

export interface SyntaxFile {
  readonly blocks: readonly SyntaxBlock[];
  /** Comments outside blocks, with their 1-based line. */
  readonly comments: readonly { readonly line: number; readonly text: string }[];
  /** The first syntax error, if the file has one. */
  readonly error?: SyntaxError;
}

/**
 * Reads the block structure and positions of a Terraform file. A file that does not parse has no blocks and says
 * where the first syntax error is.
 */
export function readSyntax(text: string): SyntaxFile {
  const parsed = parseNativeSyntax(limitNesting(text).text, true);
  if (parsed.problem) return { blocks: [], comments: [], error: { line: parsed.problem.line, column: parsed.problem.column } };
  return parsed.syntax ?? { blocks: [], comments: [] };
}
