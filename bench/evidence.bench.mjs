// The evidence ledger over a year of daily scans of a 10,000-resource estate (30,000 findings, passes included),
// 1% of findings changing each day. Targets: appending a scan adds < 1 s, the store takes < 150 MB after 365
// days, `trustscan evidence verify` runs in < 10 s, and the period report, the action plan and the executive
// summary of the year each take < 5 s and < 1 GB. TRUSTSCAN_BENCH_DAYS shortens the history for a quick run;
// TRUSTSCAN_BENCH_REUSE=1 measures the store of the previous run instead of building it again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { appendEvidence } from '../packages/evidence/dist/index.js';
import { history } from './evidence-history.mjs';
import { medianOfThree } from './fresh-process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const store = path.join(here, '.generated', 'evidence', 'store');
const measure = path.join(here, 'measure-evidence.mjs');
const cli = path.join(here, '..', 'packages', 'cli', 'bin', 'trustscan.js');
const days = Number(process.env.TRUSTSCAN_BENCH_DAYS ?? 365);
const reuse = process.env.TRUSTSCAN_BENCH_REUSE === '1' && existsSync(path.join(store, 'HEAD'));

const times = { snapshot: [], delta: [] };
let findings = 30_000;
const started = performance.now();
if (!reuse) {
  rmSync(store, { recursive: true, force: true });
  for (const scan of history({ days })) {
    findings = scan.findings.length;
    const start = performance.now();
    const record = await appendEvidence(store, scan, { environment: { provider: 'local' } });
    times[record.kind].push(performance.now() - start);
  }
}
const buildSeconds = (performance.now() - started) / 1000;

const bytes = sizeOf(store);
const verifyRuns = [0, 1, 2].map(() => {
  const start = performance.now();
  const run = spawnSync(process.execPath, [cli, 'evidence', 'verify', store], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`evidence verify failed: ${run.stderr}`);
  return performance.now() - start;
});
const verify = median(verifyRuns);
const verifyRss = medianOfThree(measure, ['verify', store]);
const list = medianOfThree(measure, ['list', store]);
const replay = medianOfThree(measure, ['replay', store]);
const materialize = medianOfThree(measure, ['materialize', store, String(Math.ceil(days / 2))]);

// The evidence views of the year, each in a fresh process as a user runs it, written to files.
const views = path.join(here, '.generated', 'evidence', 'views');
mkdirSync(views, { recursive: true });
const year = ['--from', '2026-01-01', '--to', new Date(Date.UTC(2026, 0, days)).toISOString().slice(0, 10), '--as-of', '2027-01-31'];
const out = (name) => path.join(views, name);
const report = medianOfThree(measure, ['cli', 'evidence', 'report', store, ...year, '-o', out('period.md')]);
const reportAll = medianOfThree(measure, ['cli', 'evidence', 'report', store, ...year, '--sample', '25', '--seed', 'bench', '-o', out('period.md'), '-o', out('period.html'), '-o', out('period.json'), '-o', out('period.csv')]);
const actions = medianOfThree(measure, ['cli', 'evidence', 'actions', store, '--as-of', '2027-01-31', '-o', out('actions.csv')]);
const actionsAll = medianOfThree(measure, ['cli', 'evidence', 'actions', store, '--as-of', '2027-01-31', '-o', out('actions.md'), '-o', out('actions.html'), '-o', out('actions.json'), '-o', out('actions.csv')]);
const summary = medianOfThree(measure, ['cli', 'evidence', 'summary', store, '--as-of', '2027-01-31', '-o', out('summary.html')]);
const mb = (file) => `${(statSync(out(file)).size / 1e6).toFixed(1)} MB`;

// Last, as it adds records: one append per fresh process, loading the ledger as the CLI does.
const fresh = medianOfThree(measure, ['append', store, String(days)]);

const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
console.log(`History: ${days} daily scans of 10,000 resources, ${findings.toLocaleString('en')} findings each (passes included), 1% changing per day; ${reuse ? 'the store of the previous run' : `built in ${buildSeconds.toFixed(0)} s`}.\n`);
console.log('| measure | value | target |');
console.log('|---|---:|---:|');
if (!reuse) {
  console.log(`| append, delta day (median / 90th percentile / max of ${times.delta.length}) | ${ms(median(times.delta))} / ${ms(percentile(times.delta, 0.9))} / ${ms(Math.max(...times.delta))} | < 1 s |`);
  console.log(`| append, snapshot day (median / max of ${times.snapshot.length}) | ${ms(median(times.snapshot))} / ${ms(Math.max(...times.snapshot))} | < 1 s |`);
}
console.log(`| append in a fresh process, loading the ledger (median of 3) | ${ms(fresh.ms)} | < 1 s |`);
console.log(`| store size after ${days} days | ${(bytes / 1e6).toFixed(1)} MB | < 150 MB |`);
console.log(`| \`trustscan evidence verify\` (fresh process, median of 3) | ${(verify / 1000).toFixed(2)} s | < 10 s |`);
console.log(`| verify peak RSS | ${verifyRss.rssMb.toFixed(0)} MB | |`);
console.log(`| list every header (period views start here) | ${ms(list.ms)}, ${list.rssMb.toFixed(0)} MB RSS | |`);
console.log(`| replay the year: every record's state and changes | ${ms(replay.ms)}, ${replay.rssMb.toFixed(0)} MB RSS | |`);
console.log(`| materialize one record (an auditor's sample) | ${ms(materialize.ms)} | |`);
console.log(`| \`trustscan evidence report\` of the year, Markdown (${mb('period.md')}) | ${ms(report.ms)}, ${report.rssMb.toFixed(0)} MB RSS | < 5 s, < 1 GB |`);
console.log(`| the same, Markdown, HTML, JSON (${mb('period.json')}) and CSV, with a sample of 25 dates | ${ms(reportAll.ms)}, ${reportAll.rssMb.toFixed(0)} MB RSS | |`);
console.log(`| \`trustscan evidence actions\`, CSV (${mb('actions.csv')}) | ${ms(actions.ms)}, ${actions.rssMb.toFixed(0)} MB RSS | < 5 s, < 1 GB |`);
console.log(`| the same, Markdown, HTML, JSON and CSV | ${ms(actionsAll.ms)}, ${actionsAll.rssMb.toFixed(0)} MB RSS | |`);
console.log(`| \`trustscan evidence summary\`, HTML | ${ms(summary.ms)}, ${summary.rssMb.toFixed(0)} MB RSS | < 5 s, < 1 GB |`);
console.log(`| (the year's views: ${report.stderr.trim().replace(/^trustscan: /, '')}) | | |`);

function sizeOf(directory) {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    total += entry.isDirectory() ? sizeOf(file) : statSync(file).size;
  }
  return total;
}

function median(values) {
  return percentile(values, 0.5);
}

function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}
