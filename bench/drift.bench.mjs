// Drift: a raw state of the generated AWS plan (bench/generate-aws-plan.mjs, ids and ARNs filled in) against the
// same resources as a live source returns them, partly drifted (measure-drift.mjs), at 1,000, 10,000 and 50,000
// declared resources. The scan with drift and without it, the difference (the join and the comparison), the drift
// findings and peak RSS; each size in a fresh process, each time the median of 3 scans taken alternately.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const measure = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure-drift.mjs');
const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
console.log('| declared resources | scan, no drift ms | scan, drift ms | drift ms | drifted / unmanaged / missing | peak RSS MB |');
console.log('|---:|---:|---:|---:|---|---:|');
for (const size of sizes) {
  const child = spawnSync(process.execPath, [measure, String(size)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`measure-drift.mjs ${size} failed: ${child.stderr}`);
  const { offMs, onMs, rssMb, counts } = JSON.parse(child.stdout);
  const count = (key) => counts[key] ?? 0;
  console.log(
    `| ${size.toLocaleString('en')} | ${offMs.toFixed(0)} | ${onMs.toFixed(0)} | ${(onMs - offMs).toFixed(0)} | ${count('drift-control fail')} / ${count('drift-unmanaged fail')} / ${count('drift-missing fail')} | ${rssMb.toFixed(0)} |`,
  );
}
