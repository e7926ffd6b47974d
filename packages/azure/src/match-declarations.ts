import { isUnknown, type Resource, type Value } from '@trustscan/core';

/** Terraform types that may declare the same live resource (v3 names, and OS-specific VM and app types). */
const typeFamilies: readonly (readonly string[])[] = [
  ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_app_service'],
  ['azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_function_app'],
  ['azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot', 'azurerm_app_service_slot'],
  ['azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot', 'azurerm_function_app_slot'],
  ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'],
  ['azurerm_mssql_server', 'azurerm_sql_server'],
  ['azurerm_mssql_database', 'azurerm_sql_database'],
];

/** Attributes through which a resource names the resource it belongs to. */
const parentAttributes = ['server_id', 'storage_account_id', 'target_resource_id', 'app_service_id', 'source_vm_id', 'key_vault_id'];

/**
 * Copies the Terraform `declaration` of each live resource from the resource of `--tf-dir` that declares it, so
 * findings point at the block: matched by resource id when the configuration knows it, else by type and name (and
 * resource group when known), else, for resources that belong to another (an auditing policy, a diagnostic setting,
 * a configuration), through the declared reference to the declared parent. Ambiguous matches are left unmatched.
 */
export function attachDeclarations(live: readonly Resource[], declared: readonly Resource[]): Resource[] {
  const candidates = declared.filter((d) => d.declaration !== undefined && d.type.startsWith('azurerm_'));
  if (candidates.length === 0) return [...live];
  const byId = new Map<string, Resource[]>();
  const byName = new Map<string, Resource[]>();
  for (const d of candidates) {
    const id = stringValue(d.attributes['id']);
    if (id) push(byId, id.toLowerCase(), d);
    const name = stringValue(d.attributes['name']);
    if (name) push(byName, `${family(d.type)}|${name.toLowerCase()}`, d);
  }
  const matchOf = new Map<string, Resource>();
  const first = live.map((resource) => {
    const match = unique(byId.get(resource.address.toLowerCase())) ?? unique(byNameAndGroup(byName, resource));
    if (match) matchOf.set(resource.address.toLowerCase(), match);
    return match;
  });
  return live.map((resource, index) => {
    const match = first[index] ?? matchThroughParent(resource, candidates, matchOf);
    return match?.declaration ? { ...resource, declaration: match.declaration } : resource;
  });
}

function byNameAndGroup(byName: Map<string, Resource[]>, resource: Resource): Resource[] | undefined {
  const name = stringValue(resource.attributes['name']);
  if (!name) return undefined;
  const group = stringValue(resource.attributes['resource_group_name'])?.toLowerCase();
  return byName.get(`${family(resource.type)}|${name.toLowerCase()}`)?.filter((d) => {
    const declaredGroup = stringValue(d.attributes['resource_group_name']);
    return declaredGroup === undefined || group === undefined || declaredGroup.toLowerCase() === group;
  });
}

function matchThroughParent(resource: Resource, declared: readonly Resource[], matchOf: ReadonlyMap<string, Resource>): Resource | undefined {
  for (const attribute of parentAttributes) {
    const parentId = stringValue(resource.attributes[attribute]);
    if (!parentId) continue;
    const parent = matchOf.get(parentId.toLowerCase());
    const name = stringValue(resource.attributes['name']);
    const found = declared.filter((d) => {
      if (family(d.type) !== family(resource.type)) return false;
      const declaredName = stringValue(d.attributes['name']);
      if (name !== undefined && declaredName !== undefined && declaredName.toLowerCase() !== name.toLowerCase()) return false;
      const refersToParent = parent !== undefined && (d.references?.[attribute] ?? []).some((ref) => parent.address === ref || parent.address.startsWith(`${ref}[`));
      return refersToParent || stringValue(d.attributes[attribute])?.toLowerCase() === parentId.toLowerCase();
    });
    const match = unique(found);
    if (match) return match;
  }
  return undefined;
}

function family(type: string): string {
  return typeFamilies.find((f) => f.includes(type))?.[0] ?? type;
}

function unique(list: readonly Resource[] | undefined): Resource | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

function stringValue(value: Value | undefined): string | undefined {
  return typeof value === 'string' && value !== '' && !isUnknown(value) ? value : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
