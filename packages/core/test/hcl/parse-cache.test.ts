import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceOutput } from '../../src/sources/source.js';
import { lastHclLoadStatistics } from '../../src/sources/terraform/hcl/load-statistics.js';
import { loadHcl } from '../../../../testing/hcl.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-hcl-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeTree(directory: string, files: number): void {
  mkdirSync(directory, { recursive: true });
  for (let i = 0; i < files; i++) {
    writeFileSync(
      path.join(directory, `bucket-${i}.tf`),
      `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}-\${var.suffix}"\n}\n\nresource "aws_s3_bucket_versioning" "v${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
    );
  }
  writeFileSync(path.join(directory, 'variables.tf'), 'variable "suffix" {\n  default = "x"\n}\n');
  writeFileSync(path.join(directory, 'broken.tf'), 'resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n');
}

function comparable(output: SourceOutput): string {
  return JSON.stringify({ resources: output.resources, notifications: output.notifications });
}

function load(directory: string, cacheDirectory: string | false): Promise<SourceOutput> {
  return loadHcl(directory, { cacheDirectory });
}

describe('the parse cache', () => {
  it('caches by content and gives the same result as parsing without the cache', async () => {
    const directory = path.join(scratch, 'tree');
    const cache = path.join(scratch, 'cache');
    writeTree(directory, 60);

    const cold = await load(directory, cache);
    expect(lastHclLoadStatistics()).toEqual({ parsed: 62, cached: 0, files: 62, resources: 120 });
    expect(cold.notifications.map((n) => n.message)).toEqual([
      'broken.tf:2:12: Invalid expression; Expected the start of an expression, but found an invalid expression token; fix the syntax error (the file was skipped, the other files were scanned).',
    ]);

    const uncached = await load(directory, false);
    expect(comparable(cold)).toBe(comparable(uncached));

    const warm = await load(directory, cache);
    expect(lastHclLoadStatistics()).toEqual({ parsed: 0, cached: 62, files: 62, resources: 120 });
    expect(comparable(warm)).toBe(comparable(cold));

    // Entries are keyed by content, not path: a copy elsewhere is served from the same cache.
    const copy = path.join(scratch, 'copy');
    cpSync(directory, copy, { recursive: true });
    writeFileSync(path.join(copy, 'bucket-0.tf'), 'resource "aws_s3_bucket" "changed" {\n  bucket = "changed"\n}\n');
    await load(copy, cache);
    expect(lastHclLoadStatistics()).toMatchObject({ parsed: 1, cached: 61 });
    expect(readdirSync(path.join(cache, 'hcl')).length).toBeGreaterThan(0);
  });

  it('never parses the same text twice', async () => {
    const directory = path.join(scratch, 'same-text');
    mkdirSync(directory, { recursive: true });
    for (const name of ['a.tf', 'b.tf', 'c.tf']) writeFileSync(path.join(directory, name), 'locals {\n  same = 1\n}\n');
    writeFileSync(path.join(directory, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    await loadHcl(directory);
    expect(lastHclLoadStatistics()).toEqual({ parsed: 2, cached: 0, files: 4, resources: 1 });
  });
});
