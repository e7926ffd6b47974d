import { isRecord, isUnknown, type AttributePath, type Resource, type RuleContext, type Value } from '@trustscan/core';
import { attribute, readBlocks, readBoolean, readNumber } from './values.js';

/** How long a log destination keeps what a diagnostic setting sends it. */
export type RetentionFinding =
  | { readonly kind: 'kept'; readonly days: number | 'forever'; readonly at: Resource; readonly path: AttributePath }
  | { readonly kind: 'short'; readonly days: number; readonly at: Resource; readonly path: AttributePath }
  | { readonly kind: 'unknown'; readonly reason: string; readonly at?: Resource; readonly path?: AttributePath };

const workspaceDefaultDays = 30;

/**
 * How long the Log Analytics workspace a setting sends to keeps the `table` it writes (`AzureActivity`): the table's
 * total retention when declared, else the workspace's `retention_in_days` (30 days when left out).
 */
export function workspaceRetention(setting: Resource, context: RuleContext, table: string, minimumDays: number): RetentionFinding {
  const workspace = context.related(setting, 'azurerm_log_analytics_workspace')[0];
  if (!workspace) return { kind: 'unknown', reason: 'the Log Analytics workspace it sends to is not part of this scan' };
  for (const candidate of context.related(workspace, 'azurerm_log_analytics_workspace_table')) {
    if (attribute(candidate, ['name']) !== table) continue;
    for (const name of ['total_retention_in_days', 'retention_in_days']) {
      const days = readNumber(attribute(candidate, [name]));
      if (days.kind === 'unknown') return { kind: 'unknown', reason: days.reason, at: candidate, path: [name] };
      if (days.kind === 'value') return { kind: days.value >= minimumDays ? 'kept' : 'short', days: days.value, at: candidate, path: [name] };
    }
  }
  const path = ['retention_in_days'];
  const days = readNumber(attribute(workspace, path));
  if (days.kind === 'unknown') return { kind: 'unknown', reason: days.reason, at: workspace, path };
  const value = days.kind === 'value' ? days.value : workspaceDefaultDays;
  return { kind: value >= minimumDays ? 'kept' : 'short', days: value, at: workspace, path };
}

/**
 * How long the storage account a setting sends to keeps blobs under `container`: for ever, unless a lifecycle
 * management rule that applies to them deletes base blobs sooner.
 */
export function storageRetention(setting: Resource, context: RuleContext, container: string, minimumDays: number): RetentionFinding {
  const account = context.related(setting, 'azurerm_storage_account')[0];
  if (!account) return { kind: 'unknown', reason: 'the storage account it sends to is not part of this scan' };
  let shortest: RetentionFinding = { kind: 'kept', days: 'forever', at: account, path: [] };
  for (const policy of context.related(account, 'azurerm_storage_management_policy')) {
    const rules = readBlocks(attribute(policy, ['rule']));
    if (rules.kind === 'unknown') return { kind: 'unknown', reason: rules.reason, at: policy, path: ['rule'] };
    for (const [index, rule] of (rules.kind === 'value' ? rules.value : []).entries()) {
      const enabled = readBoolean(rule['enabled']);
      if (enabled.kind === 'value' && !enabled.value) continue;
      if (!appliesTo(rule['filters'], container)) continue;
      const deletion = deletionDays(rule['actions']);
      if (deletion === undefined) continue;
      const path = ['rule', index, 'actions', 0, 'base_blob', 0, deletion.attribute];
      if (deletion.days === 'unknown') return { kind: 'unknown', reason: 'a lifecycle rule deletes blobs after a number of days known only after apply', at: policy, path };
      if (deletion.days < minimumDays && (shortest.kind !== 'short' || deletion.days < shortest.days)) shortest = { kind: 'short', days: deletion.days, at: policy, path };
    }
  }
  return shortest;
}

function appliesTo(filters: Value | undefined, container: string): boolean {
  const blocks = readBlocks(filters);
  if (blocks.kind !== 'value' || blocks.value.length === 0) return true;
  const prefixes = blocks.value[0]?.['prefix_match'];
  if (!Array.isArray(prefixes) || prefixes.length === 0) return true;
  return (prefixes as readonly Value[]).some((prefix) => typeof prefix !== 'string' || container.startsWith(prefix) || prefix.startsWith(`${container}/`) || prefix === container);
}

function deletionDays(actions: Value | undefined): { attribute: string; days: number | 'unknown' } | undefined {
  const blocks = readBlocks(actions);
  const baseBlob = blocks.kind === 'value' ? readBlocks(blocks.value[0]?.['base_blob']) : undefined;
  const settings = baseBlob?.kind === 'value' ? baseBlob.value[0] : undefined;
  if (!isRecord(settings)) return undefined;
  for (const name of ['delete_after_days_since_modification_greater_than', 'delete_after_days_since_creation_greater_than', 'delete_after_days_since_last_access_time_greater_than']) {
    const value = settings[name];
    if (isUnknown(value)) return { attribute: name, days: 'unknown' };
    const days = readNumber(value);
    if (days.kind === 'value' && days.value >= 0) return { attribute: name, days: days.value };
  }
  return undefined;
}

