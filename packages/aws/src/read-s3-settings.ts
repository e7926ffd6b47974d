import { describeError, ScanAbortedError, Unknown, type Value } from '@trustscan/core';
import type { AwsCaller } from './aws-caller.js';
import type { AwsClients } from './aws-clients.js';
import { classifyAwsError, errorName } from './aws-errors.js';
import { abortOptions } from './config-readers.js';
import { withSupplementary, type ConfigurationItem, type Settings } from './configuration-item.js';
import { field } from './normalize/fields.js';
import { accountPublicAccessBlockArn } from './normalize/s3-account-public-access-block.js';
import { bucketSettings, type BucketSetting } from './s3-bucket-settings.js';
import { plural, type ScanProblems } from './scan-problems.js';

/** What reading S3 directly needs. */
export interface S3Reading {
  readonly clients: AwsClients;
  readonly caller: AwsCaller;
  readonly problems: ScanProblems;
}

/**
 * Completes a bucket's configuration item with the settings AWS Config did not record, read from the S3 API and put
 * in Config's shape: a value, `null` when the bucket has no such setting, or `Unknown` naming the IAM action that was
 * denied. Returns `undefined` when the bucket no longer exists.
 */
export async function readMissingBucketSettings(item: ConfigurationItem, reading: S3Reading): Promise<ConfigurationItem | undefined> {
  const wanted = bucketSettings.filter((setting) => item.missing !== undefined || field(item.supplementaryConfiguration, setting.key) === undefined);
  if (wanted.length === 0) return item;
  const bucket = item.resourceName ?? item.resourceId;
  const region = item.awsRegion || 'us-east-1';
  const values: Record<string, Value> = {};
  let gone = false;
  await Promise.all(
    wanted.map(async (setting) => {
      try {
        values[setting.key] = await readSetting(setting, bucket, region, reading);
      } catch (error) {
        if (error instanceof ScanAbortedError) throw error;
        const fault = classifyAwsError(error);
        if (fault === 'not-configured') values[setting.key] = null;
        else if (fault === 'no-such-bucket') gone = true;
        else values[setting.key] = unreadable(setting, error, fault, region, reading.problems);
      }
    }),
  );
  return gone ? undefined : withSupplementary(item, values);
}

function unreadable(setting: BucketSetting, error: unknown, fault: string, region: string, problems: ScanProblems): Unknown {
  if (fault === 'access-denied') {
    problems.add(`s3|denied|${setting.permission}`, {
      level: 'warning',
      code: 'access-denied',
      subject: setting.permission,
      message: (n) => `S3: ${setting.permission} denied for ${plural(n, 'bucket')}; their checks that read it are unknown. Grant ${setting.permission} to the scanning identity.`,
    });
    return new Unknown(`${setting.permission} denied`);
  }
  problems.add(`s3|failed|${setting.operation}|${errorName(error)}`, {
    level: 'warning',
    code: fault === 'region-unavailable' ? 'region-unavailable' : 'aws-api-error',
    subject: setting.permission,
    message: (n) => `S3 (${region}): ${setting.operation} failed for ${plural(n, 'bucket')} (${describeError(error)}); their checks that read it are unknown.`,
  });
  return new Unknown(`S3 ${setting.operation} failed: ${errorName(error)}`);
}

/** One S3 read, answered in the shape AWS Config uses for the same setting. */
async function readSetting(setting: BucketSetting, bucket: string, region: string, reading: S3Reading): Promise<Value> {
  const client = reading.clients.s3(region);
  const s3 = reading.clients.sdk.s3;
  const call = <T>(send: (options: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T> =>
    reading.caller.call('s3', setting.operation, (abortSignal) => send(abortOptions(abortSignal)));
  const input = { Bucket: bucket };
  switch (setting.operation) {
    case 'GetBucketEncryption': {
      const out = await call((o) => client.send(new s3.GetBucketEncryptionCommand(input), o));
      return toValue(out.ServerSideEncryptionConfiguration) ?? null;
    }
    case 'GetBucketVersioning': {
      const out = await call((o) => client.send(new s3.GetBucketVersioningCommand(input), o));
      return { status: out.Status ?? null, isMfaDeleteEnabled: out.MFADelete === 'Enabled' };
    }
    case 'GetBucketLogging': {
      const out = await call((o) => client.send(new s3.GetBucketLoggingCommand(input), o));
      return { destinationBucketName: out.LoggingEnabled?.TargetBucket ?? null, logFilePrefix: out.LoggingEnabled?.TargetPrefix ?? null };
    }
    case 'GetPublicAccessBlock': {
      const out = await call((o) => client.send(new s3.GetPublicAccessBlockCommand(input), o));
      return toValue(out.PublicAccessBlockConfiguration) ?? null;
    }
    case 'GetBucketPolicy': {
      const out = await call((o) => client.send(new s3.GetBucketPolicyCommand(input), o));
      return { policyText: out.Policy ?? null };
    }
    case 'GetBucketAcl': {
      const out = await call((o) => client.send(new s3.GetBucketAclCommand(input), o));
      return { owner: toValue(out.Owner) ?? null, grantList: toValue(out.Grants) ?? [] };
    }
    case 'GetBucketOwnershipControls': {
      const out = await call((o) => client.send(new s3.GetBucketOwnershipControlsCommand(input), o));
      return toValue(out.OwnershipControls) ?? null;
    }
    case 'GetObjectLockConfiguration': {
      const out = await call((o) => client.send(new s3.GetObjectLockConfigurationCommand(input), o));
      return toValue(out.ObjectLockConfiguration) ?? null;
    }
  }
}

/** An SDK answer as a plain JSON value. */
function toValue(value: unknown): Value | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Value);
}

