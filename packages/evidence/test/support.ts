import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { scan, type Finding, type ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { signingKeyFrom, type RunEnvironment, type SigningKey } from '@trustscan/evidence';

export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fixed environment, so records do not depend on the machine or CI running the tests. */
export const testEnvironment: RunEnvironment = { provider: 'local', repository: 'https://example.test/acme/infra.git', commit: '0123456789abcdef0123456789abcdef01234567' };

/** Temporary directories named trustscan-*, removed by `removeAll` (call it in afterEach). */
export class TemporaryDirectories {
  private readonly made: string[] = [];

  make(): string {
    const directory = mkdtempSync(path.join(tmpdir(), 'trustscan-evidence-'));
    this.made.push(directory);
    return directory;
  }

  removeAll(): void {
    for (const directory of this.made.splice(0)) rmSync(directory, { recursive: true, force: true });
  }
}

let insecure: Promise<ScanResult> | undefined;

/** A real scan of examples/insecure (HCL), made once per test file. */
export function scanInsecure(): Promise<ScanResult> {
  insecure ??= scan({ targets: [{ kind: 'path', path: path.join(repository, 'examples/insecure') }], rules, root: repository, today: '2026-11-26' });
  return insecure;
}

/** A real scan of the insecure plan, which holds a sensitive value. */
export function scanInsecurePlan(): Promise<ScanResult> {
  return scan({ targets: [{ kind: 'path', path: path.join(repository, 'examples/insecure/plan.json') }], rules, root: repository, today: '2026-11-26' });
}

/** The scan with new times and the finding matching `pick` given another status (a control that drifted). */
export function variant(result: ScanResult, startedAt: string, change?: { pick: (f: Finding) => boolean; status: Finding['status'] }): ScanResult {
  const findings = change ? result.findings.map((f) => (change.pick(f) ? { ...f, status: change.status } : f)) : result.findings;
  return { ...result, startedAt, finishedAt: startedAt, findings };
}

/** A fresh Ed25519 key, and the same key written as PEM files (private and public) in `directory`. */
export function makeKey(directory: string, name = 'evidence-key'): { key: SigningKey; privateFile: string; publicFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateFile = path.join(directory, `${name}.pem`);
  const publicFile = path.join(directory, `${name}.pub`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { key: signingKeyFrom(privateKey), privateFile, publicFile };
}

/** A record file's lines, uncompressed. */
export function recordLines(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(0, -1);
}

/** Rewrites a record file from its lines (recompressed), as a tamperer with write access would. */
export function writeRecordLines(file: string, lines: readonly string[]): void {
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
}

export function recordFile(store: string, seq: number): string {
  return path.join(store, 'records', `${String(seq).padStart(12, '0')}.jsonl.gz`);
}
