import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmReader } from './arm-reader.js';
import { sortedStringList, subscriptionResource } from './azure-resource.js';

/**
 * `Microsoft.Authorization/roleDefinitions` → `azurerm_role_definition`, for custom roles only: built-in roles are
 * not Terraform resources (their names still serve to name role assignments' roles).
 */
export function normalizeRoleDefinition(definition: ArmReader, subscription: string): Resource[] {
  const id = definition.raw('id');
  const guid = definition.raw('name');
  const p = definition.at('properties');
  if (typeof id !== 'string' || typeof guid !== 'string' || p.raw('type') !== 'CustomRole') return [];
  const scopes = p.array('assignableScopes');
  const permissions = p.items('permissions');
  return [
    subscriptionResource(
      subscription,
      'azurerm_role_definition',
      {
        name: p.string('roleName'),
        role_definition_id: guid,
        role_definition_resource_id: id,
        description: p.optionalString('description'),
        scope: scopes instanceof Unknown ? scopes : (sortedStringList(scopes)[0] ?? `/subscriptions/${subscription}`),
        assignable_scopes: scopes instanceof Unknown ? scopes : sortedStringList(scopes),
        permissions: permissions instanceof Unknown ? permissions : permissions.map(permissionBlock),
      },
      id,
    ),
  ];
}

function permissionBlock(permission: ArmReader): Record<string, Value> {
  const list = (key: string): Value => {
    const value = permission.raw(key);
    return Array.isArray(value) ? sortedStringList(value) : [];
  };
  return { actions: list('actions'), not_actions: list('notActions'), data_actions: list('dataActions'), not_data_actions: list('notDataActions') };
}

/** Role names by lower-case role definition GUID, for naming assignments' roles. */
export function roleNames(definitions: readonly ArmReader[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of definitions) {
    const guid = d.raw('name');
    const name = d.raw('properties.roleName');
    if (typeof guid === 'string' && typeof name === 'string') names.set(guid.toLowerCase(), name);
  }
  return names;
}
