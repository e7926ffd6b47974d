import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listEvidence, verifyEvidence } from '@trustscan/evidence';
import { motoEnvironment, startMoto, withMotoEnvironment, type MotoServer } from '../../../testing/moto.js';
import { TemporaryDirectories, repository } from './support.js';
import { killAppenders, runAppender, scanFile } from './appender.js';

const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const temporary = new TemporaryDirectories();
let moto: MotoServer;
let s3: S3Client;
let environment: NodeJS.ProcessEnv;

beforeAll(async () => {
  // Appends race for slots here: moto must decide conditional writes one at a time, as S3 does.
  moto = await startMoto({ serialized: true });
  environment = { ...process.env, ...motoEnvironment(moto.endpoint), NO_COLOR: '1' };
  s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await s3.send(new CreateBucketCommand({ Bucket: 'evidence-locked', ObjectLockEnabledForBucket: true }));
  await s3.send(new CreateBucketCommand({ Bucket: 'evidence-plain' }));
});
afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});
afterEach(() => {
  killAppenders();
  temporary.removeAll();
});

/** The real `trustscan` binary, with the SDK pointed at moto. */
function trustscan(args: string[]) {
  const run = spawnSync(process.execPath, [binary, ...args], { cwd: repository, encoding: 'utf8', env: environment, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const recordKey = (prefix: string, seq: number) => `${prefix}/records/${String(seq).padStart(12, '0')}.jsonl.gz`;

describe('an S3 store with Object Lock (moto)', () => {
  it('records three scans with a retention, verifies them, and names a record edited afterwards', async () => {
    const store = 's3://evidence-locked/trustscan/insecure';
    for (let n = 0; n < 3; n++) {
      const run = trustscan(['scan', 'examples/insecure', '--evidence', store, '--evidence-retain-days', '30', '--fail-on', 'never']);
      expect(run.stderr).toContain(`trustscan: recorded the scan in ${store} as record ${n + 1} (`);
      expect(run.status).toBe(0);
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'evidence-locked', Key: recordKey('trustscan/insecure', 2) }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    const days = ((head.ObjectLockRetainUntilDate?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const verified = trustscan(['evidence', 'verify', store]);
    expect([verified.status, verified.stdout, verified.stderr]).toEqual([0, `${store}: 3 record(s) verified, chain intact from record 1 to 3, unsigned.\n`, '']);

    // Object Lock keeps the original version, but a new version becomes the current one: verify must notice.
    const original = await s3.send(new GetObjectCommand({ Bucket: 'evidence-locked', Key: recordKey('trustscan/insecure', 2) }));
    const text = gunzipSync(await original.Body!.transformToByteArray()).toString('utf8');
    expect(text).toContain('"resources":8');
    await s3.send(new PutObjectCommand({ Bucket: 'evidence-locked', Key: recordKey('trustscan/insecure', 2), Body: gzipSync(text.replace('"resources":8', '"resources":9')) }));
    const tampered = trustscan(['evidence', 'verify', store]);
    expect(tampered.status).toBe(2);
    expect(tampered.stderr).toMatch(/^trustscan: s3:\/\/evidence-locked\/trustscan\/insecure: record 2 \(records\/000000000002\.jsonl\.gz\) was edited: its SHA-256 is [0-9a-f]{12} but record 3 names [0-9a-f]{12}\.\n$/);
  }, 90_000);

  it('lands concurrent appends from several processes in one unforked chain', async () => {
    const store = 's3://evidence-locked/concurrent';
    const scan = await scanFile(temporary.make());
    const startAt = Date.now() + 2000;
    const results = await Promise.all([0, 1, 2, 3].map((label) => runAppender({ store, scan, count: 3, label, startAt }, environment).done));
    expect(results.flatMap((r) => r.appended.map((a) => a.seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    await withMotoEnvironment(moto.endpoint, async () => {
      expect(await verifyEvidence(store)).toMatchObject({ records: 12, last: 12, problems: [] });
      expect((await listEvidence(store)).records).toHaveLength(12);
    });
  }, 90_000);

  it.each<[string, string[], RegExp]>([
    [
      'a bucket without Object Lock when a retention is asked for',
      ['--evidence', 's3://evidence-plain/trustscan', '--evidence-retain-days', '30'],
      /^trustscan: the scan was not recorded as evidence \(its reports were written\): s3:\/\/evidence-plain\/trustscan: bucket evidence-plain has no Object Lock, so records cannot be retained for 30 days; use a bucket created with Object Lock \(which also turns on versioning\), or drop the retention setting\.$/,
    ],
    [
      'a bucket that does not exist',
      ['--evidence', 's3://evidence-missing/trustscan'],
      /^trustscan: the scan was not recorded as evidence \(its reports were written\): s3:\/\/evidence-missing\/trustscan: no such bucket evidence-missing; create it \(with Object Lock, to keep records from deletion\) or correct the store\.$/,
    ],
  ])('refuses %s with one line and exit code 2, and still writes the reports', (_name, args, message) => {
    const report = path.join(temporary.make(), 'report.sarif');
    const run = trustscan(['scan', 'examples/insecure', '--fail-on', 'never', '-q', '-o', report, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(report)).toBe(true);
  }, 60_000);

  it('records without retention in a bucket without Object Lock', () => {
    const run = trustscan(['scan', 'examples/insecure', '--evidence', 's3://evidence-plain/no-retention', '--fail-on', 'never', '-q']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(trustscan(['evidence', 'verify', 's3://evidence-plain/no-retention']).status).toBe(0);
  }, 60_000);
});
