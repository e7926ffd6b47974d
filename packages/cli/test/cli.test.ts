import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli.js';
import { main } from '../src/main.js';
import type { Io } from '../src/io.js';
import { sarifProblems } from '../../../testing/sarif-validation.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const insecurePlan = 'examples/insecure/plan.json';
const compliantPlan = 'examples/compliant/plan.json';

/** Runs the real `trustscan` binary from the repository root. */
function trustscan(args: string[], options: { cwd?: string } = {}) {
  const run = spawnSync(process.execPath, [binary, ...args], { cwd: options.cwd ?? repository, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `main` in-process with captured output. */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd: repository, env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

describe('command line parsing', () => {
  it.each<[string, string[], object]>([
    ['defaults to a text report of "."', ['scan'], { paths: ['.'], reports: [{ format: 'text' }], failOn: 'high' }],
    ['pairs each --output with the --format before it', ['scan', 'p.json', '--format', 'sarif', '--output', 'a.sarif', '--format', 'json', '-o', 'b.json', '-f', 'text'], { reports: [{ format: 'sarif', output: 'a.sarif' }, { format: 'json', output: 'b.json' }, { format: 'text' }] }],
    ['infers the format from the extension', ['scan', '-o', 'out/x.sarif'], { reports: [{ format: 'sarif', output: 'out/x.sarif' }] }],
    ['takes --report FORMAT=FILE', ['scan', '--report', 'json=r.json'], { reports: [{ format: 'json', output: 'r.json' }] }],
    ['reads variables in order', ['scan', '--var', 'env=prod', '--var', 'tags={a="b=c"}', '--var-file', 'x.tfvars'], { vars: [['env', 'prod'], ['tags', '{a="b=c"}']], varFiles: ['x.tfvars'] }],
    ['a live AWS target scans no path by default', ['scan', '--aws', '--aws-region', 'us-east-1,eu-west-1', '--aws-region', 'ap-south-1'], { paths: [], aws: { regions: ['us-east-1', 'eu-west-1', 'ap-south-1'] } }],
    ['azure with subscriptions and Resource Graph', ['scan', '--azure-subscription', 's1,s2', '--azure-resource-graph', 'main.tf'], { paths: ['main.tf'], azure: { subscriptions: ['s1', 's2'], resourceGraph: true } }],
    ['--no-cache', ['scan', '--no-cache', '--fail-on', 'never'], { cacheDirectory: false, failOn: 'never' }],
    ['--exclude, repeatable', ['scan', '--exclude', 'deprecated/', '--exclude', '**/examples/**'], { exclude: ['deprecated/', '**/examples/**'] }],
    ['rules list as JSON', ['rules', 'list', '--format', 'json'], { command: 'rules-list', format: 'json' }],
  ])('%s', (_name, argv, expected) => {
    expect(parseCommandLine(argv)).toMatchObject(expected);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown option', ['scan', '--frobnicate'], /trustscan: Unknown option '--frobnicate' \(see trustscan --help\)/],
    ['a bad --fail-on', ['scan', '--fail-on', 'severe'], /--fail-on must be one of critical, high, medium, low, never, not "severe"/],
    ['an unknown format', ['scan', '--format', 'pdf'], /unknown format "pdf"/],
    ['two reports on standard output', ['scan', '-f', 'json', '-f', 'text'], /only one report can go to standard output/],
    ['an unknown command', ['deploy'], /unknown command "deploy"/],
  ])('rejects %s with one line and exit code 2', async (_name, argv, message) => {
    const { status, stderr } = await inProcess(argv);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('trustscan scan (the real binary)', () => {
  it('exits 1 on findings at or above --fail-on, 0 below it, and 0 for a compliant plan', () => {
    expect(trustscan(['scan', insecurePlan, '-q']).status).toBe(1);
    expect(trustscan(['scan', insecurePlan, '-q', '--fail-on', 'critical']).status).toBe(1);
    expect(trustscan(['scan', insecurePlan, '-q', '--fail-on', 'never']).status).toBe(0);
    const compliant = trustscan(['scan', compliantPlan]);
    expect(compliant.status).toBe(0);
    expect(compliant.stderr).toMatch(/^trustscan: 1 target\(s\), 22 resource\(s\): 0 failed, \d+ unknown, 0 waived, \d+ passed; fail-on high\.\n$/);
  });

  it('writes several reports from one scan, each valid', () => {
    const out = temporaryDirectory('cli');
    const run = trustscan(['scan', insecurePlan, '--format', 'sarif', '--output', path.join(out, 'r.sarif'), '--format', 'json', '--output', path.join(out, 'r.json'), '--format', 'text']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('aws-iam-policy-no-full-admin');
    const sarif = readFileSync(path.join(out, 'r.sarif'), 'utf8');
    expect(sarifProblems(sarif)).toEqual([]);
    const json = JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as { findings: unknown[] };
    expect(json.findings).toHaveLength(JSON.parse(sarif).runs[0].results.length);
  });

  it('reports bad input in one line naming the file, exit 2, no stack, and keeps what it found', () => {
    const out = temporaryDirectory('cli');
    const truncated = path.join(out, 'truncated.json');
    writeFileSync(truncated, readFileSync(path.join(repository, insecurePlan), 'utf8').slice(0, 500));
    const run = trustscan(['scan', truncated, insecurePlan, '-f', 'json', '-o', path.join(out, 'r.json'), '-q']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`trustscan: ${truncated}: the JSON is truncated (Unterminated string in JSON at position 500, line 20 column 27); regenerate it with \`terraform show -json plan.out > plan.json\` (a plan) or \`terraform state pull > state.json\` (a state).\n`);
    const report = JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as { findings: unknown[]; notifications: { code: string }[] };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.notifications.map((n) => n.code)).toEqual(['input-error']);
  });

  it.each<[string, string[], RegExp]>([
    ['a missing path', ['scan', 'no/such/plan.json'], /no\/such\/plan\.json: cannot read it \(no such file or directory\)/],
    ['a JSON file that is not a plan', ['scan', 'package.json'], /package\.json: JSON but not a Terraform plan/],
    ['an output under a file', ['scan', insecurePlan, '-o', 'package.json/r.json'], /package\.json\/r\.json: cannot write the json report/],
    ['an output where directories cannot be made', ['scan', insecurePlan, '-o', '/proc/trustscan/r.json'], /\/proc\/trustscan\/r\.json: cannot write the json report/],
  ])('%s: exit 2 with one line', (_name, args, message) => {
    const run = trustscan([...args, '-q']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and version', () => {
    expect(trustscan(['--help']).stdout).toContain('trustscan scan [PATH...]');
    expect(trustscan(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('lists rules as a table and as JSON with full metadata', () => {
    const text = trustscan(['rules', 'list']);
    expect(text.stdout).toMatch(/^ID\s+SEVERITY\s+AREA\s+SOC 2\s+TITLE\n/);
    const json = JSON.parse(trustscan(['rules', 'list', '--format', 'json']).stdout) as { rules: { id: string; criteria: { primary: string[] }; remediation: string }[] };
    expect(json.rules.find((r) => r.id === 'aws-s3-bucket-versioning')).toMatchObject({ criteria: { primary: ['A1.2'] } });
    expect(json.rules.every((r) => r.remediation.includes('```hcl'))).toBe(true);
  });

  it('loads custom declarative rules with --rules', () => {
    const directory = temporaryDirectory('rules');
    writeFileSync(
      path.join(directory, 'acme-db-deletion-protection.yaml'),
      ['id: acme-db-deletion-protection', 'title: Databases are protected from deletion', 'description: Our policy.', 'remediation: Set deletion_protection.', 'severity: high', 'area: backup-recovery',
        'criteria:', '  primary: [A1.2]', '  basis: Internal standard DB-4.', 'resourceTypes: [aws_db_instance]', 'check:', '  path: $.deletion_protection', '  equals: true', '  default: false',
        'messages:', '  pass: Database {{address}} is protected.', '  fail: Database {{address}} can be deleted ({{path}} = {{value}}).'].join('\n'),
    );
    const run = trustscan(['scan', insecurePlan, '--rules', directory, '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.find((f) => f.ruleId === 'acme-db-deletion-protection')?.message).toBe('Database aws_db_instance.app can be deleted (deletion_protection = false).');
  });
});
