import { attachDeclarations, describeError, InputError, ScanAbortedError, type Resource, type SourceContext, type SourceOutput, type AwsTarget } from '@trustscan/core';
import { AwsCaller, type CallerOptions } from './aws-caller.js';
import { createAwsClients, type AwsClients } from './aws-clients.js';
import { classifyAwsError } from './aws-errors.js';
import { collectConfigItems, credentialsError, type ConfigCollection } from './collect-config-items.js';
import { abortOptions, aggregatorReader, regionReader, type ConfigReader } from './config-readers.js';
import type { ConfigurationItem } from './configuration-item.js';
import { configResourceTypes, normalizeItem, typesEmittedBy } from './normalize/index.js';
import { partitionOf } from './normalize/live-resource.js';
import { listBucketsIn, readAccountPublicAccessBlock, readMissingBucketSettings, type S3Reading } from './read-s3-settings.js';
import { readAccountSettings, type AccountSetting } from './read-account-settings.js';
import { resolveVaultKeys } from './resolve-vault-keys.js';
import { plural, ScanProblems } from './scan-problems.js';

/** Tuning and instrumentation of a live AWS scan, for tests and benchmarks. */
export interface AwsLoadOptions extends Omit<CallerOptions, 'signal'> {
  /** Clients to use instead of creating them from the SDK's default configuration. */
  readonly clients?: AwsClients;
  /** Config resource types to collect (default: every type a normalizer exists for). */
  readonly resourceTypes?: readonly string[];
  readonly unprocessedRounds?: number;
  readonly unprocessedDelayMs?: number;
  /** Account-level settings to read beside AWS Config (default: all of them). */
  readonly accountSettings?: readonly AccountSetting[];
  /** Pause between polls of the IAM credential report, in ms. */
  readonly reportPollMs?: number;
}

/** A live AWS scan's output, with the API calls it made by `service:operation`. */
export interface AwsCollection extends SourceOutput {
  readonly apiCalls: Readonly<Record<string, number>>;
}

/** Loads live AWS resources through AWS Config and the S3 API (the `aws` target of `scan()`). */
export async function loadAws(target: AwsTarget, context: SourceContext): Promise<SourceOutput> {
  const { apiCalls: _apiCalls, ...output } = await collectAws(target, context);
  return output;
}

/**
 * Collects live AWS resources: AWS Config (`ListDiscoveredResources` + `BatchGetResourceConfig` per region, or the
 * aggregate APIs for `aggregator`), completed by the S3 API for bucket settings Config lacks, normalized into
 * Terraform-shaped resources and matched to the `--tf-dir` blocks that declare them.
 */
