import type { AwsCaller } from './aws-caller.js';
import type { AwsClients } from './aws-clients.js';

/** A resource AWS Config has discovered: enough to ask for its configuration item. */
export interface DiscoveredKey {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName?: string;
  /** Set by aggregators: the source account and region. */
  readonly accountId?: string;
  readonly region?: string;
}

/** What a batch read returned: raw configuration items, and the keys AWS Config left for later. */
export interface BatchResult {
  readonly items: readonly unknown[];
  readonly unprocessed: readonly DiscoveredKey[];
}

/** Lists and reads configuration items from one place: an account's region, or an aggregator. */
export interface ConfigReader {
  /** `us-east-1`, or `aggregator org-wide`. */
  readonly scope: string;
  /** The region whose Config endpoint is called. */
  readonly region: string;
  /** IAM actions of the two calls, for messages. */
  readonly listPermission: string;
  readonly getPermission: string;
  list(resourceType: string): Promise<DiscoveredKey[]>;
  batchGet(keys: readonly DiscoveredKey[]): Promise<BatchResult>;
}

/** Reads one region of the caller's account with `ListDiscoveredResources` and `BatchGetResourceConfig`. */
export function regionReader(clients: AwsClients, caller: AwsCaller, region: string): ConfigReader {
  const client = clients.config(region);
  const { ListDiscoveredResourcesCommand, BatchGetResourceConfigCommand } = clients.sdk.config;
  return {
    scope: region,
    region,
    listPermission: 'config:ListDiscoveredResources',
    getPermission: 'config:BatchGetResourceConfig',
    async list(resourceType) {
      const keys: DiscoveredKey[] = [];
      let nextToken: string | undefined;
      do {
        const token = nextToken;
        const page = await caller.call('config', 'ListDiscoveredResources', (abortSignal) =>
          client.send(new ListDiscoveredResourcesCommand({ resourceType: resourceType as never, limit: 100, ...(token ? { nextToken: token } : {}) }), abortOptions(abortSignal)),
        );
        for (const identifier of page.resourceIdentifiers ?? []) {
          if (!identifier.resourceId || identifier.resourceDeletionTime) continue;
          keys.push({ resourceType, resourceId: identifier.resourceId, ...(identifier.resourceName ? { resourceName: identifier.resourceName } : {}) });
        }
        nextToken = page.nextToken || undefined;
      } while (nextToken);
      return keys;
    },
    async batchGet(keys) {
      const answer = await caller.call('config', 'BatchGetResourceConfig', (abortSignal) =>
        client.send(
          new BatchGetResourceConfigCommand({ resourceKeys: keys.map((k) => ({ resourceType: k.resourceType as never, resourceId: k.resourceId })) }),
          abortOptions(abortSignal),
        ),
      );
      const unprocessed = (answer.unprocessedResourceKeys ?? []).flatMap((key) =>
        key.resourceType && key.resourceId ? [keys.find((k) => k.resourceId === key.resourceId && k.resourceType === key.resourceType) ?? { resourceType: key.resourceType, resourceId: key.resourceId }] : [],
      );
      return { items: answer.baseConfigurationItems ?? [], unprocessed };
    },
  };
}

/**
 * Reads every account and region of a Config aggregator with `ListAggregateDiscoveredResources` and
 * `BatchGetAggregateResourceConfig`, optionally only the source regions given (global IAM types are always read).
 */
export function aggregatorReader(clients: AwsClients, caller: AwsCaller, region: string, aggregator: string, sourceRegions: readonly string[] | undefined): ConfigReader {
  const client = clients.config(region);
  const { ListAggregateDiscoveredResourcesCommand, BatchGetAggregateResourceConfigCommand } = clients.sdk.config;
  const listRegion = async (resourceType: string, sourceRegion: string | undefined): Promise<DiscoveredKey[]> => {
    const keys: DiscoveredKey[] = [];
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await caller.call('config', 'ListAggregateDiscoveredResources', (abortSignal) =>
        client.send(
          new ListAggregateDiscoveredResourcesCommand({
            ConfigurationAggregatorName: aggregator,
            ResourceType: resourceType as never,
            Limit: 100,
            ...(sourceRegion ? { Filters: { Region: sourceRegion } } : {}),
            ...(token ? { NextToken: token } : {}),
          }),
          abortOptions(abortSignal),
        ),
      );
      for (const identifier of page.ResourceIdentifiers ?? []) {
        if (!identifier.ResourceId || !identifier.SourceAccountId || !identifier.SourceRegion) continue;
        keys.push({
          resourceType,
          resourceId: identifier.ResourceId,
          accountId: identifier.SourceAccountId,
          region: identifier.SourceRegion,
          ...(identifier.ResourceName ? { resourceName: identifier.ResourceName } : {}),
        });
      }
      nextToken = page.NextToken || undefined;
    } while (nextToken);
    return keys;
  };
  return {
    scope: `aggregator ${aggregator}`,
    region,
    listPermission: 'config:ListAggregateDiscoveredResources',
    getPermission: 'config:BatchGetAggregateResourceConfig',
    async list(resourceType) {
      if (!sourceRegions || sourceRegions.length === 0 || resourceType.startsWith('AWS::IAM::')) return listRegion(resourceType, undefined);
      const perRegion = await Promise.all(sourceRegions.map((r) => listRegion(resourceType, r)));
      return perRegion.flat();
    },
    async batchGet(keys) {
      const identifiers = keys.map((k) => ({
        SourceAccountId: k.accountId ?? '',
        SourceRegion: k.region ?? '',
        ResourceId: k.resourceId,
        ResourceType: k.resourceType as never,
        ...(k.resourceName ? { ResourceName: k.resourceName } : {}),
      }));
      const answer = await caller.call('config', 'BatchGetAggregateResourceConfig', (abortSignal) =>
        client.send(new BatchGetAggregateResourceConfigCommand({ ConfigurationAggregatorName: aggregator, ResourceIdentifiers: identifiers }), abortOptions(abortSignal)),
      );
      const unprocessed = (answer.UnprocessedResourceIdentifiers ?? []).flatMap((id) => {
        const key = keys.find((k) => k.resourceId === id.ResourceId && k.resourceType === id.ResourceType && (k.accountId ?? '') === (id.SourceAccountId ?? '') && (k.region ?? '') === (id.SourceRegion ?? ''));
        return key ? [key] : [];
      });
      return { items: answer.BaseConfigurationItems ?? [], unprocessed };
    },
  };
}

/** SDK call options carrying the abort signal, when there is one. */
export function abortOptions(abortSignal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return abortSignal === undefined ? {} : { abortSignal };
}
