import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli.js';
import { main } from '../src/main.js';
import type { Io } from '../src/io.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const traceModules = path.join(repository, 'packages/cli/test/fixtures/trace-modules.mjs');

const made: string[] = [];
afterEach(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
});
function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'trustscan-cli-evidence-'));
  made.push(directory);
  return directory;
}

/** Runs the real `trustscan` binary from the repository root. */
function trustscan(args: string[], options: { cwd?: string; nodeOptions?: string[]; env?: Record<string, string>; uid?: number } = {}) {
  const run = spawnSync(process.execPath, [...(options.nodeOptions ?? []), binary, ...args], {
    cwd: options.cwd ?? repository,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd: repository, env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

const record = (store: string, seq: number) => path.join(store, 'records', `${String(seq).padStart(12, '0')}.jsonl.gz`);
const scanInto = (store: string, ...extra: string[]) => trustscan(['scan', 'examples/insecure', '--evidence', store, '--fail-on', 'never', '-q', ...extra]);

function keyPair(directory: string, name: string): { privateFile: string; publicFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateFile = path.join(directory, `${name}.pem`);
  const publicFile = path.join(directory, `${name}.pub`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateFile, publicFile };
}

describe('evidence on the command line', () => {
  it.each<[string, string[], object]>([
    ['scan --evidence with a key and a retention', ['scan', '--evidence', 's3://acme-evidence/prod', '--evidence-key', 'k.pem', '--evidence-retain-days', '400'], { evidence: 's3://acme-evidence/prod', evidenceKey: 'k.pem', evidenceRetainDays: 400 }],
    ['scan --no-evidence', ['scan', '--no-evidence'], { evidence: false }],
    ['evidence verify with a public key', ['evidence', 'verify', 'ledger', '--public-key', 'k.pub'], { command: 'evidence-verify', store: 'ledger', publicKey: 'k.pub' }],
    ['evidence import of several reports', ['evidence', 'import', 'ledger', 'a.json', 'b.json'], { command: 'evidence-import', store: 'ledger', reports: ['a.json', 'b.json'] }],
    ['evidence import at a date', ['evidence', 'import', 'ledger', 'a.json', '--time', '2026-03-31'], { time: '2026-03-31T00:00:00.000Z' }],
    ['evidence import at a time with an offset', ['evidence', 'import', 'ledger', 'a.json', '--time', '2026-03-31T02:30:00+02:00'], { time: '2026-03-31T00:30:00.000Z' }],
  ])('parses %s', (_name, argv, expected) => {
    expect(parseCommandLine(argv)).toMatchObject(expected);
  });

  it.each<[string, string[], RegExp]>([
    ['--evidence with --no-evidence', ['scan', '--evidence', 'x', '--no-evidence'], /--evidence and --no-evidence cannot be used together/],
    ['a retention of zero days', ['scan', '--evidence', 'x', '--evidence-retain-days', '0'], /--evidence-retain-days takes a whole number of days from 1 to 36500, not "0"/],
    ['a malformed S3 store', ['scan', '--evidence', 's3://Bad_Bucket'], /--evidence "s3:\/\/Bad_Bucket" is not an S3 location; write s3:\/\/bucket\/prefix/],
    ['an unknown evidence command', ['evidence', 'prune'], /unknown evidence command "prune"; the evidence commands are verify, import, report, actions and summary/],
    ['verify without a store', ['evidence', 'verify'], /evidence verify needs the store: trustscan evidence verify STORE/],
    ['import without a report', ['evidence', 'import', 'ledger'], /evidence import needs the store and at least one report/],
    ['a time without its zone', ['evidence', 'import', 'ledger', 'a.json', '--time', '2026-03-31T02:00:00'], /--time takes an ISO 8601 date or time with its zone/],
    ['a date that does not exist', ['evidence', 'import', 'ledger', 'a.json', '--time', '2026-02-30'], /--time takes an ISO 8601 date or time with its zone, e\.g\. 2026-03-31 or 2026-03-31T02:00:00Z, not "2026-02-30"/],
    ['one time for several reports', ['evidence', 'import', 'ledger', 'a.json', 'b.json', '--time', '2026-03-31'], /--time gives the time of one report; import reports one by one/],
    ['a key without a store', ['scan', 'examples/insecure', '--no-config', '--evidence-key', 'k.pem'], /--evidence-key and --evidence-retain-days need a store: add --evidence STORE, or evidence.store to the config file\./],
  ])('rejects %s with one line and exit code 2', async (_name, argv, message) => {
    const { status, stderr } = await inProcess(argv);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('recording scans from the command line', () => {
  it('records three scans of examples/insecure, verifies them, and names a middle record edited by one byte', () => {
    const store = path.join(temporaryDirectory(), 'evidence');
    for (let n = 1; n <= 3; n++) {
      const run = trustscan(['scan', 'examples/insecure', '--evidence', store, '--fail-on', 'never']);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`trustscan: recorded the scan in ${store.replaceAll('/', '\\/')} as record ${n} \\((snapshot|delta), 20 finding\\(s\\), [\\d.]+ K?B\\)\\.\\n$`));
    }
    expect(trustscan(['evidence', 'verify', store])).toEqual({ status: 0, stdout: `${store}: 3 record(s) verified, chain intact from record 1 to 3, unsigned.\n`, stderr: '' });

    const raw = gunzipSync(readFileSync(record(store, 2)));
    raw[raw.indexOf('"resources":') + 12] += 1;
    writeFileSync(record(store, 2), gzipSync(raw));
    const tampered = trustscan(['evidence', 'verify', store]);
    expect(tampered.status).toBe(2);
    expect(tampered.stdout).toBe('');
    expect(tampered.stderr).toMatch(/^trustscan: .*evidence: record 2 \(records\/000000000002\.jsonl\.gz\) was edited: its SHA-256 is [0-9a-f]{12} but record 3 names [0-9a-f]{12}\.\n$/);
  }, 60_000);

  it('signs records with --evidence-key and checks them against --public-key', () => {
    const keys = temporaryDirectory();
    const signer = keyPair(keys, 'signer');
    const other = keyPair(keys, 'other');
    const store = path.join(temporaryDirectory(), 'evidence');
    expect(scanInto(store, '--evidence-key', signer.privateFile).status).toBe(0);
    expect(scanInto(store, '--evidence-key', signer.privateFile).status).toBe(0);
    const verified = trustscan(['evidence', 'verify', store, '--public-key', signer.publicFile]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/: 2 record\(s\) verified, chain intact from record 1 to 2, all signed by key [0-9a-f]{12} \(the given public key\)\.\n$/);
    const wrong = trustscan(['evidence', 'verify', store, '--public-key', other.publicFile]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toEqual([1, 2].map((seq) => expect.stringMatching(new RegExp(`^trustscan: .*: record ${seq} \\(records/0+${seq}\\.jsonl\\.gz\\) is signed by key [0-9a-f]{12}, not by the given public key [0-9a-f]{12}\\.$`)) as string));
  }, 60_000);

  it('stops before scanning when the signing key cannot be used', () => {
    const directory = temporaryDirectory();
    writeFileSync(path.join(directory, 'not-a-key.pem'), 'hello\n');
    const report = path.join(directory, 'report.json');
    const run = trustscan(['scan', 'examples/insecure', '--evidence', path.join(directory, 'evidence'), '--evidence-key', path.join(directory, 'not-a-key.pem'), '-o', report]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^trustscan: .*not-a-key\.pem: not a private key in PEM form; create one with `openssl genpkey -algorithm ed25519 -out evidence-key\.pem`\.\n$/);
    expect(existsSync(report)).toBe(false);
  });

  it.each<[string, (directory: string) => { store: string; args?: string[]; uid?: number }, RegExp]>([
    [
      'a store that is not writable',
      (directory) => {
        // As root, permissions do not stop the writer: run it as nobody, who cannot write into a root-owned directory.
        const parent = path.join(directory, 'readonly');
        mkdirSync(parent, { mode: 0o555 });
        chmodSync(directory, 0o755);
        return { store: path.join(parent, 'evidence'), ...(process.getuid?.() === 0 ? { uid: 65534 } : {}) };
      },
      /^trustscan: the scan was not recorded as evidence \(its reports were written\): .*readonly\/evidence: cannot create the store directory in the evidence store \(permission denied\); make the directory writable or choose another store\.$/,
    ],
    [
      'a retention for a directory store',
      (directory) => ({ store: path.join(directory, 'evidence'), args: ['--evidence-retain-days', '30'] }),
      /^trustscan: the scan was not recorded as evidence \(its reports were written\): .*evidence: a directory cannot lock records for 30 days; retention needs an s3:\/\/ store in a bucket with Object Lock/,
    ],
    [
      'a store whose last record is damaged',
      (directory) => {
        const store = path.join(directory, 'evidence');
        expect(scanInto(store).status).toBe(0);
        chmodSync(record(store, 1), 0o644);
        writeFileSync(record(store, 1), 'garbage');
        return { store };
      },
      /^trustscan: the scan was not recorded as evidence \(its reports were written\): .*evidence: records\/000000000001\.jsonl\.gz is unreadable: not a complete gzip stream \(.*\); run `trustscan evidence verify .*evidence` and restore it from a copy before recording more\.$/,
    ],
    [
      'a store written by a newer trustscan',
      (directory) => {
        const store = path.join(directory, 'evidence');
        expect(scanInto(store).status).toBe(0);
        const lines = gunzipSync(readFileSync(record(store, 1))).toString('utf8');
        chmodSync(record(store, 1), 0o644);
        writeFileSync(record(store, 1), gzipSync(lines.replace('"schemaVersion":1', '"schemaVersion":2')));
        return { store };
      },
      /^trustscan: the scan was not recorded as evidence \(its reports were written\): .*evidence: records\/000000000001\.jsonl\.gz it was written in evidence format 2, newer than this trustscan reads \(1\); upgrade trustscan\.$/,
    ],
  ])('refuses %s with one line and exit code 2, and still writes the reports', (_name, arrange, message) => {
    const directory = temporaryDirectory();
    const { store, args = [], uid } = arrange(directory);
    const reports = uid === undefined ? directory : mkdtempSync(path.join(tmpdir(), 'trustscan-cli-evidence-reports-'));
    if (uid !== undefined) {
      made.push(reports);
      chmodSync(reports, 0o777);
    }
    const report = path.join(reports, 'report.sarif');
    const run = trustscan(['scan', 'examples/insecure', '--evidence', store, '--fail-on', 'never', '-q', '--no-cache', '-o', report, ...args], uid === undefined ? {} : { uid });
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.status).toBe(2);
    expect(existsSync(report)).toBe(true);
  }, 60_000);

  it('records into the store the config file names, unless --no-evidence', () => {
    const directory = temporaryDirectory();
    writeFileSync(path.join(directory, 'trustscan.config.yaml'), `targets: [${path.join(repository, 'examples/insecure')}]\nfail-on: never\nevidence:\n  store: ledger\n`);
    expect(trustscan(['scan', '-q', '--no-cache'], { cwd: directory }).status).toBe(0);
    expect(trustscan(['scan', '-q', '--no-cache', '--no-evidence'], { cwd: directory }).status).toBe(0);
    expect(readdirSync(path.join(directory, 'ledger', 'records'))).toEqual(['000000000001.jsonl.gz']);
  }, 60_000);

  it('verifies nothing where there is no store, with one line', () => {
    const missing = path.join(temporaryDirectory(), 'nowhere');
    const run = trustscan(['evidence', 'verify', missing]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`trustscan: ${missing}: no evidence store here (no such directory); record scans into it with \`trustscan scan --evidence ${missing}\`.\n`);
  });
});

describe('importing past reports', () => {
  it('imports reports with and without passes, skips one already imported, and names one it cannot read', () => {
    const directory = temporaryDirectory();
    const withPasses = path.join(directory, 'nightly-with-passes.json');
    const failuresOnly = path.join(directory, 'pr-failures-only.json');
    expect(trustscan(['scan', 'examples/insecure', '--fail-on', 'never', '-q', '--include-passed', '-o', withPasses]).status).toBe(0);
    expect(trustscan(['scan', 'examples/insecure', '--fail-on', 'never', '-q', '-o', failuresOnly]).status).toBe(0);
    const old = JSON.parse(readFileSync(failuresOnly, 'utf8')) as Record<string, unknown>;
    delete old['startedAt'];
    delete old['finishedAt'];
    const undated = path.join(directory, 'undated.json');
    writeFileSync(undated, JSON.stringify(old));
    const store = path.join(directory, 'evidence');

    const run = trustscan(['evidence', 'import', store, withPasses, failuresOnly, undated, withPasses], { cwd: directory });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'trustscan: undated.json: the report does not say when the scan ran (reports before trustscan 0.2 lack startedAt); pass --time with the time of the scan, e.g. --time 2026-03-31T02:00:00Z.',
      // Oldest scan first: the report given twice comes up right after its first import.
      expect.stringMatching(/^trustscan: imported nightly-with-passes\.json \(scan of \S+\) as record 1 of .*evidence\.$/) as string,
      expect.stringMatching(/^trustscan: note: nightly-with-passes\.json is already in .*evidence as record 1; skipped\.$/) as string,
      expect.stringMatching(/^trustscan: imported pr-failures-only\.json \(scan of \S+\) as record 2 of .*evidence\.$/) as string,
      'trustscan: note: pr-failures-only.json lists no passing checks (written without --include-passed): its 8 pass(es) are counted in the record but not evidenced.',
    ]);

    const dated = trustscan(['evidence', 'import', store, undated, '--time', '2026-01-15T02:00:00Z'], { cwd: directory });
    expect(dated.status).toBe(0);
    expect(dated.stderr).toContain('trustscan: imported undated.json (scan of 2026-01-15T02:00:00.000Z) as record 3 of');
    const header = JSON.parse(gunzipSync(readFileSync(record(store, 3))).toString('utf8').split('\n')[0] as string) as Record<string, unknown>;
    expect(header).toMatchObject({ startedAt: '2026-01-15T02:00:00.000Z', passes: 'omitted', imported: { file: 'undated.json' } });
    expect(trustscan(['evidence', 'verify', store]).status).toBe(0);
  }, 60_000);
});

describe('loading', () => {
  it.each<[string, string[], { evidence: boolean; s3: boolean; status: number }]>([
    ['a plain scan loads neither the ledger nor the S3 client', [], { evidence: false, s3: false, status: 0 }],
    ['a scan into a directory store loads the ledger, not the S3 client', ['--evidence', 'DIR'], { evidence: true, s3: false, status: 0 }],
    // Nothing listens on port 9 of the loopback: the append fails, after the S3 client was loaded.
    ['a scan into an S3 store loads both', ['--evidence', 's3://trustscan-nowhere/x'], { evidence: true, s3: true, status: 2 }],
  ])('%s', (_name, extra, loads) => {
    const directory = temporaryDirectory();
    const trace = path.join(directory, 'modules.txt');
    const args = extra.map((arg) => (arg === 'DIR' ? path.join(directory, 'evidence') : arg));
    const aws = { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1', AWS_EC2_METADATA_DISABLED: 'true' };
    const run = trustscan(['scan', 'examples/insecure', '--fail-on', 'never', '-q', ...args], { nodeOptions: ['--import', traceModules], env: { TRUSTSCAN_TRACE_FILE: trace, ...aws } });
    expect(run.status).toBe(loads.status);
    const modules = readFileSync(trace, 'utf8');
    expect(modules).toContain('/packages/core/dist/');
    expect(modules.includes('/packages/evidence/dist/')).toBe(loads.evidence);
    expect(modules.includes('@aws-sdk/client-s3')).toBe(loads.s3);
  }, 60_000);
});
