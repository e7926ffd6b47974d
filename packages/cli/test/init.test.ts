import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig, readConfigFile } from '@trustscan/core';
import { main } from '../src/main.js';
import { githubWorkflow, starterConfig } from '../src/starter-files.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { parseDocument } from '../../../testing/yaml.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI in process in `cwd`, collecting its output. */
async function trustscan(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { cwd, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { status, stdout, stderr };
}

describe('trustscan init', () => {
  it('writes a commented starter config that the config reader accepts', async () => {
    const directory = temporaryDirectory('init');
    expect(await trustscan(['init'], directory)).toEqual({ status: 0, stdout: 'Wrote trustscan.config.yaml\nNext: edit trustscan.config.yaml, then run `trustscan scan`.\n', stderr: '' });
    const file = path.join(directory, 'trustscan.config.yaml');
    expect(readFileSync(file, 'utf8')).toBe(starterConfig);
    expect(await readConfigFile(file)).toMatchObject({ targets: [{ kind: 'path', path: directory }], failOn: 'high', profile: 'baseline', waivers: [], rules: { disable: [] }, sla: { critical: 7, high: 30, medium: 90, low: 180 } });
    // A scan with it scans the directory it is in.
    writeFileSync(path.join(directory, 'main.tf'), 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n');
    const scanned = await trustscan(['scan', '--no-cache', '-q', '-f', 'json'], directory);
    expect(scanned.stderr).toBe('');
    expect((JSON.parse(scanned.stdout) as { targets: { name: string; resources: number }[] }).targets).toEqual([expect.objectContaining({ name: '.', resources: 1 })]);
    expect(existsSync(path.join(directory, '.github'))).toBe(false);
  });

  it.each([
    ['profile', /^profile: baseline$/m],
    ['waivers with every field', /^# waivers:\n# {3}- rule: .*\n# {5}resource: .*\n# {5}reason: .*\n# {5}owner: .*\n# {5}expires: \d{4}-\d{2}-\d{2}$/m],
    ['owners of corrective actions', /^# owners:\n# {3}- owner: .*\n# {5}paths: /m],
    ['SLA days by severity', /^sla: \{ critical: 7, high: 30, medium: 90, low: 180 \}$/m],
    ['the evidence store', /^# evidence:\n# {3}store: s3:\/\/.*\n# {3}key: .*\n# {3}retain-days: \d+\n# {3}cadence: 1d$/m],
    ['exclude', /^# exclude: /m],
  ])('explains %s', (_name, pattern) => {
    expect(starterConfig).toMatch(pattern);
  });

  it('keeps every commented example valid YAML once uncommented', () => {
    // A block: a commented `key:` line and the commented lines indented under it.
    const lines = starterConfig.split('\n');
    const blocks: string[] = [];
    for (const [index, line] of lines.entries()) {
      const start = /^( *)# ([a-z-]+:.*)$/.exec(line);
      if (!start) continue;
      const prefix = `${start[1] ?? ''}# `;
      const body = [start[2] ?? ''];
      for (const next of lines.slice(index + 1)) {
        if (!next.startsWith(`${prefix} `)) break;
        body.push(next.slice(prefix.length));
      }
      blocks.push(body.join('\n'));
    }
    expect(blocks.map((block) => block.split(':')[0])).toEqual(expect.arrayContaining(['exclude', 'severity', 'aws-cloudwatch-log-group-retention', 'waivers', 'owners', 'evidence']));
    for (const block of blocks) expect(parseDocument(block).errors, block).toEqual([]);
    // The waiver example is one today's reader accepts.
    const waivers = blocks.find((block) => block.startsWith('waivers:')) ?? '';
    expect(parseConfig(waivers, path.join(repository, 'trustscan.config.yaml')).waivers).toHaveLength(1);
    // So are the owners of corrective actions and the evidence settings.
    const owners = blocks.find((block) => block.startsWith('owners:')) ?? '';
    expect(parseConfig(owners, path.join(repository, 'trustscan.config.yaml')).owners).toMatchObject([
      { owner: 'platform@example.com', paths: ['infra/**'] },
      { owner: 'data@example.com', resources: ['aws_db_instance.*'], tags: { team: 'data' } },
    ]);
    const evidence = blocks.find((block) => block.startsWith('evidence:')) ?? '';
    expect(parseConfig(evidence, path.join(repository, 'trustscan.config.yaml')).evidence).toEqual({
      store: 's3://acme-soc2-evidence/trustscan',
      key: path.join(repository, '.trustscan/evidence.key'),
      retainDays: 400,
      cadence: { text: '1d', milliseconds: 86_400_000 },
    });
    // So is the rule option example, under its rules: section.
    const option = blocks.find((block) => block.startsWith('aws-cloudwatch-log-group-retention:')) ?? '';
    const indented = option.split('\n').map((line) => `  ${line}`).join('\n');
    expect(parseConfig(`rules:\n${indented}\n`, path.join(repository, 'trustscan.config.yaml')).rules.entries).toMatchObject([{ ruleId: 'aws-cloudwatch-log-group-retention', options: [{ name: 'min-days', value: 365 }] }]);
  });

  it('with --github, also writes the workflow that runs the trustscan action, the same as the example', async () => {
    const directory = temporaryDirectory('init');
    const run = await trustscan(['init', '--github'], directory);
    expect(run).toMatchObject({ status: 0, stdout: 'Wrote trustscan.config.yaml\nWrote .github/workflows/trustscan.yml\nNext: edit trustscan.config.yaml, then run `trustscan scan`, and commit both files.\n' });
    expect(readFileSync(path.join(directory, '.github/workflows/trustscan.yml'), 'utf8')).toBe(githubWorkflow);
    expect(readFileSync(path.join(repository, 'examples/github-actions/trustscan.yml'), 'utf8')).toBe(githubWorkflow);
  });

  it.each<[string, Record<string, string>, string[], string]>([
    ['a config', { 'trustscan.config.yaml': 'fail-on: low\n' }, ['init'], 'trustscan.config.yaml'],
    ['a config under another name', { 'trustscan.config.json': '{}\n' }, ['init'], 'trustscan.config.json'],
    ['the workflow', { '.github/workflows/trustscan.yml': 'name: mine\n' }, ['init', '--github'], '.github/workflows/trustscan.yml'],
  ])('never overwrites %s without --force: one line, exit 2, nothing written', async (_name, existing, args, taken) => {
    const directory = temporaryDirectory('init');
    for (const [name, text] of Object.entries(existing)) {
      mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
      writeFileSync(path.join(directory, name), text);
    }
    expect(await trustscan(args, directory)).toEqual({ status: 2, stdout: '', stderr: `trustscan: ${taken} already exists; pass --force to overwrite it.\n` });
    for (const [name, text] of Object.entries(existing)) expect(readFileSync(path.join(directory, name), 'utf8')).toBe(text);
    expect(existsSync(path.join(directory, 'trustscan.config.yaml'))).toBe(taken === 'trustscan.config.yaml');
  });

  it('overwrites with --force', async () => {
    const directory = temporaryDirectory('init');
    writeFileSync(path.join(directory, 'trustscan.config.yaml'), 'fail-on: low\n');
    expect((await trustscan(['init', '--force'], directory)).status).toBe(0);
    expect(parseConfig(readFileSync(path.join(directory, 'trustscan.config.yaml'), 'utf8'), path.join(directory, 'trustscan.config.yaml')).failOn).toBe('high');
  });

  it('rejects arguments it does not take', async () => {
    expect(await trustscan(['init', 'infra'], temporaryDirectory('init'))).toMatchObject({ status: 2, stderr: 'trustscan: init takes no arguments; it writes into the working directory (got "infra") (see trustscan --help)\n' });
  });
});
