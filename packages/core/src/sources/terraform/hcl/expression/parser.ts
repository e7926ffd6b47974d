import type { BinaryOperator, Expr, ObjectItem, TemplatePart } from './ast.js';
import { readStringEscape } from './string-escapes.js';

/** An expression that is not valid HCL native syntax, or nests deeper than the parser allows. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
  constructor(
    message: string,
    /** Where in the parsed text the problem was found, when the parser knows. */
    readonly offset?: number,
  ) {
    // Reported as a message only; no stack is needed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** How deeply expressions may nest; deeper input is refused rather than risking the stack. */
export const maxExpressionDepth = 200;

type Token =
  | { readonly kind: 'ident'; readonly text: string; readonly end: number }
  | { readonly kind: 'number'; readonly text: string; readonly end: number }
  | { readonly kind: 'punct'; readonly text: string; readonly end: number }
  | { readonly kind: 'quote'; readonly end: number }
  | { readonly kind: 'heredoc'; readonly marker: string; readonly flush: boolean; readonly end: number }
  | { readonly kind: 'newline'; readonly end: number }
  | { readonly kind: 'eof'; readonly end: number };

const identifier = /[\p{L}_][\p{L}\p{N}_-]*/uy;
const number = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const heredocStart = /<<(-?)([\p{L}_][\p{L}\p{N}_-]*)[ \t]*\r?\n/uy;
const punctuation = ['...', '=>', '==', '!=', '>=', '<=', '&&', '||', '::'];
const singles = new Set([...'{}[]()=,.:?!*/%+-<>~']);
/** The first characters of the punctuation longer than one character. */
const punctuationStarts = new Set(punctuation.map((p) => p[0] as string));

const binaryLevels: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

/** Parses one HCL expression, e.g. the text inside `${…}` that hcl2json leaves in its output. */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.expression();
  parser.expectEnd();
  return checkDepth(expr, 0);
}

/**
 * Parses the expression that starts at `start` in a larger text (a whole `.tf` file) and returns it with the offset
 * just after it. Newlines are spacing outside object constructors, so the caller checks what follows. Comments
 * met inside the expression are reported to `onComment` (possibly more than once, when the parser looks ahead).
 */
export function scanExpression(text: string, start: number, onComment?: (start: number, end: number) => void): { expr: Expr; end: number } {
  const parser = new Parser(text, onComment);
  parser.seek(start);
  const expr = parser.expression();
  return { expr: checkDepth(expr, start), end: parser.position };
}

/**
 * Parses a template whose literal parts are already decoded (hcl2json's JSON strings, heredoc bodies): `${…}`
 * interpolations and `%{…}` directives are recognised, `$${` and `%%{` are escapes, backslashes are literal. A
 * template that is a single interpolation yields the interpolated expression itself, so its value keeps its type.
 */
export function parseTemplate(text: string): Expr {
  if (!text.includes('${') && !text.includes('%{')) return { kind: 'literal', value: text };
  const parser = new Parser(text);
  return checkDepth(parser.wholeTemplate(), 0);
}

/**
 * Refuses an expression whose tree is deeper than `maxExpressionDepth`. The parser bounds the brackets and operators
 * it recurses into, but builds chains (`1 + 1 + …`, `a[0][0]…`, `x[*][*]…`) in loops, and such a chain is as deep
 * a tree as it is long: the evaluator, which recurses, would overflow the stack on ten thousand links.
 */
