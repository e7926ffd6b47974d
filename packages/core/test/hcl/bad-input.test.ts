import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { hclFixtures, loadHcl, loadHclFixture, resourceAt, unknownReason } from '../../../../testing/hcl.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const scratch = temporaryDirectory('hcl-bad');

function directory(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('bad input', () => {
  it('names the file, line and column of a syntax error and scans the other files', async () => {
    const output = await loadHclFixture('syntax-error');
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.good']);
    expect(output.notifications).toEqual([
      {
        level: 'error',
        code: 'input-error',
        message: 'bad.tf:3:8: Invalid expression; Expected the start of an expression, but found an invalid expression token; fix the syntax error (the file was skipped, the other files were scanned).',
        subject: 'bad.tf',
      },
    ]);
  });

  it('skips a file over 10 MB with an error and scans the rest', async () => {
    const dir = directory('big', { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' });
    writeFileSync(path.join(dir, 'huge.tf'), `locals {\n  padding = "${'x'.repeat(11 * 1024 * 1024)}"\n}\n`);
    const output = await loadHcl(dir);
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
    expect(output.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'file-too-large', subject: 'huge.tf' })]);
    expect(output.notifications[0]?.message).toMatch(/^huge\.tf: the file is 11\.0 MB, over the 10 MB limit, and was not scanned/);
  });

  it('reports a symbolic link loop among the files and a module directory that links back to its parent', async () => {
    const dir = directory('links', {
      'main.tf': 'module "child" {\n  source = "./child"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    });
    symlinkSync('loop-b.tf', path.join(dir, 'loop-a.tf'));
    symlinkSync('loop-a.tf', path.join(dir, 'loop-b.tf'));
    symlinkSync('.', path.join(dir, 'child'));
    const output = await loadHcl(dir);
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
    expect(output.notifications.map((n) => [n.code, n.subject])).toEqual([
      ['input-error', 'loop-a.tf'],
      ['input-error', 'loop-b.tf'],
      ['module-cycle', 'main.tf'],
    ]);
    expect(output.notifications[0]?.message).toBe('loop-a.tf: cannot read the file (a symbolic link loop); it was not scanned.');
  });

  it('turns a deeply nested expression into an unknown value instead of overflowing the stack', async () => {
    const depth = 20_000;
    const dir = directory('deep', {
      'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = ${'('.repeat(depth)}"private"${')'.repeat(depth)}\n  policy = ${'['.repeat(3000)}${']'.repeat(3000)}\n}\n`,
    });
    const output = await loadHcl(dir);
    const bucket = resourceAt(output, 'aws_s3_bucket.b');
    expect(bucket.attributes['bucket']).toBe('b');
    expect(unknownReason(bucket.attributes['acl'])).toBe('the expression nests more than 100 brackets deep');
    expect(JSON.stringify(bucket.attributes['policy'])).toContain('(unknown: the expression nests more than 100 brackets deep)');
    expect(output.notifications.map((n) => n.message)).toEqual([
      'main.tf:3: brackets nest more than 100 levels deep; the deeper part is not evaluated and reads as unknown.',
      'main.tf:4: brackets nest more than 100 levels deep; the deeper part is not evaluated and reads as unknown.',
    ]);
  });

  it('bounds a chain of locals deeper than the evaluator follows', async () => {
    const locals = Array.from({ length: 2000 }, (_, i) => `  l${i} = local.l${i + 1}`).join('\n');
    const dir = directory('chain', { 'main.tf': `locals {\n${locals}\n  l2000 = "end"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = local.l0\n  acl    = local.l1950\n}\n` });
    const bucket = resourceAt(await loadHcl(dir), 'aws_s3_bucket.b');
    expect(unknownReason(bucket.attributes['bucket'])).toMatch(/nested too deeply to evaluate/);
    expect(bucket.attributes['acl']).toBe('end');
  });

  it('gives an input error for a missing target and an empty directory', async () => {
    await expect(loadHcl(path.join(scratch, 'missing'))).rejects.toThrow(InputError);
    await expect(loadHcl(path.join(scratch, 'missing'))).rejects.toThrow(/no such file or directory/);
    const empty = directory('empty', { 'README.md': '# not terraform\n' });
    await expect(loadHcl(empty)).rejects.toThrow(/no \.tf or \.tf\.json files in this directory/);
  });

  it('skips hidden directories, .terraform and other files', async () => {
    const dir = directory('skips', {
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
      '.hidden.tf': 'resource "aws_s3_bucket" "hidden" {\n  bucket = "h"\n}\n',
      '.terraform/providers/x.tf': 'resource "aws_s3_bucket" "provider" {}\n',
      'notes.txt': 'resource "aws_s3_bucket" "txt" {}\n',
      'sub/other.tf': 'resource "aws_s3_bucket" "sub" {}\n',
    });
    expect((await loadHcl(dir)).resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
  });
});

describe('other inputs', () => {
  it('reads .tf.json files beside .tf files, with positions', async () => {
    const output = await loadHclFixture('json-config');
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b', 'aws_s3_bucket.hcl', 'aws_s3_bucket_versioning.v']);
    const bucket = resourceAt(output, 'aws_s3_bucket.b');
    expect(bucket.attributes).toEqual({ bucket: 'json-bucket', tags: { Name: 'JSON-BUCKET' } });
    expect(bucket.declaration?.range).toEqual({ startLine: 7, startColumn: 7, endLine: 11, endColumn: 8 });
    expect(bucket.declaration?.attributes['bucket']).toEqual({ startLine: 9, startColumn: 9, endLine: 9, endColumn: 32 });
    expect(resourceAt(output, 'aws_s3_bucket.hcl').attributes['bucket']).toBe('json-bucket-hcl');
    const versioning = resourceAt(output, 'aws_s3_bucket_versioning.v');
    expect(versioning.attributes['versioning_configuration']).toEqual([{ status: 'Enabled' }]);
    expect(versioning.references).toEqual({ bucket: ['aws_s3_bucket.b'] });
  });

  it('scans a single file as the whole root module', async () => {
    const output = await loadHcl(path.join(hclFixtures, 'syntax-error', 'good.tf'));
    expect(output.name).toBe('good.tf');
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.good']);
    expect(output.notifications).toEqual([]);
  });

  it('applies override files over the configuration they override', async () => {
    const dir = directory('override', {
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "original"\n  acl    = "private"\n}\n',
      'main_override.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "overridden"\n}\n',
    });
    const bucket = resourceAt(await loadHcl(dir), 'aws_s3_bucket.b');
    expect(bucket.attributes).toEqual({ bucket: 'overridden', acl: 'private' });
    expect(bucket.declaration?.file).toBe(path.join(dir, 'main.tf'));
  });
});

describe('expansion limits', () => {
  it('stops a module fan-out at the instance limit instead of hanging', async () => {
    const dir = directory('fan-out', {
      'main.tf': 'module "m" {\n  source = "./m"\n  count  = 100\n}\n',
      'm/main.tf': 'module "m" {\n  source = "../n"\n  count  = 100\n}\n',
      'n/main.tf': 'module "m" {\n  source = "../o"\n  count  = 100\n}\n',
      'o/main.tf': 'resource "aws_s3_bucket" "b" {\n  count  = 100\n  bucket = "b"\n}\n',
    });
    const output = await loadHcl(dir);
    expect(output.resources.length).toBeLessThanOrEqual(100_000);
    expect(output.notifications.map((n) => n.code)).toContain('too-many-instances');
  });

  it('refuses a count beyond the instance limit', async () => {
    const dir = directory('huge-count', { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  count  = 2000000\n  bucket = "b"\n}\n' });
    const output = await loadHcl(dir);
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b[*]']);
    expect(output.notifications.map((n) => n.message)).toEqual([
      'aws_s3_bucket.b: count is 2000000, more than the 100000 instances trustscan expands; it is evaluated as one instance standing for all of them, aws_s3_bucket.b[*].',
    ]);
  });
});
