import rule from '../../src/azure/key-vault/azure-key-vault-audit-logging.js';
import { testRule } from '../rule-tester.js';

const workspaceId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-security/providers/Microsoft.OperationalInsights/workspaces/acme-security';
const vault = { address: 'azurerm_key_vault.main', values: { name: 'acme-prod-keys', resource_group_name: 'acme-prod', location: 'westeurope', tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard', purge_protection_enabled: true }, computed: ['id'] };
const setting = (values: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'azurerm_monitor_diagnostic_setting.keys',
  values: { name: 'audit', ...values },
  unknown: ['target_resource_id', ...unknown],
  expressions: { target_resource_id: ['azurerm_key_vault.main.id', 'azurerm_key_vault.main'] },
});
const vaultHcl = `resource "azurerm_key_vault" "main" {
  name                     = "acme-prod-keys"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}
`;
const settingHcl = (body: string) => `${vaultHcl}
resource "azurerm_monitor_diagnostic_setting" "keys" {
  name               = "audit"
  target_resource_id = azurerm_key_vault.main.id
${body}}
`;

testRule(rule, {
  pass: [
    {
      name: 'audit category group sent to a workspace (azurerm v4 enabled_log)',
      hcl: settingHcl(`  log_analytics_workspace_id = "${workspaceId}"

  enabled_log {
    category_group = "audit"
  }
`),
      resources: [vault, setting({ log_analytics_workspace_id: workspaceId, enabled_log: [{ category_group: 'audit' }] })],
      subject: 'azurerm_key_vault.main',
      messageId: 'logged',
      path: 'enabled_log',
    },
    {
      name: 'AuditEvent in an azurerm v3 log block, sent to a workspace created in the same plan',
      resources: [
        vault,
        { address: 'azurerm_log_analytics_workspace.security', values: { name: 'acme-security', retention_in_days: 365 } },
        {
          ...setting({ log: [{ category: 'AuditEvent', enabled: true, retention_policy: [] }] }, ['log_analytics_workspace_id']),
          expressions: { target_resource_id: ['azurerm_key_vault.main.id', 'azurerm_key_vault.main'], log_analytics_workspace_id: ['azurerm_log_analytics_workspace.security.id', 'azurerm_log_analytics_workspace.security'] },
        },
      ],
      subject: 'azurerm_key_vault.main',
      messageId: 'logged',
      path: 'log',
    },
  ],
  fail: [
    { name: 'no diagnostic setting', hcl: vaultHcl, resources: [vault], messageId: 'missing', path: '' },
    {
      name: 'a setting without AuditEvent',
      hcl: settingHcl(`  log_analytics_workspace_id = "${workspaceId}"

  enabled_log {
    category = "AzurePolicyEvaluationDetails"
  }
`),
      resources: [vault, setting({ log_analytics_workspace_id: workspaceId, enabled_log: [{ category: 'AzurePolicyEvaluationDetails' }] })],
      subject: 'azurerm_key_vault.main',
      messageId: 'noAuditEvent',
      path: 'enabled_log',
    },
    {
      name: 'azurerm v3 log block with AuditEvent disabled',
      resources: [vault, setting({ log_analytics_workspace_id: workspaceId, log: [{ category: 'AuditEvent', enabled: false }] })],
      subject: 'azurerm_key_vault.main',
      messageId: 'noAuditEvent',
      path: 'log',
    },
  ],
  unknown: [
    {
      name: 'destination from a variable without a value',
      hcl: `variable "workspace_id" {
  type = string
}

${settingHcl(`  log_analytics_workspace_id = var.workspace_id

  enabled_log {
    category_group = "allLogs"
  }
`)}`,
      resources: [vault, setting({ enabled_log: [{ category_group: 'allLogs' }] }, ['log_analytics_workspace_id'])],
      subject: 'azurerm_key_vault.main',
      messageId: 'unknown',
      path: 'log_analytics_workspace_id',
    },
  ],
});
