import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { readLink } from '../../analysis/azure-attributes.js';
import { configuresActivityLog } from '../../analysis/azure-diagnostic-setting.js';
import { storageRetention, workspaceRetention, type RetentionFinding } from '../../analysis/azure-log-retention.js';
import { attribute, readBlocks, readBoolean, readNumber } from '../../analysis/values.js';

const minimumDays = 365;
type MessageId = 'retained' | 'tooShort' | 'forwarded' | 'profileRetained' | 'profileTooShort' | 'unknown';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-monitor-activity-log-retention',
    title: `Exported Activity Logs are kept for at least ${minimumDays} days`,
    description:
      'An audit trail is useful only as long as it is kept: incidents are often found months after they start, and a SOC 2 Type 2 period covers a year. The Log Analytics workspace or storage account that receives the Activity Log should keep it for at least a year (Log Analytics keeps 30 days unless told otherwise), which auditors check under the monitoring criteria.',
    remediation: [
      `Keep the destination's logs for ${minimumDays} days or more, in the workspace or for the AzureActivity table:`,
      '',
      '```hcl',
      'resource "azurerm_log_analytics_workspace" "security" {',
      '  # ...',
      '  retention_in_days = 365',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: "Microsoft's SOC 2023 initiative maps 'Activity log should be retained for at least one year' to CC7.2; it follows the AWS log-retention mapping of Prowler and Steampipe (CC7.2, CC7.3).",
    },
    resourceTypes: ['azurerm_monitor_diagnostic_setting', 'azurerm_monitor_log_profile'],
    relatedTypes: ['azurerm_log_analytics_workspace', 'azurerm_log_analytics_workspace_table', 'azurerm_storage_account', 'azurerm_storage_management_policy'],
    live: {
      azure: { armType: 'Microsoft.OperationalInsights/workspaces; Microsoft.OperationalInsights/workspaces/tables', fields: ['properties.retentionInDays', 'tables properties.totalRetentionInDays'] },
    },
    defaults: [
      'A Log Analytics workspace keeps data for 30 days when `retention_in_days` is left out; a table\'s `total_retention_in_days` overrides it for that table (`AzureActivity` for the Activity Log).',
      'A storage account keeps exported logs until a lifecycle management rule that applies to the `insights-activity-logs` container deletes them.',
      'Logs sent only to an event hub or a partner solution are kept wherever they are forwarded, which the scan cannot see: the rule reports unknown.',
    ],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days exported Activity Logs must be kept (0 keeps them forever).',
        default: 365,
        minimum: 1,
      },
    },
    equivalents: { checkov: ['CKV_AZURE_37'], trivy: ['AVD-AZU-0031'], catalog: ['S2-AZR-MON-002'] },
    messages: {
      retained: 'The Activity Log exported by {{setting}} is kept {{kept}}.',
      tooShort: `The Activity Log exported by {{setting}} is kept only {{days}} days in {{destination}}. Keep it for {{minDays}} days or more.`,
      forwarded: 'The Activity Log exported by {{setting}} goes only to an event hub or partner solution, whose retention the scan cannot see; check it where the logs are stored.',
      profileRetained: 'Log profile {{setting}} keeps the Activity Log {{kept}}.',
      profileTooShort: `Log profile {{setting}} keeps the Activity Log for {{days}} days. Set retention_policy days to {{minDays}} or more, or 0 to keep it forever.`,
      unknown: 'How long the Activity Log exported by {{setting}} is kept is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_log_analytics_workspace" "security" {
  name                = "acme-security"
  resource_group_name = "acme-security"
  location            = "westeurope"
  sku                 = "PerGB2018"
  retention_in_days   = 365
}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log {
    category = "Administrative"
  }
}
`,
      bad: `resource "azurerm_log_analytics_workspace" "security" {
  name                = "acme-security"
  resource_group_name = "acme-security"
  location            = "westeurope"
  sku                 = "PerGB2018"
}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log {
    category = "Administrative"
  }
}
`,
    },
  },
  evaluate(resource, context) {
    if (resource.type === 'azurerm_monitor_log_profile') return profileRetention(resource, context.options.minDays);
    if (!configuresActivityLog(resource, context)) return [];
    return settingRetention(resource, context) ?? [];
  },
});

/**
 * A storage account keeps blobs for ever unless a lifecycle policy deletes them: that holds only if the scan read
 * the account's lifecycle policies.
 */
function unlessUnread(finding: RetentionFinding, context: RuleContext): RetentionFinding {
  if (finding.kind !== 'kept' || finding.days !== 'forever' || context.observed('azurerm_storage_management_policy')) return finding;
  return { kind: 'unknown', reason: 'this scan did not read the lifecycle management policy of the storage account it sends to', at: finding.at };
}

/** The retention of the setting's destinations: kept by one is enough; none at all is for the export rule to report. */
function settingRetention(setting: Resource, context: RuleContext<{ readonly minDays: number }>): Verdict<MessageId> | undefined {
  const data = { setting: setting.address };
  const findings: { finding: RetentionFinding; destination: string }[] = [];
  const workspace = readLink(setting, ['log_analytics_workspace_id']);
  if (workspace.kind === 'value' && workspace.value) findings.push({ finding: workspaceRetention(setting, context, 'AzureActivity', context.options.minDays), destination: 'its Log Analytics workspace' });
  const storage = readLink(setting, ['storage_account_id']);
  if (storage.kind === 'value' && storage.value) findings.push({ finding: unlessUnread(storageRetention(setting, context, 'insights-activity-logs', context.options.minDays), context), destination: 'its storage account' });
  const kept = findings.find(({ finding }) => finding.kind === 'kept');
  if (kept?.finding.kind === 'kept') {
    const { days, at, path } = kept.finding;
    return { status: 'pass', messageId: 'retained', data: { ...data, kept: days === 'forever' ? 'until it is deleted: no lifecycle rule deletes it' : `for ${days} days` }, path, at };
  }
  const short = findings.find(({ finding }) => finding.kind === 'short');
  if (short?.finding.kind === 'short') return { status: 'fail', messageId: 'tooShort', data: { ...data, days: short.finding.days, destination: short.destination }, path: short.finding.path, at: short.finding.at };
  const unknown = findings.map(({ finding }) => finding).find((finding) => finding.kind === 'unknown');
  if (unknown?.kind === 'unknown') {
    return { status: 'unknown', messageId: 'unknown', data: { ...data, reason: unknown.reason }, ...(unknown.at ? { at: unknown.at } : {}), ...(unknown.path ? { path: unknown.path } : {}) };
  }
  for (const [path, link] of [[['log_analytics_workspace_id'], workspace], [['storage_account_id'], storage]] as const) {
    if (link.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { ...data, reason: link.reason }, path };
  }
  for (const path of [['eventhub_authorization_rule_id'], ['partner_solution_id']]) {
    const link = readLink(setting, path);
    if (link.kind === 'value' && link.value) return { status: 'unknown', messageId: 'forwarded', data, path };
  }
  return undefined;
}

function profileRetention(profile: Resource, minDays: number): Verdict<MessageId> {
  const data = { setting: profile.address };
  const blocks = readBlocks(attribute(profile, ['retention_policy']));
  if (blocks.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { ...data, reason: blocks.reason }, path: ['retention_policy'] };
  const policy = blocks.kind === 'value' ? blocks.value[0] : undefined;
  const enabled = readBoolean(policy?.['enabled']);
  const days = readNumber(policy?.['days']);
  const path = ['retention_policy', 0, 'days'];
  for (const reading of [enabled, days]) if (reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { ...data, reason: reading.reason }, path };
  // A disabled policy, or 0 days, keeps the logs for ever.
  const value = days.kind === 'value' ? days.value : 0;
  if ((enabled.kind === 'value' && !enabled.value) || value === 0) return { status: 'pass', messageId: 'profileRetained', data: { ...data, kept: 'without a time limit' }, path };
  if (value < minDays) return { status: 'fail', messageId: 'profileTooShort', data: { ...data, days: value }, path };
  return { status: 'pass', messageId: 'profileRetained', data: { ...data, kept: `for ${value} days` }, path };
}
