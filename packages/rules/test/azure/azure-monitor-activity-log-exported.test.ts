import { describe, expect, it } from 'vitest';
import rule from '../../src/azure/monitor/azure-monitor-activity-log-exported.js';
import { evaluateLive, findingFor, liveAzureResource } from '../../../../testing/rules-azure.js';
import { testRule } from '../rule-tester.js';

const subscriptionId = '/subscriptions/00000000-0000-0000-0000-000000000000';
const workspaceId = `${subscriptionId}/resourceGroups/acme-security/providers/Microsoft.OperationalInsights/workspaces/acme-security`;
const categories = ['Administrative', 'Security', 'Policy', 'Alert'];
const setting = (values: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_monitor_diagnostic_setting.activity_log', values: { name: 'activity-log', target_resource_id: subscriptionId, ...values }, unknown });
const hcl = (target: string, destination: string, logs: readonly string[]) => `resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name               = "activity-log"
  target_resource_id = ${target}
${destination}
${logs.map((category) => `  enabled_log {\n    category = "${category}"\n  }\n`).join('')}}
`;

testRule(rule, {
  pass: [
    {
      name: 'the four categories sent to a workspace',
      hcl: hcl(`"${subscriptionId}"`, `  log_analytics_workspace_id = "${workspaceId}"`, categories),
      resources: [setting({ log_analytics_workspace_id: workspaceId, enabled_log: categories.map((category) => ({ category })) })],
      messageId: 'exported',
      path: 'log_analytics_workspace_id',
    },
    {
      name: 'the subscription id from a data source known only after apply, recognized by its categories',
      hcl: `data "azurerm_subscription" "current" {}

${hcl('data.azurerm_subscription.current.id', `  log_analytics_workspace_id = "${workspaceId}"`, categories)}`,
      resources: [setting({ log_analytics_workspace_id: workspaceId, enabled_log: categories.map((category) => ({ category })) }, ['target_resource_id'])],
      messageId: 'exported',
    },
    {
      name: 'azurerm v3 log blocks with allLogs',
      resources: [setting({ storage_account_id: `${subscriptionId}/resourceGroups/acme-security/providers/Microsoft.Storage/storageAccounts/acmeaudit`, log: [{ category_group: 'allLogs', enabled: true }] })],
      messageId: 'exported',
      path: 'storage_account_id',
    },
    {
      name: 'azurerm v3 legacy log profile with every category',
      resources: [{ address: 'azurerm_monitor_log_profile.default', values: { name: 'default', categories: ['Action', 'Delete', 'Write'], locations: ['global', 'westeurope'] } }],
      messageId: 'legacyProfile',
    },
  ],
  fail: [
    {
      name: 'only Administrative exported',
      hcl: hcl(`"${subscriptionId}"`, `  log_analytics_workspace_id = "${workspaceId}"`, ['Administrative']),
      resources: [setting({ log_analytics_workspace_id: workspaceId, enabled_log: [{ category: 'Administrative' }] })],
      messageId: 'missingCategories',
      path: 'enabled_log',
      message: 'Security, Policy, Alert',
    },
    {
      name: 'no destination',
      hcl: hcl(`"${subscriptionId}"`, '', categories),
      resources: [setting({ enabled_log: categories.map((category) => ({ category })) })],
      messageId: 'noDestination',
      path: '',
    },
    {
      name: 'azurerm v3 log blocks with Security disabled',
      resources: [setting({ log_analytics_workspace_id: workspaceId, log: categories.map((category) => ({ category, enabled: category !== 'Security' })) })],
      messageId: 'missingCategories',
      path: 'log',
      message: 'without the Security categories',
    },
    {
      name: 'a log profile without Delete',
      resources: [{ address: 'azurerm_monitor_log_profile.default', values: { name: 'default', categories: ['Action', 'Write'], locations: ['global'] } }],
      messageId: 'profileIncomplete',
      path: 'categories',
    },
  ],
  unknown: [
    {
      name: 'destination from a variable without a value',
      hcl: `variable "workspace_id" {
  type = string
}

${hcl(`"${subscriptionId}"`, '  log_analytics_workspace_id = var.workspace_id', categories)}`,
      resources: [setting({ enabled_log: categories.map((category) => ({ category })) }, ['log_analytics_workspace_id'])],
      messageId: 'unknown',
      path: 'log_analytics_workspace_id',
    },
  ],
});

describe('azure-monitor-activity-log-exported on a live subscription', () => {
  const subscription = liveAzureResource('azurerm_subscription', subscriptionId, { subscription_id: '00000000-0000-0000-0000-000000000000' });
  const liveSetting = (logs: readonly string[]) =>
    liveAzureResource('azurerm_monitor_diagnostic_setting', `${subscriptionId}/providers/Microsoft.Insights/diagnosticSettings/activity-log`, {
      name: 'activity-log',
      target_resource_id: subscriptionId,
      log_analytics_workspace_id: workspaceId,
      enabled_log: logs.map((category) => ({ category, category_group: null })),
    });

  it('fails a subscription without any diagnostic setting', () => {
    const finding = findingFor(evaluateLive(rule, [subscription]), subscriptionId);
    expect(finding.status).toBe('fail');
    expect(finding.message).toContain('is not exported by any diagnostic setting');
  });

  it('judges the setting with its subscription, pointing at the setting', () => {
    const findings = evaluateLive(rule, [subscription, liveSetting(categories)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe('pass');
    expect(findings[0]?.resource.address).toBe(subscriptionId);
    expect(findings[0]?.location.file).toContain('azurerm_monitor_diagnostic_setting');
  });

  it('fails a subscription whose only setting misses categories', () => {
    const finding = findingFor(evaluateLive(rule, [subscription, liveSetting(['Administrative', 'Policy'])]), subscriptionId);
    expect(finding.status).toBe('fail');
    expect(finding.message).toContain('Security, Alert');
  });
});
