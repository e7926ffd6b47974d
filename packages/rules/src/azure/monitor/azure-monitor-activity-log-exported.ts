import { defineRule, isUnknown, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { configuresActivityLog, exportedLogs, exportsCategory, settingDestination } from '../../analysis/azure-diagnostic-setting.js';
import { attribute } from '../../analysis/values.js';

const requiredCategories = ['Administrative', 'Security', 'Policy', 'Alert'];
const profileCategories = ['Action', 'Delete', 'Write'];
type MessageId = 'exported' | 'missingCategories' | 'noDestination' | 'notExported' | 'legacyProfile' | 'profileIncomplete' | 'unknown' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'azure-monitor-activity-log-exported',
    title: 'The subscription Activity Log is exported with its security categories',
    description:
      'The Activity Log records who created, changed or deleted which resource, every role assignment and policy change, and Defender alerts. Azure keeps it for only 90 days; a diagnostic setting that exports the Administrative, Security, Policy and Alert categories to a central workspace keeps the audit trail of the control plane, which auditors examine under the monitoring criteria. The rule judges the subscription-scope diagnostic settings Terraform declares; a subscription resource (as a live scan provides) is judged on whether any setting covers it.',
    remediation: [
      'Export the Activity Log of the subscription to a central Log Analytics workspace:',
      '',
      '```hcl',
      'data "azurerm_subscription" "current" {}',
      '',
      'resource "azurerm_monitor_diagnostic_setting" "activity_log" {',
      '  name                       = "activity-log"',
      '  target_resource_id         = data.azurerm_subscription.current.id',
      '  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id',
      '',
      '  enabled_log {',
      '    category = "Administrative"',
      '  }',
      '  enabled_log {',
      '    category = "Security"',
      '  }',
      '  enabled_log {',
      '    category = "Policy"',
      '  }',
      '  enabled_log {',
      '    category = "Alert"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC8.1', 'CC7.3'],
      basis: "Microsoft's SOC 2023 initiative maps its Activity Log collection policies to CC7.2 and CC8.1; Prowler maps monitor_diagnostic_settings_exists and monitor_diagnostic_setting_with_appropriate_categories to CC8.1.",
    },
    resourceTypes: ['azurerm_monitor_diagnostic_setting', 'azurerm_monitor_log_profile', 'azurerm_subscription'],
    live: {
      azure: { armType: 'Microsoft.Insights/diagnosticSettings (subscription scope)', fields: ['properties.logs[].category', 'properties.logs[].enabled', 'properties.workspaceId | storageAccountId | eventHubAuthorizationRuleId'] },
    },
    defaults: [
      'The Activity Log is kept by Azure for 90 days and exported nowhere until a diagnostic setting (or the legacy log profile, removed in azurerm v4 and retired by Azure on 30 September 2026) exports it.',
      'A diagnostic setting counts as the Activity Log\'s when its target is a subscription id, or, when the id is known only after apply, when it exports Activity Log categories such as Administrative.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_38'],
      trivy: ['AVD-AZU-0033', 'AVD-AZU-0032'],
      prowler: ['monitor_diagnostic_settings_exists', 'monitor_diagnostic_setting_with_appropriate_categories'],
      catalog: ['S2-AZR-MON-001'],
    },
    messages: {
      exported: 'Diagnostic setting {{setting}} exports the Activity Log of {{scope}} with the Administrative, Security, Policy and Alert categories.',
      missingCategories: 'Diagnostic setting {{setting}} exports the Activity Log of {{scope}} without the {{categories}} categories. Add an enabled_log for each.',
      noDestination: 'Diagnostic setting {{setting}} of the Activity Log of {{scope}} has no destination. Send it to a Log Analytics workspace, a storage account or an event hub.',
      notExported: 'The Activity Log of subscription {{scope}} is not exported by any diagnostic setting. Export the Administrative, Security, Policy and Alert categories to a central workspace.',
      legacyProfile: 'Log profile {{setting}} exports the Activity Log. Log profiles are retired on 30 September 2026; plan the move to a diagnostic setting.',
      profileIncomplete: 'Log profile {{setting}} exports the Activity Log without the {{categories}} categories. Export Action, Delete and Write, or move to a diagnostic setting.',
      unknown: 'Whether the Activity Log of {{scope}} is exported is not known: {{reason}}.',
      notObserved: 'Whether the Activity Log of subscription {{scope}} is exported is not known: this scan did not read its diagnostic settings.',
    },
    examples: {
      good: `resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-security/providers/Microsoft.OperationalInsights/workspaces/acme-security"

  enabled_log {
    category = "Administrative"
  }
  enabled_log {
    category = "Security"
  }
  enabled_log {
    category = "Policy"
  }
  enabled_log {
    category = "Alert"
  }
}
`,
      bad: `resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-security/providers/Microsoft.OperationalInsights/workspaces/acme-security"

  enabled_log {
    category = "Administrative"
  }
}
`,
    },
  },
  evaluate(resource, context) {
    if (resource.type === 'azurerm_subscription') return coverage(resource, context);
    if (resource.type === 'azurerm_monitor_log_profile') return logProfile(resource);
    // A setting of a subscription in the scan is judged with that subscription.
    if (!configuresActivityLog(resource, context) || context.related(resource, 'azurerm_subscription').length > 0) return [];
    const target = attribute(resource, ['target_resource_id']);
    return checkSetting(resource, typeof target === 'string' ? target : 'its subscription', resource);
  },
});

