import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import type { ArmReader } from './arm-reader.js';
import { azureResource } from './azure-resource.js';
import { childItems } from './recovery-services-vault.js';

/**
 * The keys of a Key Vault (`vaults/keys`, read through ARM, not the data plane) → `azurerm_key_vault_key`: expiry
 * and rotation policy. A key whose `attributes` carry no `exp` does not expire (`null`), and the API spec says of
 * `rotationPolicy` "Omitted if empty", so a key without one has no rotation policy (`[]`).
 */
export function normalizeKeyVaultKeys(record: ArmRecord): Resource[] {
  return childItems(record, 'keys').map(({ item, id }) => {
    const p = item.at('properties');
    return azureResource(
      record,
      'azurerm_key_vault_key',
      {
        name: item.string('name'),
        key_vault_id: record.resource.id,
        key_type: p.string('kty'),
        key_size: p.raw('keySize') === undefined ? null : p.number('keySize'),
        expiration_date: expirationDate(p),
        rotation_policy: rotationPolicy(p),
      },
      id,
    );
  });
}

function expirationDate(p: ArmReader): Value {
  const attributes = p.at('attributes');
  if (!attributes.readable) return attributes.missing('');
  const exp = attributes.raw('exp');
  if (exp === undefined) return null;
  return typeof exp === 'number' ? new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : attributes.number('exp');
}

function rotationPolicy(p: ArmReader): Value {
  if (!p.readable) return p.missing('rotationPolicy');
  if (p.raw('rotationPolicy') === undefined) return [];
  const policy = p.at('rotationPolicy');
  const actions = policy.raw('lifetimeActions') === undefined ? [] : policy.items('lifetimeActions');
  if (actions instanceof Unknown) return actions;
  const ofType = (type: string): ArmReader | undefined => actions.find((a) => String(a.raw('action.type')).toLowerCase() === type);
  const rotate = ofType('rotate');
  const notify = ofType('notify');
  return [
    {
      expire_after: policy.optionalString('attributes.expiryTime'),
      notify_before_expiry: notify ? notify.optionalString('trigger.timeBeforeExpiry') : null,
      automatic: rotate ? [{ time_after_creation: rotate.optionalString('trigger.timeAfterCreate'), time_before_expiry: rotate.optionalString('trigger.timeBeforeExpiry') }] : [],
    },
  ];
}
