import type * as S3 from '@aws-sdk/client-s3';
import { InputError, describeError, withoutSdkWarnings } from '@trustscan/core';
import { recordPath, seqOfRecordName } from '../format/record-format.js';
import type { EvidenceStore } from './evidence-store.js';

export interface S3StoreOptions {
  /** Days each new record is locked (S3 Object Lock, compliance mode); without it, the bucket's default retention applies. */
  readonly retainDays?: number;
  /** A client to use instead of one from the default credential chain (tests inject faults this way). */
  readonly client?: S3.S3Client;
}

/** `s3://bucket/prefix` split into its parts; `undefined` for anything else. */
export function parseS3Location(location: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], prefix: (match[2] ?? '').replace(/\/+$/, '') };
}

/**
 * A store under an S3 prefix, through the SDK's default credential chain (and `AWS_ENDPOINT_URL`, for emulators).
 * Records are created with `If-None-Match: *`, so S3 refuses a second write to a slot (412) and two appenders never
 * overwrite each other; with a retention period each record gets an Object Lock retention in compliance mode.
 */
export class S3Store implements EvidenceStore {
  private readonly bucket: string;
  private readonly prefix: string;
  private sdk: typeof S3 | undefined;
  private client: S3.S3Client | undefined;

  constructor(
    readonly location: string,
    private readonly options: S3StoreOptions = {},
  ) {
    const parsed = parseS3Location(location);
    if (!parsed) throw new InputError(`${location}: not an S3 location; write s3://bucket/prefix.`, { subject: location });
    this.bucket = parsed.bucket;
    this.prefix = parsed.prefix;
    this.client = options.client;
  }

