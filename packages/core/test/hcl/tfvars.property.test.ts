// Properties of the variable files a Terraform scan reads (terraform.tfvars, *.auto.tfvars.json), through scan() as
// a user runs it: any file content gives a scan with, at most, one-line input errors (never a crash), and any string
// value written in either form reaches the resource that uses it exactly as written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDeclarativeRule, scan, type ScanResult } from '@trustscan/core';
import { checkProperty, propertyTimeout } from '../../../../testing/property.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const target = 'tfvars';
const workspace = temporaryDirectory('tfvars-property');
let count = 0;

const mainTf = 'variable "name" {\n  type = string\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n';

/** A rule that passes when the bucket's name is `expected`, so the value the scan read shows in the verdict. */
const nameIs = (expected: string) =>
  compileDeclarativeRule({
    id: 'test-bucket-name',
    title: 'The bucket has the name the variable gives',
    description: 'A test rule.',
    remediation: 'None.',
    severity: 'low',
    area: 'change-management',
    criteria: { primary: ['CC8.1'], basis: 'test' },
    resourceTypes: ['aws_s3_bucket'],
    check: { path: '$.bucket', equals: expected },
    messages: { pass: 'as given', fail: 'different', unknown: 'unknown' },
  });

async function scanWith(files: Record<string, string>, expected = ''): Promise<ScanResult> {
  const directory = path.join(workspace, `case-${++count}`);
  mkdirSync(directory);
  writeFileSync(path.join(directory, 'main.tf'), mainTf);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
  return scan({ targets: [{ kind: 'path', path: directory }], rules: [nameIs(expected)], root: directory, terraform: { cacheDirectory: false } });
}

function expectNoCrash(result: ScanResult): void {
  expect(result.notifications.filter((n) => n.code === 'source-error')).toEqual([]);
  for (const notification of result.notifications) expect(notification.message).not.toContain('\n');
}

/** A string as an HCL quoted template that evaluates to exactly that string. */
function hclString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/([$%])\{/g, (_, c: string) => `${c}${c}{`)}"`;
}

const hclPiece = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('name', ' = ', '"', '${', '}', '%{', '[', ']', '{', '\n', '<<EOT\n', 'EOT', '#', '/*', '\\', 'var.name', 'upper(', ')', 'null', 'true', '1e400', '-', '...', ',', '=>', 'for x in', ':'),
);

describe('variable files, properties', () => {
  it('any terraform.tfvars or .tfvars.json content gives a scan, with one-line input errors at most', async () => {
    await checkProperty(
      target,
      'any variable file content scans',
      fc.asyncProperty(fc.constantFrom('terraform.tfvars', 'x.auto.tfvars.json'), fc.array(hclPiece, { maxLength: 12 }), async (file, pieces) => {
        expectNoCrash(await scanWith({ [file]: pieces.join('') }));
      }),
      { runs: 40 },
    );
  }, propertyTimeout(40, 1_000));

  it('a string value reaches the resource exactly as written, in HCL and in JSON', async () => {
    const value = fc.string({ unit: fc.oneof(fc.constantFrom('$', '{', '}', '%', '"', '\\', '\n', '\t', '~'), fc.constantFrom('a', 'é', '😀', ' ')), maxLength: 16 });
    await checkProperty(
      target,
      'string values round-trip',
      fc.asyncProperty(value, fc.boolean(), async (text, json) => {
        const result = await scanWith(json ? { 'x.auto.tfvars.json': JSON.stringify({ name: text }) } : { 'terraform.tfvars': `name = ${hclString(text)}\n` }, text);
        expectNoCrash(result);
        expect(result.findings.map((f) => f.status)).toEqual(['pass']);
      }),
      { runs: 40 },
    );
  }, propertyTimeout(40, 1_000));
});
