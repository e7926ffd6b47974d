import type * as ConfigService from '@aws-sdk/client-config-service';
import type * as Ec2 from '@aws-sdk/client-ec2';
import type * as GuardDuty from '@aws-sdk/client-guardduty';
import type * as Iam from '@aws-sdk/client-iam';
import type * as S3 from '@aws-sdk/client-s3';
import type * as S3Control from '@aws-sdk/client-s3-control';
import type * as Sts from '@aws-sdk/client-sts';
import { withoutSdkWarnings } from '@trustscan/core';
import { withCredentialReportRepair } from './repair-credential-report.js';
import { withTimestampRepair, type HttpHandlerLike } from './repair-config-timestamps.js';

/** The SDK modules a live scan uses, loaded on demand so that offline scans never load them. */
export interface AwsSdk {
  readonly config: typeof ConfigService;
  readonly ec2: typeof Ec2;
  readonly guardduty: typeof GuardDuty;
  readonly iam: typeof Iam;
  readonly s3: typeof S3;
  readonly s3Control: typeof S3Control;
  readonly sts: typeof Sts;
}

/** One client per service and region, created on first use. */
export interface AwsClients {
  readonly sdk: AwsSdk;
  config(region: string): ConfigService.ConfigServiceClient;
  ec2(region: string): Ec2.EC2Client;
  guardduty(region: string): GuardDuty.GuardDutyClient;
  iam(region: string): Iam.IAMClient;
  s3(region: string): S3.S3Client;
  s3Control(region: string): S3Control.S3ControlClient;
  sts(region: string): Sts.STSClient;
  /** The region of the SDK's configuration (`AWS_REGION`, the profile), if any. */
  defaultRegion(): Promise<string | undefined>;
  destroy(): void;
}

/** Client settings shared by every service: the profile, adaptive retry (unless the environment chooses). */
function baseSettings(region: string, profile: string | undefined): Record<string, unknown> {
  return {
    region,
    ...(profile === undefined ? {} : { profile }),
    ...(process.env.AWS_RETRY_MODE ? {} : { retryMode: 'adaptive' }),
    ...(process.env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: 5 }),
  };
}

/**
 * The endpoint the SDK will use for a service when `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL` is set (an
 * emulator such as moto or LocalStack), so that S3 can use path-style addressing and S3 Control can skip the
 * account-id host prefix that no emulator serves.
 */
export function configuredEndpoint(service: 'S3' | 'S3_CONTROL'): string | undefined {
  if (process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  return process.env[`AWS_ENDPOINT_URL_${service}`] || process.env.AWS_ENDPOINT_URL || undefined;
}

/** Loads the SDK and returns a client factory for the given profile. */
export async function createAwsClients(options: { readonly profile?: string } = {}): Promise<AwsClients> {
  const [config, ec2, guardduty, iam, s3, s3Control, sts] = await Promise.all([
    import('@aws-sdk/client-config-service'),
    import('@aws-sdk/client-ec2'),
    import('@aws-sdk/client-guardduty'),
    import('@aws-sdk/client-iam'),
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/client-s3-control'),
    import('@aws-sdk/client-sts'),
  ]);
  const sdk: AwsSdk = { config, ec2, guardduty, iam, s3, s3Control, sts };
  const profile = options.profile;
  const made: { destroy(): void }[] = [];
  const cache = new Map<string, unknown>();
  const memo = <T extends { destroy(): void }>(key: string, make: () => T): T => {
    let client = cache.get(key) as T | undefined;
    if (!client) {
      client = withoutSdkWarnings(make);
      cache.set(key, client);
      made.push(client);
    }
    return client;
  };
  const s3Endpoint = configuredEndpoint('S3');
  const s3ControlEndpoint = configuredEndpoint('S3_CONTROL');
  return {
    sdk,
    config: (region) =>
      memo(`config:${region}`, () => {
        const client = new config.ConfigServiceClient(baseSettings(region, profile));
        const resolved = client.config as unknown as { requestHandler: HttpHandlerLike };
        resolved.requestHandler = withTimestampRepair(resolved.requestHandler);
        return client;
      }),
    ec2: (region) => memo(`ec2:${region}`, () => new ec2.EC2Client(baseSettings(region, profile))),
    guardduty: (region) => memo(`guardduty:${region}`, () => new guardduty.GuardDutyClient(baseSettings(region, profile))),
    iam: (region) =>
      memo(`iam:${region}`, () => {
        const client = new iam.IAMClient(baseSettings(region, profile));
        const resolved = client.config as unknown as { requestHandler: HttpHandlerLike };
        resolved.requestHandler = withCredentialReportRepair(resolved.requestHandler);
        return client;
      }),
    s3: (region) =>
      memo(`s3:${region}`, () => new s3.S3Client({ ...baseSettings(region, profile), followRegionRedirects: true, ...(s3Endpoint ? { forcePathStyle: true } : {}) })),
    s3Control: (region) =>
      memo(
        `s3control:${region}`,
        () =>
          new s3Control.S3ControlClient({
            ...baseSettings(region, profile),
            ...(s3ControlEndpoint ? { endpointProvider: () => ({ url: new URL(s3ControlEndpoint) }) } : {}),
          }),
      ),
    sts: (region) => memo(`sts:${region}`, () => new sts.STSClient(baseSettings(region, profile))),
    async defaultRegion() {
      const probe = withoutSdkWarnings(() => new sts.STSClient(profile === undefined ? {} : { profile }));
      try {
        return await probe.config.region();
      } catch {
        return undefined;
      } finally {
        probe.destroy();
      }
    },
    destroy() {
      for (const client of made) client.destroy();
    },
  };
}

