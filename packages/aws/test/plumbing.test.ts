import { getEventListeners } from 'node:events';
import { ScanAbortedError } from '@trustscan/core';
import { describe, expect, it, vi } from 'vitest';
import { AwsCaller } from '../src/aws-caller.js';
import { classifyAwsError } from '../src/aws-errors.js';
import { createLimiter } from '../src/limit-concurrency.js';
import { decodeJson, decodePolicyDocument } from '../src/normalize/fields.js';
import { repairTimestamps } from '../src/repair-config-timestamps.js';
import { repairCredentialReport } from '../src/repair-credential-report.js';
import { resolveVaultKeys } from '../src/resolve-vault-keys.js';

describe('repairTimestamps', () => {
  it('rewrites the date strings moto sends into epoch seconds', () => {
    const moto = '{"configurationItemCaptureTime": "2026-11-26 04:12:19.999565+00:00", "resourceCreationTime": "2026-11-26 04:12:20.044186"}';
    expect(JSON.parse(repairTimestamps(moto))).toEqual({ configurationItemCaptureTime: 1795666339.999, resourceCreationTime: 1795666340.044 });
  });

  it("leaves AWS's epoch numbers, other fields and strings that are not dates alone", () => {
    const aws = '{"configurationItemCaptureTime":1.795666339999E9,"configuration":"{\\"creationDate\\": \\"2026-11-26 04:12:19\\"}","resourceCreationTime":"soon"}';
    expect(repairTimestamps(aws)).toBe(aws);
  });
});

describe('classifyAwsError', () => {
  const error = (name: string, status = 400, code?: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, ...(code ? { code } : {}) });
  it.each([
    [error('AccessDeniedException'), 'access-denied'],
    [error('AccessDenied', 403), 'access-denied'],
    [error('SomethingNew', 403), 'access-denied'],
    [error('UnrecognizedClientException'), 'region-unavailable'],
    [error('Error', 0, 'ENOTFOUND'), 'region-unavailable'],
    [error('ExpiredTokenException'), 'credentials'],
    [error('CredentialsProviderError'), 'credentials'],
    [error('ThrottlingException'), 'throttled'],
    [error('SlowDown', 503), 'throttled'],
    [error('NoSuchBucketPolicy', 404), 'not-configured'],
    [error('NoSuchBucket', 404), 'no-such-bucket'],
    [error('NoSuchConfigurationAggregatorException'), 'aggregator-not-found'],
    [error('NoAvailableConfigurationRecorderException'), 'config-not-enabled'],
    [error('AbortError'), 'aborted'],
    [error('InternalFailure', 500), 'other'],
  ])('%s → %s', (thrown, fault) => {
    expect(classifyAwsError(thrown)).toBe(fault);
  });
});

describe('decoding Config values', () => {
  it('parses JSON strings, double-encoded ones too, and leaves plain strings', () => {
    expect(decodeJson('{"a":1}')).toEqual({ a: 1 });
    expect(decodeJson(JSON.stringify(JSON.stringify({ a: 1 })))).toEqual({ a: 1 });
    expect(decodeJson('false')).toBe('false');
    expect(decodeJson('{not json')).toBe('{not json');
  });

  it('reads policy documents URL-encoded, plain, as objects or wrapped in an array', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::a b/*' }] };
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(document)))).toEqual(document);
    expect(decodePolicyDocument(JSON.stringify(document))).toEqual(document);
    expect(decodePolicyDocument([document])).toEqual(document);
    expect(decodePolicyDocument('%E0%A4%A')).toBeUndefined();
  });
});

describe('concurrency and retries', () => {
  it('runs at most the limit at once', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limit(async () => {
          peak = Math.max(peak, ++running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('gives up on throttling after the extra attempts and counts every call', async () => {
    const caller = new AwsCaller({ throttleRetries: 2, retryBaseDelayMs: 1 });
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    await expect(caller.call('config', 'ListDiscoveredResources', () => Promise.reject(throttled))).rejects.toBe(throttled);
    expect(caller.callCounts()).toEqual({ 'config:ListDiscoveredResources': 3 });
  });

  it('gives each call a signal of its own, with one listener on the scan signal while calls are in flight', async () => {
    const scanSignal = new AbortController().signal;
    const caller = new AwsCaller({ signal: scanSignal, concurrency: 20 });
    const signals: (AbortSignal | undefined)[] = [];
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls = Array.from({ length: 40 }, (_, i) => caller.call(i % 2 === 0 ? 's3' : 'config', 'Read', async (signal) => (signals.push(signal), gate)));
    await vi.waitFor(() => expect(signals).toHaveLength(40));
    expect(getEventListeners(scanSignal, 'abort')).toHaveLength(1);
    expect(new Set(signals).size).toBe(40);
    release();
    await Promise.all(calls);
    expect(getEventListeners(scanSignal, 'abort')).toHaveLength(0);
  });

  it('aborts every call in flight when the scan is aborted', async () => {
    const scan = new AbortController();
    const caller = new AwsCaller({ signal: scan.signal });
    const pending = [1, 2, 3].map(() =>
      caller.call('s3', 'GetBucketPolicy', (signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('request aborted'))))),
    );
    scan.abort();
    for (const call of pending) await expect(call).rejects.toBeInstanceOf(ScanAbortedError);
  });
});

describe('resolveVaultKeys', () => {
  const vault = (key: string) => ({
    address: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main',
    type: 'aws_backup_vault',
    provider: 'aws',
    attributes: { name: 'main', kms_key_arn: key },
    origin: { kind: 'aws' as const, arn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main', account: '123456789012', region: 'eu-west-1' },
  });
  const key = (arn: string, keyManager: string) => ({ resourceType: 'AWS::KMS::Key', resourceId: arn.split('/')[1] ?? '', arn, accountId: '123456789012', awsRegion: 'eu-west-1', configuration: { keyManager }, supplementaryConfiguration: {} });
  const customer = 'arn:aws:kms:eu-west-1:123456789012:key/customer';
  const managed = 'arn:aws:kms:eu-west-1:123456789012:key/aws-backup';

  it('keeps a customer managed key, clears the AWS managed aws/backup key, and makes a key it did not read unknown', () => {
    const keys = [key(customer, 'CUSTOMER'), key(managed, 'AWS')];
    const [kept, cleared, unread] = resolveVaultKeys([vault(customer), vault(managed), vault('arn:aws:kms:eu-west-1:123456789012:key/other')], keys).map((r) => r.attributes['kms_key_arn']);
    expect(kept).toBe(customer);
    expect(cleared).toBeNull();
    expect(String(unread)).toContain('the scan did not read that KMS key');
  });
});

describe('repairCredentialReport', () => {
  it('base64-encodes a report moto sends as text, and leaves the base64 AWS sends alone', () => {
    const csv = 'user,arn\n<root_account>,arn:aws:iam::1:root';
    const moto = `<GetCredentialReportResult><Content>${csv.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</Content></GetCredentialReportResult>`;
    expect(repairCredentialReport(moto)).toBe(`<GetCredentialReportResult><Content>${Buffer.from(csv).toString('base64')}</Content></GetCredentialReportResult>`);
    const aws = `<GetCredentialReportResult><Content>${Buffer.from(csv).toString('base64')}</Content></GetCredentialReportResult>`;
    expect(repairCredentialReport(aws)).toBe(aws);
  });
});
