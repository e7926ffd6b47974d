import type { Resource } from '../model/resource.js';
import { byAddress, identityValue, push, type DeclaredMatch } from './declared-match.js';

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
 * Joins live Azure resources to declared ones: by resource id when the declared side knows it (state always does),
 * else by type family and name (and resource group when known), else, for resources that belong to another (an
 * auditing policy, a diagnostic setting, a configuration), through the declared reference to the declared parent.
 * Ids and names compare without case, as ARM does. Each live resource gets the matches of the first way that found
 * any.
 */
export function matchAzureDeclared(live: readonly Resource[], declared: readonly Resource[]): Map<Resource, DeclaredMatch[]> {
  const candidates = declared.filter((d) => d.type.startsWith('azurerm_')).sort(byAddress);
  const byId = new Map<string, Resource[]>();
  const byName = new Map<string, Resource[]>();
  for (const d of candidates) {
    const id = identityValue(d, 'id');
    if (id) push(byId, id.toLowerCase(), d);
    const name = identityValue(d, 'name');
    if (name) push(byName, `${family(d.type)}|${name.toLowerCase()}`, d);
  }
  const matches = new Map<Resource, DeclaredMatch[]>();
  const firstOf = new Map<string, Resource>();
  for (const resource of live) {
    const sameId = byId.get(resource.address.toLowerCase());
    const found = sameId ? sameId.map((d) => ({ live: resource, declared: d, by: 'id' })) : (byNameAndGroup(byName, resource) ?? []).map((d) => ({ live: resource, declared: d, by: 'name' }));
    if (found.length > 0) {
      matches.set(resource, found);
      if (found.length === 1 && found[0]) firstOf.set(resource.address.toLowerCase(), found[0].declared);
    }
  }
  const byFamily = new Map<string, Resource[]>();
  for (const d of candidates) push(byFamily, family(d.type), d);
  for (const resource of live) {
    if (matches.has(resource)) continue;
    const found = matchThroughParent(resource, byFamily.get(family(resource.type)) ?? [], firstOf);
    if (found.length > 0) matches.set(resource, found.map((d) => ({ live: resource, declared: d, by: 'parent' })));
  }
  return matches;
}

function byNameAndGroup(byName: Map<string, Resource[]>, resource: Resource): Resource[] | undefined {
  const name = identityValue(resource, 'name');
  if (!name) return undefined;
  const group = identityValue(resource, 'resource_group_name')?.toLowerCase();
  const found = byName.get(`${family(resource.type)}|${name.toLowerCase()}`)?.filter((d) => {
    const declaredGroup = identityValue(d, 'resource_group_name');
    return declaredGroup === undefined || group === undefined || declaredGroup.toLowerCase() === group;
  });
  return found && found.length > 0 ? found : undefined;
}

function matchThroughParent(resource: Resource, declared: readonly Resource[], matchOf: ReadonlyMap<string, Resource>): Resource[] {
  for (const attribute of parentAttributes) {
    const parentId = identityValue(resource, attribute);
    if (!parentId) continue;
    const parent = matchOf.get(parentId.toLowerCase());
    const name = identityValue(resource, 'name');
    const found = declared.filter((d) => {
      if (family(d.type) !== family(resource.type)) return false;
      const declaredName = identityValue(d, 'name');
      if (name !== undefined && declaredName !== undefined && declaredName.toLowerCase() !== name.toLowerCase()) return false;
      const refersToParent = parent !== undefined && (d.references?.[attribute] ?? []).some((ref) => parent.address === ref || parent.address.startsWith(`${ref}[`));
      return refersToParent || identityValue(d, attribute)?.toLowerCase() === parentId.toLowerCase();
    });
    if (found.length > 0) return found;
  }
  return [];
}

function family(type: string): string {
  return typeFamilies.find((f) => f.includes(type))?.[0] ?? type;
}
