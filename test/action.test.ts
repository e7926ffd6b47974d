/**
 * The GitHub Action (action.yml) run the way a runner runs it: its bash steps with the environment they declare,
 * fake GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the CLI installed by the action's own install step from a
 * registry on 127.0.0.1 that serves the packed workspace packages and the locked dependencies.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '@trustscan/cli';
import { readAction, runCompositeAction, type ActionRun } from '../testing/composite-action.js';
import { startNpmRegistry, type NpmRegistry } from '../testing/npm-registry.js';
import { packWorkspace, repositoryRoot } from '../testing/pack-workspace.js';
import { sarifProblems } from '../testing/sarif-validation.js';
import { temporaryDirectory } from '../testing/temporary-directory.js';
import { parseDocument } from '../testing/yaml.js';

const actionFile = path.join(repositoryRoot, 'action.yml');
const action = readAction(actionFile);
const work = temporaryDirectory('action');
const prefix = path.join(work, 'npm-global');
let registry: NpmRegistry;

/** npm as the runner's, but installing into a prefix of the test's own, from the local registry. */
function npmEnvironment(): Record<string, string> {
  return {
    npm_config_registry: registry.url,
    npm_config_prefix: prefix,
    npm_config_cache: path.join(work, 'npm-cache'),
    npm_config_userconfig: path.join(work, 'npmrc'),
    npm_config_update_notifier: 'false',
    PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
  };
}

/** A fresh workspace holding the examples, as actions/checkout would leave a repository. */
function workspace(): { workspace: string; runnerTemp: string } {
  const root = temporaryDirectory('action-run');
  const checkout = path.join(root, 'workspace');
  const runnerTemp = path.join(root, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  for (const example of ['insecure', 'compliant']) cpSync(path.join(repositoryRoot, 'examples', example), path.join(checkout, example), { recursive: true });
  return { workspace: checkout, runnerTemp };
}

const stepNamed = (run: ActionRun, name: string) => run.steps.find((s) => s.step.name === name);

beforeAll(async () => {
  mkdirSync(path.join(work, 'packs'));
  writeFileSync(path.join(work, 'npmrc'), '');
  const tarballs = await packWorkspace(path.join(work, 'packs'));
  registry = await startNpmRegistry(path.join(repositoryRoot, 'node_modules', '.pnpm'), [...tarballs.values()]);
}, 120_000);

afterAll(async () => {
  await registry?.close();
});

describe('action.yml', () => {
  it('is a composite action whose scripts read inputs from the environment, never from the script text', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['targets', 'formats', 'fail-on', 'config', 'evidence-store']));
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
    }
  });

  it('installs the CLI of its own release, scans, uploads the SARIF, writes the job summary, and then fails the job', async () => {
    const run = await runCompositeAction(actionFile, { inputs: { targets: 'insecure', 'fail-on': 'high' }, ...workspace(), env: npmEnvironment() });
    const install = stepNamed(run, 'Install trustscan');
    expect(install?.exitCode, install?.output).toBe(0);
    expect(install?.output).toContain('trustscan 0.1.0 installed.');
    expect(existsSync(path.join(prefix, 'bin', 'trustscan'))).toBe(true);
    expect(run.outputs).toMatchObject({ 'exit-code': '1', 'sarif-file': 'trustscan-reports/trustscan.sarif', 'markdown-file': 'trustscan-reports/trustscan.md', 'reports-directory': 'trustscan-reports' });
    const scanStep = stepNamed(run, 'Scan');
    expect(scanStep?.exitCode).toBe(0);
    expect(scanStep?.output).toMatch(/✗ critical aws-iam-policy-no-full-admin {2}insecure\/main\.tf:\d+/);
    const upload = stepNamed(run, 'Upload SARIF to code scanning');
    expect(upload).toMatchObject({ ran: true, with: { sarif_file: 'trustscan-reports/trustscan.sarif' } });
    expect(run.summary).toMatch(/^## SOC 2 readiness: trustscan scan/m);
    const fail = stepNamed(run, 'Fail on findings');
    expect(fail).toMatchObject({ ran: true, exitCode: 1 });
    expect(fail?.output).toContain('::error title=trustscan::findings at or above fail-on');
    expect(run.steps.at(-1)?.step.name).toBe('Fail on findings');
    expect(run.failed).toBe(true);
  }, 240_000);

  it('passes the job when nothing fails, with the SARIF valid for code scanning', async () => {
    const place = workspace();
    const run = await runCompositeAction(actionFile, { inputs: { targets: 'compliant/plan.json', formats: 'sarif markdown json' }, ...place, env: npmEnvironment() });
    expect(run.outputs['exit-code']).toBe('0');
    expect(stepNamed(run, 'Fail on findings')?.ran).toBe(false);
    expect(run.failed).toBe(false);
    expect(sarifProblems(readFileSync(path.join(place.workspace, 'trustscan-reports/trustscan.sarif'), 'utf8'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(place.workspace, 'trustscan-reports/trustscan.json'), 'utf8'))).toMatchObject({ tool: { name: 'trustscan' } });
    expect(run.summary).toContain('SOC 2 readiness');
  }, 120_000);

  describe('builds the trustscan command line from its inputs', () => {
    /** A stand-in `trustscan` that records its arguments, one per line, and exits 0. */
    function recordingTrustscan(): { env: Record<string, string>; argv: () => string[] } {
      const directory = temporaryDirectory('action-stub');
      const record = path.join(directory, 'argv');
      writeFileSync(path.join(directory, 'trustscan'), `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > ${JSON.stringify(record)}\n`, { mode: 0o755 });
      return { env: { PATH: `${directory}${path.delimiter}${process.env['PATH'] ?? ''}` }, argv: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').slice(0, -1) : []) };
    }
    const reports = (...formats: string[]) => formats.flatMap((f) => ['--format', f, '--output', `trustscan-reports/trustscan.${{ sarif: 'sarif', markdown: 'md', json: 'json', html: 'html', junit: 'junit.xml', text: 'txt' }[f] ?? f}`]);

    it.each<[string, Record<string, string>, string[]]>([
      ['defaults: SARIF and Markdown, text in the log', {}, ['scan', ...reports('sarif', 'markdown'), '--format', 'text']],
      ['targets separated by spaces and new lines', { targets: 'infra/prod  plan.json\nmodules/network\n' }, ['scan', 'infra/prod', 'plan.json', 'modules/network', ...reports('sarif', 'markdown'), '--format', 'text']],
      ['formats', { formats: 'json html junit' }, ['scan', ...reports('json', 'html', 'junit'), '--format', 'text']],
      ['fail-on and config', { 'fail-on': 'critical', config: 'ci/trustscan.config.yaml' }, ['scan', ...reports('sarif', 'markdown'), '--fail-on', 'critical', '--config', 'ci/trustscan.config.yaml', '--format', 'text']],
      ['the evidence store', { 'evidence-store': 's3://acme-evidence/trustscan' }, ['scan', ...reports('sarif', 'markdown'), '--evidence', 's3://acme-evidence/trustscan', '--format', 'text']],
      ['a SARIF category and more options', { 'sarif-category': 'prod', args: '--aws --aws-region eu-west-1' }, ['scan', ...reports('sarif', 'markdown'), '--sarif-category', 'prod', '--aws', '--aws-region', 'eu-west-1', '--format', 'text']],
    ])('%s', async (_name, inputs, argv) => {
      const stub = recordingTrustscan();
      const run = await runCompositeAction(actionFile, { inputs, ...workspace(), env: stub.env, only: ['scan'] });
      expect(stub.argv()).toEqual(argv);
      expect(run.outputs['exit-code']).toBe('0');
      // Every command line the action builds is one the CLI accepts.
      expect(parseCommandLine(argv).command).toBe('scan');
    });

    it('rejects an unknown format with an error annotation and exit code 2, without scanning', async () => {
      const stub = recordingTrustscan();
      const run = await runCompositeAction(actionFile, { inputs: { formats: 'sarif pdf' }, ...workspace(), env: stub.env, only: ['scan', 'Fail on findings'] });
      expect(stub.argv()).toEqual([]);
      expect(run.outputs['exit-code']).toBe('2');
      expect(stepNamed(run, 'Scan')?.output).toContain('::error title=trustscan::unknown format "pdf" in the formats input');
      expect(stepNamed(run, 'Fail on findings')).toMatchObject({ ran: true, exitCode: 2 });
    });
  });
});

