import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvidenceStore } from '@trustscan/evidence';
import { actionPlan, periodReport, readEvidenceHistory } from '@trustscan/evidence-reports';
import { motoEnvironment, startMoto, withMotoEnvironment, type MotoServer } from '../../../testing/moto.js';
// @ts-expect-error: a plain ES module shared with the example generator
import { appendAcmeHistory } from '../../../examples/evidence/generate.mjs';
import { acmeHistory, repository } from './support.js';

/** The views of the example history kept in an S3 store (moto), as of its last day: the same as from a directory. */

let moto: MotoServer;
let s3: S3Client;
const location = 's3://evidence-views/acme';

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await s3.send(new CreateBucketCommand({ Bucket: 'evidence-views', ObjectLockEnabledForBucket: true }));
  await withMotoEnvironment(moto.endpoint, async () => {
    const store = await openEvidenceStore(location);
    try {
      await (appendAcmeHistory as (store: unknown) => Promise<void>)(store);
    } finally {
      store.close();
    }
  });
}, 120_000);

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});

describe('the evidence views of an S3 store', () => {
  it('give the same figures as the same history in a directory', async () => {
    const fromS3 = await withMotoEnvironment(moto.endpoint, () => readEvidenceHistory(location, { asOf: '2026-03-20' }));
    const fromDirectory = await acmeHistory();
    expect(fromS3.chain).toMatchObject({ verified: true, records: 17 });
    const period = { from: '2026-03-01', to: '2026-03-20' };
    const [s3Report, directoryReport] = [periodReport(fromS3, period), periodReport(fromDirectory, period)];
    expect(s3Report.store.location).toBe(location);
    expect(s3Report.deviations).toEqual(directoryReport.deviations);
    expect(s3Report.gaps).toEqual(directoryReport.gaps);
    expect(s3Report.records).toEqual(directoryReport.records);
    expect(actionPlan(fromS3).actions).toEqual(actionPlan(fromDirectory).actions);
  });

  it('on the command line, with the SDK credentials of the environment', () => {
    const run = spawnSync(process.execPath, [path.join(repository, 'packages/cli/bin/trustscan.js'), 'evidence', 'report', location, '--from', '2026-03-01', '--to', '2026-03-20', '--as-of', '2026-03-20', '-f', 'json'], {
      cwd: repository,
      encoding: 'utf8',
      env: { ...process.env, ...motoEnvironment(moto.endpoint) },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('trustscan: 2026-03-01 to 2026-03-20: 17 scan(s); of 5 control(s) tested, 0 operated throughout and 5 had exceptions; 5 deviation(s) (2 open at the end), 2 gap(s) (4 day(s) without evidence).\n');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { chain: { verified: boolean } }).chain.verified).toBe(true);
  });
});
