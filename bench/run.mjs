// Runs every bench/*.bench.mjs in its own Node process (so peak RSS is per benchmark), or the ones named:
//   pnpm bench            all benchmarks
//   pnpm bench plan hcl   bench/plan.bench.mjs and bench/hcl.bench.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace(/\.bench\.mjs$/, '')))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.mjs$/, '')}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
