import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { readLink } from '../../analysis/azure-attributes.js';
import { attribute, readBlocks, readBoolean, readString } from '../../analysis/values.js';

/** The administrative operations CIS Azure 5.2 asks an activity log alert for. */
const requiredOperations = [
  'Microsoft.Authorization/policyAssignments/write',
  'Microsoft.Authorization/policyAssignments/delete',
  'Microsoft.Network/networkSecurityGroups/write',
  'Microsoft.Network/networkSecurityGroups/delete',
  'Microsoft.Network/publicIPAddresses/write',
  'Microsoft.Network/publicIPAddresses/delete',
  'Microsoft.Security/securitySolutions/write',
  'Microsoft.Security/securitySolutions/delete',
  'Microsoft.Sql/servers/firewallRules/write',
  'Microsoft.Sql/servers/firewallRules/delete',
];
type MessageId = 'notifies' | 'disabled' | 'noActionGroup' | 'covered' | 'uncovered' | 'unknown' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'azure-monitor-activity-log-alerts',
    title: 'Security-relevant administrative operations raise an activity log alert',
    description:
      'Creating or deleting a policy assignment, a network security group, a public IP, a security solution or a SQL firewall rule changes who and what can reach the system. An enabled activity log alert with an action group tells the team at once, which auditors accept as evidence of monitoring under the system operations criteria. Each alert on one of these operations must be enabled and notify an action group; a subscription in the scan (as a live scan provides) must have an alert for every one of them.',
    remediation: [
      'Alert on each operation and notify an action group, for example:',
      '',
      '```hcl',
      'resource "azurerm_monitor_activity_log_alert" "nsg_write" {',
      '  name                = "nsg-write"',
      '  resource_group_name = "acme-security"',
      '  location            = "global"',
      '  scopes              = [data.azurerm_subscription.current.id]',
      '',
      '  criteria {',
      '    category       = "Administrative"',
      '    operation_name = "Microsoft.Network/networkSecurityGroups/write"',
      '  }',
      '',
      '  action {',
      '    action_group_id = azurerm_monitor_action_group.security.id',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'low',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3', 'CC7.4'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'An activity log alert should exist for specific Administrative / Policy / Security operations' to CC7.2; Prowler maps its monitor_alert_* checks to CC7.3 and CC7.4.",
    },
    resourceTypes: ['azurerm_monitor_activity_log_alert', 'azurerm_subscription'],
    relatedTypes: ['azurerm_monitor_action_group'],
    live: {
      azure: { armType: 'Microsoft.Insights/activityLogAlerts', fields: ['properties.enabled', 'properties.scopes', 'properties.condition.allOf[field=operationName].equals', 'properties.actions.actionGroups'] },
    },
    defaults: ['An activity log alert is enabled unless `enabled = false`; it notifies nobody without an `action` block.'],
    equivalents: {
      kics: ['Beta - Activity Log Alert For Create Policy Assignment Not Configured'],
      prowler: ['monitor_alert_create_policy_assignment', 'monitor_alert_delete_policy_assignment', 'monitor_alert_create_update_nsg', 'monitor_alert_delete_nsg', 'monitor_alert_create_update_sqlserver_fr', 'monitor_alert_delete_sqlserver_fr', 'monitor_alert_create_update_security_solution', 'monitor_alert_delete_security_solution'],
      catalog: ['S2-AZR-MON-004'],
    },
    messages: {
      notifies: 'Activity log alert {{address}} notifies an action group when {{operation}} happens.',
      disabled: 'Activity log alert {{address}} on {{operation}} is disabled. Set enabled to true.',
      noActionGroup: 'Activity log alert {{address}} on {{operation}} notifies nobody. Add an action block with an action group.',
      covered: 'Subscription {{address}} raises an alert for every security-relevant administrative operation.',
      uncovered: 'Subscription {{address}} raises no alert for {{operations}}. Add an activity log alert with an action group for each.',
      unknown: 'Whether {{address}} raises alerts for administrative operations is not known: {{reason}}.',
      notObserved: 'Whether subscription {{address}} raises alerts for administrative operations is not known: this scan did not read its activity log alerts.',
    },
    examples: {
      good: `resource "azurerm_monitor_activity_log_alert" "nsg_write" {
  name                = "nsg-write"
  resource_group_name = "acme-security"
  location            = "global"
  scopes              = ["/subscriptions/00000000-0000-0000-0000-000000000000"]

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Network/networkSecurityGroups/write"
  }

  action {
    action_group_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-security/providers/Microsoft.Insights/actionGroups/security"
  }
}
`,
      bad: `resource "azurerm_monitor_activity_log_alert" "nsg_write" {
  name                = "nsg-write"
  resource_group_name = "acme-security"
  location            = "global"
  scopes              = ["/subscriptions/00000000-0000-0000-0000-000000000000"]

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Network/networkSecurityGroups/write"
  }
}
`,
    },
  },
  evaluate(resource, context) {
    if (resource.type === 'azurerm_subscription') return coverage(resource, context);
    // An alert of a subscription in the scan is judged with that subscription.
    if (context.related(resource, 'azurerm_subscription').length > 0) return [];
    const operation = watchedOperation(resource);
    if (operation.kind !== 'value') return operation.kind === 'unknown' ? { status: 'unknown', messageId: 'unknown', data: { address: resource.address, reason: operation.reason }, path: ['criteria', 0, 'operation_name'] } : [];
    return checkAlert(resource, operation.value);
  },
});

