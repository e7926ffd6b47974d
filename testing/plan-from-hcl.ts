import { isRecord, isUnknown, type Resource, type Value } from '../packages/core/src/index.js';
import { buildPlan, type PlannedResource } from './plan-builder.js';
import { loadHcl } from './hcl.js';

/**
 * The plan `terraform show -json` would write for a Terraform directory, as far as trustscan's HCL evaluation
 * knows it: each managed resource's configured values as `after`, values known only after apply in
 * `after_unknown`, sensitive values in `after_sensitive`, and the references between resources as configuration
 * expressions, so the plan source has to link resources the way it does in real plans (by reference, not value).
 * Tests use it to scan an HCL example in plan form without a provider (this machine cannot download one).
 */
export async function planFromHcl(directory: string): Promise<Record<string, unknown>> {
  const output = await loadHcl(directory);
  return buildPlan(output.resources.map(plannedResource), moduleSources(output.resources));
}

function plannedResource(resource: Resource): PlannedResource {
  const unknown: string[] = [];
  const values = known(resource.attributes, '', unknown) as Record<string, unknown>;
  const expressions: Record<string, readonly string[]> = {};
  for (const [attribute, targets] of Object.entries(resource.references ?? {})) {
    // Plan expressions are kept per top-level attribute; a nested block's references go with the block's name.
    const top = attribute.split('.')[0] ?? attribute;
    if (top !== attribute && Array.isArray(values[top])) continue;
    expressions[top] = [...(expressions[top] ?? []), ...targets.map((t) => localAddress(t, resource.address))];
  }
  return {
    address: resource.address,
    values,
    ...(unknown.length > 0 ? { unknown } : {}),
    ...(resource.sensitivePaths?.length ? { sensitive: resource.sensitivePaths } : {}),
    ...(Object.keys(expressions).length > 0 ? { expressions } : {}),
  };
}

/** A value with its unknown parts left out and their dotted paths collected, as a plan's `after` and `after_unknown`. */
function known(value: Value, path: string, unknown: string[]): unknown {
  if (isUnknown(value)) {
    unknown.push(path);
    return undefined;
  }
  if (Array.isArray(value)) return (value as readonly Value[]).map((item, index) => known(item, join(path, String(index)), unknown));
  if (isRecord(value)) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const inner = known(item, join(path, key), unknown);
      if (inner !== undefined) object[key] = inner;
    }
    return object;
  }
  return value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A reference as the plan's configuration writes it: relative to the module that holds the resource. */
function localAddress(target: string, from: string): string {
  const module = from.match(/^((?:module\.[^.]+\.)*)/)?.[1] ?? '';
  return module && target.startsWith(module) ? target.slice(module.length) : target;
}

function moduleSources(resources: readonly Resource[]): { moduleSources: Record<string, string> } {
  const sources: Record<string, string> = {};
  for (const resource of resources) {
    const calls = [...resource.address.matchAll(/module\.([A-Za-z0-9_-]+)/g)].map((m) => `module.${m[1]}`);
    calls.forEach((_, depth) => {
      const path = calls.slice(0, depth + 1).join('.');
      sources[path] ??= `./modules/${calls[depth]?.slice('module.'.length)}`;
    });
  }
  return { moduleSources: sources };
}
