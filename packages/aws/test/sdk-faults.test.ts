import {
  BatchGetAggregateResourceConfigCommand,
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  ListAggregateDiscoveredResourcesCommand,
  ListDiscoveredResourcesCommand,
} from '@aws-sdk/client-config-service';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rules } from '@trustscan/rules';
import { DeclarationLocator, isUnknown, scan, ScanAbortedError, type SourceContext } from '@trustscan/core';
import { collectAws, type AwsLoadOptions } from '../src/load-aws.js';
import { awsSource } from '../src/index.js';

// SDK-level tests of what moto cannot show: paging, unprocessed keys, throttling, denied calls, regions that are
// not enabled, aggregators, Ctrl-C. The SDK's `send` is stubbed; everything above it is the real collector.

const account = '111122223333';
const config = mockClient(ConfigServiceClient);
const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const guardduty = mockClient(GuardDutyClient);
const iam = mockClient(IAMClient);
/** A credential report with the root user only: MFA on, no keys. */
const rootOnlyReport = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  '<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\n');
// Config and S3 only, unless a test reads the account-level settings itself.
const fast: AwsLoadOptions = { retryBaseDelayMs: 1, unprocessedDelayMs: 1, accountSettings: [] };

function awsError(name: string, status = 400): Error {
  return Object.assign(new Error(`${name}: simulated`), { name, $metadata: { httpStatusCode: status } });
}

function policyItem(index: number, owner = account, statement: Record<string, unknown> = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) {
  const name = `policy-${index}`;
  const document = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
  return {
    version: '1.3',
    accountId: owner,
    configurationItemCaptureTime: new Date('2026-01-01T00:00:00Z'),
    configurationItemStatus: 'OK',
    arn: `arn:aws:iam::${owner}:policy/${name}`,
    resourceType: 'AWS::IAM::Policy',
    resourceId: `ANPA${index}`,
    resourceName: name,
    awsRegion: 'global',
    configuration: JSON.stringify({ policyName: name, arn: `arn:aws:iam::${owner}:policy/${name}`, defaultVersionId: 'v1', policyVersionList: [{ document, versionId: 'v1', isDefaultVersion: true }] }),
    supplementaryConfiguration: {},
  };
}

function bucketItem(name: string, owner = account, region = 'us-east-1') {
  return {
    accountId: owner,
    arn: `arn:aws:s3:::${name}`,
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    resourceName: name,
    awsRegion: region,
    configurationItemStatus: 'OK',
    configuration: JSON.stringify({ name }),
    supplementaryConfiguration: {
      BucketLoggingConfiguration: '{"destinationBucketName":null,"logFilePrefix":null}',
      PublicAccessBlockConfiguration: '{"blockPublicAcls":true,"ignorePublicAcls":true,"blockPublicPolicy":true,"restrictPublicBuckets":true}',
      AccessControlList: '{"grantList":[],"owner":{"id":"abc"}}',
    },
  };
}

function context(overrides: Partial<SourceContext> = {}): SourceContext {
  return { root: '/repo', locator: new DeclarationLocator(), progress: () => {}, terraform: {}, declaredResources: async () => [], ...overrides };
}

/** Answers ListDiscoveredResources from `byType`, 100 per page with a numeric token. */
function listing(byType: Record<string, string[]>) {
  return async (input: { resourceType?: string; nextToken?: string }) => {
    const ids = byType[input.resourceType ?? ''] ?? [];
    const start = Number(input.nextToken ?? 0);
    const page = ids.slice(start, start + 100);
    return {
      resourceIdentifiers: page.map((id) => ({ resourceType: input.resourceType as never, resourceId: id, resourceName: id })),
      ...(start + 100 < ids.length ? { nextToken: String(start + 100) } : {}),
    };
  };
}

beforeAll(() => {
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
  vi.stubEnv('AWS_ENDPOINT_URL', '');
});

afterAll(() => {
  vi.unstubAllEnvs();
  config.restore();
  s3.restore();
  s3control.restore();
  sts.restore();
  ec2.restore();
  guardduty.restore();
  iam.restore();
});

