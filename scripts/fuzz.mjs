// Runs the property tests (`*.property.test.ts`) as a fuzzer: random seeds, as many runs as fit in the time, and a
// report of what was tried. The same properties run with fixed seeds and few runs in `pnpm test`.
//   pnpm fuzz [--seconds N] [TARGET...]      N seconds in all (default 60), shared by the properties of the targets
//   pnpm fuzz --seed S [TARGET...]           the same, from seed S
//   pnpm fuzz --replay SEED:PATH --property NAME TARGET
//                                            replay one counterexample a fuzz run printed
// A TARGET is a property file's name without `.property.test.ts` (plan-loader, terraform-functions, ...).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suffix = '.property.test.ts';
const options = { seconds: 60, seed: undefined, replay: undefined, property: undefined, targets: [] };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = () => {
    const next = args[++i];
    if (next === undefined) fail(`${arg} needs a value`);
    return next;
  };
  if (arg === '--seconds') options.seconds = Number(value());
  else if (arg === '--seed') options.seed = value();
  else if (arg === '--replay') options.replay = value();
  else if (arg === '--property') options.property = value();
  else if (arg === '--help' || arg === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
    process.exit(0);
  } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
  else options.targets.push(arg);
}
if (!(options.seconds > 0)) fail('--seconds needs a positive number');
if (options.seed !== undefined && !/^-?\d+$/.test(options.seed)) fail('--seed needs an integer');
if (options.replay !== undefined && (!/^-?\d+:[\d:]*$/.test(options.replay) || options.property === undefined)) fail('--replay needs SEED:PATH and --property NAME');

const files = propertyFiles();
const known = new Map(files.map((file) => [path.basename(file, suffix), file]));
for (const target of options.targets) if (!known.has(target)) fail(`no property target "${target}"; targets: ${[...known.keys()].sort().join(', ')}`);
const selected = options.targets.length > 0 ? options.targets.map((t) => known.get(t)) : files;
const properties = selected.reduce((sum, file) => sum + (readFileSync(file, 'utf8').match(/checkProperty\(/g) ?? []).length, 0);
const perProperty = Math.max(1000, Math.floor((options.seconds * 1000) / Math.max(1, properties)));

const work = mkdtempSync(path.join(os.tmpdir(), 'trustscan-fuzz-'));
const report = path.join(work, 'report.jsonl');
try {
  console.log(`fuzzing ${properties} propert${properties === 1 ? 'y' : 'ies'} of ${selected.length} target(s) for about ${options.seconds} s (${(perProperty / 1000).toFixed(1)} s each)${options.seed === undefined ? '' : `, seed ${options.seed}`}\n`);
  const vitest = spawnSync(
    'pnpm',
    ['exec', 'vitest', 'run', '--no-file-parallelism', '--reporter=dot', ...(options.property ? ['-t', options.property] : []), ...selected.map((f) => path.relative(root, f))],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TRUSTSCAN_FUZZ_MS: String(perProperty),
        TRUSTSCAN_FUZZ_REPORT: report,
        ...(options.seed === undefined ? {} : { TRUSTSCAN_FUZZ_SEED: options.seed }),
        ...(options.replay === undefined ? {} : { TRUSTSCAN_FUZZ_REPLAY: options.replay }),
      },
    },
  );
  const records = existsSync(report) ? readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  console.log('\n| target | property | runs | seed | ms | result |');
  console.log('|---|---|---:|---:|---:|---|');
  for (const r of records) console.log(`| ${r.target} | ${r.property} | ${r.runs.toLocaleString('en')} | ${r.seed} | ${r.ms.toLocaleString('en')} | ${r.failed ? 'FAILED' : 'held'} |`);
  const failures = records.filter((r) => r.failed);
  for (const r of failures) {
    console.log(`\n${r.target}: ${r.property} failed after ${r.runs} run(s): ${r.error}`);
    console.log(`  counterexample: ${r.counterexample.length > 2000 ? `${r.counterexample.slice(0, 2000)}…` : r.counterexample}`);
    console.log(`  replay: pnpm fuzz --replay ${r.replay} --property ${JSON.stringify(r.property)} ${r.target}`);
  }
  const total = records.reduce((sum, r) => sum + r.runs, 0);
  console.log(`\n${records.length} propert${records.length === 1 ? 'y' : 'ies'}, ${total.toLocaleString('en')} runs, ${failures.length} failed.`);
  process.exitCode = failures.length > 0 || vitest.status !== 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}

function propertyFiles() {
  const found = [];
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(suffix)) found.push(full);
    }
  };
  for (const base of ['packages', 'testing']) if (existsSync(path.join(root, base))) walk(path.join(root, base));
  return found.sort();
}

function fail(message) {
  console.error(`fuzz: ${message} (see pnpm fuzz --help)`);
  process.exit(2);
}
