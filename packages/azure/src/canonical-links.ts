import type { Resource, Value } from '@trustscan/core';

/**
 * ARM ids are case-insensitive and ARM is not consistent about their case: a diagnostic setting may name its
 * workspace `/subscriptions/…/resourcegroups/…/microsoft.operationalinsights/workspaces/logs` while the workspace's
 * own id says `resourceGroups/…/Microsoft.OperationalInsights`. The inventory links resources by exact value, so
 * every top-level attribute holding the id of a resource of the scan (or a list of them) is rewritten to that
 * resource's own spelling.
 */
export function canonicalizeLinks(resources: readonly Resource[]): Resource[] {
  const canonical = new Map<string, string>();
  for (const resource of resources) canonical.set(resource.address.toLowerCase(), resource.address);
  const respell = (value: Value): Value => {
    if (typeof value === 'string') return value.startsWith('/') ? (canonical.get(value.toLowerCase()) ?? value) : value;
    if (Array.isArray(value)) return (value as readonly Value[]).map((item) => (typeof item === 'string' ? respell(item) : item));
    return value;
  };
  return resources.map((resource) => {
    let changed = false;
    const attributes: Record<string, Value> = {};
    for (const [key, value] of Object.entries(resource.attributes)) {
      const next = key === 'id' ? value : respell(value);
      if (next !== value && JSON.stringify(next) !== JSON.stringify(value)) changed = true;
      attributes[key] = next;
    }
    return changed ? { ...resource, attributes } : resource;
  });
}