beforeEach(() => {
  config.reset();
  s3.reset();
  s3control.reset();
  sts.reset();
  ec2.reset();
  guardduty.reset();
  iam.reset();
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  guardduty.onAnyCommand().resolves({ DetectorIds: [] });
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(rootOnlyReport), ReportFormat: 'text/csv' });
  sts.on(GetCallerIdentityCommand).resolves({ Account: account, Arn: `arn:aws:iam::${account}:user/scanner` });
  config.on(ListDiscoveredResourcesCommand).callsFake(listing({}));
  s3control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
});

const policies = { resourceTypes: ['AWS::IAM::Policy'] };

describe('AWS Config collection', () => {
  it('pages through ListDiscoveredResources and reads items 100 at a time', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `ANPA${i}`);
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::IAM::Policy': ids }));
    config.on(BatchGetResourceConfigCommand).callsFake(async (input: { resourceKeys: { resourceId: string }[] }) => ({
      baseConfigurationItems: input.resourceKeys.map((key) => policyItem(Number(key.resourceId.slice(4)))),
      unprocessedResourceKeys: [],
    }));
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, ...policies });
    expect(result.resources.filter((r) => r.type === 'aws_iam_policy')).toHaveLength(250);
    expect(result.apiCalls).toMatchObject({ 'config:ListDiscoveredResources': 3, 'config:BatchGetResourceConfig': 3 });
    const batches = config.commandCalls(BatchGetResourceConfigCommand).map((call) => call.args[0].input.resourceKeys?.length);
    expect(batches.sort()).toEqual([100, 100, 50]);
  });

  it('re-sends unprocessed keys until AWS Config has answered them all', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `ANPA${i}`);
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::IAM::Policy': ids }));
    config
      .on(BatchGetResourceConfigCommand)
      .resolvesOnce({
        baseConfigurationItems: ids.slice(0, 60).map((_, i) => policyItem(i)),
        unprocessedResourceKeys: ids.slice(60).map((id) => ({ resourceType: 'AWS::IAM::Policy', resourceId: id })),
      })
      .callsFake(async (input: { resourceKeys: { resourceId: string }[] }) => ({
        baseConfigurationItems: input.resourceKeys.map((key) => policyItem(Number(key.resourceId.slice(4)))),
        unprocessedResourceKeys: [],
      }));
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, ...policies });
    expect(result.resources).toHaveLength(100);
    expect(config.commandCalls(BatchGetResourceConfigCommand)[1]?.args[0].input.resourceKeys).toHaveLength(40);
    expect(result.notifications).toEqual([]);
  });

  it('makes resources left unprocessed unknown and says so', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::IAM::Policy': ['ANPA1'] }));
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [], unprocessedResourceKeys: [{ resourceType: 'AWS::IAM::Policy', resourceId: 'ANPA1' }] });
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, ...policies, unprocessedRounds: 3 });
    expect(config.commandCalls(BatchGetResourceConfigCommand)).toHaveLength(3);
    expect(isUnknown(result.resources[0]?.attributes['policy'])).toBe(true);
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'warning', code: 'config-unprocessed' })]);
  });

  it('retries a throttled call with back-off and carries on', async () => {
    config
      .on(ListDiscoveredResourcesCommand)
      .rejectsOnce(awsError('ThrottlingException'))
      .rejectsOnce(awsError('ThrottlingException'))
      .callsFake(listing({ 'AWS::IAM::Policy': ['ANPA7'] }));
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [policyItem(7)], unprocessedResourceKeys: [] });
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, ...policies });
    expect(result.apiCalls['config:ListDiscoveredResources']).toBe(3);
    expect(result.resources).toHaveLength(1);
    expect(result.notifications).toEqual([]);
  });

  it('turns a denied listing into a warning naming the permission, and keeps the other types', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(async (input: { resourceType?: string }) => {
      if (input.resourceType === 'AWS::IAM::Role') throw awsError('AccessDeniedException');
      return listing({ 'AWS::IAM::Policy': ['ANPA1'] })(input);
    });
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [policyItem(1)], unprocessedResourceKeys: [] });
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::Role'] });
    expect(result.resources.map((r) => r.type)).toEqual(['aws_iam_policy']);
    expect(result.notifications).toEqual([
      expect.objectContaining({ level: 'warning', code: 'access-denied', subject: 'config:ListDiscoveredResources', message: expect.stringContaining('Grant config:ListDiscoveredResources') as string }),
    ]);
  });

  it('makes the checks of resources it may not read unknown, never a pass', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::IAM::Policy': ['ANPA1', 'ANPA2'] }));
    config.on(BatchGetResourceConfigCommand).rejects(awsError('AccessDeniedException'));
    const result = await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/repo' });
    const iam = result.findings.filter((f) => f.ruleId === 'aws-iam-policy-no-full-admin');
    expect(iam).toHaveLength(2);
    expect(iam.every((f) => f.status === 'unknown')).toBe(true);
    expect(iam[0]?.message).toContain('config:BatchGetResourceConfig denied');
    expect(result.notifications).toContainEqual(expect.objectContaining({ code: 'access-denied', subject: 'config:BatchGetResourceConfig' }));
  });

  it('skips a region that is not enabled with a warning and scans the others', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(async (input: { resourceType?: string }, getClient: () => ConfigServiceClient) => {
      if ((await getClient().config.region()) === 'ap-east-1') throw awsError('UnrecognizedClientException');
      return listing({ 'AWS::IAM::Policy': ['ANPA3'] })(input);
    });
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [policyItem(3)], unprocessedResourceKeys: [] });
    const result = await collectAws({ kind: 'aws', regions: ['ap-east-1', 'us-east-1'] }, context(), { ...fast, ...policies });
    expect(result.resources).toHaveLength(1);
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'warning', code: 'region-unavailable', subject: 'ap-east-1' })]);
  });

  it('fails only the AWS target when the credentials are rejected', async () => {
    sts.on(GetCallerIdentityCommand).rejects(awsError('InvalidClientTokenId', 403));
    const result = await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/repo' });
    expect(result.targets).toEqual([{ name: 'aws', kind: 'aws', resources: 0, ok: false }]);
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'input-error', message: expect.stringMatching(/^AWS: the credentials were rejected/) as string })]);
  });

  it('stops with ScanAbortedError when the scan is interrupted', async () => {
    const controller = new AbortController();
    config.on(ListDiscoveredResourcesCommand).callsFake(async () => {
      controller.abort();
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    });
    await expect(collectAws({ kind: 'aws', regions: ['us-east-1'] }, context({ signal: controller.signal }), { ...fast, ...policies })).rejects.toBeInstanceOf(ScanAbortedError);
  });
});

