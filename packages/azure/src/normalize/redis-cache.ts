import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/** `Microsoft.Cache/redis` → `azurerm_redis_cache` (non-TLS port, minimum TLS version). */
export function normalizeRedisCache(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  return [
    azureResource(record, 'azurerm_redis_cache', {
      ...envelopeAttributes(record),
      sku_name: p.string('sku.name'),
      family: p.string('sku.family'),
      capacity: p.number('sku.capacity'),
      non_ssl_port_enabled: p.bool('enableNonSslPort'),
      minimum_tls_version: p.string('minimumTlsVersion'),
      public_network_access_enabled: p.enabled('publicNetworkAccess'),
    }),
  ];
}
