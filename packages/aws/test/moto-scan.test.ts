import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// Core does not depend on the rule pack; the test reads it from its sources to check that live resources fire the
// same rules as plans do.
import { rules } from '@trustscan/rules';
import { motoEnvironment, startMoto, type MotoServer } from '../../../testing/moto.js';
import { DeclarationLocator, scan, type Resource, type ScanResult, type SourceContext } from '@trustscan/core';
import { collectAws } from '../src/load-aws.js';
import { account, buildScenario } from './moto-scenario.js';
import { awsSource } from '../src/index.js';

let moto: MotoServer;
let result: ScanResult;
const warnings: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(motoEnvironment(moto.endpoint))) vi.stubEnv(name, value);
  await buildScenario(moto.endpoint);
  // With an abort signal, as the CLI scans (Ctrl-C), and Node's warnings caught: the SDK listens on each call's signal.
  const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  try {
    result = await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/work/repo', signal: new AbortController().signal });
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

function statusOf(ruleId: string, address: string): string | undefined {
  const found = result.findings.filter((f) => f.ruleId === ruleId && f.resource.address === address);
  if (found.length > 1) throw new Error(`${found.length} findings of ${ruleId} on ${address}`);
  return found[0]?.status;
}

const bucket = (name: string): string => `arn:aws:s3:::${name}`;

describe('scan of a moto account with the built-in rules', () => {
  it('makes Node print no warning (no listener pile-up on the scan signal)', () => {
    expect(warnings).toEqual([]);
  });

  it('reports the target and no notification', () => {
    expect(result.targets).toEqual([{ name: `aws:${account}`, kind: 'aws', resources: expect.any(Number) as number, ok: true, inputs: { accounts: [account], regions: ['us-east-1'] } }]);
    expect(result.notifications).toEqual([]);
  });

  it.each([
    ['aws-s3-bucket-default-encryption', 'secure-data', 'pass'],
    ['aws-s3-bucket-default-encryption', 'plain-data', 'pass'], // S3's SSE-S3 default, as for a plan without the resource
    ['aws-s3-bucket-versioning', 'secure-data', 'pass'],
    ['aws-s3-bucket-versioning', 'plain-data', 'fail'],
    ['aws-s3-bucket-access-logging', 'secure-data', 'pass'],
    ['aws-s3-bucket-access-logging', 'plain-data', 'fail'],
    ['aws-s3-bucket-public-access-block', 'secure-data', 'pass'],
    ['aws-s3-bucket-public-access-block', 'plain-data', 'fail'],
    ['aws-s3-bucket-public-access-block', 'public-site', 'fail'],
    ['aws-s3-bucket-tls-only', 'secure-data', 'pass'],
    ['aws-s3-bucket-tls-only', 'plain-data', 'fail'],
    ['aws-s3-bucket-tls-only', 'public-site', 'fail'],
  ])('%s on bucket %s: %s', (ruleId, name, status) => {
    expect(statusOf(ruleId, bucket(name))).toBe(status);
  });

  it.each([
    [`arn:aws:iam::${account}:policy/full-admin`, 'fail'],
    [`arn:aws:iam::${account}:policy/read-reports`, 'pass'],
    [`arn:aws:iam::${account}:role/deployer/policy/deploy-s3`, 'pass'],
  ])('aws-iam-policy-no-full-admin on %s: %s', (address, status) => {
    expect(statusOf('aws-iam-policy-no-full-admin', address)).toBe(status);
  });

  it('locates live findings at a stable pseudo-path and names the ARN', () => {
    const finding = result.findings.find((f) => f.ruleId === 'aws-s3-bucket-versioning' && f.resource.address === bucket('plain-data'));
    expect(finding?.location).toEqual({ file: `cloud/aws/${account}/us-east-1/aws_s3_bucket/plain-data`, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    expect(finding?.resource).toMatchObject({ cloudId: bucket('plain-data'), origin: 'aws' });
  });
});

describe('locating live resources in --tf-dir', () => {
  it('copies the declaration of the block that declares a bucket, by name or through its reference', async () => {
    const file = path.join('/work/repo', 'storage.tf');
    const range = (line: number) => ({ startLine: line, startColumn: 1, endLine: line + 3, endColumn: 2 });
    const declared: Resource[] = [
      { address: 'aws_s3_bucket.data', type: 'aws_s3_bucket', provider: 'aws', attributes: { bucket: 'secure-data' }, origin: { kind: 'hcl', file }, declaration: { file, range: range(1), attributes: {} } },
      {
        address: 'aws_s3_bucket_versioning.data',
        type: 'aws_s3_bucket_versioning',
        provider: 'aws',
        attributes: {},
        origin: { kind: 'hcl', file },
        references: { bucket: ['aws_s3_bucket.data'] },
        declaration: { file, range: range(10), attributes: { 'versioning_configuration.0.status': { startLine: 13, startColumn: 5, endLine: 13, endColumn: 23 } } },
      },
      { address: 'aws_iam_policy.admin', type: 'aws_iam_policy', provider: 'aws', attributes: { name: 'full-admin' }, origin: { kind: 'hcl', file }, declaration: { file, range: range(20), attributes: {} } },
    ];
    const context: SourceContext = {
      root: '/work/repo',
      tfDir: '/work/repo',
      locator: new DeclarationLocator(),
      progress: () => {},
      terraform: {},
      declaredResources: async () => declared,
    };
    const collection = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context);
    const byAddress = new Map(collection.resources.map((r) => [r.address, r]));
    expect(byAddress.get(bucket('secure-data'))?.declaration?.range.startLine).toBe(1);
    expect(byAddress.get(`${bucket('secure-data')}/versioning`)?.declaration?.range.startLine).toBe(10);
    expect(byAddress.get(`arn:aws:iam::${account}:policy/full-admin`)?.declaration?.range.startLine).toBe(20);
    expect(byAddress.get(bucket('plain-data'))?.declaration).toBeUndefined();
  });

  it('treats a --tf-dir that cannot be read as declaring nothing', async () => {
    const context: SourceContext = {
      root: '/work/repo',
      tfDir: '/work/repo',
      locator: new DeclarationLocator(),
      progress: () => {},
      terraform: {},
      declaredResources: () => Promise.reject(new Error('HCL source not available')),
    };
    const collection = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context);
    expect(collection.resources.every((r) => r.declaration === undefined)).toBe(true);
  });
});