function coverage(subscription: Resource, context: RuleContext): Verdict<MessageId> {
  const scope = subscription.address;
  const verdicts = context.related(subscription, 'azurerm_monitor_diagnostic_setting').map((setting) => checkSetting(setting, scope, subscription));
  if (verdicts.length === 0 && !context.observed('azurerm_monitor_diagnostic_setting')) return { status: 'unknown', messageId: 'notObserved', data: { scope } };
  if (verdicts.length === 0) return { status: 'fail', messageId: 'notExported', data: { scope } };
  return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? (verdicts[0] as Verdict<MessageId>);
}

/** Judges one Activity Log setting; `subject` is the resource the finding is about (the setting or its subscription). */
function checkSetting(setting: Resource, scope: string, subject: Resource): Verdict<MessageId> {
  const at = subject === setting ? {} : { at: setting };
  const data = { setting: setting.address, scope };
  const logs = exportedLogs(setting);
  if (logs.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { scope, reason: logs.reason }, path: logs.path, ...at };
  const missing = requiredCategories.filter((category) => !exportsCategory(logs.logs, category));
  if (missing.length > 0) return { status: 'fail', messageId: 'missingCategories', data: { ...data, categories: missing.join(', ') }, path: logs.path, ...at };
  const destination = settingDestination(setting);
  if (!destination) return { status: 'fail', messageId: 'noDestination', data, ...at };
  if (destination.reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { scope, reason: destination.reading.reason }, path: destination.path, ...at };
  return { status: 'pass', messageId: 'exported', data, path: destination.path, ...at };
}

function logProfile(profile: Resource): Verdict<MessageId> {
  const path = ['categories'];
  const categories = attribute(profile, path);
  const data = { setting: profile.address, scope: 'its subscription' };
  if (isUnknown(categories)) return { status: 'unknown', messageId: 'unknown', data: { scope: data.scope, reason: categories.reason }, path };
  const present = new Set((Array.isArray(categories) ? (categories as readonly unknown[]) : []).filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()));
  const missing = profileCategories.filter((c) => !present.has(c.toLowerCase()));
  if (missing.length > 0) return { status: 'fail', messageId: 'profileIncomplete', data: { ...data, categories: missing.join(', ') }, path };
  return { status: 'pass', messageId: 'legacyProfile', data, path };
}
