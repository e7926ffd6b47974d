// HCL scanning: generated trees of 100 and 1,000 files (a root module calling nine local modules) and the vendored
// cloudposse/terraform-aws-components repository (558 files, 96 root modules), each scanned in a fresh process with
// every built-in rule: cold (nothing cached; the scan fills the cache of evaluated roots), unchanged (the cache
// filled), and with one module file changed. Next to it, the parse alone. Targets on 2 cores: 1,000 files cold
// under 2 s and unchanged under 0.3 s; the repository cold under 1.5 s.
//   node bench/hcl.bench.mjs                          the table, also written to docs/performance.md
//   node bench/hcl.bench.mjs measure MODE DIR CACHE   one measurement as JSON (used by the table, one process each)
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedTree, loadAverage, median, scratchDirectory, terraformSize, unpackComponents, writePerformanceSection } from './corpora.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const runs = Number(process.env.TRUSTSCAN_BENCH_RUNS ?? 5);

if (process.argv[2] === 'measure') {
  console.log(JSON.stringify(await measureOnce(process.argv[3], process.argv[4], process.argv[5])));
} else {
  await table();
}

async function table() {
  const { directory: scratch } = scratchDirectory();
  const before = loadAverage();
  const corpora = [
    ...(process.env.TRUSTSCAN_BENCH_HCL_SIZES ?? '100,1000').split(',').map(Number).map((size) => ({ name: `generated, ${size.toLocaleString('en')} files`, ...generatedTree(scratch, size), changed: path.join('modules', 'm0', 'locals.tf') })),
    { name: 'terraform-aws-components 0.182.0', directory: unpackComponents(scratch), changed: path.join('modules', 'account-map', 'modules', 'iam-roles', 'variables.tf') },
  ];
  const rows = [];
  for (const corpus of corpora) {
    const { files, bytes } = terraformSize(corpus.directory);
    const cache = path.join(scratch, `cache-${rows.length}`);
    const parse = measureMedian(() => run('parse', corpus.directory, ''));
    const cold = measureMedian(() => (rmSync(cache, { recursive: true, force: true }), run('scan', corpus.directory, cache)));
    run('scan', corpus.directory, cache);
    const unchanged = measureMedian(() => run('scan', corpus.directory, cache));
    const changedFile = path.join(corpus.directory, corpus.changed);
    const changed = measureMedian(() => {
      appendFileSync(changedFile, `\n# touched ${Date.now()}\n`);
      return run('scan', corpus.directory, cache);
    });
    rows.push({ corpus, files, bytes, parse, cold, unchanged, changed });
  }
  const after = loadAverage();
  const lines = [
    '| Corpus | Files | MB | Roots | Resources | Parse only | Cold scan | Unchanged | One module file changed | Peak RSS (cold) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(({ corpus, files, bytes, parse, cold, unchanged, changed }) =>
      `| ${corpus.name} | ${files.toLocaleString('en')} | ${(bytes / 1e6).toFixed(2)} | ${cold.roots} | ${cold.resources.toLocaleString('en')} | ${ms(parse)} | ${ms(cold)} | ${ms(unchanged)} | ${ms(changed)} | ${cold.rssMb.toFixed(0)} MB |`,
    ),
  ];
  const table = lines.join('\n');
  console.log(`${os.availableParallelism()} cores, Node ${process.version}, median of ${runs} fresh processes each\n`);
  console.log(table);
  const quiet = `Load average (1, 5, 15 min) ${before.one.toFixed(2)} ${before.five.toFixed(2)} ${before.fifteen.toFixed(2)} before, ${after.one.toFixed(2)} ${after.five.toFixed(2)} ${after.fifteen.toFixed(2)} after`;
  console.log(`\n${quiet}.`);
  const file = writePerformanceSection(
    'hcl',
    [
      '## Terraform directories and repositories (`pnpm bench hcl`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; median of ${runs} fresh processes each, timed from the start of the Node process (its own start-up included) to the end of \`scan()\` (imports, the walk for root modules, evaluation, every built-in rule; no report written). ${quiet}.`,
      '',
      table,
      '',
      '- *Parse only*: reading every file with trustscan\'s HCL parser, in one fresh process (start-up included).',
      '- *Cold*: nothing cached; the scan also writes the cache of evaluated roots.',
      '- *Unchanged*: the cache holds every root and no input changed: files are trusted by size, time and inode, and no root is evaluated.',
      '- *One module file changed*: a comment added to a module file before each run; the roots that call the module are evaluated again.',
      '',
      'Targets on a 2-core machine: 1,000 files cold under 2 s and unchanged under 0.3 s; the 558-file repository cold under 1.5 s.',
    ].join('\n'),
  );
  console.log(`\nWrote ${path.relative(path.join(here, '..'), file)}.`);
}

function ms(measurement) {
  return measurement.ms >= 1000 ? `${(measurement.ms / 1000).toFixed(2)} s` : `${measurement.ms.toFixed(0)} ms`;
}

function run(mode, directory, cache) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'measure', mode, directory, cache], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`${mode} ${directory} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

function measureMedian(measure) {
  const all = Array.from({ length: runs }, measure);
  const middle = median(all.map((m) => m.ms));
  return all.find((m) => m.ms === middle) ?? { ...all[0], ms: middle };
}

async function measureOnce(mode, directory, cache) {
  // performance.now() counts from the process's time origin: Node's own start-up is part of every figure.
  const dist = (file) => pathToFileURL(path.join(here, '..', 'packages', ...file.split('/'))).href;
  if (mode === 'parse') {
    const { parseHclText } = await import(dist('core/dist/sources/terraform/hcl/parse/parse-hcl.js'));
    let files = 0;
    const visit = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (entry.name.endsWith('.tf')) {
          parseHclText('tf', readFileSync(full, 'utf8'));
          files++;
        }
      }
    };
    visit(directory);
    return { ms: performance.now(), files };
  }
  const { scan } = await import(dist('core/dist/index.js'));
  const { rules } = await import(dist('rules/dist/index.js'));
  // As the CLI does: the rules identified, so an unchanged root's findings are reused too.
  const { rulesIdentity } = await import(dist('cli/dist/rules-identity.js'));
  const result = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: cache }, rulesIdentity: rulesIdentity(rules, undefined, []) });
  return {
    ms: performance.now(),
    roots: result.targets.length,
    resources: result.summary.resources,
    findings: result.findings.length,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}
