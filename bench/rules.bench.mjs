// The AWS and the Azure rules, each on generated plans of its provider at 1,000, 10,000 and 50,000 resources
// (generate-aws-plan.mjs, generate-azure-plan.mjs): the scan with no rules (load and relations), the scan with the
// pack, the rules' share, throughput and peak RSS; each figure is the median of 3 runs in a fresh process.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianOfThree } from './fresh-process.mjs';
import { generateAwsPlan } from './generate-aws-plan.mjs';
import { generateAzurePlan } from './generate-azure-plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const directory = path.join(here, '.generated', 'rules');
const measure = path.join(here, 'measure-plan.mjs');
mkdirSync(directory, { recursive: true });

const packs = [
  ['aws', generateAwsPlan],
  ['azure', generateAzurePlan],
];
const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
console.log('| pack | resources | plan MB | scan, no rules ms | scan, pack ms | rules ms | resources/s | findings (pass/fail/unknown) | peak RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
for (const [pack, generate] of packs) {
  for (const size of sizes) {
    const file = path.join(directory, `${pack}-plan-${size}.json`);
    writeFileSync(file, JSON.stringify(generate(size)));
    const load = medianOfThree(measure, ['scan', file, 'none']);
    const rules = medianOfThree(measure, ['scan', file, pack]);
    const { pass, fail, unknown } = rules.counts;
    console.log(
      `| ${pack} | ${size.toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(1)} | ${load.ms.toFixed(0)} | ${rules.ms.toFixed(0)} | ${(rules.ms - load.ms).toFixed(0)} | ${Math.round(size / (rules.ms / 1000)).toLocaleString('en')} | ${pass}/${fail}/${unknown} | ${rules.rssMb.toFixed(0)} |`,
    );
  }
}
