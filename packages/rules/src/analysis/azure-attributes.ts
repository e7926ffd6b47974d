import { isUnknown, pathToString, type AttributePath, type Resource, type Value } from '@trustscan/core';
import { attribute, type Reading } from './values.js';

/** An attribute read under one of the names it has had across azurerm majors, with the path it was found at. */
export interface NamedAttribute {
  readonly path: AttributePath;
  readonly value: Value | undefined;
}

/**
 * Reads an attribute that azurerm renamed between majors (`enable_https_traffic_only` in v3,
 * `https_traffic_only_enabled` in v4): the first name, newest first, that holds a value other than `null`. When
 * none does, the newest name with `undefined`, so a finding points where the attribute belongs today.
 */
export function renamedAttribute(resource: Resource, paths: readonly [AttributePath, ...AttributePath[]]): NamedAttribute {
  for (const path of paths) {
    const value = attribute(resource, path);
    if (value !== undefined && value !== null) return { path, value };
  }
  return { path: paths[0], value: undefined };
}

/**
 * Whether an attribute holding a resource id (a Log Analytics workspace, a disk encryption set) is set. An id known
 * only after apply counts as set when the configuration refers to a resource for it: the resource will exist and
 * the id will be its id.
 */
export function readLink(resource: Resource, path: AttributePath): Reading<boolean> {
  const value = attribute(resource, path);
  if (isUnknown(value)) return refersToResource(resource, path) ? { kind: 'value', value: true } : { kind: 'unknown', reason: value.reason };
  if (typeof value === 'string') return { kind: 'value', value: value.trim() !== '' };
  return { kind: 'absent' };
}

/**
 * Whether the configuration of `path` refers to another resource of the scan. Sources record the references of a
 * nested block under the block (`action`) rather than the attribute (`action.0.action_group_id`), so references
 * recorded for an enclosing path count too.
 */
export function refersToResource(resource: Resource, path: AttributePath): boolean {
  const dotted = pathToString(path);
  return Object.entries(resource.references ?? {}).some(
    ([key, targets]) => targets.length > 0 && (key === dotted || key.startsWith(`${dotted}.`) || dotted.startsWith(`${key}.`)),
  );
}

/** The first link attribute of `paths` that is set, else the first unknown one, else `undefined` (none is set). */
export function firstLink(resource: Resource, paths: readonly AttributePath[]): { path: AttributePath; reading: Reading<boolean> } | undefined {
  let unknown: { path: AttributePath; reading: Reading<boolean> } | undefined;
  for (const path of paths) {
    const reading = readLink(resource, path);
    if (reading.kind === 'value' && reading.value) return { path, reading };
    if (reading.kind === 'unknown') unknown ??= { path, reading };
  }
  return unknown;
}
