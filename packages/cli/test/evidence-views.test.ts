import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli.js';
import { main } from '../src/main.js';
import type { Io } from '../src/io.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
// @ts-expect-error: a plain ES module shared with the example generator
import { acmeConfig, acmeImportOrder, acmeReport, acmeTime } from '../../../examples/evidence/acme-history.mjs';

/** Runs the CLI in process in `cwd`, collecting its output. */
async function trustscan(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

describe('the evidence views on the command line', () => {
  it.each<[string, string[], object]>([
    ['a period report in several formats', ['evidence', 'report', 'ev', '--from', '2026-01-01', '--to', '2026-06-30', '-f', 'markdown', '-o', 'r.md', '-f', 'json', '-o', 'r.json', '-o', 'r.csv'], {
      command: 'evidence-report', store: 'ev', from: '2026-01-01', to: '2026-06-30', outputs: [{ format: 'markdown', output: 'r.md' }, { format: 'json', output: 'r.json' }, { format: 'csv', output: 'r.csv' }],
    }],
    ['a report as of a date, with a cadence and a sample', ['evidence', 'report', 'ev', '--from', '2026-01-01', '--to', '2026-06-30T12:00:00+02:00', '--as-of', '2026-07-02', '--cadence', '12h', '--sample', '25', '--seed', 'audit-2026'], {
      to: '2026-06-30T12:00:00+02:00', asOf: '2026-07-02', cadence: '12h', sample: { size: 25, seed: 'audit-2026' }, outputs: [{ format: 'markdown' }],
    }],
    ['a report of the config file store', ['evidence', 'report', '--from', '2026-01-01', '--to', '2026-01-31', '--config', 'c.yaml'], { command: 'evidence-report', config: 'c.yaml' }],
    ['the action plan as CSV', ['evidence', 'actions', 'ev', '--as-of', '2026-03-31', '-o', 'actions.csv'], { command: 'evidence-actions', store: 'ev', asOf: '2026-03-31', outputs: [{ format: 'csv', output: 'actions.csv' }] }],
    ['the action plan, resolved ones since a date', ['evidence', 'actions', 'ev', '--from', '2026-01-01'], { command: 'evidence-actions', from: '2026-01-01', outputs: [{ format: 'markdown' }] }],
    ['the summary, HTML by default', ['evidence', 'summary', 'ev'], { command: 'evidence-summary', store: 'ev', outputs: [{ format: 'html' }] }],
    ['the summary with a public key', ['evidence', 'summary', 'ev', '--public-key', 'k.pub', '-f', 'markdown'], { publicKey: 'k.pub', outputs: [{ format: 'markdown' }] }],
  ])('parses %s', (_name, argv, expected) => {
    expect(parseCommandLine(argv)).toMatchObject(expected);
  });

  it.each<[string, string[], string]>([
    ['a report without its period', ['evidence', 'report', 'ev'], 'evidence report needs the observation period: --from DATE --to DATE, e.g. --from 2026-01-01 --to 2026-06-30'],
    ['dates out of order', ['evidence', 'report', 'ev', '--from', '2026-06-30', '--to', '2026-01-01'], '--to 2026-01-01 is before --from 2026-06-30; the period must end after it starts'],
    ['an unparseable date', ['evidence', 'report', 'ev', '--from', '2026-02-30', '--to', '2026-03-31'], '--from takes an ISO 8601 date or time with its zone, e.g. 2026-03-31 or 2026-03-31T23:59:59Z, not "2026-02-30"'],
    ['a date-time without its zone', ['evidence', 'actions', 'ev', '--as-of', '2026-03-31T10:00'], '--as-of takes an ISO 8601 date or time with its zone'],
    ['an as-of time before the period', ['evidence', 'report', 'ev', '--from', '2026-03-01', '--to', '2026-03-31', '--as-of', '2026-02-01'], '--as-of 2026-02-01 is before --from 2026-03-01: nothing of that period was observed yet'],
    ['a bad cadence', ['evidence', 'report', 'ev', '--from', '2026-03-01', '--to', '2026-03-31', '--cadence', 'daily'], '--cadence takes a number and h, d or w, e.g. 1d, 12h or 1w, not "daily"'],
    ['a sample of none', ['evidence', 'report', 'ev', '--from', '2026-03-01', '--to', '2026-03-31', '--sample', '0'], '--sample takes a number of dates from 1 to 1000, not "0"'],
    ['a seed without a sample', ['evidence', 'report', 'ev', '--from', '2026-03-01', '--to', '2026-03-31', '--seed', 'x'], '--seed goes with --sample N: the seed draws the sample'],
    ['a summary as CSV', ['evidence', 'summary', 'ev', '-f', 'csv'], 'evidence summary writes html, markdown, not "csv"'],
    ['a report as SARIF', ['evidence', 'report', 'ev', '--from', '2026-03-01', '--to', '2026-03-31', '-o', 'r.sarif'], 'cannot tell the format of "r.sarif" from its extension; add --format before --output'],
    ['a period for the action plan', ['evidence', 'actions', 'ev', '--to', '2026-03-31'], 'evidence actions does not take --to; it is an option of evidence report'],
    ['two stores', ['evidence', 'summary', 'a', 'b'], 'evidence summary takes one store, not also "b"'],
    ['two views on standard output', ['evidence', 'actions', 'ev', '-f', 'json', '-f', 'csv'], 'only one view can go to standard output; give the others an --output file'],
  ])('rejects %s with one line and exit code 2', async (_name, argv, message) => {
    const run = await trustscan(argv, temporaryDirectory('cli-views'));
    expect(run).toEqual({ status: 2, stdout: '', stderr: expect.stringContaining(`trustscan: ${message}`) as unknown });
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('from imported reports to a period report, an action plan and a summary', () => {
  const work = temporaryDirectory('cli-views');
  const store = 'evidence';

  beforeAll(async () => {
    writeFileSync(path.join(work, 'trustscan.config.yaml'), acmeConfig as string);
    // The example history's nightly reports, imported one by one at their scan time, day 6 last (out of order).
    for (const day of acmeImportOrder as number[]) {
      const file = `report-${day}.json`;
      writeFileSync(path.join(work, file), JSON.stringify((acmeReport as (day: number) => object)(day)));
      const run = await trustscan(['evidence', 'import', store, file, '--time', (acmeTime as (day: number) => string)(day)], work);
      expect(run.status).toBe(0);
    }
  }, 120_000);

  it('writes the period report in every format asked for, and says in one line what it found', async () => {
    const run = await trustscan(['evidence', 'report', store, '--from', '2026-03-01', '--to', '2026-03-20', '--as-of', '2026-03-20', '--sample', '3', '--seed', 'audit', '-o', 'out/report.md', '-o', 'out/report.html', '-o', 'out/report.json', '-o', 'out/report.csv'], work);
    expect(run).toEqual({ status: 0, stdout: '', stderr: 'trustscan: 2026-03-01 to 2026-03-20: 17 scan(s); of 5 control(s) tested, 0 operated throughout and 5 had exceptions; 5 deviation(s) (2 open at the end), 2 gap(s) (4 day(s) without evidence).\n' });
    const json = JSON.parse(readFileSync(path.join(work, 'out/report.json'), 'utf8')) as { deviations: { resource: { address: string }; ended: string }[]; gaps: unknown[]; sample: { seed: string; size: number } };
    expect(json.deviations.map((d) => [d.resource.address, d.ended]).sort()).toEqual([
      ['aws_db_instance.legacy', 'resource-removed'],
      ['aws_iam_policy.ci', 'still-open'],
      ['aws_s3_bucket.data', 'still-open'],
      ['aws_s3_bucket.logs', 'fixed'],
      ['aws_s3_bucket.tmp', 'waived'],
    ]);
    expect(json.sample).toMatchObject({ seed: 'audit', size: 3 });
    expect(readFileSync(path.join(work, 'out/report.md'), 'utf8')).toMatch(/^# SOC 2 Type II period report: 2026-03-01 to 2026-03-20\n/);
    expect(readFileSync(path.join(work, 'out/report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(path.join(work, 'out/report.csv'), 'utf8').split('\r\n').filter((line) => line.startsWith('deviation,'))).toHaveLength(5);
  });

  it('draws a sample with a fresh seed when none is given, and says which', async () => {
    const run = await trustscan(['evidence', 'report', store, '--from', '2026-03-01', '--to', '2026-03-20', '--sample', '2', '-f', 'json'], work);
    const seed = (JSON.parse(run.stdout) as { sample: { seed: string } }).sample.seed;
    expect(seed).toMatch(/^[0-9a-f]{8}$/);
    expect(run.stderr).toContain(`trustscan: the sample was drawn with seed ${seed}; pass --seed ${seed} to draw the same dates again.\n`);
  });

  it('writes the action plan with the owners and SLA of the config file', async () => {
    const run = await trustscan(['evidence', 'actions', store, '--as-of', '2026-03-20', '-f', 'json', '-o', 'actions.json', '-f', 'csv', '-o', 'actions.csv', '-f', 'markdown'], work);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('trustscan: as of 2026-03-20: 2 open action(s), 2 overdue; 2 resolved and 1 waived since 2025-12-20.\n');
    expect(run.stdout).toMatch(/^# Corrective action plan, as of 2026-03-20\n/);
    const plan = JSON.parse(readFileSync(path.join(work, 'actions.json'), 'utf8')) as { sla: object; actions: { resource: { address: string }; owner: string | null; status: string; due: string }[] };
    expect(plan.sla).toEqual({ critical: 3, high: 7, medium: 90, low: 180 });
    expect(plan.actions.map((a) => [a.resource.address, a.status, a.owner, a.due])).toEqual([
      ['aws_iam_policy.ci', 'overdue', null, '2026-03-15'],
      ['aws_s3_bucket.data', 'overdue', 'platform@acme.example', '2026-03-08'],
      ['aws_s3_bucket.tmp', 'waived', 'web@acme.example', '2026-05-30'],
      ['aws_db_instance.legacy', 'resolved', 'data@acme.example', '2026-03-08'],
      ['aws_s3_bucket.logs', 'resolved', 'platform@acme.example', '2026-06-03'],
    ]);
    const csv = readFileSync(path.join(work, 'actions.csv'), 'utf8').split('\r\n');
    expect(csv[0]?.startsWith('id,status,severity,control,title,')).toBe(true);
    expect(csv.filter(Boolean)).toHaveLength(6);
  });

  it('writes the one-page summary, of the store the config file names when none is given', async () => {
    writeFileSync(path.join(work, 'with-store.yaml'), `${acmeConfig as string}  store: ${store}\n`);
    const run = await trustscan(['evidence', 'summary', '--config', 'with-store.yaml', '--as-of', '2026-03-20', '-o', 'summary.html'], work);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    const html = readFileSync(path.join(work, 'summary.html'), 'utf8');
    expect(html).toContain('<h1>SOC 2 readiness summary, 2026-03-20</h1>');
    expect(html).toContain('Store <code>evidence</code>: 17 records in all');
  });

  it('writes the report of a period without a scan, marked as such, and exits 2', async () => {
    const run = await trustscan(['evidence', 'report', store, '--from', '2026-02-01', '--to', '2026-02-28', '--as-of', '2026-03-20', '-o', 'empty.md'], work);
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'trustscan: evidence: no scan was recorded from 2026-02-01 to 2026-02-28; the report shows the whole period as a gap.\n' });
    expect(readFileSync(path.join(work, 'empty.md'), 'utf8')).toContain('> No scan was recorded in this period: there is no evidence that any control operated, and the whole period is a gap.');
  });
});

describe('stores a view cannot use', () => {
  it.each<[string, (dir: string) => string[], RegExp]>([
    ['an empty store', (dir) => ['evidence', 'report', dir, '--from', '2026-03-01', '--to', '2026-03-31'], /^trustscan: .*: no evidence records here; record scans with `trustscan scan --evidence .*`\.\n$/],
    ['a store that does not exist', (dir) => ['evidence', 'actions', path.join(dir, 'nothing-here')], /^trustscan: .*nothing-here: no evidence store here \(no such directory\); record scans into it with `trustscan scan --evidence .*`\.\n$/],
    ['no store at all', () => ['evidence', 'summary', '--no-config'], /^trustscan: evidence summary needs a store: trustscan evidence summary STORE, or evidence\.store in the config file\.\n$/],
  ])('%s: one line, exit 2, nothing written', async (_name, argv, message) => {
    const directory = temporaryDirectory('cli-views');
    const run = await trustscan(argv(directory), directory);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('a broken chain: every view is written with the problem at its top, one line says so, exit 2', async () => {
    const work = temporaryDirectory('cli-views');
    for (const day of [1, 2, 3]) {
      writeFileSync(path.join(work, `r${day}.json`), JSON.stringify((acmeReport as (day: number) => object)(day)));
      expect((await trustscan(['evidence', 'import', 'ev', `r${day}.json`], work)).status).toBe(0);
    }
    const file = path.join(work, 'ev', 'records', '000000000001.jsonl.gz');
    writeFileSync(file, gzipSync(gunzipSync(readFileSync(file)).toString('utf8').replace('"status":"fail"', '"status":"pass"')));
    for (const [view, extra] of [['report', ['--from', '2026-03-01', '--to', '2026-03-03']], ['actions', []], ['summary', ['-f', 'markdown']]] as const) {
      const run = await trustscan(['evidence', view, 'ev', '--as-of', '2026-03-03', ...extra], work);
      expect(run.status).toBe(2);
      expect(run.stdout.split('\n').slice(2, 4).join('\n')).toMatch(/^> \[!CAUTION\]\n> \*\*The evidence chain is broken: 1 problem found by/);
      expect(run.stderr).toContain('trustscan: ev: the evidence chain is broken (1 problem, listed at the top of the view); run `trustscan evidence verify ev`.\n');
    }
  });
});
