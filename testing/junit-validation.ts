/**
 * Validates JUnit XML against the common JUnit schema (`testing/junit/junit-10.xsd`, the Jenkins xUnit plugin's)
 * with libxml2's `xmllint` (Debian package `libxml2-utils`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const schema = path.join(path.dirname(fileURLToPath(import.meta.url)), 'junit', 'junit-10.xsd');

/** Every schema or well-formedness problem xmllint reports; an empty list means the document is valid. */
export function junitProblems(xml: string): string[] {
  const directory = mkdtempSync(path.join(tmpdir(), 'trustscan-junit-'));
  const file = path.join(directory, 'report.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: 'pipe' });
    return [];
  } catch (error) {
    const failure = error as { code?: string; stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new Error('xmllint is not installed; install it with apt-get install -y libxml2-utils');
    return (failure.stderr?.toString('utf8') ?? String(error))
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.endsWith(' validates'))
      .map((line) => line.replace(file, 'report.xml'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
