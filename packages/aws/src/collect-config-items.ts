import { describeError, InputError, ScanAbortedError } from '@trustscan/core';
import type { AwsCaller } from './aws-caller.js';
import { classifyAwsError, errorName } from './aws-errors.js';
import type { ConfigReader, DiscoveredKey } from './config-readers.js';
import { readConfigurationItem, type ConfigurationItem } from './configuration-item.js';
import { isAccountWideType, isGlobalType } from './normalize/index.js';
import { plural, type ScanProblems } from './scan-problems.js';

/** What AWS Config gave for a set of readers and types. */
export interface ConfigCollection {
  readonly items: ConfigurationItem[];
  /** `scope` of each reader whose listing of a type failed, by type: the S3 API stands in for buckets there. */
  readonly unlisted: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether an aggregator reader found no such aggregator. */
  readonly aggregatorMissing: boolean;
}

export interface CollectOptions {
  readonly caller: AwsCaller;
  readonly problems: ScanProblems;
  readonly progress: (message: string) => void;
  /** Rounds of `BatchGet…` for keys AWS Config leaves unprocessed (default 5). */
  readonly unprocessedRounds?: number;
  /** Pause before re-sending unprocessed keys, in ms (default 200, doubled each round). */
  readonly unprocessedDelayMs?: number;
}

const batchSize = 100;

/**
 * Lists the resources of each type with each reader, then reads their configuration items 100 at a time,
 * re-sending unprocessed keys. Config calls therefore grow with resources / 100. A denied or failing call becomes
 * a notification (and, for a batch, items without configuration so the rules say `unknown`); it never stops the
 * other types, regions or accounts.
 */
export async function collectConfigItems(readers: readonly ConfigReader[], types: readonly string[], options: CollectOptions): Promise<ConfigCollection> {
  const items: ConfigurationItem[] = [];
  const unlisted = new Map<string, Set<string>>();
  const seenGlobal = new Set<string>();
  let aggregatorMissing = false;

  const collectType = async (reader: ConfigReader, resourceType: string): Promise<void> => {
    let keys: DiscoveredKey[];
    try {
      keys = await reader.list(resourceType);
    } catch (error) {
      if (error instanceof ScanAbortedError) throw error;
      const fault = classifyAwsError(error);
      if (fault === 'aggregator-not-found') aggregatorMissing = true;
      else reportListFailure(reader, resourceType, error, options.problems);
      let failed = unlisted.get(resourceType);
      if (!failed) unlisted.set(resourceType, (failed = new Set()));
      failed.add(reader.scope);
      return;
    }
    if (isAccountWideType(resourceType)) {
      // Config may list IAM resources and the account's public access block in every region (moto does); read each once.
      keys = keys.filter((key) => {
        const id = `${key.accountId ?? ''}|${resourceType}|${key.resourceId}`;
        if (seenGlobal.has(id)) return false;
        seenGlobal.add(id);
        return true;
      });
    }
    if (keys.length > 0) options.progress(`${reader.scope}: ${resourceType}: ${plural(keys.length, 'resource')}`);
    const batches: DiscoveredKey[][] = [];
    for (let i = 0; i < keys.length; i += batchSize) batches.push(keys.slice(i, i + batchSize));
    await Promise.all(batches.map(async (batch) => items.push(...(await readBatch(reader, batch, options)))));
  };

  await Promise.all(readers.flatMap((reader) => types.map((type) => collectType(reader, type))));
  return { items, unlisted, aggregatorMissing };
}