function checkDepth(expr: Expr, offset: number): Expr {
  const stack: [Expr | TemplatePart, number][] = [[expr, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > maxExpressionDepth) throw new ExpressionSyntaxError(`the expression nests more than ${maxExpressionDepth} levels deep (at offset ${offset})`, offset);
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return expr;
}

function childrenOf(node: Expr | TemplatePart): readonly (Expr | TemplatePart)[] {
  switch (node.kind) {
    case 'literal':
    case 'variable':
    case 'splat-item':
    case 'text':
      return [];
    case 'template':
      return node.parts;
    case 'getattr':
      return [node.object];
    case 'index':
      return [node.object, node.key];
    case 'splat':
      return [node.source, node.each];
    case 'tuple':
      return node.items;
    case 'object':
      return node.items.flatMap((item) => [item.key, item.value]);
    case 'call':
      return node.args;
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.condition, node.then, node.else];
    case 'for':
      return 'body' in node ? [node.collection, ...node.body] : [node.collection, ...(node.keyExpr ? [node.keyExpr] : []), node.valueExpr, ...(node.condition ? [node.condition] : [])];
    case 'interpolation':
      return [node.expr];
    case 'if':
      return [node.condition, ...node.then, ...node.else];
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  /** Whether newlines end the current construct (inside `{ … }` object items) or are spacing (everywhere else). */
  private readonly newlineModes: boolean[] = [false];

  constructor(
    private readonly src: string,
    private readonly onComment?: (start: number, end: number) => void,
  ) {}

  seek(position: number): void {
    this.pos = position;
  }

  get position(): number {
    return this.pos;
  }

  expectEnd(): void {
    const token = this.peek(true);
    if (token.kind !== 'eof') this.fail(`unexpected ${describe(token)} after the expression`);
  }

  wholeTemplate(): Expr {
    const { parts } = this.templateParts('eof', false);
    return templateExpr(parts);
  }

  expression(): Expr {
    if (++this.depth > maxExpressionDepth) this.fail(`the expression nests more than ${maxExpressionDepth} levels deep`);
    try {
      const condition = this.binary(0);
      if (!this.accept('?')) return condition;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, else: otherwise };
    } finally {
      this.depth--;
    }
  }

  private binary(level: number): Expr {
    const operators = binaryLevels[level];
    if (!operators) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'punct' || !(operators as readonly string[]).includes(token.text)) return left;
      this.pos = token.end;
      const right = this.binary(level + 1);
      left = { kind: 'binary', operator: token.text as BinaryOperator, left, right };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === 'punct' && (token.text === '!' || token.text === '-')) {
      this.pos = token.end;
      if (++this.depth > maxExpressionDepth) this.fail(`the expression nests more than ${maxExpressionDepth} levels deep`);
      try {
        return { kind: 'unary', operator: token.text, operand: this.unary() };
      } finally {
        this.depth--;
      }
    }
    return this.postfix(this.term());
  }

  private term(): Expr {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.pos = token.end;
        return { kind: 'literal', value: Number(token.text) };
      case 'quote': {
        this.pos = token.end;
        const { parts } = this.templateParts('quote', true);
        return templateExpr(parts);
      }
      case 'heredoc':
        this.pos = token.end;
        return this.heredoc(token.marker, token.flush);
      case 'ident':
        return this.identifierTerm(token.text, token.end);
      case 'punct':
        if (token.text === '(') {
          this.pos = token.end;
          const inner = this.nested(false, () => this.expression());
          this.expect(')');
          return inner;
        }
        if (token.text === '[') {
          this.pos = token.end;
          return this.nested(false, () => this.tupleOrFor());
        }
        if (token.text === '{') {
          this.pos = token.end;
          return this.objectOrFor();
        }
        break;
      default:
        break;
    }
    return this.fail(`expected an expression but found ${describe(token)}`);
  }

  private identifierTerm(name: string, end: number): Expr {
    this.pos = end;
    if (name === 'true') return { kind: 'literal', value: true };
    if (name === 'false') return { kind: 'literal', value: false };
    if (name === 'null') return { kind: 'literal', value: null };
    let fullName = name;
    for (;;) {
      const next = this.peek();
      if (next.kind !== 'punct' || next.text !== '::') break;
      this.pos = next.end;
      const part = this.peek();
      if (part.kind !== 'ident') this.fail('expected a function name after `::`');
      this.pos = part.end;
      fullName += `::${part.text}`;
    }
    const open = this.peek();
    if (open.kind === 'punct' && open.text === '(') {
      this.pos = open.end;
      return this.nested(false, () => this.call(fullName));
    }
    if (fullName !== name) this.fail(`expected \`(\` after ${fullName}`);
    return { kind: 'variable', name };
  }

  private call(name: string): Expr {
    const args: Expr[] = [];
    let expandFinal = false;
    while (!this.accept(')')) {
      if (expandFinal) this.fail('`...` may only follow the last argument');
      args.push(this.expression());
      if (this.accept('...')) expandFinal = true;
      if (!this.accept(',')) {
        this.expect(')');
        break;
      }
    }
    return { kind: 'call', name, args, expandFinal };
  }

  private tupleOrFor(): Expr {
    if (this.atFor()) {
      const result = this.forExpression(false);
      this.expect(']');
      return result;
    }
    const items: Expr[] = [];
    while (!this.accept(']')) {
      items.push(this.expression());
      if (!this.accept(',')) {
        this.expect(']');
        break;
      }
    }
    return { kind: 'tuple', items };
  }

  private objectOrFor(): Expr {
    if (this.nested(false, () => this.atFor())) {
      const result = this.nested(false, () => this.forExpression(true));
      this.nested(false, () => this.expect('}'));
      return result;
    }
    return this.nested(true, () => {
      const items: ObjectItem[] = [];
      for (;;) {
        this.skipNewlines();
        if (this.accept('}')) break;
        items.push(this.objectItem());
        const separator = this.peek();
        if (separator.kind === 'newline' || (separator.kind === 'punct' && separator.text === ',')) {
          this.pos = separator.end;
          continue;
        }
        if (separator.kind === 'punct' && separator.text === '}') continue;
        this.fail(`expected \`,\`, a newline or \`}\` after an object item but found ${describe(separator)}`);
      }
      return { kind: 'object', items };
    });
  }

  private objectItem(): ObjectItem {
    const token = this.peek();
    let key: Expr;
    if (token.kind === 'ident') {
      const save = this.pos;
      this.pos = token.end;
      const after = this.peek();
      if (after.kind === 'punct' && (after.text === '=' || after.text === ':')) {
        key = { kind: 'literal', value: token.text };
      } else {
        this.pos = save;
        key = this.nested(false, () => this.expression());
      }
    } else {
      key = this.nested(false, () => this.expression());
    }
    const assign = this.peek();
    if (assign.kind !== 'punct' || (assign.text !== '=' && assign.text !== ':')) this.fail(`expected \`=\` after an object key but found ${describe(assign)}`);
    this.pos = assign.end;
    const value = this.expression();
    return { key, value };
  }

  private atFor(): boolean {
    const token = this.peek();
    if (token.kind !== 'ident' || token.text !== 'for') return false;
    const save = this.pos;
    this.pos = token.end;
    const next = this.peek();
    this.pos = save;
    return next.kind === 'ident';
  }

  private forExpression(object: boolean): Expr {
    this.expectIdent('for');
    const first = this.identifierName();
    let keyVariable: string | undefined;
    let valueVariable = first;
    if (this.accept(',')) {
      keyVariable = first;
      valueVariable = this.identifierName();
    }
    this.expectIdent('in');
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    let valueExpr = this.expression();
    let grouping = false;
    if (object) {
      this.expect('=>');
      keyExpr = valueExpr;
      valueExpr = this.expression();
      grouping = this.accept('...');
    }
    let condition: Expr | undefined;
    const next = this.peek();
    if (next.kind === 'ident' && next.text === 'if') {
      this.pos = next.end;
      condition = this.expression();
    }
    return {
      kind: 'for',
      valueVariable,
      collection,
      valueExpr,
      grouping,
      ...(keyVariable === undefined ? {} : { keyVariable }),
      ...(keyExpr === undefined ? {} : { keyExpr }),
      ...(condition === undefined ? {} : { condition }),
    };
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'punct') return expr;
      if (token.text === '.') {
        this.pos = token.end;
        const next = this.peek(false, true);
        if (next.kind === 'punct' && next.text === '*') {
          this.pos = next.end;
          expr = { kind: 'splat', source: expr, each: this.splatSteps(false) };
        } else {
          expr = this.attributeStep(expr);
        }
      } else if (token.text === '[') {
        this.pos = token.end;
        const next = this.peek(true);
        if (next.kind === 'punct' && next.text === '*') {
          this.pos = next.end;
          this.expect(']');
          expr = { kind: 'splat', source: expr, each: this.splatSteps(true) };
        } else {
          const key = this.nested(false, () => this.expression());
          this.expect(']');
          expr = { kind: 'index', object: expr, key };
        }
      } else {
        return expr;
      }
    }
  }

  /** `.name`, or the legacy index form `.0` (and `.0.1`, which the scanner reads as one number). */
  private attributeStep(object: Expr): Expr {
    const next = this.peek(false, true);
    if (next.kind === 'ident') {
      this.pos = next.end;
      return { kind: 'getattr', object, name: next.text };
    }
    if (next.kind === 'number' && /^\d+(\.\d+)?$/.test(next.text)) {
      this.pos = next.end;
      let result: Expr = object;
      for (const part of next.text.split('.')) result = { kind: 'index', object: result, key: { kind: 'literal', value: Number(part) } };
      return result;
    }
    return this.fail(`expected an attribute name after \`.\` but found ${describe(next)}`);
  }

  /** The traversal steps a splat applies to each element: attributes, and indexes too for the full `[*]` form. */
  private splatSteps(full: boolean): Expr {
    let each: Expr = { kind: 'splat-item' };
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'punct') return each;
      if (token.text === '.') {
        this.pos = token.end;
        each = this.attributeStep(each);
      } else if (full && token.text === '[') {
        const save = this.pos;
        this.pos = token.end;
        const star = this.peek(true);
        if (star.kind === 'punct' && star.text === '*') {
          this.pos = save;
          return each;
        }
        const key = this.nested(false, () => this.expression());
        this.expect(']');
        each = { kind: 'index', object: each, key };
      } else {
        return each;
      }
    }
  }

  private heredoc(marker: string, flush: boolean): Expr {
    const lines: string[] = [];
    let cursor = this.pos;
    for (;;) {
      if (cursor >= this.src.length) this.fail(`the heredoc <<${marker} has no closing ${marker} line`);
      const newline = this.src.indexOf('\n', cursor);
      const lineEnd = newline === -1 ? this.src.length : newline;
      const line = this.src.slice(cursor, lineEnd).replace(/\r$/, '');
      if (line.trim() === marker) {
        this.pos = lineEnd;
        break;
      }
      lines.push(line);
      cursor = lineEnd + 1;
    }
    let body = lines;
    if (flush) {
      const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
      const strip = indents.length > 0 ? Math.min(...indents) : 0;
      body = lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
    }
    const text = body.length > 0 ? `${body.join('\n')}\n` : '';
    if (++this.depth > maxExpressionDepth) this.fail(`the expression nests more than ${maxExpressionDepth} levels deep`);
    try {
      return parseTemplate(text);
    } finally {
      this.depth--;
    }
  }

  /**
   * Reads template parts up to the end (`eof`) or the closing quote, with backslash escapes inside quoted strings.
   * Stops early at `%{else}`, `%{endif}` or `%{endfor}` and says which.
   */
  private templateParts(end: 'eof' | 'quote', escapes: boolean, stopAt: readonly string[] = []): { parts: TemplatePart[]; stoppedBy: string } {
    if (++this.depth > maxExpressionDepth) this.fail(`the template nests more than ${maxExpressionDepth} levels deep`);
    try {
      const parts: TemplatePart[] = [];
      let text = '';
      let stripNext = false;
      const flushText = (): void => {
        if (text !== '') parts.push({ kind: 'text', text });
        text = '';
      };
      const appendText = (chunk: string): void => {
        if (stripNext) {
          chunk = chunk.replace(/^\s+/, '');
          if (chunk === '') return;
          stripNext = false;
        }
        text += chunk;
      };
      const stripPrevious = (): void => {
        text = text.replace(/\s+$/, '');
        const last = parts.at(-1);
        if (text === '' && last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text.replace(/\s+$/, '') };
      };
      const src = this.src;
      for (;;) {
        if (this.pos >= src.length) {
          if (end === 'quote') this.fail('the string has no closing quote');
          flushText();
          return { parts, stoppedBy: 'eof' };
        }
        const c = src[this.pos] as string;
        if (end === 'quote' && c === '"') {
          this.pos++;
          flushText();
          return { parts, stoppedBy: 'quote' };
        }
        if (escapes && c === '\\') {
          appendText(this.escape());
          continue;
        }
        if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
          appendText(`${c}{`);
          this.pos += 3;
          continue;
        }
        if (c === '$' && src[this.pos + 1] === '{') {
          this.pos += 2;
          if (src[this.pos] === '~') {
            this.pos++;
            stripPrevious();
          }
          flushText();
          const expr = this.nested(false, () => this.expression());
          stripNext = this.closeTemplateDelimiter();
          parts.push({ kind: 'interpolation', expr });
          continue;
        }
        if (c === '%' && src[this.pos + 1] === '{') {
          this.pos += 2;
          if (src[this.pos] === '~') {
            this.pos++;
            stripPrevious();
          }
          flushText();
          const keyword = this.nested(false, () => this.identifierName());
          if (stopAt.includes(keyword)) {
            stripNext = this.closeTemplateDelimiter();
            this.pendingStrip = stripNext;
            return { parts, stoppedBy: keyword };
          }
          if (keyword === 'if') {
            parts.push(this.ifDirective(end, escapes));
          } else if (keyword === 'for') {
            parts.push(this.forDirective(end, escapes));
          } else {
            this.fail(`unexpected template directive %{${keyword}}`);
          }
          stripNext = this.pendingStrip;
          this.pendingStrip = false;
          continue;
        }
        appendText(c);
        this.pos++;
      }
    } finally {
      this.depth--;
    }
  }

  /** Set when a directive's closing keyword ends with `~}`, for the text that follows the whole directive. */
  private pendingStrip = false;

  private ifDirective(end: 'eof' | 'quote', escapes: boolean): TemplatePart {
    const condition = this.nested(false, () => this.expression());
    this.pendingStrip = this.closeTemplateDelimiter();
    const then = this.templateBody(end, escapes, ['else', 'endif']);
    let otherwise: TemplatePart[] = [];
    if (then.stoppedBy === 'else') {
      const rest = this.templateBody(end, escapes, ['endif']);
      if (rest.stoppedBy !== 'endif') this.fail('%{if} has no %{endif}');
      otherwise = rest.parts;
    } else if (then.stoppedBy !== 'endif') {
      this.fail('%{if} has no %{endif}');
    }
    return { kind: 'if', condition, then: then.parts, else: otherwise };
  }

  private forDirective(end: 'eof' | 'quote', escapes: boolean): TemplatePart {
    const first = this.nested(false, () => this.identifierName());
    let keyVariable: string | undefined;
    let valueVariable = first;
    if (this.nested(false, () => this.accept(','))) {
      keyVariable = first;
      valueVariable = this.nested(false, () => this.identifierName());
    }
    this.nested(false, () => this.expectIdent('in'));
    const collection = this.nested(false, () => this.expression());
    this.pendingStrip = this.closeTemplateDelimiter();
    const body = this.templateBody(end, escapes, ['endfor']);
    if (body.stoppedBy !== 'endfor') this.fail('%{for} has no %{endfor}');
    return { kind: 'for', valueVariable, collection, body: body.parts, ...(keyVariable === undefined ? {} : { keyVariable }) };
  }

  private templateBody(end: 'eof' | 'quote', escapes: boolean, stopAt: readonly string[]): { parts: TemplatePart[]; stoppedBy: string } {
    const strip = this.pendingStrip;
    this.pendingStrip = false;
    const save = this.pos;
    if (strip) {
      while (this.pos < this.src.length && /\s/.test(this.src[this.pos] as string)) this.pos++;
    }
    const result = this.templateParts(end, escapes, stopAt);
    if (result.stoppedBy === 'eof' || result.stoppedBy === 'quote') {
      this.pos = save;
      this.fail(`the template directive has no %{${stopAt.at(-1) ?? 'end'}}`);
    }
    return result;
  }

  /** Reads `}` or `~}` after an interpolation or directive; returns whether the following text is to be trimmed. */
  private closeTemplateDelimiter(): boolean {
    const src = this.src;
    const skipSpace = (): void => {
      while (this.pos < src.length && /\s/.test(src[this.pos] as string)) this.pos++;
    };
    skipSpace();
    let strip = false;
    if (src[this.pos] === '~') {
      strip = true;
      this.pos++;
      skipSpace();
    }
    if (src[this.pos] !== '}') this.fail('expected `}` to close the template interpolation');
    this.pos++;
    return strip;
  }

  private escape(): string {
    const escape = readStringEscape(this.src, this.pos);
    if (escape.kind === 'text') {
      this.pos += escape.length;
      return escape.text;
    }
    // An error's offset is past the backslash and its selector.
    this.pos += 2;
    switch (escape.kind) {
      case 'bad-hex':
        return this.fail(`invalid escape \\${escape.selector}${escape.hex}`);
      case 'bad-code-point':
        return this.fail(`invalid escape \\${escape.selector}${escape.hex}: not a Unicode character`);
      case 'bad-selector':
        return this.fail(`invalid escape sequence \\${escape.selector}`);
    }
  }

  private nested<T>(newlinesSignificant: boolean, body: () => T): T {
    this.newlineModes.push(newlinesSignificant);
    try {
      return body();
    } finally {
      this.newlineModes.pop();
    }
  }

  private skipNewlines(): void {
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'newline') return;
      this.pos = token.end;
    }
  }

  private identifierName(): string {
    const token = this.peek();
    if (token.kind !== 'ident') this.fail(`expected a name but found ${describe(token)}`);
    this.pos = token.end;
    return (token as { text: string }).text;
  }

  private expectIdent(word: string): void {
    const token = this.peek();
    if (token.kind !== 'ident' || token.text !== word) this.fail(`expected \`${word}\` but found ${describe(token)}`);
    this.pos = token.end;
  }

  private accept(text: string): boolean {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === text) {
      this.pos = token.end;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected \`${text}\` but found ${describe(this.peek())}`);
  }

  private fail(message: string): never {
    throw new ExpressionSyntaxError(`${message} (at offset ${this.pos})`, this.pos);
  }

  /**
   * The token at the current position. Spaces and comments are skipped, and newlines too unless the innermost
   * construct is an object constructor (or `skipNewlines` is given). `noSpace` refuses spacing, for `a.b`.
   */
  private peek(skipAllNewlines = false, noSpace = false): Token {
    const significant = !skipAllNewlines && (this.newlineModes.at(-1) ?? false);
    // The parser often peeks twice at the same place (peek, then accept): keep the last token.
    const cached = this.lastToken;
    if (cached && cached.pos === this.pos && cached.significant === significant && cached.noSpace === noSpace) return cached.token;
    const token = this.scan(significant, noSpace);
    this.lastToken = { pos: this.pos, significant, noSpace, token };
    return token;
  }

  private lastToken: { pos: number; significant: boolean; noSpace: boolean; token: Token } | undefined;

  private scan(significant: boolean, noSpace: boolean): Token {
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      if (noSpace) break;
      const c = src[pos];
      if (c === ' ' || c === '\t' || c === '\r') {
        pos++;
      } else if (c === '\n') {
        if (significant) return { kind: 'newline', end: pos + 1 };
        pos++;
      } else if (c === '#' || (c === '/' && src[pos + 1] === '/')) {
        const newline = src.indexOf('\n', pos);
        const end = newline === -1 ? src.length : newline;
        this.onComment?.(pos, end);
        pos = end;
      } else if (c === '/' && src[pos + 1] === '*') {
        const close = src.indexOf('*/', pos + 2);
        if (close === -1) {
          this.pos = pos;
          this.fail('the comment has no closing */');
        }
        this.onComment?.(pos, close + 2);
        pos = close + 2;
      } else {
        break;
      }
    }
    if (pos >= src.length) return { kind: 'eof', end: pos };
    const c = src[pos] as string;
    if (c === '"') return { kind: 'quote', end: pos + 1 };
    if (c === '<' && src[pos + 1] === '<') {
      heredocStart.lastIndex = pos;
      const match = heredocStart.exec(src);
      if (match) return { kind: 'heredoc', marker: match[2] ?? '', flush: match[1] === '-', end: pos + match[0].length };
    }
    const code = src.charCodeAt(pos);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) {
      // ASCII names, most of them, without the Unicode pattern.
      let end = pos + 1;
      for (;;) {
        const next = src.charCodeAt(end);
        if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 95 || next === 45) end++;
        else break;
      }
      if (!(src.charCodeAt(end) > 127)) return { kind: 'ident', text: src.slice(pos, end), end };
    }
    if (code > 127 || code === 95) {
      identifier.lastIndex = pos;
      const word = identifier.exec(src);
      if (word) return { kind: 'ident', text: word[0], end: pos + word[0].length };
    }
    if (code >= 48 && code <= 57) {
      number.lastIndex = pos;
      const digits = number.exec(src);
      if (digits) return { kind: 'number', text: digits[0], end: pos + digits[0].length };
    }
    if (punctuationStarts.has(c)) for (const p of punctuation) if (src.startsWith(p, pos)) return { kind: 'punct', text: p, end: pos + p.length };
    if (singles.has(c)) return { kind: 'punct', text: c, end: pos + 1 };
    this.pos = pos;
    return this.fail(`unexpected character ${JSON.stringify(c)}`);
  }
}

function templateExpr(parts: readonly TemplatePart[]): Expr {
  if (parts.length === 0) return { kind: 'literal', value: '' };
  const only = parts[0];
  if (parts.length === 1 && only?.kind === 'text') return { kind: 'literal', value: only.text };
  if (parts.length === 1 && only?.kind === 'interpolation') return only.expr;
  return { kind: 'template', parts };
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'ident':
    case 'number':
    case 'punct':
      return `\`${token.text}\``;
    case 'quote':
      return 'a string';
    case 'heredoc':
      return 'a heredoc';
    case 'newline':
      return 'a newline';
    case 'eof':
      return 'the end of the expression';
  }
}
