import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { EC2Client, EnableEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rules } from '@trustscan/rules';
import { motoEnvironment, startMoto, type MotoServer } from '../../../testing/moto.js';
import { DeclarationLocator, scan, type ScanResult } from '@trustscan/core';
import { collectAws, type AwsCollection } from '../src/load-aws.js';
import { account } from './moto-scenario.js';
import { awsSource } from '../src/index.js';

// The account-level settings that are not configuration items, read from their own APIs against moto: Config
// recorders, EBS encryption by default, GuardDuty detectors and the IAM credential report.

let moto: MotoServer;
let collection: AwsCollection;
let result: ScanResult;
const regions = ['eu-west-1', 'us-east-1'];

async function buildSettings(endpoint: string): Promise<void> {
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const config = new ConfigServiceClient({ region: 'us-east-1', endpoint, credentials });
  const ec2 = new EC2Client({ region: 'us-east-1', endpoint, credentials });
  const guardduty = new GuardDutyClient({ region: 'eu-west-1', endpoint, credentials });
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials });
  const s3 = new S3Client({ region: 'us-east-1', endpoint, credentials, forcePathStyle: true });
  try {
    // us-east-1: a recorder of every type, started; EBS encryption by default on. eu-west-1: neither.
    await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${account}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
    await s3.send(new CreateBucketCommand({ Bucket: 'config-delivery' }));
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-delivery' } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    // eu-west-1: a disabled GuardDuty detector.
    await guardduty.send(new CreateDetectorCommand({ Enable: false }));
    // IAM: a console user without MFA, with one active and one deactivated key.
    await iam.send(new CreateUserCommand({ UserName: 'jane' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'jane', Password: 'Correct-Horse-42!' }));
    const first = await iam.send(new CreateAccessKeyCommand({ UserName: 'jane' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'jane' }));
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'jane', AccessKeyId: first.AccessKey?.AccessKeyId ?? '', Status: 'Inactive' }));
  } finally {
    for (const client of [config, ec2, guardduty, iam, s3]) client.destroy();
  }
}

beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(motoEnvironment(moto.endpoint))) vi.stubEnv(name, value);
  await buildSettings(moto.endpoint);
  const context = { root: '/work/repo', locator: new DeclarationLocator(), progress: () => {}, terraform: {}, declaredResources: async () => [] };
  collection = await collectAws({ kind: 'aws', regions }, context, { reportPollMs: 10 });
  result = await scan({ targets: [{ kind: 'aws', regions }], sources: { aws: awsSource }, rules, root: '/work/repo' });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

const ofType = (type: string) => collection.resources.filter((r) => r.type === type);
const statusOf = (ruleId: string, address: string) => result.findings.find((f) => f.ruleId === ruleId && f.resource.address === address)?.status;

describe('account-level settings against moto', () => {
  it('reads the Config recorder and its status per region', () => {
    expect(ofType('aws_config_configuration_recorder').map((r) => [r.origin.kind === 'aws' ? r.origin.region : '', r.attributes['recording_group']])).toEqual([
      ['us-east-1', [{ all_supported: true, include_global_resource_types: true, resource_types: [], recording_strategy: [{ use_only: 'ALL_SUPPORTED_RESOURCE_TYPES' }] }]],
    ]);
    expect(ofType('aws_config_configuration_recorder_status').map((r) => r.attributes['is_enabled'])).toEqual([true]);
    expect(statusOf('aws-config-recorder-all-resources', ofType('aws_config_configuration_recorder')[0]?.address ?? '')).toBe('pass');
  });

  it('reads EBS encryption by default in every region', () => {
    expect(ofType('aws_ebs_encryption_by_default').map((r) => [r.address, r.attributes['enabled']])).toEqual([
      [`arn:aws:ec2:eu-west-1:${account}:ebs-encryption-by-default`, false],
      [`arn:aws:ec2:us-east-1:${account}:ebs-encryption-by-default`, true],
    ]);
    expect(statusOf('aws-ebs-encryption-by-default', `arn:aws:ec2:eu-west-1:${account}:ebs-encryption-by-default`)).toBe('fail');
    expect(statusOf('aws-ebs-encryption-by-default', `arn:aws:ec2:us-east-1:${account}:ebs-encryption-by-default`)).toBe('pass');
  });

  it('reads the GuardDuty detectors of each region', () => {
    const detectors = ofType('aws_guardduty_detector');
    expect(detectors.map((r) => [r.origin.kind === 'aws' ? r.origin.region : '', r.attributes['enable']])).toEqual([['eu-west-1', false]]);
    expect(statusOf('aws-guardduty-enabled', detectors[0]?.address ?? '')).toBe('fail');
  });

  it('reads console users and access keys from the credential report', () => {
    const user = `arn:aws:iam::${account}:user/jane`;
    expect(ofType('aws_iam_user_login_profile').map((r) => [r.address, r.attributes['user'], r.attributes['mfa_active']])).toEqual([[`${user}/login-profile`, 'jane', false]]);
    expect(ofType('aws_iam_access_key').map((r) => [r.address, r.attributes['status'], r.attributes['last_used_date']])).toEqual([
      [`${user}/access-key-1`, 'Inactive', null],
      [`${user}/access-key-2`, 'Active', null],
    ]);
    expect(statusOf('aws-iam-console-user-mfa', `${user}/login-profile`)).toBe('fail');
    expect(statusOf('aws-iam-unused-credentials-disabled', `${user}/access-key-1`)).toBe('pass');
    expect(statusOf('aws-iam-unused-credentials-disabled', `${user}/access-key-2`)).toBe('pass');
    // moto's report has no root row: the root checks are unknown and say why.
    expect(result.findings.find((f) => f.ruleId === 'aws-iam-root-mfa')?.message).toContain('has no row for the root user');
  });

  it('counts the setting reads in the API calls and reports no problem', () => {
    expect(collection.apiCalls).toMatchObject({ 'ec2:GetEbsEncryptionByDefault': 2, 'guardduty:ListDetectors': 2, 'guardduty:GetDetector': 1, 'iam:GetCredentialReport': 1 });
    expect(collection.notifications).toEqual([]);
  });
});
