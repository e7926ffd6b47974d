import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmJson } from '../arm-json.js';
import { ArmReader } from './arm-reader.js';
import { subscriptionResource } from './azure-resource.js';

/**
 * `Microsoft.Insights/diagnosticSettings` (an extension resource of `targetId`, or of a subscription) →
 * `azurerm_monitor_diagnostic_setting`: the destinations, and one `enabled_log` per log category or category group
 * that is enabled (disabled entries are not in Terraform's `enabled_log`).
 */
export function normalizeDiagnosticSetting(setting: ArmJson, source: string, targetId: string, subscription: string): Resource[] {
  const s = ArmReader.of(setting, source);
  const id = s.raw('id');
  const name = s.raw('name');
  if (typeof id !== 'string' || typeof name !== 'string') return [];
  const p = s.at('properties');
  return [
    subscriptionResource(
      subscription,
      'azurerm_monitor_diagnostic_setting',
      {
        name,
        target_resource_id: targetId,
        log_analytics_workspace_id: p.optionalString('workspaceId'),
        log_analytics_destination_type: p.optionalString('logAnalyticsDestinationType'),
        storage_account_id: p.optionalString('storageAccountId'),
        eventhub_authorization_rule_id: p.optionalString('eventHubAuthorizationRuleId'),
        eventhub_name: p.optionalString('eventHubName'),
        partner_solution_id: p.optionalString('marketplacePartnerId'),
        enabled_log: enabledLogs(p),
      },
      id,
    ),
  ];
}

function enabledLogs(p: ArmReader): Value {
  if (p.raw('logs') === undefined) return [];
  const logs = p.items('logs');
  if (logs instanceof Unknown) return logs;
  const enabled: Record<string, Value>[] = [];
  for (const log of logs) {
    const on = log.bool('enabled');
    // Without `enabled` nobody can tell which categories are on.
    if (on instanceof Unknown) return on;
    if (on) enabled.push({ category: log.optionalString('category'), category_group: log.optionalString('categoryGroup') });
  }
  return enabled.sort((a, b) => `${String(a['category'])}|${String(a['category_group'])}`.localeCompare(`${String(b['category'])}|${String(b['category_group'])}`));
}
