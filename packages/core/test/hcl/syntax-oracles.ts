import { createRequire } from 'node:module';
import type { Node, Parser } from 'web-tree-sitter';
import type { SourceRange } from '../../src/model/resource.js';
import type { SyntaxBlock, SyntaxFile } from '../../src/sources/terraform/syntax/blocks.js';

/**
 * The parsers trustscan used before it read HCL itself, kept as test oracles: hcl2json (HashiCorp's HCL parser, in Go
 * compiled to WASM) for bodies, and tree-sitter's Terraform grammar for positions.
 */

const require = createRequire(import.meta.url);

/** hcl2json's reading of a file, or its error message. */
export async function hcl2json(text: string): Promise<{ body: Record<string, unknown> } | { error: string }> {
  const { parse } = require('@cdktf/hcl2json') as { parse: (name: string, text: string) => Promise<Record<string, unknown>> };
  try {
    return { body: await parse('input.tf', text) };
  } catch (error) {
    return { error: String(error) };
  }
}

let parser: Promise<Parser> | undefined;

/** tree-sitter's blocks, attribute ranges and comments of a file, in the shape of `SyntaxFile`. */
export async function treeSitterSyntax(text: string): Promise<SyntaxFile> {
  parser ??= (async () => {
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const created = new Parser();
    created.setLanguage(language);
    return created;
  })();
  const tree = (await parser).parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    const blocks: SyntaxBlock[] = [];
    const comments: { line: number; text: string }[] = [];
    for (const node of root.namedChildren) if (node?.type === 'comment') comments.push(commentOf(node));
    for (const node of root.namedChildren.find((n) => n?.type === 'body')?.namedChildren ?? []) {
      if (node?.type === 'block') blocks.push(readBlock(node));
      else if (node?.type === 'comment') comments.push(commentOf(node));
    }
    return { blocks, comments: comments.sort((a, b) => a.line - b.line) };
  } finally {
    tree.delete();
  }
}

function readBlock(node: Node): SyntaxBlock {
  const kind = node.namedChildren.find((n) => n?.type === 'identifier')?.text ?? '';
  const labels = node.namedChildren.filter((n) => n?.type === 'string_lit' || (n?.type === 'identifier' && n !== node.namedChildren[0])).map((n) => labelText(n as Node));
  const attributes: Record<string, SourceRange> = {};
  const body = node.namedChildren.find((n) => n?.type === 'body');
  if (body) readBody(body, '', attributes);
  const comments = node.descendantsOfType('comment').map((n) => commentOf(n as Node)).sort((a, b) => a.line - b.line);
  return { kind, labels, range: rangeOf(node), attributes, comments };
}

function readBody(body: Node, prefix: string, into: Record<string, SourceRange>): void {
  const seen = new Map<string, number>();
  const dynamic = new Map<string, number>();
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren.find((n) => n?.type === 'identifier')?.text;
      if (name !== undefined) into[prefix + name] = rangeOf(child);
    } else if (child.type === 'block') {
      const name = child.namedChildren.find((n) => n?.type === 'identifier')?.text ?? '';
      const inner = child.namedChildren.find((n) => n?.type === 'body');
      if (name === 'dynamic') {
        const label = child.namedChildren.find((n) => n?.type === 'string_lit');
        const dynamicName = label ? labelText(label) : '';
        into[prefix + dynamicName] ??= rangeOf(child);
        const index = dynamic.get(dynamicName) ?? 0;
        dynamic.set(dynamicName, index + 1);
        into[`${prefix}dynamic.${dynamicName}.${index}`] = rangeOf(child);
        continue;
      }
      const index = seen.get(name) ?? 0;
      seen.set(name, index + 1);
      into[`${prefix}${name}.${index}`] = rangeOf(child);
      into[prefix + name] ??= rangeOf(child);
      if (inner) readBody(inner, `${prefix}${name}.${index}.`, into);
    }
  }
}

function labelText(node: Node): string {
  if (node.type === 'identifier') return node.text;
  return node.namedChildren.find((n) => n?.type === 'template_literal')?.text ?? '';
}

function commentOf(node: Node): { line: number; text: string } {
  return { line: node.startPosition.row + 1, text: node.text.replace(/\r$/, '') };
}

function rangeOf(node: Node): SourceRange {
  return { startLine: node.startPosition.row + 1, startColumn: node.startPosition.column + 1, endLine: node.endPosition.row + 1, endColumn: node.endPosition.column + 1 };
}