/**
 * The buckets of the account in `regions`, from `ListBuckets`, as configuration items without configuration: used
 * where AWS Config could not list buckets, so that every bucket setting is then read from the S3 API. `undefined`
 * when the buckets could not be listed either.
 */
export async function listBucketsIn(regions: ReadonlySet<string>, account: string, partition: string, reading: S3Reading, home: string): Promise<ConfigurationItem[] | undefined> {
  const client = reading.clients.s3(home);
  const s3 = reading.clients.sdk.s3;
  const names: { name: string; region?: string }[] = [];
  let token: string | undefined;
  try {
    do {
      const continuation = token;
      const page = await reading.caller.call('s3', 'ListBuckets', (abortSignal) =>
        client.send(new s3.ListBucketsCommand({ MaxBuckets: 1000, ...(continuation ? { ContinuationToken: continuation } : {}) }), abortOptions(abortSignal)),
      );
      for (const bucket of page.Buckets ?? []) if (bucket.Name) names.push({ name: bucket.Name, ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}) });
      token = page.ContinuationToken || undefined;
    } while (token);
  } catch (error) {
    if (error instanceof ScanAbortedError) throw error;
    const denied = classifyAwsError(error) === 'access-denied';
    reading.problems.add('s3|list-buckets', {
      level: 'warning',
      code: denied ? 'access-denied' : 'aws-api-error',
      subject: 's3:ListAllMyBuckets',
      message: () =>
        denied
          ? 'S3: s3:ListAllMyBuckets denied, and AWS Config could not list buckets either; buckets were not checked. Grant s3:ListAllMyBuckets or config:ListDiscoveredResources.'
          : `S3: ListBuckets failed (${describeError(error)}); buckets AWS Config could not list were not checked.`,
    });
    return undefined;
  }
  const located = await Promise.all(names.map(async (bucket) => ({ name: bucket.name, region: bucket.region ?? (await bucketRegion(bucket.name, reading, home)) })));
  return located
    .filter((bucket) => bucket.region !== undefined && regions.has(bucket.region))
    .map((bucket) => ({
      resourceType: 'AWS::S3::Bucket',
      resourceId: bucket.name,
      resourceName: bucket.name,
      arn: `arn:${partition}:s3:::${bucket.name}`,
      accountId: account,
      awsRegion: bucket.region ?? home,
      configuration: { name: bucket.name },
      supplementaryConfiguration: {},
      missing: 'AWS Config could not list the bucket',
    }));
}

async function bucketRegion(bucket: string, reading: S3Reading, home: string): Promise<string | undefined> {
  const s3 = reading.clients.sdk.s3;
  try {
    const out = await reading.caller.call('s3', 'GetBucketLocation', (abortSignal) =>
      reading.clients.s3(home).send(new s3.GetBucketLocationCommand({ Bucket: bucket }), abortOptions(abortSignal)),
    );
    const constraint = out.LocationConstraint as string | undefined;
    return !constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;
  } catch (error) {
    if (error instanceof ScanAbortedError) throw error;
    return undefined;
  }
}

/**
 * The account's S3 public access block from S3 Control, as an `AWS::S3::AccountPublicAccessBlock` item: `undefined`
 * when the account has none, an item without configuration when the call was denied.
 */
export async function readAccountPublicAccessBlock(account: string, partition: string, region: string, reading: S3Reading): Promise<ConfigurationItem | undefined> {
  const base = {
    resourceType: 'AWS::S3::AccountPublicAccessBlock',
    resourceId: account,
    arn: accountPublicAccessBlockArn(partition, account),
    accountId: account,
    awsRegion: region,
    supplementaryConfiguration: {},
  };
  try {
    const out = await reading.caller.call('s3control', 'GetPublicAccessBlock', (abortSignal) =>
      reading.clients.s3Control(region).send(new reading.clients.sdk.s3Control.GetPublicAccessBlockCommand({ AccountId: account }), abortOptions(abortSignal)),
    );
    const configuration = toValue(out.PublicAccessBlockConfiguration);
    return { ...base, configuration: (configuration ?? {}) as Settings };
  } catch (error) {
    if (error instanceof ScanAbortedError) throw error;
    const fault = classifyAwsError(error);
    if (fault === 'not-configured') return undefined;
    const denied = fault === 'access-denied';
    reading.problems.add('s3control|pab', {
      level: 'warning',
      code: denied ? 'access-denied' : 'aws-api-error',
      subject: 's3:GetAccountPublicAccessBlock',
      message: () =>
        denied
          ? `S3 Control: s3:GetAccountPublicAccessBlock denied for account ${account}; the account-level public access block check is unknown. Grant s3:GetAccountPublicAccessBlock.`
          : `S3 Control: GetPublicAccessBlock failed for account ${account} (${describeError(error)}); the account-level public access block check is unknown.`,
    });
    return { ...base, configuration: {}, missing: denied ? 's3:GetAccountPublicAccessBlock denied' : `S3 Control GetPublicAccessBlock failed: ${errorName(error)}` };
  }
}
