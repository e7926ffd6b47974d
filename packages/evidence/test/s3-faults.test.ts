import { GetObjectCommand, GetObjectLockConfigurationCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '@trustscan/core';
import { S3Store, appendEvidence } from '@trustscan/evidence';
import { scanInsecure, testEnvironment, variant } from './support.js';

// What moto cannot show (it enforces no IAM and no credentials): S3 refusing the store's calls. The SDK client's
// `send` is stubbed; the store and the append above it are the real ones.

const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
const s3 = mockClient(client);
afterEach(() => s3.reset());

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`${name}: simulated`), { name, $metadata: { httpStatusCode: status } });
}

async function append(retainDays?: number) {
  const store = new S3Store('s3://acme-evidence/prod', { client, ...(retainDays === undefined ? {} : { retainDays }) });
  return appendEvidence(store, variant(await scanInsecure(), '2026-07-01T00:00:00.000Z'), { environment: testEnvironment });
}

/** An empty store: nothing listed, no HEAD, no records. */
function emptyStore(): void {
  s3.on(ListObjectsV2Command).resolves({ Contents: [] });
  s3.on(GetObjectCommand).rejects(awsError('NoSuchKey', 404));
}

describe('S3 faults', () => {
  it.each<[string, () => void, RegExp]>([
    [
      'PutObject denied',
      () => {
        emptyStore();
        s3.on(PutObjectCommand).rejects(awsError('AccessDenied', 403));
      },
      /^s3:\/\/acme-evidence\/prod: access denied to s3:PutObject \(AccessDenied\); let these credentials use s3:ListBucket, s3:GetObject and s3:PutObject on the store/,
    ],
    ['listing denied', () => s3.on(ListObjectsV2Command).rejects(awsError('AccessDenied', 403)), /^s3:\/\/acme-evidence\/prod: access denied to s3:ListBucket \(AccessDenied\)/],
    [
      'no credentials',
      () => s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })),
      /^s3:\/\/acme-evidence\/prod: the AWS credentials were refused or not found \(CredentialsProviderError\); configure them as for the AWS CLI/,
    ],
  ])('%s: one line naming the store and what to do', async (_name, arrange, message) => {
    arrange();
    const error = await append().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('asks the bucket for Object Lock before writing a record with a retention', async () => {
    s3.on(GetObjectLockConfigurationCommand).rejects(awsError('AccessDenied', 403));
    await expect(append(30)).rejects.toThrow(/^s3:\/\/acme-evidence\/prod: access denied to s3:GetBucketObjectLockConfiguration \(AccessDenied\)/);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('writes every record create-only, with a compliance-mode retention when asked', async () => {
    emptyStore();
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } });
    s3.on(PutObjectCommand).resolves({});
    await append(7);
    const [record] = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(record).toMatchObject({ Bucket: 'acme-evidence', Key: 'prod/records/000000000001.jsonl.gz', IfNoneMatch: '*', ObjectLockMode: 'COMPLIANCE' });
    const days = ((record?.ObjectLockRetainUntilDate as Date).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
  });

  it.each([
    ['412 Precondition Failed', 'PreconditionFailed', 412],
    ['409 Conflict (a conditional write in flight)', 'ConditionalRequestConflict', 409],
  ])('takes %s for a slot another appender took, and tries the next one', async (_name, name, status) => {
    emptyStore();
    s3.on(PutObjectCommand).resolves({});
    s3.on(PutObjectCommand, { Key: 'prod/records/000000000001.jsonl.gz' }).rejectsOnce(awsError(name, status)).resolves({});
    const record = await append();
    // This fake store never shows the competitor's record, so the retry takes slot 1 again: what matters is the retry.
    expect(record.attempts).toBe(2);
  });
});
