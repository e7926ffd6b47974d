import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNativeSyntax } from '../../src/sources/terraform/hcl/parse/native-syntax.js';
import { hcl2json, treeSitterSyntax } from './syntax-oracles.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** Every `.tf` and `.tfvars` file of the repository's fixtures and examples. */
function repositoryFiles(): string[] {
  const found: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(tf|tfvars)$/.test(entry.name)) found.push(full);
    }
  };
  for (const top of ['packages', 'examples']) visit(path.join(repository, top));
  return found.sort();
}

/** A file that exercises what configurations write, beyond the fixtures. */
const varied = `# leading comment
/* block
   comment */
resource "aws_s3_bucket" "b" { bucket = "one-line" }
resource "x" "y" {}
resource "aws_s3_bucket" "é" {
  bucket = "naïve-\${var.x}-ü" // trailing
  tags = {
    Name = "a\\"b\\\\c\\td\\u00e9"
    "quoted key" = 1
    (var.k) = 2
    k3: 3, k4 = 4
    nested = { a = [1, 2.5, -3, 1e3, true, false, null], b = !true }
  }
  list = [
    "a", # comment inside
    "b",
  ]
  cond = var.a == "x" ? "y" : "z"
  splat = aws_instance.x[*].id
  legacy = aws_instance.x.*.id
  fn = lookup(var.m, "k", null)
  forl = [for s in var.list : upper(s) if s != ""]
  form = { for k, v in var.m : k => v... }
  paren = (1 + 2) * 3
  tmpl = "%{ for x in var.l }\${x},%{ endfor }"
  interp = "v\${1}-\${true}-\${ var.y }"
  heredoc = <<EOT
line1 \${var.x}
  line2
EOT
  flush = <<-EOT
      indented
        more
      \${jsonencode({
  a = 1
})}
    EOT
  pf = provider::aws::arn_parse("x")
  multi = [1,
           2]
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
    }
  }
  ingress {
    from_port = 22
  }
}
variable "v" {
  type = object({
    a = optional(string, "x")
  })
  default = {}
}
`;

