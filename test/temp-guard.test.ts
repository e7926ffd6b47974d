import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import setup from '../testing/temp-guard.js';

// The guard runs once around the whole test run (vitest globalSetup); here it runs around a pretend run.
describe('the temporary-files guard', () => {
  const saved = { tmpdir: process.env['TMPDIR'], exitCode: process.exitCode };
  afterEach(() => {
    process.env['TMPDIR'] = saved.tmpdir;
    process.exitCode = saved.exitCode;
    vi.restoreAllMocks();
  });

  it.each<[string, string[], number | undefined, string]>([
    ['passes a run that left nothing', [], saved.exitCode, ''],
    ['passes a run that left only files of other programs', ['playwright-artifacts-x'], saved.exitCode, ''],
    ['fails a run that left trustscan entries, and names them', ['trustscan-cache', 'trustscan-html-a1'], 1, 'tests left 2 temporary entries behind: trustscan-cache, trustscan-html-a1;'],
  ])('%s', (_name, leftovers, exitCode, message) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const teardown = setup();
    const runTemp = process.env['TMPDIR'] ?? '';
    expect(path.basename(runTemp)).toMatch(/^trustscan-test-run-/);
    for (const name of leftovers) (name.includes('cache') ? mkdirSync : (file: string) => writeFileSync(file, ''))(path.join(runTemp, name));
    teardown();
    expect(process.exitCode).toBe(exitCode);
    if (message === '') expect(errors).not.toHaveBeenCalled();
    else expect(errors.mock.calls.map((call) => String(call[0])).join('')).toContain(message);
    expect(existsSync(runTemp)).toBe(false);
  });
});
