/**
 * Temporary directories for tests: `<temp>/trustscan-<label>-XXXXXX`, removed when the test that made one finishes,
 * or after the file's tests when made outside a test, whether the tests passed or failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** A new empty directory that is removed after the current test (inside a test) or test file (at its top level). */
export function temporaryDirectory(label: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), `trustscan-${label}-`));
  const remove = (): void => rmSync(directory, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Not inside a test: the directory serves the whole file.
    afterAll(remove);
  }
  return directory;
}
