import { Unknown, type Resource } from '@trustscan/core';
import type { ArmReader } from './arm-reader.js';
import { subscriptionResource } from './azure-resource.js';

/**
 * `Microsoft.Authorization/roleAssignments` → `azurerm_role_assignment`. `role_definition_name` is named from the
 * role definitions read in the same subscription; when they could not be read it is `Unknown`.
 */
export function normalizeRoleAssignment(assignment: ArmReader, subscription: string, names: ReadonlyMap<string, string> | Unknown): Resource[] {
  const id = assignment.raw('id');
  if (typeof id !== 'string') return [];
  const p = assignment.at('properties');
  const definition = p.string('roleDefinitionId');
  const guid = typeof definition === 'string' ? (definition.split('/').at(-1) ?? '').toLowerCase() : '';
  const name =
    names instanceof Unknown ? names : (names.get(guid) ?? new Unknown(`role definition ${guid || '(none)'} is not among the subscription's role definitions`));
  return [
    subscriptionResource(
      subscription,
      'azurerm_role_assignment',
      {
        name: assignment.raw('name') === undefined ? id.split('/').at(-1) ?? id : assignment.string('name'),
        scope: p.string('scope'),
        role_definition_id: definition,
        role_definition_name: name,
        principal_id: p.string('principalId'),
        principal_type: p.string('principalType'),
        condition: p.optionalString('condition'),
      },
      id,
    ),
  ];
}
