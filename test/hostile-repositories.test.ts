/**
 * Repositories written to break a scanner: links out of the repository, names and values that try to inject
 * Markdown, HTML or terminal escapes into reports, input nested ten thousand deep, a for_each of 100,000 keys and
 * plans over the size limit. Each is scanned through `scan()` and through the real command line, and must end in
 * findings and one-line notifications, never a crash, a hang or a read outside the repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { repositoryRoot } from '../testing/pack-workspace.js';
import { sarifProblems } from '../testing/sarif-validation.js';
import { temporaryDirectory } from '../testing/temporary-directory.js';

const binary = path.join(repositoryRoot, 'packages/cli/bin/trustscan.js');

/** Runs the real `trustscan` binary in `cwd`, bounded in time. */
function trustscan(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [binary, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(directory: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
  return directory;
}

const scanDirectory = (directory: string, root = directory): Promise<ScanResult> => scan({ targets: [{ kind: 'path', path: directory }], rules, root, terraform: { cacheDirectory: false } });
const bucket = (name: string, value = name) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${value}"\n}\n`;
/** Characters that act on a terminal or reorder text: none may reach a report meant for people. */
const invisible = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

describe('symbolic links out of the repository', () => {
  it('follows no file, variable file, directory or module link that leads outside, and says so for each', async () => {
    const outer = temporaryDirectory('hostile-links');
    write(outer, { 'outside/x.tf': bucket('outside', 'outside-secret'), 'outside/dir/main.tf': bucket('outside_dir', 'outside-secret'), 'outside/vars.tfvars': 'name = "outside-secret"\n' });
    const repo = write(path.join(outer, 'repo'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'app/main.tf': `variable "name" {\n  default = "inside"\n}\n${bucket('inside', '${var.name}')}module "linked" {\n  source = "./linked-module"\n}\n`,
      'modules/m/main.tf': bucket('shared'),
    });
    symlinkSync('../../outside/x.tf', path.join(repo, 'app', 'outside.tf'));
    symlinkSync('../../outside/vars.tfvars', path.join(repo, 'app', 'terraform.tfvars'));
    symlinkSync('../../outside/dir', path.join(repo, 'app', 'linked-module'));
    symlinkSync('../outside/dir', path.join(repo, 'linked-root'));
    // A link that stays inside the repository is read as usual.
    symlinkSync('../modules/m/main.tf', path.join(repo, 'app', 'shared.tf'));

    const result = await scanDirectory(repo);
    expect(result.notifications.filter((n) => n.code === 'symlink-outside').map((n) => `${n.level} ${n.subject}`).sort()).toEqual([
      'warning app/linked-module',
      'warning app/outside.tf',
      'warning app/terraform.tfvars',
      'warning linked-root',
    ]);
    expect(result.notifications.find((n) => n.subject === 'app/outside.tf')?.message).toBe(
      'app/outside.tf: the symbolic link leads outside the repository and was not followed; trustscan reads nothing outside the repository it scans.',
    );
    expect([...new Set(result.findings.map((f) => f.resource.address))].sort()).toEqual(['aws_s3_bucket.inside', 'aws_s3_bucket.shared']);
    expect(JSON.stringify(result)).not.toContain('outside-secret');

    const run = trustscan(['scan', '.', '--no-cache', '--fail-on', 'never', '-f', 'json'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('outside-secret');
    expect(JSON.parse(run.stdout).notifications.filter((n: { code: string }) => n.code === 'symlink-outside')).toHaveLength(4);
  });
});

describe('names and values that try to inject into reports', () => {
  const esc = '\u001b';
  const keys = [
    '<script>alert(1)</script>',
    'a|b|c `code` [link](http://evil.example) # heading',
    `${esc}[31mRED${esc}[0m`,
    `${esc}]8;;http://evil.example\u0007click${esc}]8;;\u0007`,
    `"' onmouseover=alert(1) x="`,
    '\u202eevil\u200b',
  ];
  const hcl = (text: string) => JSON.stringify(text);
  // A directory name no report may pass on raw: spaces, URI delimiters, a bidi override, a zero-width space, a
  // control character and a newline.
  const directoryName = 'dir with space #%?\u202e\u200b\u0001\nnl';
  const formats = ['sarif', 'json', 'text', 'markdown', 'html', 'junit'] as const;

  it('keeps every report format well-formed and shows hostile text as text', () => {
    const repo = temporaryDirectory('hostile-names');
    write(repo, {
      [`${directoryName}/main.tf`]: `variable "note" {\n  description = ${hcl(`## heading ${esc}[2J <img src=x onerror=alert(1)>`)}\n  default     = ${hcl(`| pipe | ${esc}]8;;http://evil.example\u0007`)}\n}\n\nresource "aws_s3_bucket" "b" {\n  for_each = toset([${keys.map(hcl).join(', ')}])\n  bucket   = each.key\n  tags     = { Name = each.key, Note = var.note }\n}\n`,
    });
    const outputs: Record<string, string> = {};
    for (const format of formats) {
      const run = trustscan(['scan', '.', '--no-cache', '--fail-on', 'never', '-f', format, '-o', `out.${format}`], repo);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(invisible);
      outputs[format] = readFileSync(path.join(repo, `out.${format}`), 'utf8');
    }
    expect(sarifProblems(outputs['sarif'] ?? '')).toEqual([]);
    const sarif = JSON.parse(outputs['sarif'] ?? '{}') as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['dir%20with%20space%20%23%25%3F%E2%80%AE%E2%80%8B%01%0Anl/main.tf']);
    // The data formats keep the exact text; the reports for people show invisible characters as escapes.
    expect(JSON.parse(outputs['json'] ?? '{}').findings.some((f: { location: { file: string } }) => f.location.file === `${directoryName}/main.tf`)).toBe(true);
    for (const format of ['text', 'markdown', 'html', 'junit'] as const) expect(outputs[format], format).not.toMatch(invisible);
    expect(outputs['text']).toContain('dir with space #%?\\u202e\\u200b\\u0001\\u000anl/main.tf:');
    expect(outputs['text']).toContain('aws_s3_bucket.b["\\u001b[31mRED\\u001b[0m"]');
    // Attribute text stays inside its quotes, escaped; no tag from the input opens.
    expect(outputs['html']).not.toMatch(/<script>alert|<img|["'] onmouseover/);
    // Outside code spans (where GitHub shows text as it is) no tag, heading or link from the input survives.
    const prose = (outputs['markdown'] ?? '').replace(/(`+)[^`][\s\S]*?\1/g, '');
    expect(prose).not.toMatch(/<script>|<img|\n#+ heading|(?<!\\)\]\(http:\/\/evil/);
    // Every Markdown table row keeps its column count, pipes in names notwithstanding.
    for (const table of (outputs['markdown'] ?? '').split(/\n\n/).filter((block) => block.startsWith('| '))) {
      const counts = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size, table.slice(0, 200)).toBe(1);
    }
    expect(outputs['junit']).toMatch(/^<\?xml/);
  });

  it('shows the same names as text in notifications on standard error', () => {
    const repo = temporaryDirectory('hostile-stderr');
    write(repo, { [`${esc}[31mred${esc}]8;;x\u0007/main.tf`]: 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n' });
    const run = trustscan(['scan', '.', '--no-cache', '--fail-on', 'never', '-f', 'json', '-o', 'out.json'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('trustscan: \\u001b[31mred\\u001b]8;;x\\u0007/main.tf:2:12: Invalid expression;');
    expect(run.stderr).not.toMatch(invisible);
  });
});

describe('input nested ten thousand deep', () => {
  const n = 10_000;
  const attribute = (expression: string) => `resource "aws_s3_bucket" "deep" {\n  bucket = "deep"\n  acl    = ${expression}\n}\n`;
  it.each<[string, string, RegExp]>([
    ['parentheses', attribute(`${'('.repeat(n)}"private"${')'.repeat(n)}`), /brackets nest more than 100 levels deep; the deeper part is not evaluated/],
    ['lists', attribute(`${'['.repeat(n)}${']'.repeat(n)}`), /brackets nest more than 100 levels deep/],
    ['function calls', attribute(`${'lower('.repeat(n)}"x"${')'.repeat(n)}`), /brackets nest more than 100 levels deep/],
    ['conditionals', attribute(`${'true ? '.repeat(n)}"x"${' : "y"'.repeat(n)}`), /The expression nests more than 200 levels deep; simplify it \(the file was skipped/],
    ['operators', attribute(Array.from({ length: n }, () => '1').join(' + ')), /The expression nests more than 200 levels deep; simplify it/],
    ['negations', attribute(`${'!'.repeat(n)}true`), /The expression nests more than 200 levels deep/],
    ['splats', attribute(`local.x${'[*]'.repeat(n)}`), /The expression nests more than 200 levels deep/],
    ['indexes', `locals {\n  x = [1]\n}\n${attribute(`local.x${'[0]'.repeat(n)}`)}`, /The expression nests more than 200 levels deep/],
    ['templates', attribute(`${'"${'.repeat(n)}"x"${'}"'.repeat(n)}`), /Blocks or brackets nest more than 100 levels deep; simplify it/],
    ['template directives', attribute(`<<EOT\n${'%{ if true }'.repeat(n)}x${'%{ endif }'.repeat(n)}\nEOT`), /nests more than 200 levels deep/],
    ['blocks', `resource "aws_s3_bucket" "deep" {\n${'rule {\n'.repeat(n)}${'}\n'.repeat(n)}}\n`, /Blocks or brackets nest more than 100 levels deep; simplify it \(the file was skipped/],
  ])('%s: a notification naming the file, and the other files scanned', async (_name, text, message) => {
    const repo = write(temporaryDirectory('hostile-deep'), { 'deep.tf': text, 'good.tf': bucket('good') });
    const result = await scanDirectory(repo);
    expect(result.findings.some((f) => f.resource.address === 'aws_s3_bucket.good')).toBe(true);
    const about = result.notifications.filter((n) => n.subject === 'deep.tf' || n.message.startsWith('deep.tf'));
    expect(about.map((n) => n.message).join('\n')).toMatch(message);
    expect(JSON.stringify(result.notifications)).not.toMatch(/call stack|    at /);
  });

  it('refuses a plan nested ten thousand deep in one line, with exit code 2 and no stack trace', () => {
    const repo = temporaryDirectory('hostile-deep-plan');
    const deep = `${'['.repeat(n)}${']'.repeat(n)}`;
    writeFileSync(path.join(repo, 'plan.json'), `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"tags":{"deep":${deep}}}}]}},"resource_changes":[]}`);
    const run = trustscan(['scan', 'plan.json', '-q'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `trustscan: ${path.join(repo, 'plan.json')}: the JSON nests more than 1000 levels deep, which no Terraform plan or state does; regenerate it with \`terraform show -json plan.out > plan.json\` (a plan) or \`terraform state pull > state.json\` (a state).\n`,
    );
  });
});

describe('size', () => {
  it('scans a for_each of 100,000 keys', async () => {
    const repo = write(temporaryDirectory('hostile-for-each'), {
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  for_each = toset(flatten([for i in range(400) : [for j in range(250) : "${i}-${j}"]]))\n  bucket   = "b-${each.key}"\n}\n',
    });
    const result = await scan({ targets: [{ kind: 'path', path: repo }], rules: rules.filter((r) => r.meta.id === 'aws-s3-bucket-access-logging'), root: repo, terraform: { cacheDirectory: false } });
    expect(result.summary.resources).toBe(100_000);
    expect(result.findings.filter((f) => f.status === 'fail')).toHaveLength(100_000);
    expect(result.notifications).toEqual([]);
  }, 60_000);

  it('refuses a plan over the size limit with the limit and how to raise it, and scans the other targets', () => {
    const repo = temporaryDirectory('hostile-large-plan');
    const plan = JSON.parse(readFileSync(path.join(repositoryRoot, 'examples/insecure/plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(repo, 'large.json'), JSON.stringify({ ...plan, padding: 'x'.repeat(1.5 * 1024 * 1024) }));
    write(repo, { 'infra/main.tf': bucket('small') });
    const run = trustscan(['scan', 'large.json', 'infra', '--no-cache', '-f', 'json'], repo, { TRUSTSCAN_MAX_JSON_MB: '1' });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `trustscan: ${path.join(repo, 'large.json')}: the file is 1.5 MB, over the 1 MB limit for plans and states set by TRUSTSCAN_MAX_JSON_MB; raise it with TRUSTSCAN_MAX_JSON_MB=<MB> (and Node's memory with NODE_OPTIONS=--max-old-space-size=<MB>, about ten times the file).`,
    );
    expect(JSON.parse(run.stdout).findings.some((f: { resource: { address: string } }) => f.resource.address === 'aws_s3_bucket.small')).toBe(true);
    expect(trustscan(['scan', 'large.json', '--fail-on', 'never', '-q'], repo).status).toBe(0);
  });

  // No single construct is over its own limit (range() gives 1,024 values), but nested they explode: the root is
  // stopped at its time or memory budget, named in one line, and the other roots are scanned.
  const exploding = (x: string) => `locals {\n  x = ${x}\n}\nresource "aws_s3_bucket" "inside" {\n  bucket = "inside-\${length(local.x)}"\n}\n`;
  it.each<[string, string, Record<string, string>, RegExp]>([
    ['time', exploding('[for a in range(1024) : length([for b in range(1024) : length([for c in range(1024) : c])])]'), { TRUSTSCAN_MAX_EVAL_SECONDS: '1' }, /^trustscan: exploding: evaluating the root module took longer than 1 s \(TRUSTSCAN_MAX_EVAL_SECONDS\), so it was stopped and not scanned; .* raise TRUSTSCAN_MAX_EVAL_SECONDS=<seconds>\.$/],
    ['memory', exploding('[for a in range(1024) : [for b in range(1024) : [for c in range(1024) : "${a}-${b}-${c}"]]]'), { TRUSTSCAN_MAX_HEAP_MB: '150' }, /^trustscan: exploding: evaluating the root module brought the heap to \d+ MB, over the 150 MB limit \(TRUSTSCAN_MAX_HEAP_MB\), so it was stopped and not scanned; .* NODE_OPTIONS=--max-old-space-size=<MB>\.$/],
  ])('stops a root whose evaluation explodes in %s, and scans the others', (_, root, env, message) => {
    const repo = write(temporaryDirectory('hostile-explosion'), { 'exploding/main.tf': root, 'fine/main.tf': bucket('fine') });
    const run = trustscan(['scan', '.', '--no-cache', '-f', 'json'], repo, env);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes('exploding'))).toEqual([expect.stringMatching(message)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const addresses = (JSON.parse(run.stdout) as { findings: { resource: { address: string } }[] }).findings.map((f) => f.resource.address);
    expect(addresses).toContain('aws_s3_bucket.fine');
    expect(addresses).not.toContain('aws_s3_bucket.inside');
  });
});
