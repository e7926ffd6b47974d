import type { SourceRange } from '../../../../model/resource.js';
import type { SyntaxBlock, SyntaxFile } from '../../syntax/blocks.js';
import type { Expr } from '../expression/ast.js';
import { ExpressionSyntaxError, scanExpression } from '../expression/parser.js';
import { readStringEscape } from '../expression/string-escapes.js';
import { formatNumber } from '../expression/values.js';
import type { ParseProblem } from './parsed-file.js';

/** What one pass over a `.tf` or `.tfvars` file gives: the body in hcl2json's shape, and the syntax positions. */
export interface NativeSyntax {
  readonly body?: Record<string, unknown>;
  readonly syntax?: SyntaxFile;
  readonly problem?: ParseProblem;
}

/** Nested blocks deeper than this are not recorded in the positions (hand-written Terraform nests a handful). */
const maxRecordedDepth = 64;
/** Bodies may nest this deep; brackets are already cut at 100 levels before parsing (see nesting-limit.ts). */
const maxBodyDepth = 256;
const identifierStart = /[\p{L}_]/u;
const identifier = /[\p{L}_][\p{L}\p{N}_-]*/uy;

/** Whether a character can start a name; ASCII decided by its code, the rest by Unicode letter class. */
function startsName(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) return true;
  return code > 127 && identifierStart.test(c);
}

/** The end of the name starting at `start` (which `startsName`), ASCII fast, else by the Unicode pattern. */
function nameEnd(src: string, start: number): number {
  let i = start;
  for (;;) {
    const code = src.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45) i++;
    else if (code > 127) {
      identifier.lastIndex = start;
      const match = identifier.exec(src);
      return match ? start + match[0].length : i;
    } else return i;
  }
}
const numberLiteral = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const heredocStart = /<<(-?)([\p{L}_][\p{L}\p{N}_-]*)[ \t]*\r?\n/uy;

class NativeSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly summary: string,
  ) {
    super(summary);
  }
}

/**
 * Reads HCL native syntax (`.tf`, `.tfvars`) in one pass into the shape hcl2json gives (every block an array of
 * bodies keyed by type and labels, literals as JSON values, any other expression as a `${…}` string) and, for `.tf`
 * files, the positions of blocks, attributes and comments. Expressions are checked by the same parser that later
 * evaluates them. Beyond hcl2json: `$${` and `%%{` escapes stay escaped (so a literal `${` is never evaluated), and
 * template strip markers (`~`) are kept.
 */
export function parseNativeSyntax(text: string, withSyntax = true): NativeSyntax {
  const reader = new NativeReader(text);
  try {
    const body = reader.topLevel();
    return withSyntax ? { body, syntax: reader.syntaxFile() } : { body };
  } catch (error) {
    if (error instanceof NativeSyntaxError) {
      const { line, column } = reader.positionOf(error.offset);
      return { problem: { line, column, summary: error.summary } };
    }
    throw error;
  }
}

interface Comment {
  readonly start: number;
  readonly end: number;
}

type BlockBody = Record<string, unknown>;

class NativeReader {
  private pos = 0;
  private readonly lineStarts: number[] = [0];
  private readonly comments = new Map<number, Comment>();
  private readonly blocks: { block: Omit<SyntaxBlock, 'comments'>; start: number; end: number }[] = [];
  private readonly noteComment = (start: number, end: number): void => {
    if (!this.comments.has(start)) this.comments.set(start, { start, end });
  };

  constructor(private readonly src: string) {
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The file's top-level body: blocks (positions recorded) and, in `.tfvars` files, attributes. */
  topLevel(): BlockBody {
    return this.body(undefined, 0, undefined);
  }

  syntaxFile(): SyntaxFile {
    const comments = [...this.comments.values()].sort((a, b) => a.start - b.start);
    const blocks: SyntaxBlock[] = [];
    const outside: { line: number; text: string }[] = [];
    let next = 0;
    for (const { block, start, end } of this.blocks) {
      while (next < comments.length && (comments[next] as Comment).start < start) outside.push(this.commentOf(comments[next++] as Comment));
      const inside: { line: number; text: string }[] = [];
      while (next < comments.length && (comments[next] as Comment).start < end) inside.push(this.commentOf(comments[next++] as Comment));
      blocks.push({ ...block, comments: inside });
    }
    while (next < comments.length) outside.push(this.commentOf(comments[next++] as Comment));
    return { blocks, comments: outside };
  }

  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
  }