function watchedOperation(alert: Resource): ReturnType<typeof readString> {
  const operation = readString(attribute(alert, ['criteria', 0, 'operation_name']));
  if (operation.kind !== 'value') return operation;
  const required = requiredOperations.find((o) => o.toLowerCase() === operation.value.toLowerCase());
  return required ? { kind: 'value', value: required } : { kind: 'absent' };
}

function checkAlert(alert: Resource, operation: string): Verdict<MessageId> {
  const address = alert.address;
  const enabled = readBoolean(attribute(alert, ['enabled']));
  if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path: ['enabled'] };
  if (enabled.kind === 'value' && !enabled.value) return { status: 'fail', messageId: 'disabled', data: { address, operation }, path: ['enabled'] };
  const actions = readBlocks(attribute(alert, ['action']));
  if (actions.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: actions.reason }, path: ['action'] };
  const groups = (actions.kind === 'value' ? actions.value : []).map((_, index) => readLink(alert, ['action', index, 'action_group_id']));
  if (groups.some((g) => g.kind === 'value' && g.value)) return { status: 'pass', messageId: 'notifies', data: { address, operation }, path: ['action'] };
  const unknown = groups.find((g) => g.kind === 'unknown');
  if (unknown?.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: unknown.reason }, path: ['action'] };
  return { status: 'fail', messageId: 'noActionGroup', data: { address, operation }, path: ['criteria', 0, 'operation_name'] };
}

function coverage(subscription: Resource, context: RuleContext): Verdict<MessageId> {
  const address = subscription.address;
  const covered = new Set<string>();
  let unknown: string | undefined;
  for (const alert of context.related(subscription, 'azurerm_monitor_activity_log_alert')) {
    const operation = watchedOperation(alert);
    if (operation.kind === 'unknown') unknown ??= operation.reason;
    if (operation.kind !== 'value') continue;
    const verdict = checkAlert(alert, operation.value);
    if (verdict.status === 'pass') covered.add(operation.value);
    else if (verdict.status === 'unknown') unknown ??= String(verdict.data?.['reason'] ?? 'an alert cannot be read');
  }
  const missing = requiredOperations.filter((o) => !covered.has(o));
  if (missing.length === 0) return { status: 'pass', messageId: 'covered', data: { address } };
  if (unknown !== undefined) return { status: 'unknown', messageId: 'unknown', data: { address, reason: unknown } };
  if (!context.observed('azurerm_monitor_activity_log_alert')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
  return { status: 'fail', messageId: 'uncovered', data: { address, operations: missing.join(', ') } };
}