describe('reading HCL native syntax', () => {
  it.each([
    ['literals', 'a = 1\nb = -2.5\nc = true\nd = null\ne = "text"\nf = 1e3\n', { a: 1, b: -2.5, c: true, d: null, e: 'text', f: 1000 }],
    ['escapes decoded, template escapes kept', 'a = "q\\"\\\\\\n\\u00e9"\nb = "$${x} %%{y}"\n', { a: 'q"\\\n\u00e9', b: '$${x} %%{y}' }],
    ['expressions as ${…}', 'a = var.x\nb = (1)\nc = [for x in y : x]\nd = "a" == var.b\n', { a: '${var.x}', b: '${(1)}', c: '${[for x in y : x]}', d: '${"a" == var.b}' }],
    ['interpolations trimmed, literal parts inlined', 'a = "x${ var.y }z${1}"\n', { a: 'x${var.y}z1' }],
    ['strip markers kept as written', 'a = "x ${~ var.y ~} z"\nb = "%{ if c ~} y %{ endif }"\n', { a: 'x ${~ var.y ~} z', b: '%{ if c ~} y %{endif}' }],
    ['tuples and objects as JSON', 'a = [1, "b", var.c]\nb = { k = 1, "q k" = 2, (var.x) = 3, n: 4 }\n', { a: [1, 'b', '${var.c}'], b: { k: 1, 'q k': 2, '${(var.x)}': 3, n: 4 } }],
    ['a constructor with a traversal is an expression', 'a = [1, 2][0]\nb = { k = 1 }.k\n', { a: '${[1, 2][0]}', b: '${{ k = 1 }.k}' }],
    ['heredocs, with <<- indentation removed from literal lines only', 'a = <<EOT\n  x ${var.y}\nEOT\nb = <<-EOT\n    one\n      two\n    ${f({\n  k = 1\n})}\n  EOT\n', { a: '  x ${var.y}\n', b: 'one\n  two\n${f({\n  k = 1\n})}\n' }],
    ['blocks nested by type and labels, arguments after blocks', 'resource "t" "n" {\n  x = 1\n  b {\n    y = 2\n  }\n  b {}\n  dynamic "d" {\n    for_each = [1]\n    content {}\n  }\n}\n', { resource: { t: { n: [{ x: 1, b: [{ y: 2 }, {}], dynamic: { d: [{ for_each: [1], content: [{}] }] } }] } } }],
  ])('%s', (_name, text, expected) => {
    const parsed = parseNativeSyntax(text);
    expect(parsed.problem).toBeUndefined();
    expect(parsed.body).toEqual(expected);
  });

  it.each([
    ['a missing value', 'resource "a" "b" {\n  acl =\n}\n', 2, 8, 'Invalid expression; Expected the start of an expression, but found an invalid expression token.'],
    ['a string split over lines', 'a = "one\ntwo"\n', 1, 9, 'Invalid multi-line string; Quoted strings may not be split over multiple lines.'],
    ['a missing comma in a tuple', 'a = [1 2]\n', 1, 8, 'Missing item separator; Expected a comma to mark the beginning of the next item.'],
    ['two arguments on one line', 'resource "a" "b" {\n  x = 1 y = 2\n}\n', 2, 9, 'Missing newline after argument; An argument definition must end with a newline.'],
    ['an unclosed block', 'resource "a" "b" {\n  x = 1\n', 1, 18, 'Unclosed configuration block;'],
    ['an argument set twice', 'x = 1\nx = 2\n', 2, 1, 'Attribute redefined; The argument "x" was already set at 1:1. Each argument may be set only once.'],
    ['an unknown escape', 'x = "\\q"\n', 1, 6, 'Invalid escape sequence; The symbol "q" is not a valid escape sequence selector.'],
    ['an escape short of hex digits', 'x = "\\u12"\n', 1, 6, 'Invalid escape sequence; The symbol "u" must be followed by 4 hexadecimal digits.'],
    ['an escape beyond the last code point', 'x = "\\U0011FFFF"\n', 1, 6, 'Invalid escape sequence; The escape sequence is not a valid Unicode character.'],
    ['a call left open', 'x = f(\n', 2, 1, 'Invalid expression;'],
    ['a brace on the next line', 'resource "a" "b"\n{\n}\n', 1, 17, 'Invalid block definition; A block definition must have block content delimited by "{" and "}"'],
    ['a stray closing brace', '}\n', 1, 1, 'Argument or block definition required; An argument or block definition is required here.'],
  ])('reports %s at its position', (_name, text, line, column, summary) => {
    const { problem } = parseNativeSyntax(text);
    expect(problem).toMatchObject({ line, column });
    expect(problem?.summary.startsWith(summary)).toBe(true);
  });

  it('records where a dynamic block stands among the blocks of its name', () => {
    const { syntax } = parseNativeSyntax('resource "a" "b" {\n  ingress {}\n  dynamic "ingress" {\n    for_each = []\n    content {}\n  }\n  ingress {}\n}\n');
    const attributes = syntax?.blocks[0]?.attributes ?? {};
    expect(Object.keys(attributes).sort()).toEqual(['dynamic.ingress.0', 'ingress', 'ingress.0', 'ingress.1']);
    expect(attributes['dynamic.ingress.0']?.startLine).toBe(3);
    expect(attributes['ingress.1']?.startLine).toBe(7);
  });

  it('reads every fixture and example as hcl2json and tree-sitter do', async () => {
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(40);
    const texts = [...files.map((file) => ({ name: path.relative(repository, file), text: readFileSync(file, 'utf8') })), { name: 'varied.tf', text: varied }];
    for (const { name, text } of texts) {
      const mine = parseNativeSyntax(text, name.endsWith('.tf'));
      const theirs = await hcl2json(text);
      if ('error' in theirs) {
        expect(mine.problem, `${name} fails in both`).toBeDefined();
        continue;
      }
      expect(mine.problem, name).toBeUndefined();
      expect(sorted(mine.body), name).toEqual(sorted(theirs.body));
      if (name.endsWith('.tf')) expect(mine.syntax, name).toEqual(await treeSitterSyntax(text));
    }
  });
});

/** Objects with their keys sorted (hcl2json writes Go maps, whose keys come out sorted). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
  return value;
}