  private rangeOf(start: number, end: number): SourceRange {
    const from = this.positionOf(start);
    const to = this.positionOf(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  }

  private commentOf(comment: Comment): { line: number; text: string } {
    return { line: this.positionOf(comment.start).line, text: this.src.slice(comment.start, comment.end).replace(/\r$/, '') };
  }

  /**
   * A body up to the closing brace (or the end of the file at the top level). `path` is the dotted prefix of the
   * positions recorded for it (`undefined` at the top level, where blocks are recorded whole).
   */
  private body(open: number | undefined, depth: number, record: { attributes: Record<string, SourceRange>; prefix: string } | undefined): BlockBody {
    if (depth > maxBodyDepth) this.fail(this.pos, 'Blocks nest too deeply; Nested blocks are limited to 256 levels.');
    const blocks: BlockBody = {};
    const attributes = new Map<string, unknown>();
    const attributeStarts = new Map<string, number>();
    const seenBlocks = new Map<string, number>();
    const seenDynamic = new Map<string, number>();
    for (;;) {
      this.skipSpace(true);
      const c = this.src[this.pos];
      if (c === undefined) {
        if (open !== undefined) {
          this.fail(open, 'Unclosed configuration block; There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
        }
        break;
      }
      if (c === '}') {
        if (open === undefined) this.fail(this.pos, 'Argument or block definition required; An argument or block definition is required here.');
        this.pos++;
        break;
      }
      const nameStart = this.pos;
      const name = this.identifier();
      if (name === undefined) this.fail(this.pos, 'Argument or block definition required; An argument or block definition is required here.');
      this.skipSpace(false);
      if (this.src[this.pos] === '=' && this.src[this.pos + 1] !== '=') {
        this.pos++;
        const value = this.attributeValue();
        const end = this.pos;
        this.endOfItem(open !== undefined, 'Missing newline after argument; An argument definition must end with a newline.');
        const earlier = attributeStarts.get(name);
        if (earlier !== undefined) {
          const at = this.positionOf(earlier);
          this.fail(nameStart, `Attribute redefined; The argument "${name}" was already set at ${at.line}:${at.column}. Each argument may be set only once.`);
        }
        attributeStarts.set(name, nameStart);
        attributes.set(name, value);
        if (record) record.attributes[record.prefix + name] = this.rangeOf(nameStart, end);
        continue;
      }
      const labels = this.labels();
      if (this.src[this.pos] !== '{') {
        const next = this.src[this.pos];
        this.fail(
          this.pos,
          next === '\n' || next === undefined
            ? 'Invalid block definition; A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.'
            : 'Invalid block definition; Either a quoted string block label or an opening brace ("{") is expected here.',
        );
      }
      const braceAt = this.pos;
      this.pos++;
      let nested: { attributes: Record<string, SourceRange>; prefix: string } | undefined;
      let index = 0;
      const dynamicLabel = name === 'dynamic' && labels.length === 1 ? (labels[0] as string) : undefined;
      if (record && depth < maxRecordedDepth && dynamicLabel === undefined) {
        index = seenBlocks.get(name) ?? 0;
        seenBlocks.set(name, index + 1);
        nested = { attributes: record.attributes, prefix: `${record.prefix}${name}.${index}.` };
      }
      const topAttributes: Record<string, SourceRange> = {};
      const content = this.body(braceAt, depth + 1, open === undefined ? { attributes: topAttributes, prefix: '' } : nested);
      const end = this.pos;
      this.endOfItem(open !== undefined, 'Missing newline after block definition; A block definition must end with a newline.');
      addBlock(blocks, name, labels, content);
      if (open === undefined) {
        this.blocks.push({ block: { kind: name, labels, range: this.rangeOf(nameStart, end), attributes: topAttributes }, start: nameStart, end });
      } else if (record && depth < maxRecordedDepth) {
        const range = this.rangeOf(nameStart, end);
        if (dynamicLabel !== undefined) {
          // A dynamic block stands for any number of blocks: its content is known by the block's name, and each
          // dynamic block by its place among the others of that name, so expansion can keep the written order.
          record.attributes[record.prefix + dynamicLabel] ??= range;
          const at = seenDynamic.get(dynamicLabel) ?? 0;
          seenDynamic.set(dynamicLabel, at + 1);
          record.attributes[`${record.prefix}dynamic.${dynamicLabel}.${at}`] = range;
        } else {
          record.attributes[`${record.prefix}${name}.${index}`] = range;
          record.attributes[record.prefix + name] ??= range;
        }
      }
    }
    // As hcl2json: blocks first, then arguments (an argument wins over blocks of the same name).
    for (const [name, value] of attributes) blocks[name] = value;
    return blocks;
  }

  /** Block labels: quoted strings (without interpolation) or identifiers, up to the opening brace. */
  private labels(): string[] {
    const labels: string[] = [];
    for (;;) {
      const c = this.src[this.pos];
      if (c === '"') {
        const start = this.pos;
        const { text, literal } = this.quotedTemplate();
        if (!literal) this.fail(start, 'Invalid block label; Block labels cannot contain template sequences.');
        labels.push(unescapeTemplateLiteral(text));
      } else if (startsName(c)) {
        labels.push(this.identifier() as string);
      } else {
        return labels;
      }
      this.skipSpace(false);
    }
  }

  /** After an argument or a block: a newline, the end of the file, or (in a one-line block) its closing brace. */
  private endOfItem(inBlock: boolean, message: string): void {
    this.skipSpace(false);
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      return;
    }
    if (c === undefined || (inBlock && c === '}')) return;
    this.fail(this.pos, message);
  }

  private attributeValue(): unknown {
    this.skipSpace(false);
    const c = this.src[this.pos];
    if (c === undefined || c === '\n' || c === '}') {
      this.fail(this.pos, 'Invalid expression; Expected the start of an expression, but found an invalid expression token.');
    }
    return this.value('item');
  }

  /**
   * The value at the current position in hcl2json's shape, leaving the position after it. `context` says how
   * newlines read after the value: as spacing inside a tuple, as the end of the item elsewhere.
   */
  private value(context: 'item' | 'tuple'): unknown {
    const start = this.pos;
    const simple = this.simpleValue();
    if (simple !== noValue && !this.continues(context)) return simple;
    this.pos = start;
    this.expression(start);
    return `\${${this.src.slice(start, this.pos)}}`;
  }

  /**
   * A literal, template, tuple or object constructor at the current position, or `noValue` when the expression is
   * of another kind (the caller then reads it whole and keeps its source).
   */
  private simpleValue(): unknown {
    const src = this.src;
    const c = src[this.pos];
    if (c === '"') return this.quotedTemplate().text;
    if (c === '<' && src[this.pos + 1] === '<') return this.heredoc() ?? noValue;
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    if (c === '-' || c === '!') {
      const start = this.pos;
      this.pos++;
      this.skipSpace(false);
      const operand = this.literal();
      if (operand === noValue || (c === '-' && typeof operand !== 'number') || (c === '!' && typeof operand !== 'boolean')) {
        this.pos = start;
        return noValue;
      }
      return c === '-' ? -(operand as number) : !(operand as boolean);
    }
    return this.literal();
  }

  private literal(): unknown {
    const src = this.src;
    const c = src[this.pos] as string;
    if (c >= '0' && c <= '9') {
      numberLiteral.lastIndex = this.pos;
      const match = numberLiteral.exec(src);
      if (!match) return noValue;
      this.pos += match[0].length;
      return Number(match[0]);
    }
    const word = startsName(c) ? src.slice(this.pos, nameEnd(src, this.pos)) : undefined;
    if (word === 'true' || word === 'false' || word === 'null') {
      if (src[this.pos + word.length] === '(') return noValue;
      this.pos += word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    return noValue;
  }

  /** Whether an operator or a traversal continues the value just read, making it part of a larger expression. */
  private continues(context: 'item' | 'tuple'): boolean {
    const save = this.pos;
    this.skipSpace(context === 'tuple');
    const c = this.src[this.pos];
    const d = this.src[this.pos + 1];
    this.pos = save;
    if (c === undefined) return false;
    if (c === '=' || c === '!') return d === '=';
    return c === '.' || c === '[' || c === '?' || c === '<' || c === '>' || c === '+' || c === '-' || c === '*' || c === '/' || c === '%' || (c === '&' && d === '&') || (c === '|' && d === '|');
  }

  private tuple(): unknown {
    const open = this.pos;
    this.pos++;
    this.skipSpace(true);
    if (this.atFor()) {
      this.pos = open;
      return noValue;
    }
    const items: unknown[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.src[this.pos] === ']') {
        this.pos++;
        return items;
      }
      if (this.src[this.pos] === undefined) this.fail(open, 'Unterminated tuple constructor; There is no corresponding closing bracket before the end of the file.');
      items.push(this.value('tuple'));
      this.skipSpace(true);
      const separator = this.src[this.pos];
      if (separator === ',') {
        this.pos++;
      } else if (separator !== ']') {
        this.fail(this.pos, 'Missing item separator; Expected a comma to mark the beginning of the next item.');
      }
    }
  }

  private object(): unknown {
    const open = this.pos;
    this.pos++;
    this.skipSpace(true);
    if (this.atFor()) {
      this.pos = open;
      return noValue;
    }
    const object: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace(true);
      const c = this.src[this.pos];
      if (c === '}') {
        this.pos++;
        return object;
      }
      if (c === undefined) this.fail(open, 'Unterminated object constructor; There is no corresponding closing brace before the end of the file.');
      const key = this.objectKey();
      this.skipSpace(false);
      const assign = this.src[this.pos];
      if ((assign !== '=' && assign !== ':') || this.src[this.pos + 1] === '=') {
        this.fail(this.pos, 'Missing key/value separator; Expected an equals sign ("=") to mark the beginning of the attribute value.');
      }
      this.pos++;
      this.skipSpace(false);
      if (this.src[this.pos] === '\n' || this.src[this.pos] === undefined) {
        this.fail(this.pos, 'Invalid expression; Expected the start of an expression, but found an invalid expression token.');
      }
      object[key] = this.value('item');
      this.skipSpace(false);
      const separator = this.src[this.pos];
      if (separator === ',' || separator === '\n') this.pos++;
      else if (separator !== '}') this.fail(this.pos, 'Missing attribute separator; Expected a newline or comma to mark the beginning of the next attribute.');
    }
  }

