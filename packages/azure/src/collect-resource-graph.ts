import { mapConcurrently } from '@trustscan/core';
import type { ArmClient } from './arm-client.js';
import { isArmResource, subscriptionOf, type ArmJson, type ArmResource } from './arm-json.js';
import type { ArmFailure } from './arm-failure.js';
import type { ArmRecord } from './arm-record.js';
import { completeRecord } from './collect-children.js';
import type { CollectOptions } from './collect-resources.js';
import type { CollectionProblem } from './collection-problems.js';
import { resourceKindOf, resourceKinds } from './resource-kinds.js';

export const resourceGraphApiVersion = '2022-10-01';
/** Resource Graph scopes a query to at most this many subscriptions at once (its guidance: fewer than 300). */
const subscriptionsPerQuery = 250;
const rowsPerPage = 1000;
const source = 'Resource Graph (resources table)';

/** The Resource Graph query for every type the source reads, with the columns the normalizers need. */
export function resourceGraphQuery(): string {
  const types = resourceKinds.map((kind) => `'${kind.armType.toLowerCase()}'`).join(', ');
  return `resources | where type in~ (${types}) | project id, name, type, location, kind, sku, identity, tags, managedBy, properties, subscriptionId | order by id asc`;
}

/**
 * Collects many subscriptions through Azure Resource Graph: a few queries (1,000 rows a page, `$skipToken`) return
 * the resources of every subscription with their properties, in place of a list and a `getById` per resource.
 * Child settings that Resource Graph does not hold (blob service properties, SQL auditing, diagnostic settings, …)
 * are still read through ARM. Returns records by subscription, and the failures of whole batches.
 */
export async function collectWithResourceGraph(
  client: ArmClient,
  subscriptions: readonly string[],
  problems: CollectionProblem[],
  options: CollectOptions,
): Promise<{ readonly records: Map<string, ArmRecord[]>; readonly failures: Map<string, ArmFailure> }> {
  const rows: ArmResource[] = [];
  const failures = new Map<string, ArmFailure>();
  for (let start = 0; start < subscriptions.length; start += subscriptionsPerQuery) {
    const batch = subscriptions.slice(start, start + subscriptionsPerQuery);
    let skipToken: string | undefined;
    for (let pageNumber = 1; ; pageNumber++) {
      options.progress(`Resource Graph: page ${pageNumber} for ${batch.length} subscription(s)`);
      const body: ArmJson = { subscriptions: batch, query: resourceGraphQuery(), options: { $top: rowsPerPage, resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) } };
      const page = await client.post('/providers/Microsoft.ResourceGraph/resources', resourceGraphApiVersion, body, 'Microsoft.ResourceGraph/resources/read');
      if (!page.ok) {
        for (const subscription of batch) failures.set(subscription, page.failure);
        break;
      }
      const data = page.value['data'];
      if (Array.isArray(data)) for (const row of data as readonly ArmJson[]) if (isArmResource(row)) rows.push(row);
      const next = page.value['$skipToken'];
      if (typeof next !== 'string' || next === '') break;
      skipToken = next;
    }
  }
  const wanted = rows.filter((row) => {
    const kind = resourceKindOf(row.type);
    return kind !== undefined && (kind.include?.(row) ?? true);
  });
  let done = 0;
  const completed = await mapConcurrently(
    wanted,
    options.concurrency,
    async (row) => {
      const kind = resourceKindOf(row.type);
      const subscription = subscriptionOf(row.id) ?? '';
      if (!kind) return undefined;
      // Resource Graph lower-cases types; normalizers and messages use ARM's spelling.
      const record = await completeRecord(client, kind, { ...row, type: kind.armType }, subscription, source, undefined, problems);
      done++;
      if (done % 25 === 0 || done === wanted.length) options.progress(`Resource Graph: read settings of ${done}/${wanted.length} resources`);
      return record;
    },
    options.signal,
  );
  const records = new Map<string, ArmRecord[]>();
  for (const record of completed) {
    if (!record) continue;
    const list = records.get(record.subscription);
    if (list) list.push(record);
    else records.set(record.subscription, [record]);
  }
  return { records, failures };
}