export async function collectAws(target: AwsTarget, context: SourceContext, options: AwsLoadOptions = {}): Promise<AwsCollection> {
  const started = Date.now();
  const caller = new AwsCaller({ ...options, ...(context.signal ? { signal: context.signal } : {}) });
  const problems = new ScanProblems();
  const clients = options.clients ?? (await createAwsClients(target.profile === undefined ? {} : { profile: target.profile }));
  try {
    const defaultRegion = await clients.defaultRegion();
    const regions = [...new Set(target.regions && target.regions.length > 0 ? target.regions : defaultRegion ? [defaultRegion] : [])].sort();
    const home = defaultRegion ?? regions[0];
    if (home === undefined) {
      throw new InputError('AWS: no region is configured; pass --aws-region (e.g. --aws-region us-east-1) or set AWS_REGION.', { subject: 'aws' });
    }
    const { account, partition } = await callerIdentity(clients, caller, home);
    const reading: S3Reading = { clients, caller, problems };
    const types = options.resourceTypes ?? configResourceTypes;
    const collectOptions = {
      caller,
      problems,
      progress: context.progress,
      ...(options.unprocessedRounds === undefined ? {} : { unprocessedRounds: options.unprocessedRounds }),
      ...(options.unprocessedDelayMs === undefined ? {} : { unprocessedDelayMs: options.unprocessedDelayMs }),
    };

    let readers: ConfigReader[] = target.aggregator
      ? [aggregatorReader(clients, caller, home, target.aggregator, target.regions)]
      : regions.map((region) => regionReader(clients, caller, region));
    context.progress(target.aggregator ? `AWS Config aggregator ${target.aggregator} (${home})` : `account ${account}, ${plural(regions.length, 'region')}: ${regions.join(', ')}`);
    let collection: ConfigCollection = await collectConfigItems(readers, types, collectOptions);
    if (collection.aggregatorMissing && target.aggregator) {
      const scanned = regions.length > 0 ? regions : [home];
      problems.add('aggregator', {
        level: 'warning',
        code: 'aggregator-not-found',
        subject: `config:${target.aggregator}`,
        message: () =>
          `AWS Config aggregator ${target.aggregator} was not found in ${home}; only account ${account} (${scanned.join(', ')}) was scanned. Check --aws-aggregator and the region, and config:DescribeConfigurationAggregators.`,
      });
      readers = scanned.map((region) => regionReader(clients, caller, region));
      collection = await collectConfigItems(readers, types, collectOptions);
    }

    const items = dedupe(collection.items);
    const completed = await completeBuckets(items, collection, readers, { account, partition, home, reading, progress: context.progress, types });
    const settingRegions = target.aggregator ? (regions.length > 0 ? regions : [home]) : regions;
    context.progress(`account ${account}: reading Config recorders, EBS encryption by default, GuardDuty detectors and the IAM credential report`);
    const settings = await readAccountSettings(settingRegions, home, { clients, caller, problems, account, partition, ...(options.reportPollMs === undefined ? {} : { reportPollMs: options.reportPollMs }) }, options.accountSettings);
    const normalized = resolveVaultKeys(completed.items.flatMap(normalizeItem), completed.items);
    const resources = sortByAddress(dedupeResources([...normalized, ...settings.resources]));
    const listed = types.filter((type) => !collection.unlisted.has(type) || (type === 'AWS::S3::Bucket' && completed.bucketsListed));
    const observedTypes = [
      ...new Set([...typesEmittedBy(listed), ...(types.includes('AWS::S3::AccountPublicAccessBlock') ? ['aws_s3_account_public_access_block'] : []), ...settings.observedTypes]),
    ].sort();
    const located = await locateDeclared(resources, context);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    context.progress(
      `aws:${account}: ${plural(located.length, 'resource')} from ${plural(caller.total('config'), 'AWS Config call')} and ${plural(caller.total('s3') + caller.total('s3control'), 'S3 call')} in ${seconds} s`,
    );
    return {
      name: target.aggregator ? `aws:aggregator/${target.aggregator}` : `aws:${account}`,
      kind: 'aws',
      resources: located,
      notifications: problems.notifications(),
      observedTypes,
      inputs: { accounts: unique([account, ...completed.items.map((item) => item.accountId)]), regions: target.aggregator ? unique(completed.items.map((item) => item.awsRegion)) : regions },
      scope: target.aggregator
        ? { accounts: [...new Set([account, ...located.map((r) => (r.origin.kind === 'aws' ? r.origin.account : account))])].sort(), ...(target.regions && target.regions.length > 0 ? { regions: [...target.regions] } : {}) }
        : { accounts: [account], regions },
      apiCalls: caller.callCounts(),
    };
  } catch (error) {
    if (error instanceof ScanAbortedError || context.signal?.aborted) throw new ScanAbortedError();
    throw error;
  } finally {
    if (!options.clients) clients.destroy();
  }
}

/** The account and partition of the credentials; a rejected or missing credential fails the whole target. */
async function callerIdentity(clients: AwsClients, caller: AwsCaller, region: string): Promise<{ account: string; partition: string }> {
  try {
    const identity = await caller.call('sts', 'GetCallerIdentity', (abortSignal) =>
      clients.sts(region).send(new clients.sdk.sts.GetCallerIdentityCommand({}), abortOptions(abortSignal)),
    );
    if (!identity.Account) throw new InputError('AWS: STS GetCallerIdentity returned no account.', { subject: 'aws' });
    return { account: identity.Account, partition: partitionOf(identity.Arn) };
  } catch (error) {
    if (error instanceof ScanAbortedError || error instanceof InputError) throw error;
    const fault = classifyAwsError(error);
    if (fault === 'credentials' || fault === 'access-denied' || isCredentialProblem(error)) throw credentialsError(error);
    throw new InputError(`AWS: cannot reach STS in ${region} (${describeError(error)}); check the network, AWS_ENDPOINT_URL and --aws-region.`, { subject: 'aws', cause: error });
  }
}

function isCredentialProblem(error: unknown): boolean {
  return /credential|token|signature|security/i.test(describeError(error));
}

