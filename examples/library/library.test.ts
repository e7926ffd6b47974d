import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sarifProblems } from '../../testing/sarif-validation.js';
import { temporaryDirectory } from '../../testing/temporary-directory.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the library example', () => {
  it('runs as a consumer of the built packages: scans, lists failures by criterion, writes valid SARIF', () => {
    const sarif = path.join(temporaryDirectory('library'), 'out.sarif');
    const run = spawnSync(process.execPath, [path.join(here, 'index.mjs'), path.join(here, '..', 'insecure', 'plan.json'), sarif], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^CC6\.1 Logical access controls and encryption protect information assets: \d+ failing check\(s\)$/m);
    expect(run.stdout).toMatch(/^ {2}\[high\] aws-rds-storage-encrypted examples\/insecure\/main\.tf:\d+$/m);
    expect(run.stdout).toMatch(/^ {2}\[medium\] acme-db-deletion-protection examples\/insecure\/main\.tf:\d+$/m);
    const text = readFileSync(sarif, 'utf8');
    expect(sarifProblems(text)).toEqual([]);
    expect(JSON.parse(text).runs[0].automationDetails.id).toBe('library-example/');
  });
});