describe('S3 API', () => {
  function s3Answers(): void {
    s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 404));
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Suspended', MFADelete: 'Enabled' });
    s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } } });
  }

  it('reads what Config lacks and makes a denied read unknown with the IAM action, once per permission', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::S3::Bucket': ['alpha', 'beta'] }));
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [bucketItem('alpha'), bucketItem('beta')], unprocessedResourceKeys: [] });
    s3Answers();
    s3.on(GetBucketPolicyCommand).rejects(awsError('AccessDenied', 403));
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, resourceTypes: ['AWS::S3::Bucket'] });
    const of = (type: string) => result.resources.find((r) => r.type === type && r.address.startsWith('arn:aws:s3:::alpha'));
    expect(of('aws_s3_bucket_server_side_encryption_configuration')).toBeUndefined();
    expect(of('aws_s3_bucket_versioning')?.attributes['versioning_configuration']).toEqual([{ status: 'Suspended', mfa_delete: 'Enabled' }]);
    expect(of('aws_s3_bucket_ownership_controls')?.attributes['rule']).toEqual([{ object_ownership: 'BucketOwnerEnforced' }]);
    expect(of('aws_s3_bucket_object_lock_configuration')?.attributes['rule']).toEqual([{ default_retention: [{ mode: 'GOVERNANCE', days: 30, years: null }] }]);
    expect(String(of('aws_s3_bucket_policy')?.attributes['policy'])).toBe('(unknown: s3:GetBucketPolicy denied)');
    expect(s3.commandCalls(GetBucketLoggingCommand)).toHaveLength(0);
    expect(result.notifications).toEqual([
      expect.objectContaining({ code: 'access-denied', subject: 's3:GetBucketPolicy', message: expect.stringContaining('denied for 2 buckets') as string }),
    ]);
  });

  it('reads the TLS-only check as unknown when the policy is denied', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::S3::Bucket': ['alpha'] }));
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [bucketItem('alpha')], unprocessedResourceKeys: [] });
    s3Answers();
    s3.on(GetBucketPolicyCommand).rejects(awsError('AccessDenied', 403));
    const result = await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/repo' });
    const tls = result.findings.find((f) => f.ruleId === 'aws-s3-bucket-tls-only');
    expect(tls?.status).toBe('unknown');
    expect(tls?.message).toContain('s3:GetBucketPolicy denied');
  });

  it('lists buckets through S3 where AWS Config has no recorder', async () => {
    config.on(ListDiscoveredResourcesCommand).rejects(awsError('NoAvailableConfigurationRecorderException'));
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'here' }, { Name: 'elsewhere' }] });
    s3.on(GetBucketLocationCommand, { Bucket: 'here' }).resolves({});
    s3.on(GetBucketLocationCommand, { Bucket: 'elsewhere' }).resolves({ LocationConstraint: 'eu-west-1' });
    s3Answers();
    s3.on(GetBucketLoggingCommand).resolves({ LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'here/' } });
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
    s3.on(GetBucketAclCommand).resolves({ Owner: { ID: 'abc' }, Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] });
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, resourceTypes: ['AWS::S3::Bucket'] });
    expect(result.resources.filter((r) => r.type === 'aws_s3_bucket').map((r) => r.attributes['bucket'])).toEqual(['here']);
    expect(result.resources.find((r) => r.type === 'aws_s3_bucket_logging')?.attributes).toMatchObject({ target_bucket: 'logs', target_prefix: 'here/' });
    const acl = result.resources.find((r) => r.type === 'aws_s3_bucket_acl')?.attributes['access_control_policy'];
    expect(acl).toEqual([
      { grant: [{ grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', id: null, email_address: null, display_name: null }], permission: 'READ' }], owner: [{ id: 'abc', display_name: null }] },
    ]);
    expect(result.notifications).toEqual([expect.objectContaining({ code: 'config-not-recording', subject: 'us-east-1' })]);
  });

  it('reads the account public access block from S3 Control when Config has none', async () => {
    s3control.on(GetAccountPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false } });
    const result = await collectAws({ kind: 'aws', regions: ['us-east-1'] }, context(), { ...fast, resourceTypes: ['AWS::S3::AccountPublicAccessBlock'] });
    expect(result.resources).toEqual([
      expect.objectContaining({
        type: 'aws_s3_account_public_access_block',
        address: `arn:aws:s3::${account}:account-public-access-block`,
        attributes: { id: account, account_id: account, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: false },
      }),
    ]);
  });
});