async function readBatch(reader: ConfigReader, batch: readonly DiscoveredKey[], options: CollectOptions): Promise<ConfigurationItem[]> {
  const items: ConfigurationItem[] = [];
  let pending: readonly DiscoveredKey[] = batch;
  const rounds = options.unprocessedRounds ?? 5;
  for (let round = 0; round < rounds && pending.length > 0; round++) {
    if (round > 0) await pause((options.unprocessedDelayMs ?? 200) * 2 ** (round - 1), options.caller);
    let answer;
    try {
      answer = await reader.batchGet(pending);
    } catch (error) {
      if (error instanceof ScanAbortedError) throw error;
      const fault = classifyAwsError(error);
      if (fault === 'credentials') throw credentialsError(error);
      const reason = fault === 'access-denied' ? `${reader.getPermission} denied` : `${reader.getPermission.replace('config:', '')} failed (${errorName(error)})`;
      options.problems.add(`batch|${reader.scope}|${fault}`, {
        level: 'warning',
        code: fault === 'access-denied' ? 'access-denied' : fault === 'region-unavailable' ? 'region-unavailable' : 'aws-api-error',
        subject: reader.getPermission,
        message: (n) =>
          fault === 'access-denied'
            ? `AWS Config (${reader.scope}): ${reader.getPermission} denied for ${plural(n, 'batch', 'batches')} of resources; their checks are unknown. Grant ${reader.getPermission} to the scanning identity.`
            : `AWS Config (${reader.scope}): ${reader.getPermission} failed for ${plural(n, 'batch', 'batches')} of resources (${describeError(error)}); their checks are unknown.`,
      });
      return [...items, ...pending.map((key) => placeholder(key, reader, reason))];
    }
    for (const raw of answer.items) {
      const item = readConfigurationItem(raw);
      if (item) items.push(item);
    }
    pending = answer.unprocessed;
  }
  if (pending.length > 0) {
    const count = pending.length;
    options.problems.add(`unprocessed|${reader.scope}`, {
      level: 'warning',
      code: 'config-unprocessed',
      subject: reader.getPermission,
      message: () => `AWS Config (${reader.scope}) left ${plural(count, 'resource')} unprocessed after ${rounds} attempts; their checks are unknown. Run the scan again later.`,
    });
    items.push(...pending.map((key) => placeholder(key, reader, `AWS Config left the resource unprocessed after ${rounds} attempts`)));
  }
  return items;
}

/** An item for a resource whose configuration could not be read: its normalizer turns every checked value into `Unknown`. */
function placeholder(key: DiscoveredKey, reader: ConfigReader, reason: string): ConfigurationItem {
  return {
    resourceType: key.resourceType,
    resourceId: key.resourceId,
    ...(key.resourceName ? { resourceName: key.resourceName } : {}),
    accountId: key.accountId ?? '',
    awsRegion: isGlobalType(key.resourceType) ? 'global' : (key.region ?? reader.region),
    configuration: {},
    supplementaryConfiguration: {},
    missing: reason,
  };
}

function reportListFailure(reader: ConfigReader, resourceType: string, error: unknown, problems: ScanProblems): void {
  const fault = classifyAwsError(error);
  if (fault === 'credentials') throw credentialsError(error);
  if (fault === 'access-denied') {
    problems.add(`list|${reader.scope}|denied`, {
      level: 'warning',
      code: 'access-denied',
      subject: reader.listPermission,
      message: (n) =>
        `AWS Config (${reader.scope}): ${reader.listPermission} denied for ${plural(n, 'resource type')}; resources of those types were not checked. Grant ${reader.listPermission} to the scanning identity.`,
    });
  } else if (fault === 'region-unavailable') {
    problems.add(`region|${reader.scope}`, {
      level: 'warning',
      code: 'region-unavailable',
      subject: reader.scope,
      message: () => `AWS region ${reader.scope} is not available to these credentials (${errorName(error)}); it was not scanned. Enable the region or leave it out of --aws-region.`,
    });
  } else if (fault === 'config-not-enabled') {
    problems.add(`recorder|${reader.scope}`, {
      level: 'warning',
      code: 'config-not-recording',
      subject: reader.scope,
      message: () => `AWS Config has no configuration recorder in ${reader.scope}; only S3 buckets were read there, through the S3 API. Turn on AWS Config recording to check the other resources.`,
    });
  } else {
    problems.add(`list|${reader.scope}|${resourceType}`, {
      level: 'warning',
      code: 'aws-api-error',
      subject: reader.listPermission,
      message: () => `AWS Config (${reader.scope}): listing ${resourceType} failed (${describeError(error)}); those resources were not checked.`,
    });
  }
}

/** The whole target fails when the credentials are missing or rejected: nothing can be read. */
export function credentialsError(error: unknown): InputError {
  return new InputError(
    `AWS: the credentials were rejected or not found (${errorName(error)}: ${describeError(error)}); configure the SDK's default credential chain or pass --aws-profile.`,
    { subject: 'aws', cause: error },
  );
}

function pause(ms: number, caller: AwsCaller): Promise<void> {
  caller.throwIfAborted();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