interface BucketContext {
  readonly account: string;
  readonly partition: string;
  readonly home: string;
  readonly reading: S3Reading;
  readonly progress: (message: string) => void;
  readonly types: readonly string[];
}

/**
 * Reads from S3 what Config did not record: bucket settings missing from the items of the caller's own account,
 * buckets of regions where Config could not list them, and the account's public access block.
 */
async function completeBuckets(
  items: ConfigurationItem[],
  collection: ConfigCollection,
  readers: readonly ConfigReader[],
  context: BucketContext,
): Promise<{ items: ConfigurationItem[]; bucketsListed: boolean }> {
  const { account, partition, home, reading } = context;
  const result = items.filter((item) => item.resourceType !== 'AWS::S3::Bucket');
  let buckets = items.filter((item) => item.resourceType === 'AWS::S3::Bucket');
  // Whether the S3 API listed the buckets of every place AWS Config could not.
  let bucketsListed = false;
  if (context.types.includes('AWS::S3::Bucket')) {
    const unlistedScopes = collection.unlisted.get('AWS::S3::Bucket');
    const unlistedReaders = readers.filter((r) => unlistedScopes?.has(r.scope));
    const unlistedRegions = new Set(unlistedReaders.filter((r) => !r.scope.startsWith('aggregator ')).map((r) => r.region));
    bucketsListed = unlistedReaders.every((r) => !r.scope.startsWith('aggregator '));
    if (unlistedRegions.size > 0) {
      const known = new Set(buckets.map((b) => b.resourceId));
      const listed = await listBucketsIn(unlistedRegions, account, partition, reading, context.home);
      if (listed === undefined) bucketsListed = false;
      buckets = [...buckets, ...(listed ?? []).filter((b) => !known.has(b.resourceId))];
    }
  }
  const own = buckets.filter((b) => b.accountId === account || b.accountId === '');
  const others = buckets.filter((b) => !(b.accountId === account || b.accountId === ''));
  if (own.length > 0) context.progress(`S3: reading the settings of ${plural(own.length, 'bucket')} that AWS Config does not record`);
  const completed = await Promise.all(own.map((bucket) => readMissingBucketSettings({ ...bucket, accountId: account }, reading)));
  if (others.length > 0) {
    reading.problems.add('s3|other-accounts', {
      level: 'note',
      code: 'cross-account-s3',
      subject: 's3',
      message: () =>
        `S3: ${plural(others.length, 'bucket')} of other accounts read from AWS Config only (the S3 API answers for the scanning account alone); settings Config does not record for them are unknown.`,
    });
  }
  result.push(...completed.filter((b): b is ConfigurationItem => b !== undefined), ...others);

  if (context.types.includes('AWS::S3::AccountPublicAccessBlock') && !items.some((i) => i.resourceType === 'AWS::S3::AccountPublicAccessBlock' && (i.accountId === account || i.resourceId === account) && !i.missing)) {
    const block = await readAccountPublicAccessBlock(account, partition, home, reading);
    if (block) result.push(block);
  }
  return { items: result, bucketsListed };
}

/** One item per resource: the same resource can come from several regions (IAM) or be both listed and read. */
function dedupe(items: readonly ConfigurationItem[]): ConfigurationItem[] {
  const seen = new Map<string, ConfigurationItem>();
  for (const item of items) {
    const key = `${item.accountId}|${item.resourceType}|${item.arn ?? item.resourceId}|${item.resourceType === 'AWS::S3::AccountPublicAccessBlock' ? '' : item.awsRegion}`;
    const existing = seen.get(key);
    if (!existing || (existing.missing && !item.missing)) seen.set(key, item);
  }
  return [...seen.values()];
}

function dedupeResources(resources: readonly Resource[]): Resource[] {
  const seen = new Map<string, Resource>();
  for (const resource of resources) if (!seen.has(resource.address)) seen.set(resource.address, resource);
  return [...seen.values()];
}

function sortByAddress(resources: Resource[]): Resource[] {
  return resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** Live resources with the declarations of the `--tf-dir` blocks that declare them (none until the HCL source can say). */
async function locateDeclared(resources: Resource[], context: SourceContext): Promise<Resource[]> {
  if (context.tfDir === undefined) return resources;
  let declared: readonly Resource[] = [];
  try {
    declared = await context.declaredResources();
  } catch {
    declared = [];
  }
  return attachDeclarations(resources, declared);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort();
}
