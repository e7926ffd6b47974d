import type { Resource } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes, sortedStringList } from './azure-resource.js';
import { normalizeKeyVaultKeys } from './key-vault-key.js';

/**
 * `Microsoft.KeyVault/vaults` → `azurerm_key_vault`, and its keys → `azurerm_key_vault_key`. The Key Vault provider leaves
 * `enablePurgeProtection` out unless it is on (it never accepts `false`), so in a vault that was read an absent value
 * means purge protection is off.
 */
export function normalizeKeyVault(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const acls = p.at('networkAcls');
  const bypass = acls.raw('bypass');
  return [
    azureResource(record, 'azurerm_key_vault', {
      ...envelopeAttributes(record),
      tenant_id: p.string('tenantId'),
      sku_name: p.string('sku.name'),
      purge_protection_enabled: p.offWhenAbsent('enablePurgeProtection'),
      soft_delete_retention_days: p.number('softDeleteRetentionInDays'),
      enable_rbac_authorization: p.bool('enableRbacAuthorization'),
      public_network_access_enabled: p.enabled('publicNetworkAccess'),
      network_acls: acls.readable
        ? [{ default_action: acls.string('defaultAction'), bypass: typeof bypass === 'string' ? bypass : acls.missing('bypass'), ip_rules: sortedStringList(itemsOf(acls.raw('ipRules'), 'value')) }]
        : [],
    }),
    ...normalizeKeyVaultKeys(record),
  ];
}

function itemsOf(list: unknown, key: string): unknown[] {
  return Array.isArray(list) ? list.map((item) => ArmReader.of(item, '').raw(key)) : [];
}
