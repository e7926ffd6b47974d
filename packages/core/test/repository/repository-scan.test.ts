import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type Finding, type ScanResult } from '@trustscan/core';
// Core does not depend on the rule pack or the reporters; this test borrows them to scan a repository end to end.
import { rules } from '../../../rules/src/index.js';
import { toJson, toMarkdown, toSarif, toText } from '../../../reporters/src/index.js';
import { sarifProblems } from '../../../../testing/sarif-validation.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../testing/fixtures/repository');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-repository-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the fixture repository, with what git does not keep (a dependency folder). */
function repository(name: string): string {
  const directory = path.join(scratch, name);
  cpSync(fixture, directory, { recursive: true });
  mkdirSync(path.join(directory, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(path.join(directory, 'node_modules', 'pkg', 'main.tf'), 'resource "aws_ebs_volume" "dependency" {\n  encrypted = false\n}\n');
  return directory;
}

function failing(result: ScanResult, ruleId: string): string[] {
  return result.findings
    .filter((f) => f.ruleId === ruleId && f.status === 'fail')
    .map((f) => `${f.target} ${f.resource.address} ${f.location.file}:${f.location.startLine}`)
    .sort();
}

const byTarget = (findings: readonly Finding[], target: string) => findings.filter((f) => f.target === target);

describe('scanning a repository', () => {
  let directory: string;
  let result: ScanResult;

  beforeAll(async () => {
    directory = repository('whole');
    result = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: false } });
  }, 60_000);

  it('finds every root, says how many in one note, and scans shared modules through their callers', () => {
    expect(result.targets.map((t) => [t.name, t.ok])).toEqual([
      ['.', true],
      ['components/broken', true],
      ['components/queue', true],
      ['environments/prod', true],
      ['environments/staging', true],
      ['legacy/old', true],
    ]);
    expect(result.notifications.filter((n) => n.code === 'roots-found')).toEqual([
      { level: 'note', code: 'roots-found', message: '.: 6 Terraform root modules found in 12 directories; 2 more directories are modules scanned through their callers.', subject: '.' },
    ]);
    // The shared module's resources appear once per calling root, located in the module's own file.
    expect(failing(result, 'aws-cloudwatch-log-group-retention')).toEqual([
      '. module.data.module.logs.aws_cloudwatch_log_group.this modules/logging/main.tf:7',
      'environments/prod module.data.module.logs.aws_cloudwatch_log_group.this modules/logging/main.tf:7',
      'environments/staging module.data.module.logs.aws_cloudwatch_log_group.this modules/logging/main.tf:7',
    ]);
    expect(result.findings.some((f) => f.resource.address.includes('hidden') || f.resource.address.includes('dependency'))).toBe(false);
  });

  it('gives each root its own terraform.tfvars and *.auto.tfvars', () => {
    const versioning = result.findings.filter((f) => f.ruleId === 'aws-s3-bucket-versioning').map((f) => `${f.target} ${f.resource.address} ${f.status}`).sort();
    expect(versioning).toEqual([
      '. module.data.aws_s3_bucket.this[0] fail',
      'environments/prod module.data.aws_s3_bucket.this[*] pass',
      'environments/staging module.data.aws_s3_bucket.this[0] fail',
    ]);
  });

  it('judges one representative instance of a block whose count or for_each is unknown, and nothing for count = 0', () => {
    expect(failing(result, 'aws-ebs-volume-encrypted')).toEqual([
      'components/queue aws_ebs_volume.data[*] components/queue/main.tf:6',
      'legacy/old aws_ebs_volume.legacy legacy/old/main.tf:4',
    ]);
    const volume = result.findings.find((f) => f.resource.address === 'aws_ebs_volume.data[*]' && f.ruleId === 'aws-ebs-volume-encrypted');
    expect(volume?.message).toMatch(/The number of instances is not known \(count is unknown \(var\.replicas has no value; .*\)\); this holds for each of them\.$/);
    expect(failing(result, 'aws-kms-key-rotation')).toEqual(['environments/prod aws_kms_key.prod[*] environments/prod/main.tf:12']);
    expect(result.findings.some((f) => f.resource.address.startsWith('aws_ebs_volume.disabled'))).toBe(false);
    // A module whose own count is unknown: its resources stand for every instance too.
    const prodBucket = result.findings.find((f) => f.target === 'environments/prod' && f.ruleId === 'aws-s3-bucket-versioning');
    expect(prodBucket?.message).toContain('The number of instances is not known (count is unknown (var.enabled has no value');
    // Each note names its root: the same address may stand in several roots.
    expect(result.notifications.filter((n) => n.message.includes('is evaluated as one instance') || n.message.includes('it is evaluated as one instance')).map((n) => n.message.split(': ')[0])).toEqual([
      'components/queue',
      'environments/prod',
      'environments/prod',
      'environments/prod',
    ]);
  });

  it('reports a file that does not parse for its root only, and scans the rest', () => {
    const errors = result.notifications.filter((n) => n.level === 'error');
    expect(errors).toEqual([
      {
        level: 'error',
        code: 'input-error',
        message: 'components/broken/bad.tf:2:24: Invalid expression; Expected the start of an expression, but found an invalid expression token; fix the syntax error (the file was skipped, the other files were scanned).',
        subject: 'components/broken/bad.tf',
      },
    ]);
    expect(byTarget(result.findings, 'components/broken').map((f) => `${f.resource.address} ${f.ruleId} ${f.status}`)).toEqual(['aws_kms_key.good aws-kms-key-rotation pass']);
  });

  it('leaves out what --exclude names, gitignore-style', async () => {
    const excluded = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: false, exclude: ['legacy/', 'components/*/bad.tf'] } });
    expect(excluded.targets.map((t) => t.name)).toEqual(['.', 'components/broken', 'components/queue', 'environments/prod', 'environments/staging']);
    expect(excluded.notifications.filter((n) => n.level === 'error')).toEqual([]);
  });

  it('groups the text and Markdown reports by root, and writes valid SARIF naming each root', async () => {
    const text = toText(result);
    const headings = text.split('\n').filter((line) => line.startsWith('▸ ')).map((line) => line.split('  ')[0]);
    // A root with nothing failed or undecided is named once at the end, not given a section.
    expect(headings).toEqual(['▸ .', '▸ components/queue', '▸ environments/prod', '▸ environments/staging', '▸ legacy/old']);
    expect(text).toContain('1 other target with nothing failed or undecided: components/broken');
    const queue = text.slice(text.indexOf('▸ components/queue'), text.indexOf('▸ environments/prod'));
    expect(queue).toContain('aws-ebs-volume-encrypted');
    expect(queue).not.toContain('aws-kms-key-rotation');

    const markdown = toMarkdown(result);
    const groups = [...markdown.matchAll(/^#### `([^`]+)` · (\d+) failing checks?$/gm)].map((m) => [m[1], Number(m[2])]);
    expect(groups.map(([name]) => name)).toEqual(['.', 'components/queue', 'environments/prod', 'environments/staging', 'legacy/old']);
    for (const [name, count] of groups) expect(count).toBe(result.findings.filter((f) => f.target === name && f.status === 'fail').length);
    expect(markdown).toContain('<details><summary>6 targets</summary>');

    const sarif = toSarif(result);
    expect(await sarifProblems(sarif)).toEqual([]);
    const targets = new Set((JSON.parse(sarif).runs[0].results as { properties: { target?: string } }[]).map((r) => r.properties.target));
    expect([...targets].sort()).toEqual(['.', 'components/queue', 'environments/prod', 'environments/staging', 'legacy/old']);
    expect(JSON.parse(toJson(result)).targets).toHaveLength(6);
  });

  it('gives the same result from the cache of evaluated roots, and evaluates again when an input changes', async () => {
    const cache = path.join(scratch, 'cache');
    const comparable = (r: ScanResult) => JSON.stringify({ findings: r.findings, notifications: r.notifications, targets: r.targets });
    const cold = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: cache } });
    expect(comparable(cold)).toBe(comparable(result));
    const warm = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: cache } });
    expect(comparable(warm)).toBe(comparable(result));
    // A change in a shared module reaches every root that calls it.
    writeFileSync(path.join(directory, 'modules/logging/main.tf'), 'variable "bucket" {\n  type = string\n}\n\nresource "aws_cloudwatch_log_group" "this" {\n  name              = "/s3/${var.bucket}"\n  retention_in_days = 400\n}\n');
    const changed = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: cache } });
    expect(failing(changed, 'aws-cloudwatch-log-group-retention')).toEqual([]);
  });

  it('reuses the findings of unchanged roots for the same rules, and evaluates again for other rules or a changed root', async () => {
    const copy = repository('findings-cache');
    const cache = path.join(scratch, 'findings-cache-store');
    const comparable = (r: ScanResult) => JSON.stringify({ findings: r.findings, notifications: r.notifications, targets: r.targets, resources: r.summary.resources });
    const options = (identity: string, selected = rules) => ({ targets: [{ kind: 'path' as const, path: copy }], rules: selected, root: copy, terraform: { cacheDirectory: cache }, rulesIdentity: identity });
    const reference = await scan({ targets: [{ kind: 'path', path: copy }], rules, root: copy, terraform: { cacheDirectory: false } });
    expect(comparable(await scan(options('all rules')))).toBe(comparable(reference));
    expect(comparable(await scan(options('all rules')))).toBe(comparable(reference));
    // Another rule set is evaluated on the cached roots, not given the findings of the first.
    const kms = rules.filter((r) => r.meta.id === 'aws-kms-key-rotation');
    const fewer = await scan(options('kms only', kms));
    expect(new Set(fewer.findings.map((f) => f.ruleId))).toEqual(new Set(['aws-kms-key-rotation']));
    // A changed file invalidates the findings of every root that reads it.
    writeFileSync(path.join(copy, 'environments/prod/main.tf'), readFileSync(path.join(copy, 'environments/prod/main.tf'), 'utf8').replace('enable_key_rotation = false', 'enable_key_rotation = true'));
    const after = await scan(options('all rules'));
    expect(failing(after, 'aws-kms-key-rotation')).toEqual([]);
    expect(failing(after, 'aws-ebs-volume-encrypted')).toEqual(failing(reference, 'aws-ebs-volume-encrypted'));
  });
});
