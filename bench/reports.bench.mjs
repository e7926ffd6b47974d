// Reports, config and baselines at 1,000, 10,000 and 50,000 planned resources: the time of each reporter on one
// scan result (median of 3), the size it writes, and the cost of reading a config with 500 waivers and of applying
// them and a baseline. Reporters run once per scan and must stay well under the scan itself; the Markdown summary
// must stay under GitHub's 65,536-character comment limit at every size.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const directory = path.join(here, '.generated', 'reports');

if (process.argv[2] === 'measure') {
  process.stdout.write(JSON.stringify(await measure(process.argv[3])));
} else {
  mkdirSync(directory, { recursive: true });
  const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
  const rows = [];
  for (const size of sizes) {
    const file = path.join(directory, `plan-${size}.json`);
    writeFileSync(file, JSON.stringify(generatePlan(size)));
    const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), 'measure', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`measuring ${file} failed: ${child.stderr}`);
    rows.push({ size, ...JSON.parse(child.stdout) });
  }
  console.log('| resources | findings | scan ms | text | json | sarif | markdown | html | junit | peak RSS MB |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const cell = (name) => `${row.reporters[name].ms.toFixed(0)} ms, ${(row.reporters[name].bytes / 1e6).toFixed(2)} MB`;
    console.log(`| ${row.size.toLocaleString('en')} | ${row.findings.toLocaleString('en')} | ${row.scanMs.toFixed(0)} | ${['text', 'json', 'sarif', 'markdown', 'html', 'junit'].map(cell).join(' | ')} | ${row.rssMb.toFixed(0)} |`);
  }
  console.log('\n| resources | Markdown characters | read config (500 waivers) ms | apply 500 waivers ms | write + apply baseline ms |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.size.toLocaleString('en')} | ${row.markdownLength.toLocaleString('en')} | ${row.configMs.toFixed(1)} | ${row.waiversMs.toFixed(0)} | ${row.baselineMs.toFixed(0)} |`);
  }
}

/** Scans one plan, then times every reporter, the config reader, waivers and the baseline on its result. */
async function measure(file) {
  const core = await import('../packages/core/dist/index.js');
  const reporters = await import('../packages/reporters/dist/index.js');
  const { rules } = await import('../packages/rules/dist/index.js');
  const started = performance.now();
  const result = await core.scan({ targets: [{ kind: 'terraform-plan', path: file }], rules, root: here, today: '2026-11-26' });
  const scanMs = performance.now() - started;

  const renderers = {
    text: () => reporters.toText(result),
    json: () => reporters.toJson(result),
    sarif: () => reporters.toSarif(result),
    markdown: () => reporters.toMarkdown(result, { date: '2026-11-26' }),
    html: () => reporters.toHtml(result, { date: '2026-11-26' }),
    junit: () => reporters.toJunit(result),
  };
  const timed = {};
  let markdownLength = 0;
  for (const [name, render] of Object.entries(renderers)) {
    const runs = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      globalThis.gc?.();
      const start = performance.now();
      const text = render();
      runs.push(performance.now() - start);
      bytes = Buffer.byteLength(text);
      if (name === 'markdown') markdownLength = text.length;
    }
    timed[name] = { ms: runs.sort((a, b) => a - b)[1], bytes };
  }

  // 500 waivers, each on one failing resource of the scan, written as a user would write them.
  const failing = result.findings.filter((f) => f.status === 'fail').slice(0, 500);
  const config = ['waivers:', ...failing.flatMap((f, i) => [`  - rule: ${f.ruleId}`, `    resource: ${JSON.stringify(f.resource.address)}`, `    reason: Accepted risk number ${i} for the benchmark.`, '    owner: bench@acme.test', '    expires: 2030-01-31'])].join('\n');
  const configFile = path.join(directory, `trustscan.config-${path.basename(file, '.json')}.yaml`);
  writeFileSync(configFile, config);
  let start = performance.now();
  const parsed = await core.readConfigFile(configFile);
  const configMs = performance.now() - start;
  start = performance.now();
  core.applyWaivers(result.findings, parsed.waivers, '2026-11-26');
  const waiversMs = performance.now() - start;

  start = performance.now();
  const baselineFile = path.join(directory, `baseline-${path.basename(file)}`);
  const baseline = core.createBaseline(result, new Date('2026-11-26T00:00:00Z'));
  await core.writeBaseline(baselineFile, baseline);
  core.applyBaseline(result, await core.readBaseline(baselineFile), baselineFile);
  const baselineMs = performance.now() - start;

  return { findings: result.findings.length, scanMs, reporters: timed, markdownLength, configMs, waiversMs, baselineMs, rssMb: process.resourceUsage().maxRSS / 1024 };
}
