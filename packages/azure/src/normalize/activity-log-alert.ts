import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes, sortedStringList } from './azure-resource.js';

/** ARM condition fields → Terraform `criteria` attributes. */
const criteriaFields: Readonly<Record<string, string>> = {
  category: 'category',
  operationname: 'operation_name',
  resourceprovider: 'resource_provider',
  resourcetype: 'resource_type',
  resourcegroup: 'resource_group',
  resourceid: 'resource_id',
  caller: 'caller',
  level: 'level',
  status: 'status',
  substatus: 'sub_status',
  recommendationtype: 'recommendation_type',
};

/** `Microsoft.Insights/activityLogAlerts` → `azurerm_monitor_activity_log_alert` (scopes, criteria, action groups). */
export function normalizeActivityLogAlert(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const scopes = p.array('scopes');
  const actions = p.items('actions.actionGroups');
  return [
    azureResource(record, 'azurerm_monitor_activity_log_alert', {
      ...envelopeAttributes(record),
      enabled: p.bool('enabled'),
      scopes: scopes instanceof Unknown ? scopes : sortedStringList(scopes),
      criteria: criteria(p),
      action: actions instanceof Unknown ? actions : actions.map((a) => ({ action_group_id: a.string('actionGroupId') })),
    }),
  ];
}

function criteria(p: ArmReader): Value {
  const conditions = p.items('condition.allOf');
  if (conditions instanceof Unknown) return conditions;
  const out: Record<string, Value> = {};
  for (const condition of conditions) {
    const field = condition.raw('field');
    const attribute = typeof field === 'string' ? criteriaFields[field.toLowerCase()] : undefined;
    if (attribute !== undefined) out[attribute] = condition.string('equals');
  }
  return [out];
}
