import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes, sortedStringList } from './azure-resource.js';

/**
 * `Microsoft.Storage/storageAccounts` → `azurerm_storage_account`, with `blob_properties` from the
 * `blobServices/default` child and one `azurerm_storage_container` per container (`blobServices/default/containers`).
 */
export function normalizeStorageAccount(record: ArmRecord): Resource[] {
  const arm = ArmReader.ofRecord(record);
  const p = arm.at('properties');
  const sku = arm.string('sku.name');
  const account = azureResource(record, 'azurerm_storage_account', {
    ...envelopeAttributes(record),
    account_kind: arm.string('kind'),
    account_tier: arm.string('sku.tier'),
    account_replication_type: sku instanceof Unknown ? sku : (sku.split('_')[1] ?? sku),
    https_traffic_only_enabled: p.bool('supportsHttpsTrafficOnly'),
    min_tls_version: p.string('minimumTlsVersion'),
    allow_nested_items_to_be_public: p.bool('allowBlobPublicAccess'),
    shared_access_key_enabled: p.bool('allowSharedKeyAccess'),
    public_network_access_enabled: p.enabled('publicNetworkAccess'),
    infrastructure_encryption_enabled: p.bool('encryption.requireInfrastructureEncryption'),
    customer_managed_key: customerManagedKey(p),
    network_rules: networkRules(p),
    blob_properties: blobProperties(record),
  });
  return [account, ...containers(record)];
}

/** Present when the account encrypts with a Key Vault key (`keySource` `Microsoft.Keyvault`). */
function customerManagedKey(p: ArmReader): Value {
  const source = p.mapped('encryption.keySource', { 'microsoft.keyvault': 'keyvault', 'microsoft.storage': 'storage' });
  if (source instanceof Unknown) return source;
  if (source === 'storage') return [];
  const uri = p.string('encryption.keyvaultproperties.keyvaulturi');
  const name = p.string('encryption.keyvaultproperties.keyname');
  const version = p.raw('encryption.keyvaultproperties.keyversion');
  const keyId =
    uri instanceof Unknown ? uri : name instanceof Unknown ? name : `${uri.replace(/\/+$/, '')}/keys/${name}${typeof version === 'string' && version !== '' ? `/${version}` : ''}`;
  return [{ key_vault_key_id: keyId, user_assigned_identity_id: p.optionalString('encryption.identity.userAssignedIdentity') }];
}

function networkRules(p: ArmReader): Value {
  const acls = p.at('networkAcls');
  if (!acls.readable) return acls.missing('');
  const bypass = acls.raw('bypass');
  const ipRules = acls.raw('ipRules');
  const subnets = acls.raw('virtualNetworkRules');
  return [
    {
      default_action: acls.string('defaultAction'),
      bypass: typeof bypass === 'string' ? sortedStringList(bypass.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== 'None')) : [],
      ip_rules: Array.isArray(ipRules) ? sortedStringList(ipRules.map((r) => ArmReader.of(r, '').raw('value'))) : [],
      virtual_network_subnet_ids: Array.isArray(subnets) ? sortedStringList(subnets.map((r) => ArmReader.of(r, '').raw('id'))) : [],
    },
  ];
}

/**
 * From `blobServices/default`. A disabled retention policy is an absent block in Terraform, so `enabled: false`
 * becomes `[]`; an account kind without a blob service (404) has no `blob_properties`.
 */
function blobProperties(record: ArmRecord): Value {
  const child = record.children.get('blobService');
  if (child && !child.outcome.ok && child.outcome.failure.status === 404) return [];
  const blob = ArmReader.ofChild(record, 'blobService').at('properties');
  if (!blob.readable) return new Unknown(blob.reason ?? 'blob service properties were not read');
  return [
    {
      versioning_enabled: blob.bool('isVersioningEnabled'),
      change_feed_enabled: blob.bool('changeFeed.enabled'),
      delete_retention_policy: retentionPolicy(blob, 'deleteRetentionPolicy', true),
      container_delete_retention_policy: retentionPolicy(blob, 'containerDeleteRetentionPolicy', false),
    },
  ];
}

function retentionPolicy(blob: ArmReader, path: string, permanentDelete: boolean): Value {
  const enabled = blob.bool(`${path}.enabled`);
  if (enabled instanceof Unknown) return enabled;
  if (!enabled) return [];
  return [{ days: blob.number(`${path}.days`), ...(permanentDelete ? { permanent_delete_enabled: blob.raw(`${path}.allowPermanentDelete`) === true } : {}) }];
}

const containerAccess: Readonly<Record<string, string>> = { none: 'private', blob: 'blob', container: 'container' };

function containers(record: ArmRecord): Resource[] {
  const child = record.children.get('containers');
  if (!child || !child.outcome.ok || !Array.isArray(child.outcome.value)) return [];
  const source = `GET ${child.spec.armType} (api-version ${child.spec.apiVersion})`;
  return child.outcome.value.flatMap((item) => {
    const c = ArmReader.of(item, source);
    const id = c.raw('id');
    const name = c.raw('name');
    if (typeof id !== 'string' || typeof name !== 'string') return [];
    return [
      azureResource(
        record,
        'azurerm_storage_container',
        {
          name,
          storage_account_id: record.resource.id,
          storage_account_name: record.resource.name,
          container_access_type: c.mapped('properties.publicAccess', containerAccess),
        },
        id,
      ),
    ];
  });
}
