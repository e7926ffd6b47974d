import type { Node } from 'web-tree-sitter';
import type { SourceRange } from '../../../model/resource.js';
import { parseTerraformSyntax } from './tree-sitter.js';

/** A top-level Terraform block (`resource "aws_s3_bucket" "b" { … }`) with the ranges of everything inside it. */
export interface SyntaxBlock {
  /** `resource`, `data`, `module`, `variable`, `locals`, … */
  readonly kind: string;
  readonly labels: readonly string[];
  readonly range: SourceRange;
  /** Ranges of attributes and nested blocks by dotted path; nested blocks are indexed per name (`rule.0`). */
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

/** Reads the block structure and positions of a Terraform file. */
export async function readSyntax(text: string): Promise<SyntaxFile> {
  const tree = await parseTerraformSyntax(text);
  try {
    const root = tree.rootNode;
    const blocks: SyntaxBlock[] = [];
    const comments: { line: number; text: string }[] = [];
    const body = root.namedChildren.find((n) => n?.type === 'body');
    for (const node of root.namedChildren) if (node?.type === 'comment') comments.push(commentOf(node));
    for (const node of body?.namedChildren ?? []) {
      if (!node) continue;
      if (node.type === 'block') blocks.push(readBlock(node));
      else if (node.type === 'comment') comments.push(commentOf(node));
    }
    const error = root.hasError ? firstError(root) : undefined;
    return error ? { blocks, comments, error } : { blocks, comments };
  } finally {
    tree.delete();
  }
}

function readBlock(node: Node): SyntaxBlock {
  const kind = node.namedChildren.find((n) => n?.type === 'identifier')?.text ?? '';
  const labels = node.namedChildren.filter((n) => n?.type === 'string_lit' || (n?.type === 'identifier' && n !== node.namedChildren[0])).map((n) => labelText(n as Node));
  const attributes: Record<string, SourceRange> = {};
  const body = node.namedChildren.find((n) => n?.type === 'body');
  if (body) readBody(body, '', attributes, 0);
  // Comments are extras: tree-sitter attaches them to whichever node surrounds them (the block, its body, an
  // expression), so they are gathered from the whole block.
  const comments = node
    .descendantsOfType('comment')
    .map(commentOf)
    .sort((a, b) => a.line - b.line);
  return { kind, labels, range: rangeOf(node), attributes, comments };
}

/** Nested blocks deeper than this are not recorded (hand-written Terraform nests a handful of levels). */
const maxBodyDepth = 64;

function readBody(body: Node, prefix: string, into: Record<string, SourceRange>, depth: number): void {
  if (depth > maxBodyDepth) return;
  const seen = new Map<string, number>();
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren.find((n) => n?.type === 'identifier')?.text;
      if (name !== undefined) into[prefix + name] = rangeOf(child);
    } else if (child.type === 'block') {
      const name = child.namedChildren.find((n) => n?.type === 'identifier')?.text ?? '';
      const inner = child.namedChildren.find((n) => n?.type === 'body');
      if (name === 'dynamic') {
        // A dynamic block expands to any number of blocks: its paths are known without an index.
        const label = child.namedChildren.find((n) => n?.type === 'string_lit');
        const dynamicName = label ? labelText(label) : '';
        into[prefix + dynamicName] ??= rangeOf(child);
        continue;
      }
      const index = seen.get(name) ?? 0;
      seen.set(name, index + 1);
      const path = `${prefix}${name}.${index}`;
      into[path] = rangeOf(child);
      into[prefix + name] ??= rangeOf(child);
      if (inner) readBody(inner, `${path}.`, into, depth + 1);
    }
  }
}

function labelText(node: Node): string {
  if (node.type === 'identifier') return node.text;
  const literal = node.namedChildren.find((n) => n?.type === 'template_literal');
  return literal?.text ?? '';
}

function commentOf(node: Node): { line: number; text: string } {
  return { line: node.startPosition.row + 1, text: node.text };
}

/** Converts tree-sitter's 0-based rows and UTF-16 columns into SARIF's 1-based, end-exclusive range. */
export function rangeOf(node: Node): SourceRange {
  return {
    startLine: node.startPosition.row + 1,
    startColumn: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/** The first error or missing node in document order, found without recursion (the tree may be very deep). */
function firstError(root: Node): SyntaxError | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}
