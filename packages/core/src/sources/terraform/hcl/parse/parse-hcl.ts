import { describeError } from '../../../../model/errors.js';
import { readSyntax } from '../../syntax/blocks.js';
import { hcl2jsonParse } from './hcl2json.js';
import { limitNesting } from './nesting-limit.js';
import type { ParsedFile, ParseProblem, TerraformFileKind } from './parsed-file.js';

/** The name given to hcl2json, so its messages can be read back without the real path. */
const placeholderName = 'input.tf';
const diagnostic = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*?)(?:\]|, input\.tf:|$)/;

/** Parses the text of one `.tf` or `.tfvars` file with hcl2json, and `.tf` files with tree-sitter for positions. */
export async function parseHclText(kind: TerraformFileKind, text: string): Promise<ParsedFile> {
  let body: Record<string, unknown>;
  const limited = limitNesting(text);
  try {
    body = await hcl2jsonParse()(placeholderName, limited.text);
  } catch (error) {
    return { problem: readProblem(describeError(error)) };
  }
  const deep = limited.cutLines.length > 0 ? { deepLines: limited.cutLines } : {};
  if (kind === 'tfvars') return { body, ...deep };
  return { body, syntax: await readSyntax(text), ...deep };
}

/** Reads `parse config: [input.tf:2,6-3,1: Invalid expression; Expected …]` into a position and a summary. */
export function readProblem(message: string): ParseProblem {
  const match = diagnostic.exec(message);
  if (!match) return { line: 1, column: 1, summary: message.replace(/^parse config: /, '') };
  return { line: Number(match[1]), column: Number(match[2]), summary: (match[3] ?? '').trim().replace(/\s+/g, ' ') };
}
