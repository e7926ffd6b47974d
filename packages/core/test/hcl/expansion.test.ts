import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Unknown } from '../../src/model/value.js';
import { loadHcl, resourceAt } from '../../../../testing/hcl.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-expansion-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;

async function load(files: Record<string, string>) {
  const directory = path.join(scratch, `case-${++count}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
  return loadHcl(directory);
}

const unset = 'variable "n" {\n  type = number\n}\n\nvariable "names" {\n  type = set(string)\n}\n';

describe('expansion whose size is not known', () => {
  it.each<[string, string, string[]]>([
    ['count unknown: one representative, addressed [*]', 'resource "aws_s3_bucket" "b" {\n  count  = var.n\n  bucket = "b"\n}\n', ['aws_s3_bucket.b[*]']],
    ['for_each unknown: the same', 'resource "aws_s3_bucket" "b" {\n  for_each = var.names\n  bucket   = each.key\n}\n', ['aws_s3_bucket.b[*]']],
    ['a known count of 0: nothing', 'resource "aws_s3_bucket" "b" {\n  count  = 0\n  bucket = "b"\n}\n', []],
    ['a condition on an unknown value', 'resource "aws_s3_bucket" "b" {\n  count  = var.n > 0 ? 1 : 0\n  bucket = "b"\n}\n', ['aws_s3_bucket.b[*]']],
    ['for_each over known keys with unknown values: the keys', 'resource "aws_s3_bucket" "b" {\n  for_each = { a = var.n, b = var.n }\n  bucket   = each.key\n}\n', ['aws_s3_bucket.b["a"]', 'aws_s3_bucket.b["b"]']],
    [
      'a module called an unknown number of times, with counted resources inside',
      'module "m" {\n  source = "./m"\n  count  = var.n\n}\n',
      ['module.m[*].aws_s3_bucket.b[0]', 'module.m[*].aws_s3_bucket.b[1]'],
    ],
  ])('%s', async (_name, main, addresses) => {
    const output = await load({ 'main.tf': `${main}\n${unset}`, 'm/main.tf': 'resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "b-${count.index}"\n}\n' });
    expect(output.resources.map((r) => r.address)).toEqual(addresses);
    for (const resource of output.resources) {
      expect(resource.unknownInstances === undefined).toBe(!resource.address.includes('[*]'));
    }
  });

  it('judges what does not depend on the unknown key, and links references to the representative', async () => {
    const output = await load({
      'main.tf': [
        'resource "aws_s3_bucket" "b" {',
        '  count  = var.n',
        '  bucket = "logs-${count.index}"',
        '  tags   = { Team = "data" }',
        '}',
        '',
        'resource "aws_s3_bucket_versioning" "v" {',
        '  count  = var.n',
        '  bucket = aws_s3_bucket.b[count.index].id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        '',
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = aws_s3_bucket.b[0].id',
        '  policy = jsonencode({ Count = length(aws_s3_bucket.b) })',
        '}',
        '',
        unset,
      ].join('\n'),
    });
    const bucket = resourceAt(output, 'aws_s3_bucket.b[*]');
    expect(bucket.attributes['tags']).toEqual({ Team: 'data' });
    expect(bucket.attributes['bucket']).toBeInstanceOf(Unknown);
    expect(bucket.unknownInstances).toBe('count is unknown (var.n has no value; set it with --var n=…, a .tfvars file or TF_VAR_n)');
    expect(resourceAt(output, 'aws_s3_bucket_versioning.v[*]').references).toEqual({ bucket: ['aws_s3_bucket.b[*]'] });
    const policy = resourceAt(output, 'aws_s3_bucket_policy.p');
    expect(policy.references).toEqual({ bucket: ['aws_s3_bucket.b[*]'], policy: ['aws_s3_bucket.b'] });
    expect((policy.attributes['policy'] as Unknown).reason).toMatch(/^the instances of aws_s3_bucket\.b are not known/);
    expect(output.notifications.map((n) => n.message)).toContain(
      'aws_s3_bucket.b: count is unknown (var.n has no value; set it with --var n=…, a .tfvars file or TF_VAR_n); it is evaluated as one instance standing for all of them, aws_s3_bucket.b[*].',
    );
  });

  it("reads a module's outputs through any key of its representative instance", async () => {
    const output = await load({
      'main.tf': `module "m" {\n  source = "./m"\n  count  = var.n\n}\n\nresource "aws_s3_bucket" "copy" {\n  bucket = module.m[0].name\n}\n\n${unset}`,
      'm/main.tf': 'output "name" {\n  value = "from-module"\n}\n',
    });
    expect(resourceAt(output, 'aws_s3_bucket.copy').attributes['bucket']).toBe('from-module');
  });
});
