import { defineRule, isUnknown, type Value } from '@trustscan/core';
import { armScopeKind, coversSubscription } from '../../analysis/azure-scope.js';
import { attribute, readBlocks } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-custom-role-no-wildcard-actions',
    title: 'Custom roles do not grant every action on a subscription or wider scope',
    description:
      'A custom role whose actions include `*` and that can be assigned at a subscription, a management group or the root is an Owner in disguise: it can change anything, including who has access. Least privilege means custom roles list the actions a job needs, which auditors check under the criterion for authorizing and limiting access.',
    remediation: [
      'List the actions the role needs instead of `*`, and assign it at the narrowest scope:',
      '',
      '```hcl',
      'resource "azurerm_role_definition" "deployer" {',
      '  name  = "app-deployer"',
      '  scope = azurerm_resource_group.app.id',
      '  permissions {',
      '    actions = [',
      '      "Microsoft.Web/sites/read",',
      '      "Microsoft.Web/sites/restart/action",',
      '    ]',
      '  }',
      '  assignable_scopes = [azurerm_resource_group.app.id]',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.3'],
      secondary: ['CC6.1'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Audit usage of custom RBAC roles' to CC6.3; CC6.3's point of focus on least privilege.",
    },
    resourceTypes: ['azurerm_role_definition'],
    live: { azure: { armType: 'Microsoft.Authorization/roleDefinitions', fields: ['properties.type (= CustomRole)', 'properties.permissions[].actions', 'properties.assignableScopes'] } },
    defaults: ['`assignable_scopes` defaults to the role\'s `scope`.'],
    equivalents: {
      checkov: ['CKV_AZURE_39'],
      kics: ['Role Definition Allows Custom Role Creation'],
      trivy: ['AVD-AZU-0030', 'AVD-AZU-0052'],
      prowler: ['iam_subscription_roles_owner_custom_not_created'],
      catalog: ['S2-AZR-RBAC-001'],
    },
    messages: {
      scoped: 'Custom role {{address}} does not grant every action at a subscription or wider scope.',
      ownerEquivalent: 'Custom role {{address}} grants every action ("*") and can be assigned at {{scope}}. List only the actions the role needs.',
      unknown: 'Whether custom role {{address}} grants every action at a subscription scope is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_role_definition" "reader" {
  name  = "app-log-reader"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod"

  permissions {
    actions = ["Microsoft.Insights/logs/read", "Microsoft.Web/sites/read"]
  }

  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod"]
}
`,
      bad: `resource "azurerm_role_definition" "ops" {
  name  = "ops-admin"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

  permissions {
    actions = ["*"]
  }

  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
`,
    },
  },
  evaluate(role) {
    const address = role.address;
    const permissions = readBlocks(attribute(role, ['permissions']));
    if (permissions.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: permissions.reason }, path: ['permissions'] };
    let wildcard: (string | number)[] | undefined;
    for (const [index, block] of (permissions.kind === 'value' ? permissions.value : []).entries()) {
      const actions = block['actions'];
      if (isUnknown(actions)) return { status: 'unknown', messageId: 'unknown', data: { address, reason: actions.reason }, path: ['permissions', index, 'actions'] };
      const list = Array.isArray(actions) ? (actions as readonly Value[]) : [];
      const unknown = list.find(isUnknown);
      if (unknown) return { status: 'unknown', messageId: 'unknown', data: { address, reason: unknown.reason }, path: ['permissions', index, 'actions'] };
      if (list.includes('*')) wildcard ??= ['permissions', index, 'actions'];
    }
    if (!wildcard) return { status: 'pass', messageId: 'scoped', data: { address } };
    const assignable = attribute(role, ['assignable_scopes']);
    const scopes: readonly Value[] = Array.isArray(assignable) && assignable.length > 0 ? (assignable as readonly Value[]) : [attribute(role, ['scope']) ?? null];
    let unknownReason: string | undefined;
    for (const scope of isUnknown(assignable) ? [assignable] : scopes) {
      if (isUnknown(scope)) unknownReason ??= scope.reason;
      else if (typeof scope === 'string' && coversSubscription(armScopeKind(scope))) return { status: 'fail', messageId: 'ownerEquivalent', data: { address, scope }, path: wildcard };
    }
    if (unknownReason !== undefined) return { status: 'unknown', messageId: 'unknown', data: { address, reason: unknownReason }, path: ['assignable_scopes'] };
    return { status: 'pass', messageId: 'scoped', data: { address }, path: ['assignable_scopes'] };
  },
});
