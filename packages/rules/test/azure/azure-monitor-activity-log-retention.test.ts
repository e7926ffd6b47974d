import rule from '../../src/azure/monitor/azure-monitor-activity-log-retention.js';
import { testRule } from '../rule-tester.js';

const subscriptionId = '/subscriptions/00000000-0000-0000-0000-000000000000';
const workspace = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_log_analytics_workspace.security', values: { name: 'acme-security', resource_group_name: 'acme-security', location: 'westeurope', sku: 'PerGB2018', ...values }, unknown, computed: ['id'] });
const toWorkspace = {
  address: 'azurerm_monitor_diagnostic_setting.activity_log',
  values: { name: 'activity-log', target_resource_id: subscriptionId, enabled_log: [{ category: 'Administrative' }, { category: 'Security' }] },
  unknown: ['log_analytics_workspace_id'],
  expressions: { log_analytics_workspace_id: ['azurerm_log_analytics_workspace.security.id', 'azurerm_log_analytics_workspace.security'] },
};
const account = { address: 'azurerm_storage_account.audit', values: { name: 'acmeaudit', account_tier: 'Standard', account_replication_type: 'GRS' }, computed: ['id'] };
const toStorage = {
  address: 'azurerm_monitor_diagnostic_setting.activity_log',
  values: { name: 'activity-log', target_resource_id: subscriptionId, enabled_log: [{ category: 'Administrative' }] },
  unknown: ['storage_account_id'],
  expressions: { storage_account_id: ['azurerm_storage_account.audit.id', 'azurerm_storage_account.audit'] },
};
const lifecycle = (days: number, prefixes: string[]) => ({
  address: 'azurerm_storage_management_policy.audit',
  values: { rule: [{ name: 'expire', enabled: true, filters: [{ blob_types: ['appendBlob', 'blockBlob'], prefix_match: prefixes }], actions: [{ base_blob: [{ delete_after_days_since_modification_greater_than: days }] }] }] },
  unknown: ['storage_account_id'],
  expressions: { storage_account_id: ['azurerm_storage_account.audit.id', 'azurerm_storage_account.audit'] },
});
const hcl = (retention: string) => `resource "azurerm_log_analytics_workspace" "security" {
  name                = "acme-security"
  resource_group_name = "acme-security"
  location            = "westeurope"
  sku                 = "PerGB2018"
${retention}}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log"
  target_resource_id         = "${subscriptionId}"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log {
    category = "Administrative"
  }
  enabled_log {
    category = "Security"
  }
}
`;

testRule(rule, {
  pass: [
    { name: 'workspace keeps 365 days', hcl: hcl('  retention_in_days   = 365\n'), resources: [workspace({ retention_in_days: 365 }), toWorkspace], subject: 'azurerm_monitor_diagnostic_setting.activity_log', messageId: 'retained', path: 'retention_in_days', message: 'for 365 days' },
    {
      name: 'the AzureActivity table keeps two years while the workspace keeps 90 days',
      hcl: `${hcl('  retention_in_days   = 90\n')}
resource "azurerm_log_analytics_workspace_table" "activity" {
  workspace_id            = azurerm_log_analytics_workspace.security.id
  name                    = "AzureActivity"
  total_retention_in_days = 730
}
`,
      resources: [
        workspace({ retention_in_days: 90 }),
        toWorkspace,
        { address: 'azurerm_log_analytics_workspace_table.activity', values: { name: 'AzureActivity', total_retention_in_days: 730 }, unknown: ['workspace_id'], expressions: { workspace_id: ['azurerm_log_analytics_workspace.security.id', 'azurerm_log_analytics_workspace.security'] } },
      ],
      subject: 'azurerm_monitor_diagnostic_setting.activity_log',
      messageId: 'retained',
      path: 'total_retention_in_days',
    },
    { name: 'a storage account without lifecycle rules keeps the logs', resources: [account, toStorage], subject: 'azurerm_monitor_diagnostic_setting.activity_log', messageId: 'retained', message: 'no lifecycle rule' },
    { name: 'a lifecycle rule that applies to other containers only', resources: [account, toStorage, lifecycle(30, ['app-logs/'])], subject: 'azurerm_monitor_diagnostic_setting.activity_log', messageId: 'retained' },
    { name: 'a legacy log profile kept forever', resources: [{ address: 'azurerm_monitor_log_profile.default', values: { name: 'default', categories: ['Action', 'Delete', 'Write'], retention_policy: [{ enabled: false, days: 0 }] } }], messageId: 'profileRetained' },
  ],
  fail: [
    { name: 'workspace left at the 30-day default', hcl: hcl(''), resources: [workspace(), toWorkspace], subject: 'azurerm_monitor_diagnostic_setting.activity_log', messageId: 'tooShort', path: 'retention_in_days', message: '30 days' },
    {
      name: 'a lifecycle rule deletes activity logs after 90 days',
      resources: [account, toStorage, lifecycle(90, ['insights-activity-logs/'])],
      subject: 'azurerm_monitor_diagnostic_setting.activity_log',
      messageId: 'tooShort',
      path: 'rule.0.actions.0.base_blob.0.delete_after_days_since_modification_greater_than',
    },
    { name: 'a legacy log profile kept 90 days', resources: [{ address: 'azurerm_monitor_log_profile.default', values: { name: 'default', categories: ['Action', 'Delete', 'Write'], retention_policy: [{ enabled: true, days: 90 }] } }], messageId: 'profileTooShort', path: 'retention_policy.0.days' },
  ],
  unknown: [
    {
      name: 'workspace retention from a variable without a value',
      hcl: `variable "retention_days" {
  type = number
}

${hcl('  retention_in_days   = var.retention_days\n')}`,
      resources: [workspace({}, ['retention_in_days']), toWorkspace],
      subject: 'azurerm_monitor_diagnostic_setting.activity_log',
      messageId: 'unknown',
      path: 'retention_in_days',
    },
    {
      name: 'a workspace outside the scan',
      resources: [{ ...toWorkspace, values: { ...toWorkspace.values, log_analytics_workspace_id: `${subscriptionId}/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/central` }, unknown: [], expressions: {} }],
      messageId: 'unknown',
      message: 'not part of this scan',
    },
    {
      name: 'sent only to an event hub',
      resources: [{ address: 'azurerm_monitor_diagnostic_setting.activity_log', values: { name: 'activity-log', target_resource_id: subscriptionId, eventhub_authorization_rule_id: `${subscriptionId}/resourceGroups/siem/providers/Microsoft.EventHub/namespaces/siem/authorizationRules/send`, enabled_log: [{ category: 'Administrative' }] } }],
      messageId: 'forwarded',
      path: 'eventhub_authorization_rule_id',
    },
  ],
});
