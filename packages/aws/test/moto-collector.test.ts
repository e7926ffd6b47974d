import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { motoEnvironment, startMoto, type MotoServer } from '../../../testing/moto.js';
import { DeclarationLocator, isUnknown, type Resource, type SourceContext } from '@trustscan/core';
import { collectAws, type AwsCollection } from '../src/load-aws.js';
import { account, buildScenario, tlsOnlyPolicy } from './moto-scenario.js';

let moto: MotoServer;
let collection: AwsCollection;
const progress: string[] = [];

function context(overrides: Partial<SourceContext> = {}): SourceContext {
  return {
    root: process.cwd(),
    locator: new DeclarationLocator(),
    progress: (message) => progress.push(message),
    terraform: {},
    declaredResources: async () => [],
    ...overrides,
  };
}

function find(type: string, address: string): Resource {
  const resource = collection.resources.find((r) => r.type === type && r.address === address);
  if (!resource) throw new Error(`no ${type} ${address} among ${collection.resources.map((r) => r.address).join(', ')}`);
  return resource;
}

beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(motoEnvironment(moto.endpoint))) vi.stubEnv(name, value);
  await buildScenario(moto.endpoint, { accountBlock: true });
  collection = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context());
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

describe('collectAws against moto', () => {
  it('names the target after the account and reports no problem', () => {
    expect(collection.name).toBe(`aws:${account}`);
    expect(collection.kind).toBe('aws');
    expect(collection.notifications).toEqual([]);
  });

  it('emits the buckets of the scanned region only', () => {
    const buckets = collection.resources.filter((r) => r.type === 'aws_s3_bucket').map((r) => r.attributes['bucket']);
    expect(buckets).toEqual(['access-logs', 'plain-data', 'public-site', 'secure-data']);
  });

  it('normalizes a fully configured bucket into the split resources, linked to the bucket', () => {
    const arn = 'arn:aws:s3:::secure-data';
    const bucket = find('aws_s3_bucket', arn);
    expect(bucket.origin).toEqual({ kind: 'aws', arn, account, region: 'us-east-1' });
    expect(find('aws_s3_bucket_server_side_encryption_configuration', `${arn}/server-side-encryption`)).toMatchObject({
      references: { bucket: [arn] },
      attributes: {
        bucket: 'secure-data',
        rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:us-east-1:123456789012:key/data' }], bucket_key_enabled: true }],
      },
    });
    expect(find('aws_s3_bucket_versioning', `${arn}/versioning`).attributes['versioning_configuration']).toEqual([{ status: 'Enabled', mfa_delete: 'Disabled' }]);
    expect(find('aws_s3_bucket_logging', `${arn}/logging`).attributes).toMatchObject({ target_bucket: 'access-logs', target_prefix: 'secure-data/' });
    expect(find('aws_s3_bucket_public_access_block', `${arn}/public-access-block`).attributes).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const policy = find('aws_s3_bucket_policy', `${arn}/policy`).attributes['policy'];
    expect(JSON.parse(policy as string)).toEqual(JSON.parse(tlsOnlyPolicy('secure-data')));
  });

  it('emits nothing for settings a bucket does not have', () => {
    const types = collection.resources.filter((r) => r.origin.kind === 'aws' && r.origin.arn === 'arn:aws:s3:::plain-data').map((r) => r.type);
    expect(types.sort()).toEqual(['aws_s3_bucket', 'aws_s3_bucket_acl']);
  });

  it('keeps a partial public access block and a public policy as they are', () => {
    const arn = 'arn:aws:s3:::public-site';
    expect(find('aws_s3_bucket_public_access_block', `${arn}/public-access-block`).attributes).toMatchObject({ block_public_acls: true, block_public_policy: false });
    const policy = JSON.parse(find('aws_s3_bucket_policy', `${arn}/policy`).attributes['policy'] as string) as { Statement: { Principal: unknown }[] };
    expect(policy.Statement[0]?.Principal).toBe('*');
  });

  it('reads the log target ACL with its log delivery grants', () => {
    const acl = find('aws_s3_bucket_acl', 'arn:aws:s3:::access-logs/acl').attributes['access_control_policy'] as { grant: { grantee: { uri: string | null }[]; permission: string }[] }[];
    const grants = acl[0]?.grant ?? [];
    expect(grants.filter((g) => g.grantee[0]?.uri === 'http://acs.amazonaws.com/groups/s3/LogDelivery').map((g) => g.permission).sort()).toEqual(['READ_ACP', 'WRITE']);
  });

  it('decodes IAM policy documents, URL-encoded by IAM, into JSON strings', () => {
    const admin = find('aws_iam_policy', `arn:aws:iam::${account}:policy/full-admin`);
    expect(admin.attributes).toMatchObject({ name: 'full-admin', arn: `arn:aws:iam::${account}:policy/full-admin` });
    expect(JSON.parse(admin.attributes['policy'] as string)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const narrow = find('aws_iam_policy', `arn:aws:iam::${account}:policy/read-reports`);
    expect(JSON.parse(narrow.attributes['policy'] as string).Statement[0].Resource).toBe('arn:aws:s3:::reports/*');
  });

  it('splits a role into the role, its inline policies and its attachments', () => {
    const roleArn = `arn:aws:iam::${account}:role/deployer`;
    const role = find('aws_iam_role', roleArn);
    expect(role.origin).toEqual({ kind: 'aws', arn: roleArn, account, region: 'global' });
    expect(JSON.parse(role.attributes['assume_role_policy'] as string).Statement[0].Principal).toEqual({ Service: 'codebuild.amazonaws.com' });
    expect(find('aws_iam_role_policy', `${roleArn}/policy/deploy-s3`)).toMatchObject({
      attributes: { name: 'deploy-s3', role: 'deployer' },
      references: { role: [roleArn] },
    });
    expect(find('aws_iam_role_policy_attachment', `${roleArn}/attachment/arn:aws:iam::${account}:policy/full-admin`).attributes).toMatchObject({
      role: 'deployer',
      policy_arn: `arn:aws:iam::${account}:policy/full-admin`,
    });
  });

  it('reads the account public access block', () => {
    const block = collection.resources.filter((r) => r.type === 'aws_s3_account_public_access_block');
    expect(block).toHaveLength(1);
    expect(block[0]?.attributes).toMatchObject({ account_id: account, block_public_acls: true, restrict_public_buckets: true });
  });

  it('has no unknown value when every API answered, but the root user moto leaves out of the credential report', () => {
    const unknown = collection.resources.flatMap((r) => Object.entries(r.attributes).filter(([, v]) => isUnknown(v)).map(([k, v]) => `${r.address} ${k}: ${String(v)}`));
    expect(unknown).toEqual(
      ['mfa_active', 'access_key_1_active', 'access_key_2_active'].map((k) => `arn:aws:iam::${account}:root ${k}: (unknown: the IAM credential report has no row for the root user)`),
    );
  });

  it('observes the types of every Config type it listed and every account setting it read', () => {
    expect(collection.observedTypes).toEqual(expect.arrayContaining(['aws_backup_selection', 'aws_flow_log', 'aws_s3_bucket_versioning', 'aws_ebs_encryption_by_default', 'aws_guardduty_detector', 'aws_iam_root_user']));
    // Config alone cannot show that a vault has no lock.
    expect(collection.observedTypes).not.toContain('aws_backup_vault_lock_configuration');
  });

  it('reads configuration items in batches and only the bucket settings Config lacks from S3', () => {
    const calls = collection.apiCalls;
    // moto's S3 items carry logging, public access block, policy and ACL, but not encryption, versioning,
    // ownership or object lock: four S3 reads per bucket.
    expect(calls['s3:GetBucketEncryption']).toBe(4);
    expect(calls['s3:GetBucketPolicy']).toBeUndefined();
    expect(calls['config:BatchGetResourceConfig']).toBe(4); // buckets, policies, roles, account block
    expect(progress.at(-1)).toMatch(/^aws:123456789012: \d+ resources from \d+ AWS Config calls and \d+ S3 calls in [\d.]+ s$/);
  });

  it('covers every region asked for, and reads global IAM items once', async () => {
    const both = await collectAws({ kind: 'aws', regions: ['eu-west-1', 'us-east-1'] }, context());
    const buckets = both.resources.filter((r) => r.type === 'aws_s3_bucket');
    expect(buckets.map((b) => [b.attributes['bucket'], b.origin.kind === 'aws' ? b.origin.region : ''])).toContainEqual(['eu-archive', 'eu-west-1']);
    expect(both.resources.filter((r) => r.type === 'aws_iam_policy')).toHaveLength(3);
    expect(both.apiCalls['config:BatchGetResourceConfig']).toBe(collection.apiCalls['config:BatchGetResourceConfig']! + 1);
  });
});
