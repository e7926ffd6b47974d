import { isRecord, isUnknown, type AttributePath, type Resource, type RuleContext, type Value } from '@trustscan/core';
import { firstLink } from './azure-attributes.js';
import { armScopeKind } from './azure-scope.js';
import { attribute, readBoolean } from './values.js';

/** One log category (`AuditEvent`) or category group (`audit`, `allLogs`) a diagnostic setting exports. */
export interface ExportedLog {
  readonly category?: string;
  readonly group?: string;
}

export type ExportedLogs =
  | { readonly kind: 'value'; readonly logs: readonly ExportedLog[]; readonly path: AttributePath }
  | { readonly kind: 'unknown'; readonly reason: string; readonly path: AttributePath };

/**
 * The logs a diagnostic setting exports: azurerm v4 `enabled_log` blocks, or azurerm v3 `log` blocks whose `enabled`
 * is not `false` (v3 kept disabled categories in the list).
 */
export function exportedLogs(setting: Resource): ExportedLogs {
  const current = attribute(setting, ['enabled_log']);
  const legacy = attribute(setting, ['log']);
  const path: AttributePath = hasItems(current) || !hasItems(legacy) ? ['enabled_log'] : ['log'];
  const blocks = path[0] === 'enabled_log' ? current : legacy;
  if (isUnknown(blocks)) return { kind: 'unknown', reason: blocks.reason, path };
  const logs: ExportedLog[] = [];
  for (const [index, block] of (Array.isArray(blocks) ? (blocks as readonly Value[]) : []).entries()) {
    if (isUnknown(block)) return { kind: 'unknown', reason: block.reason, path: [...path, index] };
    if (!isRecord(block)) continue;
    if (path[0] === 'log') {
      const enabled = readBoolean(block['enabled']);
      if (enabled.kind === 'unknown') return { kind: 'unknown', reason: enabled.reason, path: [...path, index, 'enabled'] };
      if (enabled.kind === 'value' && !enabled.value) continue;
    }
    const category = block['category'];
    const group = block['category_group'];
    if (isUnknown(category)) return { kind: 'unknown', reason: category.reason, path: [...path, index, 'category'] };
    if (isUnknown(group)) return { kind: 'unknown', reason: group.reason, path: [...path, index, 'category_group'] };
    logs.push({ ...(typeof category === 'string' && category !== '' ? { category } : {}), ...(typeof group === 'string' && group !== '' ? { group } : {}) });
  }
  return { kind: 'value', logs, path };
}

/** Whether the exported logs include `category`, directly or through the `allLogs` group (or another given group). */
export function exportsCategory(logs: readonly ExportedLog[], category: string, groups: readonly string[] = []): boolean {
  const wanted = new Set(['alllogs', ...groups.map((g) => g.toLowerCase())]);
  return logs.some((log) => log.category?.toLowerCase() === category.toLowerCase() || (log.group !== undefined && wanted.has(log.group.toLowerCase())));
}

const destinations: readonly AttributePath[] = [['log_analytics_workspace_id'], ['storage_account_id'], ['eventhub_authorization_rule_id'], ['partner_solution_id']];

/**
 * Where a diagnostic setting sends its logs: the first destination that is set, the first unknown one when none is
 * known to be set, or `undefined` when it has none.
 */
export function settingDestination(setting: Resource): ReturnType<typeof firstLink> {
  return firstLink(setting, destinations);
}

/**
 * Categories that exist only in the subscription Activity Log, so a setting exporting them configures the Activity
 * Log even when its target id is known only after apply (`data.azurerm_subscription.current.id` in HCL).
 */
const activityLogOnly = new Set(['administrative', 'servicehealth', 'resourcehealth', 'recommendation', 'autoscale']);

/**
 * Whether a diagnostic setting configures a subscription's Activity Log: its target is a subscription id, a
 * subscription of the scan, or unknown while it exports Activity Log categories.
 */
export function configuresActivityLog(setting: Resource, context: RuleContext): boolean {
  if (context.related(setting, 'azurerm_subscription').length > 0) return true;
  const target = attribute(setting, ['target_resource_id']);
  if (typeof target === 'string') return armScopeKind(target) === 'subscription';
  if (!isUnknown(target)) return false;
  const logs = exportedLogs(setting);
  return logs.kind === 'value' && logs.logs.some((log) => log.category !== undefined && activityLogOnly.has(log.category.toLowerCase()));
}

function hasItems(value: Value | undefined): boolean {
  return isUnknown(value) || (Array.isArray(value) && value.length > 0);
}
