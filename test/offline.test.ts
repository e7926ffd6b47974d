// A Terraform scan makes no network call. The CLI scans the examples (a directory with local modules, and a plan) as
// a user runs it, with every report format and an evidence record, under testing/network-guard.mjs, which fails and
// logs every connection, DNS lookup and UDP socket of the process and its worker threads; and, where the machine
// allows network namespaces (`unshare -n`), once more with no network at all. The guard is shown to catch what a
// live scan and plain fetch/connect/DNS calls attempt, so an empty log means something.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../testing/temporary-directory.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const guard = path.join(repository, 'testing/network-guard.mjs');
const insecure = path.join(repository, 'examples/insecure');

/** Runs node with the network guard; returns the run and the attempts it logged. */
function guarded(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const log = path.join(cwd, 'network.log');
  const run = spawnSync(process.execPath, ['--import', guard, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TRUSTSCAN_NETWORK_LOG: log, ...env }, timeout: 120_000 });
  return { run, attempts: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

const reports = (out: string) => ['sarif', 'json', 'text', 'markdown', 'html', 'junit'].flatMap((format) => ['--report', `${format}=${path.join(out, `report.${format}`)}`]);

/** Whether this machine lets an unprivileged test make a network namespace. */
const namespaces = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('offline guarantee', () => {
  it.each([
    ['a Terraform directory with local modules', [insecure]],
    ['a plan', [path.join(insecure, 'plan.json')]],
    ['a directory and its plan together, with --tf-dir', [insecure, path.join(insecure, 'plan.json'), '--tf-dir', insecure]],
  ])('%s: the scan succeeds and attempts no network use', (_, targets) => {
    const work = temporaryDirectory('offline');
    const { run, attempts } = guarded([binary, 'scan', ...targets, '--no-config', '--cache-dir', path.join(work, 'cache'), '--fail-on', 'never', ...reports(work), '--evidence', path.join(work, 'evidence')], work);
    expect(attempts).toEqual([]);
    expect(run.stderr).toMatch(/^trustscan: \d+ target\(s\), \d+ resource\(s\): \d+ failed/m);
    expect(run.status).toBe(0);
    for (const format of ['sarif', 'json', 'markdown', 'html', 'junit']) expect(readFileSync(path.join(work, `report.${format}`), 'utf8').length).toBeGreaterThan(100);
  });

  it.runIf(namespaces)('in a network namespace without any network, the same scans succeed', () => {
    const work = temporaryDirectory('offline-namespace');
    const run = spawnSync('unshare', ['-n', process.execPath, binary, 'scan', insecure, path.join(insecure, 'plan.json'), '--no-config', '--cache-dir', path.join(work, 'cache'), '--fail-on', 'never', ...reports(work)], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    expect(run.stderr).toMatch(/^trustscan: 2 target\(s\)/m);
    expect(run.status).toBe(0);
  });

  it('the guard catches fetch, http, raw connections and DNS lookups', () => {
    const work = temporaryDirectory('offline-guard');
    const script = path.join(work, 'attempts.mjs');
    writeFileSync(
      script,
      [
        "import net from 'node:net';",
        "import dns from 'node:dns';",
        "import http from 'node:http';",
        'const attempts = [',
        "  () => fetch('http://127.0.0.1:8080/'),",
        "  () => new Promise((resolve, reject) => http.get('http://example.com/', resolve).on('error', reject)),",
        "  () => new Promise((resolve, reject) => net.connect(8080, '127.0.0.1').on('connect', resolve).on('error', reject)),",
        "  () => dns.promises.lookup('example.com'),",
        '];',
        'for (const attempt of attempts) {',
        '  try { await attempt(); console.log("connected"); } catch (error) { console.log("refused"); }',
        '}',
      ].join('\n'),
    );
    const { run, attempts } = guarded([script], work);
    expect(run.stdout.trim().split('\n')).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(attempts).toEqual([
      'trustscan network guard: a connection to 127.0.0.1:8080 was attempted',
      'trustscan network guard: a connection to example.com:80 was attempted',
      'trustscan network guard: a connection to 127.0.0.1:8080 was attempted',
      'trustscan network guard: a DNS lookup (dns.promises.lookup example.com) was attempted',
    ]);
  });

  it('the guard catches what a live AWS scan attempts, so the Terraform scans above would have been caught', () => {
    const work = temporaryDirectory('offline-live');
    const { run, attempts } = guarded([binary, 'scan', '--aws', '--aws-region', 'eu-west-1', '--no-config'], work, {
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    });
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((line) => line.startsWith('trustscan network guard: '))).toBe(true);
    expect(run.status).toBe(2);
  });
});
