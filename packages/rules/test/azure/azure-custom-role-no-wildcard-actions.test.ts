import rule from '../../src/azure/authorization/azure-custom-role-no-wildcard-actions.js';
import { testRule } from '../rule-tester.js';

const subscription = '/subscriptions/00000000-0000-0000-0000-000000000000';
const group = `${subscription}/resourceGroups/acme-prod`;
const role = (values: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_role_definition.ops', values: { name: 'ops', ...values }, unknown, computed: ['role_definition_id', 'role_definition_resource_id'] });
const hcl = (scope: string, actions: string, assignable?: string) => `resource "azurerm_role_definition" "ops" {
  name  = "ops"
  scope = ${scope}

  permissions {
    actions = ${actions}
  }
${assignable === undefined ? '' : `\n  assignable_scopes = ${assignable}\n`}}
`;

testRule(rule, {
  pass: [
    { name: 'named actions at subscription scope', hcl: hcl(`"${subscription}"`, '["Microsoft.Web/sites/read", "Microsoft.Web/sites/restart/action"]'), resources: [role({ scope: subscription, permissions: [{ actions: ['Microsoft.Web/sites/read'], not_actions: [] }], assignable_scopes: [subscription] })], messageId: 'scoped' },
    { name: 'every action, assignable in one resource group only', hcl: hcl(`"${group}"`, '["*"]', `["${group}"]`), resources: [role({ scope: group, permissions: [{ actions: ['*'] }], assignable_scopes: [group] })], messageId: 'scoped', path: 'assignable_scopes' },
  ],
  fail: [
    { name: 'every action at subscription scope', hcl: hcl(`"${subscription}"`, '["*"]', `["${subscription}"]`), resources: [role({ scope: subscription, permissions: [{ actions: ['*'], not_actions: [] }], assignable_scopes: [subscription] })], messageId: 'ownerEquivalent', path: 'permissions.0.actions' },
    {
      name: 'every action, assignable scopes left out so the management group scope applies',
      hcl: hcl('"/providers/Microsoft.Management/managementGroups/acme"', '["*"]'),
      resources: [role({ scope: '/providers/Microsoft.Management/managementGroups/acme', permissions: [{ actions: ['*'] }] }, [])],
      messageId: 'ownerEquivalent',
      path: 'permissions.0.actions',
      message: 'managementGroups/acme',
    },
    { name: 'every action with not_actions is still every action', resources: [role({ scope: subscription, permissions: [{ actions: ['*'], not_actions: ['Microsoft.Authorization/*/Write'] }], assignable_scopes: ['/'] })], messageId: 'ownerEquivalent', path: 'permissions.0.actions' },
  ],
  unknown: [
    {
      name: 'every action at a scope from a variable without a value',
      hcl: `variable "scope" {
  type = string
}

${hcl('var.scope', '["*"]')}`,
      resources: [role({ permissions: [{ actions: ['*'] }] }, ['scope'])],
      messageId: 'unknown',
      path: 'assignable_scopes',
    },
  ],
});
