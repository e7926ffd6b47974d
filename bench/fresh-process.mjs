// Benchmarks measure in fresh processes, so that timings include start-up and peak RSS is per measurement.
import { spawnSync } from 'node:child_process';

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
