import type { SourceRange } from '../../../../model/resource.js';
import type { SyntaxBlock } from '../../syntax/blocks.js';
import type { ParsedFile } from './parsed-file.js';

/** A JSON value with the range of its text, and of each member (key through value) for objects. */
type JsonNode =
  | { readonly kind: 'scalar'; readonly value: null | boolean | number | string; readonly range: SourceRange }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[]; readonly range: SourceRange }
  | { readonly kind: 'object'; readonly members: readonly JsonMember[]; readonly range: SourceRange };

interface JsonMember {
  readonly key: string;
  readonly value: JsonNode;
  readonly range: SourceRange;
}

const maxJsonDepth = 500;
const blockTypesWithTwoLabels = new Set(['resource', 'data']);
const blockTypesWithOneLabel = new Set(['module', 'variable', 'output', 'provider']);

/**
 * Reads a `.tf.json` file into the shape hcl2json gives for `.tf` files (every block an array, expressions as
 * `${…}` strings), with block and attribute positions. Terraform's JSON syntax lets each level be an object or an
 * array of objects, and `"//"` keys are comments; both are normalised here.
 */
export function parseTerraformJson(text: string): ParsedFile {
  let root: JsonNode;
  try {
    root = new JsonReader(text).document();
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { problem: { line: error.line, column: error.column, summary: error.message } };
    throw error;
  }
  if (root.kind !== 'object') return { problem: { line: root.range.startLine, column: root.range.startColumn, summary: 'a Terraform JSON file must hold an object' } };
  const body: Record<string, unknown> = {};
  const blocks: SyntaxBlock[] = [];
  for (const member of objectMembers(root)) {
    const kind = member.key;
    if (blockTypesWithTwoLabels.has(kind)) {
      const byType: Record<string, Record<string, unknown[]>> = (body[kind] as Record<string, Record<string, unknown[]>> | undefined) ?? {};
      for (const typeMember of objectMembers(member.value)) {
        for (const nameMember of objectMembers(typeMember.value)) {
          for (const blockNode of blockBodies(nameMember.value)) {
            ((byType[typeMember.key] ??= {})[nameMember.key] ??= []).push(toBody(blockNode, kind));
            blocks.push(syntaxBlock(kind, [typeMember.key, nameMember.key], nameMember.range, blockNode));
          }
        }
      }
      body[kind] = byType;
    } else if (blockTypesWithOneLabel.has(kind)) {
      const byName: Record<string, unknown[]> = (body[kind] as Record<string, unknown[]> | undefined) ?? {};
      for (const nameMember of objectMembers(member.value)) {
        for (const blockNode of blockBodies(nameMember.value)) {
          (byName[nameMember.key] ??= []).push(toBody(blockNode, kind));
          blocks.push(syntaxBlock(kind, [nameMember.key], nameMember.range, blockNode));
        }
      }
      body[kind] = byName;
    } else if (kind !== '//') {
      const list = (body[kind] as unknown[] | undefined) ?? [];
      for (const blockNode of blockBodies(member.value)) {
        list.push(toBody(blockNode, kind));
        blocks.push(syntaxBlock(kind, [], member.range, blockNode));
      }
      body[kind] = list;
    }
  }
  return { body, syntax: { blocks, comments: [] } };
}

function objectMembers(node: JsonNode): JsonMember[] {
  if (node.kind === 'object') return node.members.filter((m) => m.key !== '//');
  if (node.kind === 'array') return node.items.flatMap(objectMembers);
  return [];
}

function blockBodies(node: JsonNode): JsonNode[] {
  if (node.kind === 'array') return node.items.filter((item) => item.kind === 'object');
  return node.kind === 'object' ? [node] : [];
}

function toBody(node: JsonNode, kind: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const member of objectMembers(node)) {
    if (member.key === 'dynamic') {
      const dynamic: Record<string, unknown[]> = {};
      for (const named of objectMembers(member.value)) {
        dynamic[named.key] = blockBodies(named.value).map((spec) => {
          const converted = toBody(spec, 'dynamic');
          const content = converted['content'];
          return { ...converted, content: Array.isArray(content) ? content : content === undefined ? [] : [content] };
        });
      }
      body['dynamic'] = dynamic;
    } else if (kind === 'variable' && member.key === 'type' && member.value.kind === 'scalar' && typeof member.value.value === 'string') {
      // A JSON variable type is an expression written as a plain string.
      body['type'] = member.value.value.includes('${') ? member.value.value : `\${${member.value.value}}`;
    } else {
      body[member.key] = plain(member.value);
    }
  }
  return body;
}

