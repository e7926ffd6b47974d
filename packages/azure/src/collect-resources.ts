import { mapConcurrently } from '@trustscan/core';
import type { ApiVersionCatalog } from './api-versions.js';
import type { ArmClient } from './arm-client.js';
import type { ArmResource } from './arm-json.js';
import type { ArmRecord } from './arm-record.js';
import type { ArmFailure } from './arm-failure.js';
import { completeRecord } from './collect-children.js';
import type { CollectionProblem } from './collection-problems.js';
import { resourceKindOf } from './resource-kinds.js';

export interface CollectOptions {
  readonly progress: (message: string) => void;
  readonly signal?: AbortSignal;
  /** Resources fetched at once. */
  readonly concurrency: number;
}

/** What one subscription yielded, or the failure that stopped it. */
export type SubscriptionCollection =
  | { readonly ok: true; readonly records: readonly ArmRecord[] }
  | { readonly ok: false; readonly failure: ArmFailure };

/**
 * Collects a subscription through ARM: lists its resources (every page), keeps the types the source reads, fetches
 * each with `getById` at the API version its provider registers (one registration read per namespace), then the
 * child settings its kind needs.
 */
export async function collectWithArm(
  client: ArmClient,
  versions: ApiVersionCatalog,
  subscription: string,
  problems: CollectionProblem[],
  options: CollectOptions,
): Promise<SubscriptionCollection> {
  options.progress(`subscription ${subscription}: listing resources`);
  const listed = await client.listResources(subscription, (count) => options.progress(`subscription ${subscription}: listed ${count} resources`));
  if (!listed.ok) return listed;
  const wanted = listed.value.filter((resource) => {
    const kind = resourceKindOf(resource.type);
    return kind !== undefined && (kind.include?.(resource) ?? true);
  });
  let done = 0;
  const records = await mapConcurrently(
    wanted,
    options.concurrency,
    async (listedResource) => {
      const record = await fetchRecord(client, versions, subscription, listedResource, problems);
      done++;
      if (done % 25 === 0 || done === wanted.length) options.progress(`subscription ${subscription}: read ${done}/${wanted.length} resources`);
      return record;
    },
    options.signal,
  );
  return { ok: true, records: records.filter((r): r is ArmRecord => r !== undefined) };
}

async function fetchRecord(
  client: ArmClient,
  versions: ApiVersionCatalog,
  subscription: string,
  listed: ArmResource,
  problems: CollectionProblem[],
): Promise<ArmRecord | undefined> {
  const kind = resourceKindOf(listed.type);
  if (!kind) return undefined;
  const { apiVersion } = await versions.versionFor(subscription, kind.armType, kind.fallbackApiVersion);
  const api = `GET ${kind.armType} (api-version ${apiVersion})`;
  const got = await client.getById(listed.id, apiVersion, `${kind.armType}/read`);
  // Deleted between the list and the read: it no longer exists, so there is nothing to check.
  if (!got.ok && got.failure.status === 404) return undefined;
  const resource = got.ok ? got.value : listed;
  return completeRecord(client, kind, resource, subscription, api, got.ok ? undefined : got.failure, problems);
}
