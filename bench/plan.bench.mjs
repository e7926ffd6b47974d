// Plan scanning at 1,000, 10,000 and 50,000 resources: the whole scan (every built-in rule) next to a bare
// JSON.parse of the same file. Target for 10,000: the scan within 3x the parse, peak RSS under 400 MB.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const directory = path.join(here, '.generated', 'plans');
mkdirSync(directory, { recursive: true });

const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const rows = [];
for (const size of sizes) {
  const file = path.join(directory, `plan-${size}.json`);
  writeFileSync(file, JSON.stringify(generatePlan(size)));
  const megabytes = statSync(file).size / 1e6;
  const parse = measure('parse', file);
  const scan = measure('scan', file);
  rows.push({ resources: size, megabytes, parse, scan });
}

console.log('| resources | plan MB | JSON.parse ms | scan ms | scan / parse | resources/s | peak RSS MB (scan) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const { resources, megabytes, parse, scan } of rows) {
  console.log(
    `| ${resources.toLocaleString('en')} | ${megabytes.toFixed(1)} | ${parse.ms.toFixed(0)} | ${scan.ms.toFixed(0)} | ${(scan.ms / parse.ms).toFixed(2)}x | ${Math.round(resources / (scan.ms / 1000)).toLocaleString('en')} | ${scan.rssMb.toFixed(0)} |`,
  );
  if (scan.findings !== undefined && resources === rows[0]?.resources) console.log(`\n(${resources} resources: ${scan.findings} findings)\n`);
}

/** Runs one measurement in a fresh process (median of 3 runs), so timings and peak RSS are not shared. */
function measure(kind, file) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const child = spawnSync(process.execPath, [path.join(here, 'measure-plan.mjs'), kind, file], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${kind} ${file} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1];
}