describe('AWS Config aggregators', () => {
  const other = '444455556666';

  it('reads every account and region of the aggregator, and S3 only for the own account', async () => {
    config.on(ListAggregateDiscoveredResourcesCommand).callsFake(async (input: { ResourceType?: string; NextToken?: string }) => {
      if (input.ResourceType === 'AWS::IAM::Policy') {
        return input.NextToken
          ? { ResourceIdentifiers: [{ SourceAccountId: other, SourceRegion: 'global', ResourceId: 'ANPA2', ResourceType: 'AWS::IAM::Policy', ResourceName: 'policy-2' }] }
          : { ResourceIdentifiers: [{ SourceAccountId: account, SourceRegion: 'global', ResourceId: 'ANPA1', ResourceType: 'AWS::IAM::Policy', ResourceName: 'policy-1' }], NextToken: 'page-2' };
      }
      if (input.ResourceType === 'AWS::S3::Bucket') {
        return {
          ResourceIdentifiers: [
            { SourceAccountId: account, SourceRegion: 'us-east-1', ResourceId: 'mine', ResourceType: 'AWS::S3::Bucket' },
            { SourceAccountId: other, SourceRegion: 'eu-west-1', ResourceId: 'theirs', ResourceType: 'AWS::S3::Bucket' },
          ],
        };
      }
      return { ResourceIdentifiers: [] };
    });
    config
      .on(BatchGetAggregateResourceConfigCommand)
      .callsFake(async (input: { ResourceIdentifiers: { ResourceId: string; SourceAccountId: string; ResourceType: string }[] }) => ({
        BaseConfigurationItems: input.ResourceIdentifiers.map((id) =>
          id.ResourceType === 'AWS::IAM::Policy' ? policyItem(Number(id.ResourceId.slice(4)), id.SourceAccountId) : bucketItem(id.ResourceId, id.SourceAccountId, id.SourceAccountId === account ? 'us-east-1' : 'eu-west-1'),
        ),
        UnprocessedResourceIdentifiers: [],
      }));
    s3.on(GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
    s3.on(GetBucketVersioningCommand).resolves({});
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError', 404));
    s3.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError', 404));
    const result = await collectAws({ kind: 'aws', aggregator: 'org' }, context(), { ...fast, resourceTypes: ['AWS::IAM::Policy', 'AWS::S3::Bucket'] });
    expect(result.name).toBe('aws:aggregator/org');
    expect(result.resources.filter((r) => r.type === 'aws_iam_policy').map((r) => (r.origin.kind === 'aws' ? r.origin.account : ''))).toEqual([account, other]);
    expect(s3.commandCalls(GetBucketEncryptionCommand).map((c) => c.args[0].input.Bucket)).toEqual(['mine']);
    const theirs = result.resources.find((r) => r.address === 'arn:aws:s3:::theirs/server-side-encryption');
    expect(String(theirs?.attributes['rule'])).toContain('has no ServerSideEncryptionConfiguration');
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'note', code: 'cross-account-s3' })]);
    expect(result.apiCalls).toMatchObject({ 'config:ListAggregateDiscoveredResources': 3, 'config:BatchGetAggregateResourceConfig': 2 });
  });

  it('warns about an aggregator that does not exist and scans the own account instead', async () => {
    config.on(ListAggregateDiscoveredResourcesCommand).rejects(awsError('NoSuchConfigurationAggregatorException'));
    config.on(ListDiscoveredResourcesCommand).callsFake(listing({ 'AWS::IAM::Policy': ['ANPA5'] }));
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [policyItem(5)], unprocessedResourceKeys: [] });
    const result = await collectAws({ kind: 'aws', aggregator: 'missing' }, context(), { ...fast, ...policies });
    expect(result.resources).toHaveLength(1);
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'warning', code: 'aggregator-not-found', subject: 'config:missing' })]);
  });
});

