// Plan scanning at 1,000, 10,000 and 50,000 resources: the whole scan (every built-in rule) next to a bare
// JSON.parse of the same file. Target for 10,000: the scan within 3x the parse, peak RSS under 400 MB.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianOfThree } from './fresh-process.mjs';
import { generatePlan } from './generate-plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const directory = path.join(here, '.generated', 'plans');
const measure = path.join(here, 'measure-plan.mjs');
mkdirSync(directory, { recursive: true });

const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
console.log('| resources | plan MB | JSON.parse ms | scan ms | scan / parse | resources/s | findings | peak RSS MB (scan) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const size of sizes) {
  const file = path.join(directory, `plan-${size}.json`);
  writeFileSync(file, JSON.stringify(generatePlan(size)));
  const parse = medianOfThree(measure, ['parse', file]);
  const scan = medianOfThree(measure, ['scan', file]);
  const findings = scan.counts.pass + scan.counts.fail + scan.counts.unknown;
  console.log(
    `| ${size.toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(1)} | ${parse.ms.toFixed(0)} | ${scan.ms.toFixed(0)} | ${(scan.ms / parse.ms).toFixed(2)}x | ${Math.round(size / (scan.ms / 1000)).toLocaleString('en')} | ${findings.toLocaleString('en')} | ${scan.rssMb.toFixed(0)} |`,
  );
}
