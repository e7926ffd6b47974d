import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfigServiceClient, ListDiscoveredResourcesCommand } from '@aws-sdk/client-config-service';
import { S3ControlClient, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, expect, it, vi } from 'vitest';
import { collectAws } from '../src/load-aws.js';
import { DeclarationLocator } from '@trustscan/core';

// This file makes no SDK client of its own before the scan, so the scan's clients are the first of the process:
// the SDK would print its Node 20 NodeVersionSupportWarning when they are made, unless the scanner silences it.

afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('keeps the SDK NodeVersionSupportWarning out of the output and leaves the environment as it was', async () => {
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
  delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const warnings: string[] = [];
  vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    warnings.push(String(warning));
  });
  const sts = mockClient(STSClient).on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/scanner' });
  const config = mockClient(ConfigServiceClient).on(ListDiscoveredResourcesCommand).resolves({ resourceIdentifiers: [] });
  const control = mockClient(S3ControlClient).on(GetPublicAccessBlockCommand).rejects(Object.assign(new Error('none'), { name: 'NoSuchPublicAccessBlockConfiguration' }));
  const result = await collectAws(
    { kind: 'aws', regions: ['us-east-1', 'eu-west-1'] },
    { root: '/repo', locator: new DeclarationLocator(), progress: () => {}, terraform: {}, declaredResources: async () => [] },
    // The account-level readers would make further clients, unmocked here; Config is enough to make the first ones.
    { accountSettings: [] },
  );
  sts.restore();
  config.restore();
  control.restore();
  expect(result.resources).toEqual([]);
  expect(warnings.filter((w) => w.includes('NodeVersionSupportWarning'))).toEqual([]);
  expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBeUndefined();
});