describe('observed types and coverage', () => {
  const table = (name: string) => ({
    accountId: account,
    arn: `arn:aws:dynamodb:us-east-1:${account}:table/${name}`,
    resourceType: 'AWS::DynamoDB::Table',
    resourceId: name,
    resourceName: name,
    awsRegion: 'us-east-1',
    configurationItemStatus: 'OK',
    configuration: JSON.stringify({ tableName: name, tableArn: `arn:aws:dynamodb:us-east-1:${account}:table/${name}` }),
    // Without point-in-time recovery, so that only AWS Backup can cover it (the baseline profile accepts PITR).
    supplementaryConfiguration: { ContinuousBackupsDescription: '{"pointInTimeRecoveryDescription":{"pointInTimeRecoveryStatus":"DISABLED"}}' },
  });

  function tablesAnd(selections: 'denied' | 'none'): void {
    config.on(ListDiscoveredResourcesCommand).callsFake(async (input: { resourceType?: string }) => {
      if (input.resourceType === 'AWS::Backup::BackupSelection' && selections === 'denied') throw awsError('AccessDeniedException');
      return listing({ 'AWS::DynamoDB::Table': ['orders'] })(input);
    });
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [table('orders')], unprocessedResourceKeys: [] });
  }

  const covered = (result: Awaited<ReturnType<typeof scan>>) => result.findings.find((f) => f.ruleId === 'aws-backup-data-store-covered');

  it('reports a table as not backed up only when the backup selections were listed', async () => {
    tablesAnd('none');
    expect(covered(await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/repo' }))?.status).toBe('fail');
  });

  it('makes "not backed up" unknown when listing backup selections was denied', async () => {
    tablesAnd('denied');
    const result = await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/repo' });
    expect(covered(result)).toMatchObject({ status: 'unknown', message: expect.stringContaining('this scan did not read AWS Backup selections') as string });
    expect(result.notifications).toContainEqual(expect.objectContaining({ code: 'access-denied', subject: 'config:ListDiscoveredResources' }));
  });

  it('leaves out of the observed types every type a listing failed for, in any region', async () => {
    config.on(ListDiscoveredResourcesCommand).callsFake(async (input: { resourceType?: string }, getClient: () => ConfigServiceClient) => {
      if (input.resourceType === 'AWS::EC2::FlowLog' && (await getClient().config.region()) === 'eu-west-1') throw awsError('AccessDeniedException');
      return listing({})(input);
    });
    const result = await collectAws({ kind: 'aws', regions: ['eu-west-1', 'us-east-1'] }, context(), fast);
    expect(result.observedTypes).not.toContain('aws_flow_log');
    expect(result.observedTypes).toEqual(expect.arrayContaining(['aws_vpc', 'aws_backup_selection', 'aws_s3_bucket_versioning', 'aws_s3_account_public_access_block']));
  });

  it('makes a denied account-level read a warning naming the permission, with unknown values and no observed type', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).rejects(awsError('UnauthorizedOperation', 403));
    iam.on(GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 403));
    const result = await collectAws({ kind: 'aws', regions: ['eu-west-1', 'us-east-1'] }, context(), { ...fast, accountSettings: ['ebs-encryption-by-default', 'credential-report'] });
    expect(result.notifications.map((n) => [n.code, n.subject, n.message])).toEqual([
      ['access-denied', 'ec2:GetEbsEncryptionByDefault', 'EC2 GetEbsEncryptionByDefault: ec2:GetEbsEncryptionByDefault denied in 2 regions; the EBS encryption by default check is unknown there. Grant ec2:GetEbsEncryptionByDefault to the scanning identity.'],
      ['access-denied', 'iam:GenerateCredentialReport', expect.stringContaining('are unknown. Grant iam:GenerateCredentialReport to the scanning identity.') as string],
    ]);
    expect(result.resources.filter((r) => r.type === 'aws_ebs_encryption_by_default').map((r) => String(r.attributes['enabled']))).toEqual(['(unknown: ec2:GetEbsEncryptionByDefault denied)', '(unknown: ec2:GetEbsEncryptionByDefault denied)']);
    expect(String(result.resources.find((r) => r.type === 'aws_iam_root_user')?.attributes['mfa_active'])).toBe('(unknown: iam:GenerateCredentialReport denied)');
    expect(result.observedTypes).not.toEqual(expect.arrayContaining(['aws_ebs_encryption_by_default']));
    expect(result.observedTypes?.filter((t) => ['aws_iam_root_user', 'aws_ebs_encryption_by_default'].includes(t))).toEqual([]);
  });

  it('reads the credential report: root keys, a console user, and a key unused for months', async () => {
    const old = '2025-01-01T00:00:00+00:00';
    const report = [
      rootOnlyReport.split('\n')[0],
      `<root_account>,arn:aws:iam::${account}:root,2020-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,false,true,2020-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      `ci,arn:aws:iam::${account}:user/ci,2020-01-01T00:00:00+00:00,true,no_information,${old},N/A,true,true,${old},${old},us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ].join('\n');
    iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(report) });
    const result = await scan({ targets: [{ kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: '/repo' });
    const status = (ruleId: string, address: string) => result.findings.find((f) => f.ruleId === ruleId && f.resource.address === address)?.status;
    expect(status('aws-iam-root-mfa', `arn:aws:iam::${account}:root`)).toBe('fail');
    expect(status('aws-iam-root-no-access-keys', `arn:aws:iam::${account}:root`)).toBe('fail');
    expect(status('aws-iam-console-user-mfa', `arn:aws:iam::${account}:user/ci/login-profile`)).toBe('pass');
    expect(status('aws-iam-unused-credentials-disabled', `arn:aws:iam::${account}:user/ci/login-profile`)).toBe('fail');
    expect(status('aws-iam-unused-credentials-disabled', `arn:aws:iam::${account}:user/ci/access-key-1`)).toBe('fail');
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
  }, 20_000);
});
