// Plan scanning at 1,000, 10,000 and 50,000 resources, as whole processes (Node's start-up included): the
// `trustscan scan PLAN` command a user runs (text report to a file, and SARIF to a file, every built-in rule) next
// to a process that only reads the same file and JSON.parses it. Targets: the scan within 2x the parse at 10,000
// resources and 1.5x at 50,000, peak RSS under 400 MB at 50,000. Medians of TRUSTSCAN_BENCH_RUNS (5) runs each.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeProcess } from './fresh-process.mjs';
import { generatePlan } from './generate-plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const directory = path.join(here, '.generated', 'plans');
const cli = path.join(here, '..', 'packages', 'cli', 'bin', 'trustscan.js');
const parse = path.join(here, 'parse-json.mjs');
mkdirSync(directory, { recursive: true });
const out = mkdtempSync(path.join(os.tmpdir(), 'trustscan-bench-out-'));

const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.env.TRUSTSCAN_BENCH_RUNS ?? 5);
console.log(`Node ${process.version}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)} at the start; medians of ${runs} fresh processes\n`);
console.log('| resources | plan MB | JSON.parse process ms | scan, text ms | scan / parse | scan, SARIF ms | SARIF / parse | findings | peak RSS MB (parse, text, SARIF) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
try {
  for (const size of sizes) {
    const file = path.join(directory, `plan-${size}.json`);
    writeFileSync(file, JSON.stringify(generatePlan(size)));
    const parsed = timeProcess([parse, file], { runs });
    const text = timeProcess([cli, 'scan', file, '--no-config', '--output', path.join(out, 'report.txt')], { runs });
    const sarif = timeProcess([cli, 'scan', file, '--no-config', '--quiet', '--output', path.join(out, 'report.sarif')], { runs });
    const findings = countFindings(text.stderr);
    console.log(
      `| ${size.toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(1)} | ${parsed.ms.toFixed(0)} | ${text.ms.toFixed(0)} | ${(text.ms / parsed.ms).toFixed(2)}x | ${sarif.ms.toFixed(0)} | ${(sarif.ms / parsed.ms).toFixed(2)}x | ${findings} | ${parsed.rssMb.toFixed(0)}, ${text.rssMb.toFixed(0)}, ${sarif.rssMb.toFixed(0)} |`,
    );
  }
  console.log(`\nload average ${os.loadavg()[0].toFixed(1)} at the end`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** The number of findings in the scan's summary line (`... 12 failed (...), 0 unknown, 0 waived, 8 passed; ...`). */
function countFindings(summary) {
  const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1] ?? Number.NaN);
  return (count('failed') + count('unknown') + count('waived') + count('passed')).toLocaleString('en');
}
