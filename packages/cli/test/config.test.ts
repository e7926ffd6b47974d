import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli.js';
import { sarifProblems } from '../../../testing/sarif-validation.js';
import { junitProblems } from '../../../testing/junit-validation.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const insecurePlan = path.join(repository, 'examples/insecure/plan.json');
const compliantPlan = path.join(repository, 'examples/compliant/plan.json');

function trustscan(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [binary, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh repository (a directory with .git, where config lookup stops) holding the given files. */
function repositoryWith(files: Record<string, string>): string {
  const directory = temporaryDirectory('config-cli');
  mkdirSync(path.join(directory, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

interface JsonReport {
  findings: { ruleId: string; status: string; severity: string; resource: { address: string }; waiver?: { owner: string } }[];
  summary: { byStatus: Record<string, number> };
  notifications: { code: string; level: string }[];
  waivers: { rule: string; state: string; matched: number }[];
}

describe('trustscan with a config file', () => {
  it('runs the documented sample from its directory: targets, disabled rules, severity overrides and a waiver', () => {
    // The examples have no node_modules, so the parse cache would default to the system temp folder.
    const run = trustscan(['scan', '-f', 'json', '-q', '--no-cache'], path.join(repository, 'examples'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.some((f) => f.ruleId.startsWith('azure-'))).toBe(false);
    expect(report.findings.filter((f) => f.ruleId === 'aws-s3-bucket-access-logging').every((f) => f.severity === 'high')).toBe(true);
    const waived = report.findings.filter((f) => f.status === 'waived');
    expect(waived.map((f) => [f.ruleId, f.resource.address, f.waiver?.owner])).toEqual([['aws-s3-bucket-versioning', 'module.reports.aws_s3_bucket.this', 'data-platform@acme.example']]);
    expect(report.waivers).toEqual([expect.objectContaining({ rule: 'aws-s3-bucket-versioning', state: 'active', matched: 1 })]);
    const listed = trustscan(['rules', 'list'], path.join(repository, 'examples'));
    expect(listed.stdout).not.toMatch(/^azure-/m);
    expect(listed.stdout).toMatch(/^aws-s3-bucket-access-logging\s+high\s/m);
  });

  it('lets the command line win: paths, --fail-on, and --no-config', () => {
    const directory = repositoryWith({ 'trustscan.config.yaml': `targets: [${JSON.stringify(insecurePlan)}]\nfail-on: never\n` });
    expect(trustscan(['scan', '-q'], directory).status).toBe(0);
    expect(trustscan(['scan', '-q', '--fail-on', 'critical'], directory).status).toBe(1);
    const compliant = trustscan(['scan', compliantPlan, '-f', 'json', '-q'], directory);
    expect((JSON.parse(compliant.stdout) as JsonReport).findings.length).toBeGreaterThan(0);
    expect(compliant.status).toBe(0);
    // Without the config, fail-on is the default, high.
    expect(trustscan(['scan', insecurePlan, '--no-config', '-q'], directory).status).toBe(1);
  });

  it.each<[string, string, string]>([
    ['a waiver without an owner', 'waivers:\n  - rule: aws-s3-bucket-versioning\n    resource: aws_s3_bucket.logs\n    reason: Logs are re-creatable from CloudTrail.\n    expires: 2030-01-01\n', 'trustscan: trustscan.config.yaml:2: waivers[0].owner: is required: who answers for the accepted risk (a person or team).\n'],
    ['a bad date', 'waivers:\n  - rule: aws-s3-bucket-versioning\n    resource: aws_s3_bucket.logs\n    reason: Logs are re-creatable from CloudTrail.\n    owner: sre\n    expires: 2030-13-01\n', 'trustscan: trustscan.config.yaml:6: waivers[0].expires: "2030-13-01" is not a date; write it as YYYY-MM-DD, e.g. 2030-01-31.\n'],
    ['a misspelt rule id', 'rules:\n  disable:\n    - aws-s3-bucket-versoning\n', 'trustscan: trustscan.config.yaml:3: rules.disable[0]: no rule has the id "aws-s3-bucket-versoning"; run `trustscan rules list` for the ids.\n'],
    ['a misspelt setting', 'fail_on: high\n', 'trustscan: trustscan.config.yaml:1: fail_on: unknown setting; did you mean "fail-on"?\n'],
    ['an unknown profile', 'profile: paranoid\n', 'trustscan: trustscan.config.yaml:1: profile: must be one of baseline, strict, not "paranoid".\n'],
    ['a rule option out of range', 'rules:\n  aws-cloudwatch-log-group-retention:\n    minDays: -1\n', 'trustscan: trustscan.config.yaml:3: rules.aws-cloudwatch-log-group-retention.minDays: must be an integer of at least 1 and at most 3653, not -1.\n'],
    ['an option a rule does not have', 'rules:\n  aws-rds-backup-retention:\n    days: 14\n', 'trustscan: trustscan.config.yaml:3: rules.aws-rds-backup-retention.days: the rule has no option "days"; its options are minDays (or severity, enabled).\n'],
  ])('rejects %s with one line naming the file, the line and the field, exit 2', (_name, config, message) => {
    const directory = repositoryWith({ 'trustscan.config.yaml': config });
    const run = trustscan(['scan', insecurePlan, '-q'], path.join(directory));
    expect(run.stderr).toBe(message);
    expect(run.status).toBe(2);
  });

  it('runs the strict profile and rule options from the config, --profile winning; SARIF and JSON say what they were', () => {
    const directory = repositoryWith({ 'trustscan.config.yaml': `targets: [${JSON.stringify(insecurePlan)}]\nprofile: strict\nfail-on: never\nrules:\n  aws-rds-backup-retention:\n    min-days: 21\n` });
    const strict = trustscan(['scan', '-f', 'json', '-q', '--root', repository, '--report', 'sarif=out/r.sarif'], directory);
    expect(strict.status).toBe(0);
    const report = JSON.parse(strict.stdout) as JsonReport & { profile: string; ruleOptions: Record<string, Record<string, unknown>> };
    expect(report.profile).toBe('strict');
    expect(report.ruleOptions['aws-rds-backup-retention']).toEqual({ minDays: 21 });
    expect(report.ruleOptions['aws-backup-data-store-covered']).toEqual({ acceptServiceBackups: false, minServiceBackupDays: 7 });
    const sarif = readFileSync(path.join(directory, 'out/r.sarif'), 'utf8');
    expect(sarifProblems(sarif)).toEqual([]);
    const run = (JSON.parse(sarif) as { runs: { properties: { profile: string }; tool: { driver: { rules: { id: string; defaultConfiguration: { parameters?: unknown }; properties: { options?: unknown; profiles?: string[] } }[] } } }[] }).runs[0];
    expect(run?.properties.profile).toBe('strict');
    const descriptor = run?.tool.driver.rules.find((r) => r.id === 'aws-rds-backup-retention');
    expect([descriptor?.defaultConfiguration.parameters, descriptor?.properties.options]).toEqual([{ minDays: 21 }, { minDays: 21 }]);
    expect(run?.tool.driver.rules.find((r) => r.id === 'azure-storage-account-customer-managed-key')?.properties.profiles).toEqual(['strict']);
    const baseline = JSON.parse(trustscan(['scan', '-f', 'json', '-q', '--profile', 'baseline'], directory).stdout) as { profile: string; ruleOptions: Record<string, Record<string, unknown>> };
    expect([baseline.profile, baseline.ruleOptions['aws-backup-data-store-covered']]).toEqual(['baseline', { acceptServiceBackups: true, minServiceBackupDays: 7 }]);
    expect(trustscan(['scan', '--profile', 'lax'], directory)).toMatchObject({ status: 2, stderr: expect.stringContaining('--profile must be one of baseline, strict, not "lax"') });
  });

  it('lists rules with their options and profiles, as text and JSON', () => {
    const directory = repositoryWith({ 'trustscan.config.yaml': 'rules:\n  aws-rds-backup-retention:\n    minDays: 21\n' });
    const text = trustscan(['rules', 'list'], directory).stdout;
    expect(text).toContain('Options (profile baseline; set them under rules.<id> in the config file):');
    expect(text).toContain('    minDays = 21 (baseline default 7): The fewest days automated backups must be kept.');
    expect(text).toContain('Not run in the baseline profile: aws-backup-vault-customer-managed-key, azure-storage-account-customer-managed-key.');
    expect(text).not.toMatch(/^azure-storage-account-customer-managed-key /m);
    const strict = JSON.parse(trustscan(['rules', 'list', '--format', 'json', '--profile', 'strict'], directory).stdout) as { profile: string; rules: { id: string; options?: Record<string, { default: unknown; strict?: unknown }>; optionValues?: Record<string, unknown> }[] };
    const rds = strict.rules.find((r) => r.id === 'aws-rds-backup-retention');
    expect([strict.profile, rds?.options?.['minDays']?.default, rds?.options?.['minDays']?.strict, rds?.optionValues]).toEqual(['strict', 7, 14, { minDays: 21 }]);
    expect(strict.rules.some((r) => r.id === 'azure-storage-account-customer-managed-key')).toBe(true);
  });

  it('finds the config from a subdirectory and names it relative to where trustscan runs', () => {
    const directory = repositoryWith({ 'trustscan.config.json': '{\n  "fail-on": "severe"\n}\n', 'infra/main.tf': '' });
    const run = trustscan(['scan', '-q'], path.join(directory, 'infra'));
    expect(run.stderr).toBe('trustscan: ../trustscan.config.json:2: fail-on: must be one of critical, high, medium, low, never, not "severe".\n');
    expect(run.status).toBe(2);
    expect(trustscan(['scan', '--config', 'nope.yaml', '-q'], directory).stderr).toBe('trustscan: nope.yaml: cannot read the config file (no such file).\n');
  });
});

describe('baselines and gating', () => {
  it('records the failures, then fails only on new ones', () => {
    const directory = repositoryWith({});
    const written = trustscan(['scan', insecurePlan, '--write-baseline', 'baseline/trustscan.json', '-f', 'json'], directory);
    expect(written.status).toBe(0);
    const baselineFile = path.join(directory, 'baseline/trustscan.json');
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as { version: number; failures: { ruleId: string; resource: string; fingerprint: string }[] };
    const report = JSON.parse(written.stdout) as JsonReport;
    expect(baseline.version).toBe(1);
    expect(baseline.failures.length).toBe(report.summary.byStatus['baseline']);
    expect(written.stderr).toContain(`trustscan: recorded ${baseline.failures.length} failure(s) in baseline/trustscan.json.`);

    const again = trustscan(['scan', insecurePlan, '--baseline', 'baseline/trustscan.json', '--fail-on', 'low', '-f', 'json', '-q'], directory);
    expect(again.status).toBe(0);
    const applied = JSON.parse(again.stdout) as JsonReport;
    expect(applied.summary.byStatus['fail']).toBe(0);
    expect(applied.notifications).toContainEqual(expect.objectContaining({ code: 'baseline-applied', level: 'note' }));

    // A failure missing from the baseline is new, and fails the scan (at the default fail-on, high).
    const severe = report.findings.find((f) => (f.severity === 'critical' || f.severity === 'high') && f.status === 'baseline');
    expect(severe).toBeDefined();
    const resurfaced = report.findings.filter((f) => f.ruleId === severe?.ruleId && f.resource.address === severe.resource.address);
    writeFileSync(baselineFile, JSON.stringify({ ...baseline, failures: baseline.failures.filter((f) => !(f.ruleId === severe?.ruleId && f.resource === severe.resource.address)) }));
    const fresh = trustscan(['scan', insecurePlan, '--baseline', 'baseline/trustscan.json', '-f', 'json', '-q'], directory);
    expect(fresh.status).toBe(1);
    expect((JSON.parse(fresh.stdout) as JsonReport).findings.filter((f) => f.status === 'fail').map((f) => f.ruleId)).toEqual(resurfaced.map((f) => f.ruleId));

    expect(trustscan(['scan', insecurePlan, '--baseline', 'missing.json', '-q'], directory)).toMatchObject({ status: 2, stderr: 'trustscan: missing.json: no such baseline file; record one with `trustscan scan --write-baseline missing.json`.\n' });
  });

  it('fails on undecided checks only with --fail-on-unknown', () => {
    const directory = repositoryWith({});
    const plain = trustscan(['scan', compliantPlan, '--fail-on', 'never', '-f', 'json', '-q'], directory);
    expect((JSON.parse(plain.stdout) as JsonReport).summary.byStatus['unknown']).toBeGreaterThan(0);
    expect(plain.status).toBe(0);
    const strict = trustscan(['scan', compliantPlan, '--fail-on', 'never', '--fail-on-unknown'], directory);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/; fail-on never and unknown\.\n$/);
  });
});

describe('several reports from one scan', () => {
  it('writes SARIF, Markdown, HTML and JUnit, each valid, by format or by extension', async () => {
    const directory = repositoryWith({});
    const run = trustscan(
      ['scan', insecurePlan, '--root', repository, '--format', 'sarif', '--output', 'out/r.sarif', '--report', 'markdown=out/summary.md', '-o', 'out/report.html', '-o', 'out/junit.xml', '--format', 'text'],
      directory,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('SOC 2 criteria');
    const read = (name: string) => readFileSync(path.join(directory, 'out', name), 'utf8');
    const sarif = read('r.sarif');
    expect(sarifProblems(sarif)).toEqual([]);
    const results = (JSON.parse(sarif) as { runs: { results: unknown[] }[] }).runs[0]?.results.length ?? 0;
    expect(read('summary.md')).toContain('## SOC 2 readiness: trustscan scan');
    expect(read('report.html')).toMatch(/^<!doctype html>/);
    const junit = read('junit.xml');
    expect(await junitProblems(junit)).toEqual([]);
    expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)?.[1])).toBe(results);
  });

  it('parses the new flags', () => {
    expect(parseCommandLine(['scan', '--config', 'c.yaml', '--baseline', 'b.json', '--write-baseline', 'n.json', '--fail-on-unknown', '-o', 'x.md'])).toMatchObject({
      config: 'c.yaml',
      baseline: 'b.json',
      writeBaseline: 'n.json',
      failOnUnknown: true,
      explicit: [],
      reports: [{ format: 'markdown', output: 'x.md' }],
    });
    expect(parseCommandLine(['scan', 'infra', '--no-config', '--fail-on', 'low'])).toMatchObject({ config: false, explicit: ['paths', 'failOn'], paths: ['infra'] });
    expect(() => parseCommandLine(['scan', '--config', 'a', '--no-config'])).toThrow('--config and --no-config cannot be used together');
  });
});
