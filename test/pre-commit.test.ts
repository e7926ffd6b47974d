/**
 * The pre-commit hook run the way pre-commit runs a `script` hook: the entry from the hook repository, in the user's
 * repository, with the hook's args and then the changed files that its `files` and `exclude` patterns select.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../testing/pack-workspace.js';
import { temporaryDirectory } from '../testing/temporary-directory.js';
import { parseDocument } from '../testing/yaml.js';

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly files: string;
  readonly exclude: string;
  readonly require_serial?: boolean;
}

const hooks = parseDocument(readFileSync(path.join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')).toJSON() as Hook[];
const hook = hooks.find((h) => h.id === 'trustscan');

/** A repository holding the insecure and compliant examples, and a `trustscan` on PATH that runs this workspace's CLI. */
function userRepository(): { directory: string; path: string } {
  const directory = temporaryDirectory('pre-commit');
  for (const example of ['insecure', 'compliant']) cpSync(path.join(repositoryRoot, 'examples', example), path.join(directory, 'repo', example), { recursive: true });
  cpSync(path.join(repositoryRoot, 'examples/insecure/main.tf'), path.join(directory, 'repo/insecure/.terraform/modules/vpc/main.tf'));
  writeFileSync(path.join(directory, 'trustscan'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(repositoryRoot, 'packages/cli/bin/trustscan.js'))} "$@"\n`, { mode: 0o755 });
  return { directory: path.join(directory, 'repo'), path: `${directory}${path.delimiter}${process.env['PATH'] ?? ''}` };
}

/** pre-commit's selection of the changed files, then the hook's entry with its args and those files. */
function runHook(changed: readonly string[], args: readonly string[], repository: { directory: string; path: string }) {
  const files = changed.filter((file) => new RegExp(hook?.files ?? '$^').test(file) && !new RegExp(hook?.exclude ?? '$^').test(file));
  if (files.length === 0) return { files, status: 0, stdout: '', stderr: '' };
  const run = spawnSync(path.join(repositoryRoot, hook?.entry ?? ''), [...args, ...files], { cwd: repository.directory, encoding: 'utf8', env: { ...process.env, PATH: repository.path, NO_COLOR: '1' } });
  return { files, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const scannedTargets = (stdout: string) => (JSON.parse(stdout) as { targets: { name: string }[] }).targets.map((t) => t.name);

describe('the pre-commit hook', () => {
  it('is a script hook for Terraform files that leaves out .terraform, with an executable entry', () => {
    expect(hook).toMatchObject({ id: 'trustscan', language: 'script', require_serial: true });
    accessSync(path.join(repositoryRoot, hook?.entry ?? ''), constants.X_OK);
    const selected = (file: string) => new RegExp(hook?.files ?? '$^').test(file) && !new RegExp(hook?.exclude ?? '$^').test(file);
    expect(['main.tf', 'infra/b.tf.json', 'prod.tfvars', 'x.tfvars.json', 'README.md', 'main.tf.bak', '.terraform/modules/vpc/main.tf', 'infra/.terraform/m/main.tf'].filter(selected)).toEqual(['main.tf', 'infra/b.tf.json', 'prod.tfvars', 'x.tfvars.json']);
  });

  it.each<[string, string[], string[], number, string[]]>([
    ['scans each directory of the changed files once, as a root module', ['insecure/main.tf', 'insecure/modules/bucket/main.tf', 'compliant/main.tf', 'insecure/main.tf'], [], 1, ['insecure', 'insecure/modules/bucket', 'compliant']],
    ['passes when only compliant Terraform changed', ['compliant/main.tf', 'README.md'], [], 0, ['compliant']],
    ['passes options through', ['insecure/main.tf'], ['--fail-on=never'], 0, ['insecure']],
    ['leaves out downloaded modules', ['insecure/.terraform/modules/vpc/main.tf', 'compliant/main.tf'], [], 0, ['compliant']],
  ])('%s', (_name, changed, args, status, targets) => {
    const run = runHook(changed, ['--format=json', '--quiet', '--no-cache', ...args], userRepository());
    expect(run.stderr).toBe('');
    expect(scannedTargets(run.stdout)).toEqual(targets);
    expect(run.status).toBe(status);
  });

  it('reports findings as text by default, with the file and line', () => {
    const run = runHook(['insecure/main.tf'], ['--no-cache'], userRepository());
    expect(run.stdout).toMatch(/✗ critical aws-iam-policy-no-full-admin {2}insecure\/main\.tf:\d+/);
    expect(run.status).toBe(1);
  });

  it('runs nothing when every changed file is a downloaded module', () => {
    const repository = userRepository();
    const run = spawnSync(path.join(repositoryRoot, hook?.entry ?? ''), ['insecure/.terraform/modules/vpc/main.tf'], { cwd: repository.directory, encoding: 'utf8', env: { ...process.env, PATH: repository.path } });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('says how to install trustscan when the command is missing, exit 2', () => {
    const repository = userRepository();
    const run = spawnSync(path.join(repositoryRoot, hook?.entry ?? ''), ['insecure/main.tf'], { cwd: repository.directory, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
    expect(run.stderr).toBe('trustscan: the trustscan command is not installed; install it with npm install -g @trustscan/cli\n');
    expect(run.status).toBe(2);
  });
});
