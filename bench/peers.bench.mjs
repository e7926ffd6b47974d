// trustscan next to Checkov and Trivy on the same corpora, in one run: the vendored cloudposse/terraform-aws-components
// repository (558 files), the generated 1,000-file tree and a 10,000-resource plan. Each tool runs as a user would
// run it in CI, from a fresh process, writing a report to a file. Peers come from scripts/install-peers.sh (.peers/),
// else from PATH; a peer that is not installed is skipped, and the table says so. Every tool runs with the network
// closed (proxy variables pointing at a refused port): Trivy would otherwise try to download the registry modules
// these repositories call, and Checkov its guideline data. Targets: at least 10x faster than Checkov and 2x faster
// than Trivy on every corpus.
//   node bench/peers.bench.mjs        the table, also written to docs/performance.md
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedPlan, generatedTree, loadAverage, median, scratchDirectory, terraformSize, unpackComponents, writePerformanceSection } from './corpora.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.join(here, '..');
const runs = Number(process.env.TRUSTSCAN_BENCH_RUNS ?? 3);
/** A tool whose first run takes longer than this runs once (Trivy takes minutes on a large plan). */
const slowRunMs = 120_000;
const closedNetwork = { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9', NO_PROXY: '', no_proxy: '' };

const { directory: scratch } = scratchDirectory();
const output = path.join(scratch, 'out');
mkdirSync(output, { recursive: true });

const peers = [findPeer('checkov', ['--version']), findPeer('trivy', ['--version'])];
for (const peer of peers) console.log(peer.path ? `${peer.name}: ${peer.version} (${peer.path})` : `${peer.name}: not installed, skipped (run scripts/install-peers.sh)`);

const components = unpackComponents(scratch);
const generated = generatedTree(scratch, 1000).directory;
const plan = generatedPlan(scratch, 10_000);
const corpora = [
  { name: 'terraform-aws-components 0.182.0', kind: 'directory', target: components, size: describeDirectory(components) },
  { name: 'generated, 1,000 files', kind: 'directory', target: generated, size: describeDirectory(generated) },
  { name: 'plan, 10,000 resources', kind: 'plan', target: plan, size: `${(readFileSync(plan).length / 1e6).toFixed(1)} MB` },
];

const before = loadAverage();
const rows = [];
for (const corpus of corpora) {
  const cache = path.join(scratch, `cache-${rows.length}`);
  const tools = [
    { name: 'trustscan', command: trustscanCommand(corpus, ['--no-cache']), count: () => sarifResults(path.join(output, 'trustscan.sarif')) },
    ...(corpus.kind === 'directory' ? [{ name: 'trustscan, unchanged', prime: true, command: trustscanCommand(corpus, ['--cache-dir', cache]), count: () => sarifResults(path.join(output, 'trustscan.sarif')) }] : []),
    ...peers.filter((p) => p.path).map((peer) => ({ name: peer.name, command: peerCommand(peer, corpus), count: () => peerFindings(peer.name), exitCodes: peer.name === 'checkov' ? [0, 1] : [0] })),
  ];
  const measured = {};
  for (const tool of tools) {
    if (tool.prime) spawnSync(tool.command[0], tool.command.slice(1), { env: { ...process.env, ...closedNetwork } });
    const times = [];
    let findings;
    let failed;
    for (let i = 0; i < runs; i++) {
      clearReports();
      const started = performance.now();
      const child = spawnSync(tool.command[0], tool.command.slice(1), { env: { ...process.env, ...closedNetwork, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 28 });
      const elapsed = performance.now() - started;
      times.push(elapsed);
      if (!(tool.exitCodes ?? [0]).includes(child.status)) {
        // A failed run is reported, not timed as if it had scanned: its report file was cleared before the run.
        failed = `exit ${child.status}: ${lastLine(child.stderr || child.stdout)}`;
        break;
      }
      findings = tool.count();
      if (elapsed > slowRunMs) break;
    }
    measured[tool.name] = { ms: median(times), runs: times.length, findings, failed };
    console.log(`${corpus.name}: ${tool.name} ${seconds(median(times))} (${times.map(seconds).join(', ')}), ${failed ? `FAILED (${failed})` : `${findings ?? '?'} findings`}`);
  }
  rows.push({ corpus, measured });
}
const after = loadAverage();

const columns = ['trustscan', 'trustscan, unchanged', ...peers.map((p) => p.name)];
const header = ['Corpus', 'Size', ...columns.map((c) => c), ...peers.filter((p) => p.path).map((p) => `${p.name} ÷ trustscan`)];
const lines = [`| ${header.join(' | ')} |`, `|---|---|${header.slice(2).map(() => '---:').join('|')}|`];
for (const { corpus, measured } of rows) {
  const cell = (name) => {
    const m = measured[name];
    if (!m) return name.startsWith('trustscan') ? '–' : 'not installed';
    if (m.failed) return `failed after ${seconds(m.ms)}`;
    return `${seconds(m.ms)}${m.runs < runs ? ` (${m.runs} run)` : ''}`;
  };
  const ratios = peers.filter((p) => p.path).map((p) => (measured[p.name].failed || measured.trustscan.failed ? '–' : `${(measured[p.name].ms / measured.trustscan.ms).toFixed(1)}x`));
  lines.push(`| ${corpus.name} | ${corpus.size} | ${columns.map(cell).join(' | ')} | ${ratios.join(' | ')} |`);
}
const findingLines = rows.map(({ corpus, measured }) => `${corpus.name}: ${Object.entries(measured).filter(([name]) => name !== 'trustscan, unchanged').map(([name, m]) => `${name} ${m.failed ? 'failed' : (m.findings ?? '?')}`).join(', ')}`);
const failures = rows.flatMap(({ corpus, measured }) => Object.entries(measured).filter(([, m]) => m.failed).map(([name, m]) => `${name} on ${corpus.name}: ${m.failed}`));
const quiet = `Load average (1, 5, 15 min) ${before.one.toFixed(2)} ${before.five.toFixed(2)} ${before.fifteen.toFixed(2)} before, ${after.one.toFixed(2)} ${after.five.toFixed(2)} ${after.fifteen.toFixed(2)} after`;
const table = lines.join('\n');
console.log(`\n${table}\n\n${quiet}.`);

const versions = peers.map((p) => (p.path ? `${p.name} ${p.version}` : `${p.name} (not installed)`)).join(', ');
const file = writePerformanceSection(
  'peers',
  [
    '## Side by side with Checkov and Trivy (`pnpm bench peers`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, trustscan ${trustscanVersion()}, ${versions}. Wall time of the command, from a fresh process, median of ${runs} runs (one run when a run took over ${slowRunMs / 60_000} minutes). ${quiet}.`,
    '',
    table,
    '',
    '- *trustscan*: `trustscan scan TARGET --no-config --no-cache --fail-on never -f sarif -o FILE` (nothing cached). *Unchanged*: the same with a filled `--cache-dir`, the files untouched.',
    '- *Checkov*: `checkov -d DIR --framework terraform` (a plan: `-f FILE --framework terraform_plan`) `--skip-download --quiet --compact -o json --output-file-path DIR`.',
    '- *Trivy*: `trivy config --timeout 2h --format json --output FILE --cache-dir DIR --skip-check-update --skip-version-check --quiet TARGET`, with the checks embedded in the binary. With its default `--timeout 5m`, Trivy runs the whole scan of the generated tree and of the plan and then fails with `context deadline exceeded`, reporting nothing; the longer timeout lets it finish.',
    '- Every command runs with `HTTPS_PROXY`/`HTTP_PROXY` pointing at a refused local port, so no tool waits on the network: both repositories call registry and git modules, which Trivy would try to download.',
    '- The tools do not check the same things (trustscan runs its SOC 2 rule pack, the others theirs), so the counts below are context, not a comparison:',
    '',
    ...findingLines.map((line) => `  - ${line}`),
    ...(failures.length > 0 ? ['', 'Runs that failed (timed until they stopped):', '', ...failures.map((line) => `- ${line}`)] : []),
    '',
    'To reproduce: `scripts/install-peers.sh` (Checkov from PyPI into `.peers/venv`, Trivy built with `go install` into `.peers/bin`; about 10 minutes), then `pnpm bench peers`. The corpora are unpacked or generated into a temporary directory for the run.',
  ].join('\n'),
);
console.log(`\nWrote ${path.relative(repository, file)}.`);

function trustscanCommand(corpus, extra) {
  return [process.execPath, path.join(repository, 'packages', 'cli', 'bin', 'trustscan.js'), 'scan', corpus.target, '--no-config', '--fail-on', 'never', '-q', '-f', 'sarif', '-o', path.join(output, 'trustscan.sarif'), ...extra];
}

function peerCommand(peer, corpus) {
  if (peer.name === 'checkov') {
    const target = corpus.kind === 'plan' ? ['-f', corpus.target, '--framework', 'terraform_plan'] : ['-d', corpus.target, '--framework', 'terraform'];
    rmSync(path.join(output, 'checkov'), { recursive: true, force: true });
    return [peer.path, ...target, '--skip-download', '--quiet', '--compact', '-o', 'json', '--output-file-path', path.join(output, 'checkov')];
  }
  const cache = path.join(scratch, 'trivy-cache');
  // Trivy's default --timeout (5 minutes) is checked only once the scan has finished, and then fails the run: give it
  // room, so a slow scan is timed to its end and reports its findings.
  return [peer.path, 'config', '--timeout', '2h', '--format', 'json', '--output', path.join(output, 'trivy.json'), '--cache-dir', cache, '--skip-check-update', '--skip-version-check', '--quiet', corpus.target];
}

/** Removes every tool's report, so a run that fails cannot be credited with the previous run's findings. */
function clearReports() {
  for (const name of ['trustscan.sarif', 'trivy.json', 'checkov']) rmSync(path.join(output, name), { recursive: true, force: true });
}

function lastLine(text) {
  return (text ?? '').trim().split('\n').at(-1)?.replace(/\s+/g, ' ').slice(0, 300) ?? '';
}

function peerFindings(name) {
  try {
    if (name === 'checkov') {
      const directory = path.join(output, 'checkov');
      const file = readdirSync(directory).find((f) => f.endsWith('.json'));
      const report = JSON.parse(readFileSync(path.join(directory, file), 'utf8'));
      return (Array.isArray(report) ? report : [report]).reduce((sum, r) => sum + (r.results?.failed_checks?.length ?? 0), 0);
    }
    const report = JSON.parse(readFileSync(path.join(output, 'trivy.json'), 'utf8'));
    return (report.Results ?? []).reduce((sum, r) => sum + (r.Misconfigurations?.filter((m) => m.Status === 'FAIL').length ?? 0), 0);
  } catch {
    return undefined;
  }
}

function sarifResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).runs[0].results.filter((r) => r.properties?.status === 'fail').length;
  } catch {
    return undefined;
  }
}

/** A peer from .peers/bin, else PATH, with its version; `path` is undefined when it is not installed. */
function findPeer(name, versionArgs) {
  const local = path.join(repository, '.peers', 'bin', name);
  const candidates = [...(existsSync(local) ? [local] : []), name];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, versionArgs, { encoding: 'utf8', env: { ...process.env, ...closedNetwork } });
    if (probe.status === 0) return { name, path: candidate, version: (probe.stdout.match(/\d+\.\d+\.\d+/) ?? [probe.stdout.trim()])[0] };
  }
  return { name };
}

function describeDirectory(directory) {
  const { files, bytes } = terraformSize(directory);
  return `${files.toLocaleString('en')} files, ${(bytes / 1e6).toFixed(1)} MB`;
}

function trustscanVersion() {
  return JSON.parse(readFileSync(path.join(repository, 'packages', 'core', 'package.json'), 'utf8')).version;
}

function seconds(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}
