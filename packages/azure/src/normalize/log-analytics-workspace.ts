import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/** `Microsoft.OperationalInsights/workspaces` → `azurerm_log_analytics_workspace` (retention). */
export function normalizeLogAnalyticsWorkspace(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  return [
    azureResource(record, 'azurerm_log_analytics_workspace', {
      ...envelopeAttributes(record),
      sku: p.string('sku.name'),
      retention_in_days: p.number('retentionInDays'),
    }),
  ];
}