  /** An object key as hcl2json writes it: a name, a template string, or `${…}` for a parenthesised expression. */
  private objectKey(): string {
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === '"') {
      const key = this.quotedTemplate().text;
      if (!this.keyFollows()) return this.compoundKey(start);
      return key;
    }
    const name = this.identifier();
    if (name !== undefined && this.keyFollows()) return name;
    this.pos = start;
    const literal = this.literal();
    if (literal !== noValue && this.keyFollows()) return typeof literal === 'number' ? formatNumber(literal) : String(literal);
    return this.compoundKey(start);
  }

  private compoundKey(start: number): string {
    this.pos = start;
    this.expression(start);
    return `\${${this.src.slice(start, this.pos)}}`;
  }

  private keyFollows(): boolean {
    const save = this.pos;
    this.skipSpace(false);
    const c = this.src[this.pos];
    const follows = (c === '=' || c === ':') && this.src[this.pos + 1] !== '=';
    this.pos = save;
    return follows;
  }

  /** Whether the bracket just opened starts a `for` expression. */
  private atFor(): boolean {
    if (!this.src.startsWith('for', this.pos) || nameEnd(this.src, this.pos) !== this.pos + 3) return false;
    const save = this.pos;
    this.pos += 3;
    this.skipSpace(true);
    const isFor = startsName(this.src[this.pos]);
    this.pos = save;
    return isFor;
  }

  /** Reads a whole expression with the evaluator's parser; a syntax error becomes a problem at its position. */
  private expression(start: number): Expr {
    try {
      const { expr, end } = scanExpression(this.src, start, this.noteComment);
      this.pos = end;
      return expr;
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      const offset = this.tokenAfter(error.offset ?? start);
      const message = error.message.replace(/ \(at offset \d+\)$/, '');
      // The parser's most common complaint, in Terraform's words.
      if (message.startsWith('expected an expression but found')) {
        return this.fail(offset, 'Invalid expression; Expected the start of an expression, but found an invalid expression token.');
      }
      return this.fail(offset, `Invalid expression; ${message.charAt(0).toUpperCase()}${message.slice(1)}.`);
    }
  }

  /**
   * A quoted template, converted: escapes decoded, `${…}` interpolations and `%{…}` directives kept as their
   * source (trimmed, as hcl2json writes them), `$${` and `%%{` kept escaped. `literal` when nothing is interpolated.
   */
  private quotedTemplate(): { text: string; literal: boolean } {
    const src = this.src;
    const open = this.pos;
    this.pos++;
    let text = '';
    let literal = true;
    let chunk = this.pos;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) this.fail(open, 'Unterminated template string; No closing marker was found for the string.');
      if (c === '\n' || (c === '\r' && src[this.pos + 1] === '\n')) {
        this.fail(this.pos, 'Invalid multi-line string; Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.');
      }
      if (c === '"') {
        text += src.slice(chunk, this.pos);
        this.pos++;
        return { text, literal };
      }
      if (c === '\\') {
        text += src.slice(chunk, this.pos) + this.escape();
        chunk = this.pos;
        continue;
      }
      if ((c === '$' || c === '%') && src[this.pos + 1] === '{') {
        text += src.slice(chunk, this.pos) + this.templateSequence(c);
        literal = false;
        chunk = this.pos;
        continue;
      }
      if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
        this.pos += 3;
        continue;
      }
      this.pos++;
    }
  }

  /** `${ expr }` or `%{ directive }` starting at the current position, in hcl2json's written form. */
  private templateSequence(kind: '$' | '%'): string {
    const src = this.src;
    const start = this.pos;
    this.pos += 2;
    let strip = false;
    if (src[this.pos] === '~') {
      strip = true;
      this.pos++;
    }
    this.skipSpace(true);
    let written: string;
    if (kind === '$') {
      const exprStart = this.pos;
      const expr = this.expression(exprStart);
      const source = src.slice(exprStart, this.pos);
      written = expr.kind === 'literal' && (typeof expr.value === 'number' || typeof expr.value === 'boolean') && !source.startsWith('"') ? (typeof expr.value === 'number' ? formatNumber(expr.value) : String(expr.value)) : `\${${source}}`;
    } else {
      written = this.directive();
    }
    this.skipSpace(true);
    if (src[this.pos] === '~') {
      strip = true;
      this.pos++;
      this.skipSpace(true);
    }
    if (src[this.pos] !== '}') this.fail(this.pos, 'Extra characters after interpolation expression; Expected a closing brace to end the interpolation expression.');
    this.pos++;
    // Strip markers change the text around them: keep the sequence as written, so the evaluator applies them.
    return strip ? src.slice(start, this.pos) : written;
  }

  /** The inside of `%{…}`: `if COND`, `for K, V in COLL`, `else`, `endif` or `endfor`. */
  private directive(): string {
    const at = this.pos;
    const keyword = this.identifier();
    this.skipSpace(true);
    switch (keyword) {
      case 'if': {
        const start = this.pos;
        this.expression(start);
        return `%{if ${this.src.slice(start, this.pos)}}`;
      }
      case 'for': {
        const first = this.identifier();
        this.skipSpace(true);
        let names = first ?? '';
        if (this.src[this.pos] === ',') {
          this.pos++;
          this.skipSpace(true);
          names = `${first ?? ''}, ${this.identifier() ?? ''}`;
          this.skipSpace(true);
        }
        if (first === undefined || this.identifier() !== 'in') this.fail(at, 'Invalid template directive; A "for" directive reads `for NAME in COLLECTION`.');
        this.skipSpace(true);
        const start = this.pos;
        this.expression(start);
        return `%{for ${names} in ${this.src.slice(start, this.pos)}}`;
      }
      case 'else':
      case 'endif':
      case 'endfor':
        return `%{${keyword}}`;
      default:
        return this.fail(at, 'Invalid template directive; A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
    }
  }

  private escape(): string {
    const at = this.pos;
    const escape = readStringEscape(this.src, at);
    switch (escape.kind) {
      case 'text':
        this.pos += escape.length;
        return escape.text;
      case 'bad-hex':
        return this.fail(at, `Invalid escape sequence; The symbol "${escape.selector}" must be followed by ${escape.digits} hexadecimal digits.`);
      case 'bad-code-point':
        return this.fail(at, 'Invalid escape sequence; The escape sequence is not a valid Unicode character.');
      case 'bad-selector':
        return this.fail(at, `Invalid escape sequence; The symbol ${JSON.stringify(escape.selector)} is not a valid escape sequence selector.`);
    }
  }

  /**
   * `<<EOT` or `<<-EOT` up to the closing marker line, as a template text (indentation removed for `<<-`), with the
   * position left after the marker; `undefined` when `<<` does not start a heredoc.
   */
  private heredoc(): string | undefined {
    const src = this.src;
    heredocStart.lastIndex = this.pos;
    const match = heredocStart.exec(src);
    if (!match) return undefined;
    const open = this.pos;
    const flush = match[1] === '-';
    const marker = match[2] as string;
    const lines: string[] = [];
    let cursor = this.pos + match[0].length;
    for (;;) {
      if (cursor > src.length) this.fail(open, `Unterminated template string; No closing marker "${marker}" was found for the heredoc.`);
      const newline = src.indexOf('\n', cursor);
      const lineEnd = newline === -1 ? src.length : newline;
      // Carriage returns stay in the text, as Terraform keeps them; the marker line is recognised without them.
      const line = src.slice(cursor, lineEnd);
      if (line.trim() === marker) {
        this.pos = cursor + line.indexOf(marker) + marker.length;
        break;
      }
      lines.push(line);
      cursor = lineEnd + 1;
    }
    const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    const segments = this.heredocSegments(text, open);
    if (flush) removeIndentation(segments);
    return segments.map((s) => s.text).join('');
  }

  /**
   * Splits a heredoc's text into literal text and template sequences, each sequence checked and written as hcl2json
   * writes it.
   */
  private heredocSegments(text: string, open: number): HeredocSegment[] {
    if (!text.includes('${') && !text.includes('%{')) return [{ literal: true, text }];
    const inner = new NativeReader(text);
    const segments: HeredocSegment[] = [];
    let chunk = 0;
    while (inner.pos < text.length) {
      const c = text[inner.pos];
      if ((c === '$' || c === '%') && text[inner.pos + 1] === c && text[inner.pos + 2] === '{') {
        inner.pos += 3;
      } else if ((c === '$' || c === '%') && text[inner.pos + 1] === '{') {
        if (inner.pos > chunk) segments.push({ literal: true, text: text.slice(chunk, inner.pos) });
        try {
          segments.push({ literal: false, text: inner.templateSequence(c) });
        } catch (error) {
          if (error instanceof NativeSyntaxError) this.fail(open, `${error.summary.replace(/\.$/, '')} (in the heredoc).`);
          throw error;
        }
        chunk = inner.pos;
      } else {
        inner.pos++;
      }
    }
    if (chunk < text.length) segments.push({ literal: true, text: text.slice(chunk) });
    return segments;
  }

  private identifier(): string | undefined {
    if (!startsName(this.src[this.pos])) return undefined;
    const end = nameEnd(this.src, this.pos);
    const word = this.src.slice(this.pos, end);
    this.pos = end;
    return word;
  }

  /** Skips spaces and comments, and newlines too when `newlines` is set. */
  private skipSpace(newlines: boolean): void {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) {
        this.pos++;
      } else if (c === '#' || (c === '/' && src[this.pos + 1] === '/')) {
        const newline = src.indexOf('\n', this.pos);
        const end = newline === -1 ? src.length : newline;
        this.noteComment(this.pos, end);
        this.pos = end;
      } else if (c === '/' && src[this.pos + 1] === '*') {
        const close = src.indexOf('*/', this.pos + 2);
        if (close === -1) this.fail(this.pos, 'Unterminated comment; There is no closing marker for this multi-line comment before the end of the file.');
        this.noteComment(this.pos, close + 2);
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  /** The start of the token at or after `offset` (past spaces), so a problem points at what is wrong. */
  private tokenAfter(offset: number): number {
    const save = this.pos;
    this.pos = offset;
    try {
      this.skipSpace(true);
      return this.pos;
    } catch {
      return offset;
    } finally {
      this.pos = save;
    }
  }

  private fail(offset: number, summary: string): never {
    throw new NativeSyntaxError(offset, summary);
  }
}

const noValue = Symbol('no simple value');

interface HeredocSegment {
  readonly literal: boolean;
  text: string;
}

/**
 * `<<-` removes the smallest indentation of the lines that start in literal text and hold more than spaces (lines
 * inside a multi-line interpolation keep theirs), as Terraform does.
 */
function removeIndentation(segments: HeredocSegment[]): void {
  const starts: { segment: HeredocSegment; offset: number }[] = [];
  segments.forEach((segment, index) => {
    if (!segment.literal) return;
    if (index === 0) starts.push({ segment, offset: 0 });
    for (let i = segment.text.indexOf('\n'); i !== -1 && i + 1 <= segment.text.length; i = segment.text.indexOf('\n', i + 1)) {
      if (i + 1 < segment.text.length || index + 1 < segments.length) starts.push({ segment, offset: i + 1 });
    }
  });
  const indentOf = ({ segment, offset }: { segment: HeredocSegment; offset: number }): number => {
    let i = offset;
    while (segment.text[i] === ' ' || segment.text[i] === '\t') i++;
    return i - offset;
  };
  const blank = (start: { segment: HeredocSegment; offset: number }): boolean => {
    const rest = start.segment.text.slice(start.offset);
    const newline = rest.indexOf('\n');
    const line = newline === -1 ? rest : rest.slice(0, newline);
    return line.trim() === '' && (newline !== -1 || start.segment === segments.at(-1));
  };
  const indents = starts.filter((s) => !blank(s)).map(indentOf);
  if (indents.length === 0) return;
  const strip = Math.min(...indents);
  if (strip === 0) return;
  // From the last start backwards, so earlier offsets stay valid.
  for (const start of [...starts].reverse()) {
    const remove = Math.min(strip, indentOf(start));
    start.segment.text = start.segment.text.slice(0, start.offset) + start.segment.text.slice(start.offset + remove);
  }
}

/** Adds a block body under its type and labels, as hcl2json nests them: `resource.aws_s3_bucket.b = [body, …]`. */
function addBlock(into: BlockBody, type: string, labels: readonly string[], body: BlockBody): void {
  let level: Record<string, unknown> = into;
  let key = type;
  for (const label of labels) {
    const existing = level[key];
    let next: Record<string, unknown>;
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) {
      next = existing as Record<string, unknown>;
    } else {
      next = {};
      level[key] = next;
    }
    level = next;
    key = label;
  }
  const existing = level[key];
  if (Array.isArray(existing)) existing.push(body);
  else level[key] = [body];
}

/** A label's text with the template escapes that cannot appear in a label undone (`$${` → `${`). */
function unescapeTemplateLiteral(text: string): string {
  return text.includes('$${') || text.includes('%%{') ? text.replace(/([$%])\1\{/g, '$1{') : text;
}
