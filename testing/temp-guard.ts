/**
 * Vitest global setup: the test run gets a temp folder of its own (TMPDIR, which the test workers and every process
 * they start inherit), and the run fails when a test leaves a `trustscan-*` entry in it. A folder of its own, rather
 * than a before/after look at the system temp folder, so that other runs on the same machine cannot be mistaken for
 * leaks; it is removed at the end either way.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const runTemp = mkdtempSync(path.join(tmpdir(), 'trustscan-test-run-'));
  // Open to every user with the sticky bit, as /tmp is: a test runs the CLI as another user (a store it cannot write).
  chmodSync(runTemp, 0o1777);
  process.env['TMPDIR'] = runTemp;
  return () => {
    const leftovers = readdirSync(runTemp).filter((name) => name.startsWith('trustscan-'));
    rmSync(runTemp, { recursive: true, force: true });
    if (leftovers.length > 0) {
      // Vitest only logs an error thrown here and still exits 0: set the exit code as well.
      process.exitCode = 1;
      console.error(`\ntests left ${leftovers.length} temporary entr${leftovers.length === 1 ? 'y' : 'ies'} behind: ${leftovers.sort().join(', ')}; remove what a test creates (testing/temporary-directory.ts does it for directories).\n`);
    }
  };
}
