import { defineRule, isUnknown, type Resource } from '@trustscan/core';
import { armScopeKind } from '../../analysis/azure-scope.js';
import { attribute, readString, type Reading } from '../../analysis/values.js';

const ownerRoleId = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const minimumOwners = 2;
const maximumOwners = 3;

type MessageId = 'withinRange' | 'tooFew' | 'tooMany' | 'liveOnly' | 'unknown' | 'notObserved';

export default defineRule<MessageId, { readonly minOwners: number; readonly maxOwners: number }>({
  meta: {
    id: 'azure-subscription-owner-count',
    title: `Each subscription has between ${minimumOwners} and ${maximumOwners} Owners`,
    description:
      'Owner is the most powerful role in a subscription: it can read every secret and grant itself any access. More than three Owners makes the privileged group hard to review; a single Owner is a single point of failure when that person leaves. Auditors check the size of the privileged group under the criteria for authorizing and limiting access. Terraform sees only the role assignments it manages, so the rule is decided by a live scan; for Terraform input it reports unknown. (Microsoft\'s policy also removes guest Owners; telling guests apart needs Microsoft Graph, which the live scan does not read.)',
    remediation: [
      `Keep ${minimumOwners} to ${maximumOwners} Owner assignments on the subscription; give day-to-day access through narrower roles, ideally through Privileged Identity Management:`,
      '',
      '```hcl',
      'resource "azurerm_role_assignment" "platform_owner" {',
      '  scope                = data.azurerm_subscription.current.id',
      '  role_definition_name = "Owner"',
      '  principal_id         = var.platform_owners_group_id',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.3'],
      secondary: ['CC6.1', 'CC5.2'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'A maximum of 3 owners should be designated for your subscription', 'There should be more than one owner assigned to your subscription' and 'Guest accounts with owner permissions on Azure resources should be removed' to CC5.2, CC6.1 and CC6.3.",
    },
    resourceTypes: ['azurerm_subscription', 'azurerm_role_assignment'],
    live: { azure: { armType: 'Microsoft.Authorization/roleAssignments', fields: [`properties.roleDefinitionId (ends with ${ownerRoleId})`, 'properties.scope', 'properties.principalType'] } },
    liveOnly: true,
    defaults: ['Only a live scan, which reads every role assignment of the subscription, can count its Owners.'],
    options: {
      minOwners: { type: 'integer', description: 'The fewest Owners a subscription must have.', default: minimumOwners, minimum: 1 },
      maxOwners: { type: 'integer', description: 'The most Owners a subscription may have.', default: maximumOwners, minimum: 1 },
    },
    equivalents: { kics: ['Role Assignment Of Guest Users'], catalog: ['S2-AZR-RBAC-002'] },
    messages: {
      withinRange: `Subscription {{address}} has {{count}} Owners, between {{minOwners}} and {{maxOwners}}.`,
      tooFew: `Subscription {{address}} has {{count}} Owner(s). Assign at least {{minOwners}}, so that losing one person does not lock the subscription.`,
      tooMany: `Subscription {{address}} has {{count}} Owners. Keep at most {{maxOwners}} and give others narrower roles.`,
      liveOnly: 'Whether {{scope}} has between 2 and 3 Owners is decided only by a live scan: Terraform sees only the role assignments it manages ({{address}}).',
      unknown: 'How many Owners subscription {{address}} has is not known: {{reason}}.',
      notObserved: 'How many Owners subscription {{address}} has is not known: this scan did not read its role assignments.',
    },
  },
  evaluate(resource, context) {
    const address = resource.address;
    // Only a live scan reads every assignment; Terraform declares some of them at most.
    const live = resource.origin.kind === 'azure';
    if (resource.type === 'azurerm_role_assignment') {
      const owner = isSubscriptionOwner(resource);
      if (owner.kind !== 'value' || !owner.value || live) return [];
      return { status: 'unknown', messageId: 'liveOnly', data: { address, scope: String(attribute(resource, ['scope'])) }, path: ['role_definition_name'] };
    }
    if (!live) return { status: 'unknown', messageId: 'liveOnly', data: { address, scope: `subscription ${address}` } };
    let count = 0;
    for (const assignment of context.related(resource, 'azurerm_role_assignment')) {
      const owner = isSubscriptionOwner(assignment);
      if (owner.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: owner.reason }, at: assignment };
      if (owner.kind === 'value' && owner.value) count += 1;
    }
    if (count < context.options.minOwners && !context.observed('azurerm_role_assignment')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    if (count < context.options.minOwners) return { status: 'fail', messageId: 'tooFew', data: { address, count } };
    if (count > context.options.maxOwners) return { status: 'fail', messageId: 'tooMany', data: { address, count } };
    return { status: 'pass', messageId: 'withinRange', data: { address, count } };
  },
});

/** Whether an assignment grants Owner on a whole subscription, by role id or, when the id is not set, by name. */
function isSubscriptionOwner(assignment: Resource): Reading<boolean> {
  const scope = attribute(assignment, ['scope']);
  if (isUnknown(scope)) return { kind: 'unknown', reason: scope.reason };
  if (typeof scope !== 'string' || armScopeKind(scope) !== 'subscription') return { kind: 'value', value: false };
  const id = readString(attribute(assignment, ['role_definition_id']));
  if (id.kind === 'value') return { kind: 'value', value: id.value.toLowerCase().endsWith(ownerRoleId) };
  const name = readString(attribute(assignment, ['role_definition_name']));
  if (name.kind === 'value') return { kind: 'value', value: name.value.toLowerCase() === 'owner' };
  if (id.kind === 'unknown') return id;
  return name.kind === 'unknown' ? name : { kind: 'value', value: false };
}