function plain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(plain);
    case 'object':
      return Object.fromEntries(node.members.filter((m) => m.key !== '//').map((m) => [m.key, plain(m.value)]));
  }
}

function syntaxBlock(kind: string, labels: string[], range: SourceRange, body: JsonNode): SyntaxBlock {
  const attributes: Record<string, SourceRange> = {};
  const visit = (node: JsonNode, prefix: string, depth: number): void => {
    if (depth > 32) return;
    if (node.kind === 'object') {
      for (const member of objectMembers(node)) {
        attributes[prefix + member.key] = member.range;
        visit(member.value, `${prefix}${member.key}.`, depth + 1);
        // A nested block written as one object is also `<name>.0`, as rules and plans address blocks; its own
        // arguments get that form too (deeper levels fall back to the block).
        if (member.value.kind === 'object') {
          attributes[`${prefix}${member.key}.0`] ??= member.value.range;
          for (const inner of objectMembers(member.value)) attributes[`${prefix}${member.key}.0.${inner.key}`] ??= inner.range;
        }
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, index) => {
        if (item.kind === 'scalar') return;
        attributes[`${prefix}${index}`] = item.range;
        visit(item, `${prefix}${index}.`, depth + 1);
      });
    }
  };
  visit(body, '', 0);
  return { kind, labels, range, attributes, comments: [] };
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A JSON reader that keeps positions; nesting is bounded so hostile input cannot exhaust the stack. */
class JsonReader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  document(): JsonNode {
    const node = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return node;
  }

  private value(): JsonNode {
    this.space();
    const start = this.position();
    const c = this.text[this.pos];
    if (c === '{') return this.object(start);
    if (c === '[') return this.array(start);
    if (c === '"') {
      const value = this.string();
      return { kind: 'scalar', value, range: this.rangeFrom(start) };
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!literal) return this.fail(c === undefined ? 'the JSON ends too early' : `unexpected character ${JSON.stringify(c)}`);
    this.pos += literal[0].length;
    const value = literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : Number(literal[0]);
    return { kind: 'scalar', value, range: this.rangeFrom(start) };
  }

  private object(start: Position): JsonNode {
    this.enter();
    this.pos++;
    const members: JsonMember[] = [];
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
    } else {
      for (;;) {
        this.space();
        const memberStart = this.position();
        if (this.text[this.pos] !== '"') this.fail('expected a quoted key');
        const key = this.string();
        this.space();
        if (this.text[this.pos] !== ':') this.fail('expected `:` after a key');
        this.pos++;
        const value = this.value();
        members.push({ key, value, range: this.rangeFrom(memberStart) });
        this.space();
        const next = this.text[this.pos];
        this.pos++;
        if (next === '}') break;
        if (next !== ',') this.fail('expected `,` or `}` in an object');
      }
    }
    this.depth--;
    return { kind: 'object', members, range: this.rangeFrom(start) };
  }

  private array(start: Position): JsonNode {
    this.enter();
    this.pos++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
    } else {
      for (;;) {
        items.push(this.value());
        this.space();
        const next = this.text[this.pos];
        this.pos++;
        if (next === ']') break;
        if (next !== ',') this.fail('expected `,` or `]` in an array');
      }
    }
    this.depth--;
    return { kind: 'array', items, range: this.rangeFrom(start) };
  }

  private string(): string {
    const end = /^"(?:[^"\\\n]|\\.)*"/.exec(this.text.slice(this.pos, this.pos + 10_000_000));
    if (!end) return this.fail('unterminated string');
    this.pos += end[0].length;
    try {
      return JSON.parse(end[0]) as string;
    } catch {
      return this.fail('invalid escape in a string');
    }
  }

  private enter(): void {
    if (++this.depth > maxJsonDepth) this.fail(`the JSON nests more than ${maxJsonDepth} levels deep`);
  }

  private space(): void {
    const text = this.text;
    for (;;) {
      const c = text[this.pos];
      if (c === '\n') {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else {
        return;
      }
    }
  }

  private position(): Position {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private rangeFrom(start: Position): SourceRange {
    return { startLine: start.line, startColumn: start.column, endLine: this.line, endColumn: this.pos - this.lineStart + 1 };
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.line, this.pos - this.lineStart + 1);
  }
}

interface Position {
  readonly line: number;
  readonly column: number;
}
