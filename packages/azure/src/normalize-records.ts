import type { Resource } from '@trustscan/core';
import type { ArmRecord } from './arm-record.js';
import { failureReason } from './normalize/arm-reader.js';
import { normalizeDiagnosticSetting } from './normalize/diagnostic-setting.js';
import { diagnosticSettingsChild, resourceKindOf } from './resource-kinds.js';
import { unreadableDiagnosticSetting } from './unreadable-diagnostic-setting.js';

/** Normalizes collected records through their kinds, with the diagnostic settings read beside them. */
export function normalizeRecords(records: readonly ArmRecord[]): Resource[] {
  const resources: Resource[] = [];
  for (const record of records) {
    const kind = resourceKindOf(record.resource.type);
    if (!kind) continue;
    resources.push(...kind.normalize(record));
    if (kind.children?.includes(diagnosticSettingsChild)) resources.push(...diagnosticSettingsOf(record));
  }
  return resources;
}

function diagnosticSettingsOf(record: ArmRecord): Resource[] {
  const id = record.resource.id;
  if (record.failure) return [unreadableDiagnosticSetting(id, record.subscription, failureReason(record.failure, record.api))];
  const child = record.children.get(diagnosticSettingsChild.key);
  if (!child) return [];
  const source = `GET ${child.spec.armType} (api-version ${child.spec.apiVersion})`;
  if (!child.outcome.ok) {
    return child.outcome.failure.status === 404 ? [] : [unreadableDiagnosticSetting(id, record.subscription, failureReason(child.outcome.failure, source))];
  }
  const settings = Array.isArray(child.outcome.value) ? child.outcome.value : [];
  return settings.flatMap((setting) => normalizeDiagnosticSetting(setting, source, id, record.subscription));
}
