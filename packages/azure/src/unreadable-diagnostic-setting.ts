import { Unknown, type Resource } from '@trustscan/core';
import { subscriptionResource } from './normalize/azure-resource.js';

/**
 * Stands in for the diagnostic settings of `targetId` when they could not be read: a setting whose every value is
 * `Unknown(reason)`, so that rules asking for the target's settings decide `unknown` rather than "none exist".
 */
export function unreadableDiagnosticSetting(targetId: string, subscription: string, reason: string): Resource {
  const unknown = new Unknown(reason);
  return subscriptionResource(
    subscription,
    'azurerm_monitor_diagnostic_setting',
    {
      name: unknown,
      target_resource_id: targetId,
      log_analytics_workspace_id: unknown,
      storage_account_id: unknown,
      eventhub_authorization_rule_id: unknown,
      enabled_log: unknown,
    },
    `${targetId}/providers/Microsoft.Insights/diagnosticSettings/(unreadable)`,
  );
}
