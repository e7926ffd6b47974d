import type { ArmClient } from './arm-client.js';
import type { ArmJson, ArmResource } from './arm-json.js';
import type { ArmRecord, ChildResult, ResourceKind } from './arm-record.js';
import type { ArmFailure } from './arm-failure.js';
import type { CollectionProblem } from './collection-problems.js';

/**
 * Reads the child settings a kind needs beside a resource (blob service properties, `config/web`, SQL auditing, …)
 * and returns the record for its normalizer. Failures are kept in the record (the normalizer makes the affected
 * values `Unknown`) and reported as problems; a 404 is the normal answer for a setting that does not exist.
 */
export async function completeRecord(
  client: ArmClient,
  kind: ResourceKind,
  resource: ArmResource,
  subscription: string,
  api: string,
  failure: ArmFailure | undefined,
  problems: CollectionProblem[],
): Promise<ArmRecord> {
  const children = new Map<string, ChildResult>();
  if (failure === undefined) {
    for (const spec of kind.children ?? []) {
      const path = `${resource.id}${spec.path}`;
      const outcome = spec.list ? await client.list(path, spec.apiVersion, spec.permission) : await client.get(path, spec.apiVersion, spec.permission);
      if (!outcome.ok && outcome.failure.status !== 404) problems.push({ subscription, armType: spec.armType, failure: outcome.failure });
      children.set(spec.key, { spec, outcome: outcome.ok ? { ok: true, value: outcome.value as ArmJson } : outcome });
    }
  } else {
    problems.push({ subscription, armType: kind.armType, failure });
  }
  return { resource, subscription, api, children, ...(failure === undefined ? {} : { failure }) };
}
