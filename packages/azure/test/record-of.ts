import type { ArmObject } from '../../../testing/arm-server.js';
import type { ArmFailure } from '../src/arm-failure.js';
import { isArmResource } from '../src/arm-json.js';
import type { ArmRecord, ChildResult } from '../src/arm-record.js';
import { resourceKindOf } from '../src/resource-kinds.js';

/**
 * The record the collector would build from fixture items (the resource first, then its children), without a
 * server: children are found by the paths of the kind's table row. `failure` makes the resource unreadable;
 * `childFailures` fails the named children.
 */
export function recordOf(items: readonly ArmObject[], options: { failure?: ArmFailure; childFailures?: Readonly<Record<string, ArmFailure>> } = {}): ArmRecord {
  const resource = items[0];
  if (!isArmResource(resource)) throw new Error('the first fixture item must be a resource');
  const kind = resourceKindOf(resource.type);
  if (!kind) throw new Error(`no kind for ${resource.type}`);
  const byId = new Map(items.map((item) => [String(item['id']).toLowerCase(), item]));
  const children = new Map<string, ChildResult>();
  for (const spec of kind.children ?? []) {
    const failure = options.childFailures?.[spec.key];
    if (failure) {
      children.set(spec.key, { spec, outcome: { ok: false, failure } });
      continue;
    }
    const path = `${resource.id}${spec.path}`.toLowerCase();
    if (spec.list) {
      // A vault's backupProtectedItems lists items that live under its fabrics and containers.
      const vault = resource.id.toLowerCase();
      const listed = items.filter((item) => {
        const id = String(item['id']).toLowerCase();
        if (spec.key === 'protectedItems') return id.startsWith(`${vault}/`) && id.includes('/protecteditems/');
        return id.startsWith(`${path}/`) && !id.slice(path.length + 1).includes('/');
      });
      children.set(spec.key, { spec, outcome: { ok: true, value: listed } });
    } else {
      const item = byId.get(path);
      children.set(spec.key, {
        spec,
        outcome: item ? { ok: true, value: item } : { ok: false, failure: { status: 404, code: 'ResourceNotFound', message: `${path} was not found.` } },
      });
    }
  }
  return {
    resource,
    subscription: resource.id.split('/')[2]?.toLowerCase() ?? '',
    api: `GET ${kind.armType} (api-version test)`,
    children: options.failure ? new Map() : children,
    ...(options.failure ? { failure: options.failure } : {}),
  };
}

/** A 403 as ARM sends it, for `action`. */
export function denied(action: string): ArmFailure {
  return { status: 403, code: 'AuthorizationFailed', message: `does not have authorization to perform action '${action}'`, permission: action };
}