  async prepareAppend(): Promise<void> {
    const { client, sdk } = await this.connect();
    if (this.options.retainDays === undefined) {
      await this.call('s3:ListBucket', () => client.send(new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.key('records/'), MaxKeys: 1 })));
      return;
    }
    const lock = await this.call(
      's3:GetBucketObjectLockConfiguration',
      () => client.send(new sdk.GetObjectLockConfigurationCommand({ Bucket: this.bucket })),
      (error) => errorName(error) === 'ObjectLockConfigurationNotFoundError',
    );
    if (lock?.ObjectLockConfiguration?.ObjectLockEnabled !== 'Enabled') {
      throw new InputError(
        `${this.location}: bucket ${this.bucket} has no Object Lock, so records cannot be retained for ${this.options.retainDays} days; use a bucket created with Object Lock (which also turns on versioning), or drop the retention setting.`,
        { subject: this.location },
      );
    }
  }

  async listRecords(): Promise<number[]> {
    const { client, sdk } = await this.connect();
    const seqs: number[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('s3:ListBucket', () =>
        client.send(new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.key('records/'), ...(token ? { ContinuationToken: token } : {}) })),
      );
      for (const object of page?.Contents ?? []) {
        const seq = seqOfRecordName((object.Key ?? '').slice(this.key('records/').length));
        if (seq !== undefined) seqs.push(seq);
      }
      token = page?.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return seqs.sort((a, b) => a - b);
  }

  readRecord(seq: number): Promise<Uint8Array | undefined> {
    return this.get(this.key(recordPath(seq)));
  }

  readRecordStart(seq: number, length: number): Promise<Uint8Array | undefined> {
    return this.get(this.key(recordPath(seq)), `bytes=0-${length - 1}`);
  }

  async createRecord(seq: number, bytes: Uint8Array, recordedAt: Date): Promise<boolean> {
    const { client, sdk } = await this.connect();
    const retainDays = this.options.retainDays;
    try {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(recordPath(seq)),
          Body: bytes,
          ContentType: 'application/gzip',
          IfNoneMatch: '*',
          ...(retainDays === undefined ? {} : { ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date(recordedAt.getTime() + retainDays * 86_400_000) }),
        }),
      );
      return true;
    } catch (error) {
      // 412: the slot exists; 409: another conditional write to it is in flight. Either way, someone else got there.
      const status = httpStatus(error);
      if (status === 412 || status === 409 || errorName(error) === 'PreconditionFailed' || errorName(error) === 'ConditionalRequestConflict') return false;
      throw this.failure(error, 's3:PutObject');
    }
  }

  readHead(): Promise<Uint8Array | undefined> {
    return this.get(this.key('HEAD'));
  }

  async writeHead(bytes: Uint8Array): Promise<void> {
    const { client, sdk } = await this.connect();
    await this.call('s3:PutObject', () => client.send(new sdk.PutObjectCommand({ Bucket: this.bucket, Key: this.key('HEAD'), Body: bytes, ContentType: 'application/json' })));
  }

  async leftovers(): Promise<string[]> {
    return [];
  }

  close(): void {
    if (!this.options.client) this.client?.destroy();
  }

  private key(name: string): string {
    return this.prefix === '' ? name : `${this.prefix}/${name}`;
  }

  private async get(key: string, range?: string): Promise<Uint8Array | undefined> {
    const { client, sdk } = await this.connect();
    const response = await this.call(
      's3:GetObject',
      () => client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: range } : {}) })),
      (error) => errorName(error) === 'NoSuchKey' || (httpStatus(error) === 404 && errorName(error) !== 'NoSuchBucket'),
    );
    if (!response?.Body) return undefined;
    return response.Body.transformToByteArray();
  }

  private async connect(): Promise<{ client: S3.S3Client; sdk: typeof S3 }> {
    this.sdk ??= await import('@aws-sdk/client-s3');
    const sdk = this.sdk;
    this.client ??= await createClient(sdk);
    return { client: this.client, sdk };
  }

  /** Runs one S3 call; an error `absent` accepts means "nothing there" (`undefined`), any other is an `InputError`. */
  private async call<T>(operation: string, send: () => Promise<T>, absent: (error: unknown) => boolean = () => false): Promise<T | undefined> {
    try {
      return await send();
    } catch (error) {
      if (absent(error)) return undefined;
      throw this.failure(error, operation);
    }
  }

  private failure(error: unknown, operation: string): InputError {
    const name = errorName(error);
    const status = httpStatus(error);
    const subject = this.location;
    if (name === 'NoSuchBucket') return new InputError(`${this.location}: no such bucket ${this.bucket}; create it (with Object Lock, to keep records from deletion) or correct the store.`, { subject });
    if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403) {
      return new InputError(`${this.location}: access denied to ${operation} (${name}); let these credentials use s3:ListBucket, s3:GetObject and s3:PutObject on the store (and s3:GetBucketObjectLockConfiguration with a retention).`, {
        subject,
      });
    }
    if (name === 'CredentialsProviderError' || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken') {
      return new InputError(`${this.location}: the AWS credentials were refused or not found (${name}); configure them as for the AWS CLI (AWS_PROFILE, environment, SSO or an instance role).`, { subject });
    }
    return new InputError(`${this.location}: ${operation} failed (${name}: ${describeError(error)}); check the store and the network, then run the command again.`, { subject, cause: error });
  }
}

/**
 * A client from the default chain. An emulator endpoint (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`) gets path-style
 * addressing; a missing region falls back to us-east-1, and S3 redirects to the bucket's own region.
 */
async function createClient(sdk: typeof S3): Promise<S3.S3Client> {
  const endpoint = process.env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true' ? undefined : process.env['AWS_ENDPOINT_URL_S3'] || process.env['AWS_ENDPOINT_URL'];
  const region = process.env['AWS_REGION'] || process.env['AWS_DEFAULT_REGION'] || (await profileRegion(sdk)) || 'us-east-1';
  return withoutSdkWarnings(() => new sdk.S3Client({ region, followRegionRedirects: true, ...(endpoint ? { forcePathStyle: true } : {}) }));
}

/** The region of the shared config profile, when one is set there. */
async function profileRegion(sdk: typeof S3): Promise<string | undefined> {
  const probe = withoutSdkWarnings(() => new sdk.S3Client({}));
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : 'Error';
}

function httpStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode : undefined;
}
