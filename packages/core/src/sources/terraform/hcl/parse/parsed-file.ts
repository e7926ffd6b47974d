import type { SyntaxFile } from '../../syntax/blocks.js';

/** A syntax error in a file: 1-based position and hcl2json's summary. */
export interface ParseProblem {
  readonly line: number;
  readonly column: number;
  readonly summary: string;
}

/**
 * One parsed Terraform file: hcl2json's JSON (every block an array, expressions as `${…}` strings) and the block
 * positions from tree-sitter. Plain data, so it crosses worker threads and lives in the parse cache.
 */
export interface ParsedFile {
  readonly body?: Readonly<Record<string, unknown>>;
  readonly syntax?: SyntaxFile;
  readonly problem?: ParseProblem;
  /** Lines where brackets nested too deep were cut out before parsing (they evaluate as unknown). */
  readonly deepLines?: readonly number[];
}

/** What a file holds: configuration (`.tf`) or variable values (`.tfvars`); each JSON form is read without hcl2json. */
export type TerraformFileKind = 'tf' | 'tfvars';
