import { Unknown, type Resource, type Value } from '@trustscan/core';
import { parentIdOf, type ArmResource } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes } from './azure-resource.js';

/**
 * `Microsoft.Web/sites` (and `sites/slots`) → `azurerm_{linux,windows}_{web,function}_app[_slot]`, chosen from the
 * site's `kind` (`app`, `app,linux`, `functionapp,linux`, …). `site_config` comes from the `config/web` child: a site
 * GET returns its `siteConfig` values as null (Azure/azure-rest-api-specs#12104).
 */
export function normalizeWebApp(record: ArmRecord): Resource[] {
  const type = webAppType(record.resource);
  if (type === undefined) return [];
  const p = ArmReader.ofRecord(record).at('properties');
  const slot = record.resource.type.toLowerCase().endsWith('/slots');
  const { resource_group_name: group, location, ...envelope } = envelopeAttributes(record);
  // Slots have no group or location of their own in Terraform: they belong to their app (`app_service_id`).
  const placement: Record<string, Value> = slot
    ? { name: record.resource.name.split('/').at(-1) ?? record.resource.name, app_service_id: parentIdOf(record.resource.id) }
    : { resource_group_name: group ?? null, ...(location === undefined ? {} : { location }) };
  return [
    azureResource(record, type, {
      ...envelope,
      ...placement,
      https_only: p.bool('httpsOnly'),
      client_certificate_enabled: p.bool('clientCertEnabled'),
      public_network_access_enabled: p.enabled('publicNetworkAccess'),
      site_config: siteConfig(ArmReader.ofChild(record, 'webConfig')),
    }),
  ];
}

function siteConfig(config: ArmReader): Value {
  if (!config.readable) return new Unknown(config.reason ?? 'config/web was not read');
  const c = config.at('properties');
  return [
    {
      minimum_tls_version: c.string('minTlsVersion'),
      scm_minimum_tls_version: c.string('scmMinTlsVersion'),
      ftps_state: c.string('ftpsState'),
      http2_enabled: c.bool('http20Enabled'),
      remote_debugging_enabled: c.bool('remoteDebuggingEnabled'),
    },
  ];
}

/**
 * The Terraform type for a site's `kind`, or `undefined` for kinds that are not web or function apps (Logic Apps
 * Standard are `workflowapp`, static sites live elsewhere). A slot's kind is its app's.
 */
export function webAppType(resource: ArmResource): string | undefined {
  const kind = typeof resource['kind'] === 'string' ? resource['kind'].toLowerCase() : 'app';
  const parts = new Set(kind.split(',').map((s) => s.trim()));
  if (parts.has('workflowapp')) return undefined;
  const app = parts.has('functionapp') ? 'function_app' : 'web_app';
  const os = parts.has('linux') ? 'linux' : 'windows';
  const slot = resource.type.toLowerCase().endsWith('/slots') ? '_slot' : '';
  return `azurerm_${os}_${app}${slot}`;
}
