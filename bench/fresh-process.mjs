// Benchmarks measure in fresh processes, so that timings include start-up and peak RSS is per measurement.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const rssPreload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'process-rss.mjs');

/** Runs `node script ...args` three times and returns the median of the JSON each run prints. */
export function medianOfThree(script, args) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const child = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1];
}

/**
 * Runs `node ...args` `runs` times as a whole process (Node's start-up included) and returns the median wall time
 * and the median peak RSS, with the last run's standard error. Standard output is discarded.
 */
export function timeProcess(args, { runs = 5 } = {}) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'trustscan-bench-'));
  try {
    const rssFile = path.join(directory, 'rss');
    const times = [];
    const rss = [];
    let stderr = '';
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const child = spawnSync(process.execPath, ['--import', rssPreload, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, TRUSTSCAN_BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      times.push(performance.now() - start);
      if (child.status !== 0 && child.status !== 1) throw new Error(`node ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
      rss.push(Number(readFileSync(rssFile, 'utf8')));
      stderr = child.stderr;
    }
    const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { ms: middle(times), rssMb: middle(rss), all: times, stderr };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
