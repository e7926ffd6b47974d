import { describe, expect, it } from 'vitest';
import rule from '../../src/azure/monitor/azure-monitor-activity-log-alerts.js';
import { evaluateLive, findingFor, liveAzureResource } from '../../../../testing/rules-azure.js';
import { testRule } from '../rule-tester.js';

const subscriptionId = '/subscriptions/00000000-0000-0000-0000-000000000000';
const actionGroupId = `${subscriptionId}/resourceGroups/acme-security/providers/Microsoft.Insights/actionGroups/security`;
const alert = (values: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'azurerm_monitor_activity_log_alert.nsg_write',
  values: { name: 'nsg-write', resource_group_name: 'acme-security', location: 'global', scopes: [subscriptionId], criteria: [{ category: 'Administrative', operation_name: 'Microsoft.Network/networkSecurityGroups/write' }], ...values },
  unknown,
});
const hcl = (extra: string, operation = 'Microsoft.Network/networkSecurityGroups/write') => `resource "azurerm_monitor_activity_log_alert" "nsg_write" {
  name                = "nsg-write"
  resource_group_name = "acme-security"
  location            = "global"
  scopes              = ["${subscriptionId}"]

  criteria {
    category       = "Administrative"
    operation_name = "${operation}"
  }
${extra}}
`;
const action = `
  action {
    action_group_id = "${actionGroupId}"
  }
`;

testRule(rule, {
  pass: [
    { name: 'enabled alert with an action group', hcl: hcl(action), resources: [alert({ action: [{ action_group_id: actionGroupId }] })], messageId: 'notifies', path: 'action' },
    {
      name: 'action group created in the same plan, linked by reference while its id is unknown',
      hcl: `resource "azurerm_monitor_action_group" "security" {
  name                = "security"
  resource_group_name = "acme-security"
  short_name          = "sec"
}

${hcl(`
  action {
    action_group_id = azurerm_monitor_action_group.security.id
  }
`)}`,
      subject: 'azurerm_monitor_activity_log_alert.nsg_write',
      messageId: 'notifies',
    },
  ],
  fail: [
    { name: 'no action group', hcl: hcl(''), resources: [alert({ action: [] })], messageId: 'noActionGroup', path: 'criteria.0.operation_name' },
    { name: 'disabled', hcl: hcl(`  enabled = false\n${action}`), resources: [alert({ enabled: false, action: [{ action_group_id: actionGroupId }] })], messageId: 'disabled', path: 'enabled' },
    {
      name: 'operation names compare without case',
      resources: [alert({ criteria: [{ category: 'Administrative', operation_name: 'microsoft.sql/servers/firewallrules/write' }], action: [] })],
      messageId: 'noActionGroup',
      path: 'criteria.0.operation_name',
      message: 'Microsoft.Sql/servers/firewallRules/write',
    },
  ],
  unknown: [
    {
      name: 'enabled from a variable without a value',
      hcl: `variable "alerts_on" {
  type = bool
}

${hcl(`  enabled = var.alerts_on\n${action}`)}`,
      resources: [alert({ action: [{ action_group_id: actionGroupId }] }, ['enabled'])],
      messageId: 'unknown',
      path: 'enabled',
    },
  ],
});

describe('azure-monitor-activity-log-alerts on a live subscription', () => {
  const subscription = liveAzureResource('azurerm_subscription', subscriptionId);
  const liveAlert = (operation: string, enabled = true) =>
    liveAzureResource('azurerm_monitor_activity_log_alert', `${subscriptionId}/resourceGroups/acme-security/providers/Microsoft.Insights/activityLogAlerts/${operation.replaceAll('/', '-')}`, {
      enabled,
      scopes: [subscriptionId],
      criteria: [{ category: 'Administrative', operation_name: operation }],
      action: [{ action_group_id: actionGroupId }],
    });
  const operations = [
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

  it('passes a subscription with an enabled alert for every operation, judging the alerts with it', () => {
    const findings = evaluateLive(rule, [subscription, ...operations.map((o) => liveAlert(o))]);
    expect(findings).toHaveLength(1);
    expect(findingFor(findings, subscriptionId).status).toBe('pass');
  });

  it('lists the operations without an enabled alert', () => {
    const findings = evaluateLive(rule, [subscription, ...operations.slice(2).map((o) => liveAlert(o, o !== 'Microsoft.Sql/servers/firewallRules/delete'))]);
    const finding = findingFor(findings, subscriptionId);
    expect(finding.status).toBe('fail');
    expect(finding.message).toContain('Microsoft.Authorization/policyAssignments/write, Microsoft.Authorization/policyAssignments/delete, Microsoft.Sql/servers/firewallRules/delete');
  });
});
