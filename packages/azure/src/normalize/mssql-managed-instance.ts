import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';
import { sqlTlsVersions } from './mssql-server.js';

/** `Microsoft.Sql/managedInstances` → `azurerm_mssql_managed_instance` (minimum TLS, public data endpoint). */
export function normalizeMssqlManagedInstance(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  return [
    azureResource(record, 'azurerm_mssql_managed_instance', {
      ...envelopeAttributes(record),
      minimum_tls_version: p.mapped('minimalTlsVersion', sqlTlsVersions),
      public_data_endpoint_enabled: p.bool('publicDataEndpointEnabled'),
    }),
  ];
}