describe('the GitHub Actions example', () => {
  const document = parseDocument(readFileSync(path.join(repositoryRoot, 'examples/github-actions/trustscan.yml'), 'utf8'));
  const workflow = document.toJSON() as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: { id?: string; uses?: string; if?: string; with?: Record<string, unknown> }[] }> };
  const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
  const trustscan = steps.find((s) => s.uses === 'trustscan/trustscan@v1');

  it('runs on pull requests with the permissions code scanning needs, through the action', () => {
    expect(document.errors).toEqual([]);
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.permissions).toMatchObject({ 'security-events': 'write', contents: 'read' });
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
    expect(trustscan?.id).toBeDefined();
    for (const input of Object.keys(trustscan?.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
  });

  it('dismisses the alerts of waived findings after the action, from its outputs, on the default branch only', () => {
    const dismiss = steps.find((s) => s.uses?.startsWith('advanced-security/dismiss-alerts@'));
    expect(steps.indexOf(dismiss ?? {})).toBeGreaterThan(steps.indexOf(trustscan ?? {}));
    expect(dismiss?.if).toMatch(/^always\(\) && github\.event_name == 'push'/);
    expect(dismiss?.with).toMatchObject({ 'sarif-id': `\${{ steps.${trustscan?.id ?? ''}.outputs.sarif-id }}`, 'sarif-file': `\${{ steps.${trustscan?.id ?? ''}.outputs.sarif-file }}` });
  });
});
