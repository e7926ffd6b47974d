import { defineRule, type Resource, type Verdict } from '@trustscan/core';
import { exportedLogs, exportsCategory, settingDestination } from '../../analysis/azure-diagnostic-setting.js';

type MessageId = 'logged' | 'missing' | 'noAuditEvent' | 'noDestination' | 'unknown' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'azure-key-vault-audit-logging',
    title: 'Key Vaults export their audit logs',
    description:
      'The AuditEvent log records every read of a secret, use of a key and change of an access policy. Exported by a diagnostic setting to Log Analytics, storage or an event hub, it lets the team detect and investigate misuse of the keys that protect customer data, which auditors examine under the monitoring criteria.',
    remediation: [
      'Export the `audit` category group (or the `AuditEvent` category) with a diagnostic setting:',
      '',
      '```hcl',
      'resource "azurerm_monitor_diagnostic_setting" "keys" {',
      '  name                       = "audit"',
      '  target_resource_id         = azurerm_key_vault.main.id',
      '  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id',
      '',
      '  enabled_log {',
      '    category_group = "audit"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: "Prowler maps keyvault_logging_enabled to CC7.2 and CC7.3; Microsoft's SOC 2023 initiative maps 'Resource logs in Key Vault should be enabled' to CC7.2.",
    },
    resourceTypes: ['azurerm_key_vault', 'azurerm_key_vault_managed_hardware_security_module'],
    relatedTypes: ['azurerm_monitor_diagnostic_setting'],
    live: {
      azure: { armType: 'Microsoft.KeyVault/vaults/providers/diagnosticSettings', fields: ['properties.logs[category=AuditEvent | categoryGroup=audit | categoryGroup=allLogs].enabled', 'properties.workspaceId | storageAccountId | eventHubAuthorizationRuleId'] },
    },
    defaults: ['A vault exports no logs until a diagnostic setting targets it.'],
    equivalents: { kics: ['Vault Auditing Disabled'], prowler: ['keyvault_logging_enabled'], catalog: ['S2-AZR-KV-003'] },
    messages: {
      logged: 'Key Vault {{address}} exports its audit logs through diagnostic setting {{setting}}.',
      missing: 'Key Vault {{address}} has no diagnostic setting, so its audit logs are not kept. Add one that exports the audit category group.',
      noAuditEvent: 'Diagnostic setting {{setting}} of Key Vault {{address}} does not export AuditEvent. Add an enabled_log with category_group "audit".',
      noDestination: 'Diagnostic setting {{setting}} of Key Vault {{address}} has no destination. Send it to a Log Analytics workspace, a storage account or an event hub.',
      unknown: 'Whether Key Vault {{address}} exports its audit logs is not known: {{reason}}.',
      notObserved: 'Whether Key Vault {{address}} exports its audit logs is not known: this scan did not read its diagnostic settings.',
    },
    examples: {
      good: `resource "azurerm_key_vault" "main" {
  name                     = "acme-prod-keys"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_monitor_diagnostic_setting" "keys" {
  name                       = "audit"
  target_resource_id         = azurerm_key_vault.main.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.OperationalInsights/workspaces/acme-security"

  enabled_log {
    category_group = "audit"
  }
}
`,
      bad: `resource "azurerm_key_vault" "main" {
  name                     = "acme-prod-keys"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}
`,
    },
  },
  evaluate(vault, context) {
    const address = vault.address;
    const verdicts = context.related(vault, 'azurerm_monitor_diagnostic_setting').map((setting) => check(setting, address));
    if (verdicts.length === 0 && !context.observed('azurerm_monitor_diagnostic_setting')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    if (verdicts.length === 0) return { status: 'fail', messageId: 'missing', data: { address } };
    return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? (verdicts[0] as Verdict<MessageId>);
  },
});

function check(setting: Resource, address: string): Verdict<MessageId> {
  const data = { address, setting: setting.address };
  const logs = exportedLogs(setting);
  if (logs.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: logs.reason }, path: logs.path, at: setting };
  if (!exportsCategory(logs.logs, 'AuditEvent', ['audit'])) return { status: 'fail', messageId: 'noAuditEvent', data, path: logs.path, at: setting };
  const destination = settingDestination(setting);
  if (!destination) return { status: 'fail', messageId: 'noDestination', data, at: setting };
  if (destination.reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: destination.reading.reason }, path: destination.path, at: setting };
  return { status: 'pass', messageId: 'logged', data, path: logs.path, at: setting };
}
