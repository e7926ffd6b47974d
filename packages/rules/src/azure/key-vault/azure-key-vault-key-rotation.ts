import { defineRule, type AttributePath } from '@trustscan/core';
import { durationInDays } from '../../analysis/azure-duration.js';
import { attribute, readBlocks, readString, type Block } from '../../analysis/values.js';

const maximumDays = 365;
const policyPath: AttributePath = ['rotation_policy', 0];

type MessageId = 'rotated' | 'rotatedBeforeExpiry' | 'noExpiry' | 'noRotation' | 'tooSlow' | 'invalidDuration' | 'unknown';

export default defineRule<MessageId, { readonly maxDays: number }>({
  meta: {
    id: 'azure-key-vault-key-rotation',
    title: `Key Vault keys expire and rotate automatically within ${maximumDays} days`,
    description:
      'A key that never expires and never rotates stays valid for as long as anyone holds a copy. An expiry date and an automatic rotation policy bound the lifetime of every key version, which auditors check as part of key management under the logical access criteria. This rule merges the catalog\'s expiry and rotation checks: a rotation policy with `expire_after` gives every version its expiry.',
    remediation: [
      `Give the key a rotation policy that rotates it automatically and expires old versions (within ${maximumDays} days):`,
      '',
      '```hcl',
      'resource "azurerm_key_vault_key" "storage" {',
      '  # ...',
      '  rotation_policy {',
      '    expire_after         = "P90D"',
      '    notify_before_expiry = "P29D"',
      '    automatic {',
      '      time_before_expiry = "P30D"',
      '    }',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.5'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Key Vault keys should have an expiration date' to CC6.1 and its SOC 2023 initiative maps the rotation-policy definition to CC6.1; Prowler maps keyvault_key_rotation_enabled to PI1.5.",
    },
    resourceTypes: ['azurerm_key_vault_key'],
    live: {
      azure: { armType: 'Microsoft.KeyVault/vaults/keys', fields: ['properties.attributes.exp', 'properties.rotationPolicy.lifetimeActions[action.type=Rotate]', 'properties.rotationPolicy.attributes.expiryTime'] },
    },
    defaults: ['A key has no expiry and no rotation policy unless they are declared.'],
    options: {
      maxDays: {
        type: 'integer',
        description: 'The most days between automatic rotations.',
        default: 365,
        minimum: 1,
      },
    },
    equivalents: {
      checkov: ['CKV_AZURE_40'],
      kics: ['Key Expiration Not Set', 'Key Vault Key Rotation Disabled'],
      trivy: ['AVD-AZU-0014'],
      prowler: ['keyvault_key_rotation_enabled', 'keyvault_rbac_key_expiration_set', 'keyvault_key_expiration_set_in_non_rbac'],
      catalog: ['S2-AZR-KV-002'],
    },
    messages: {
      rotated: 'Key {{address}} expires and rotates automatically every {{days}} days or sooner.',
      rotatedBeforeExpiry: 'Key {{address}} expires on {{date}} and rotates automatically before then.',
      noExpiry: 'Key {{address}} never expires. Set expiration_date, or expire_after in its rotation_policy.',
      noRotation: 'Key {{address}} is not rotated automatically. Add a rotation_policy with an automatic block.',
      tooSlow: `Key {{address}} rotates only every {{days}} days. Rotate it within {{maxDays}} days.`,
      invalidDuration: 'Key {{address}} has a rotation setting "{{value}}" that is not an ISO 8601 duration.',
      unknown: 'Whether key {{address}} expires and rotates is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_key_vault_key" "storage" {
  name         = "storage"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.KeyVault/vaults/acme-prod-keys"
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after = "P90D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}
`,
      bad: `resource "azurerm_key_vault_key" "storage" {
  name         = "storage"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.KeyVault/vaults/acme-prod-keys"
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}
`,
    },
  },
  evaluate(key, context) {
    const address = key.address;
    const policies = readBlocks(attribute(key, ['rotation_policy']));
    if (policies.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policies.reason }, path: ['rotation_policy'] };
    const policy: Block = (policies.kind === 'value' ? policies.value[0] : undefined) ?? {};
    const expireAfter = readString(policy['expire_after']);
    const expirationDate = readString(attribute(key, ['expiration_date']));
    for (const [reading, path] of [[expireAfter, [...policyPath, 'expire_after']], [expirationDate, ['expiration_date']]] as const) {
      if (reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: reading.reason }, path };
    }
    if (expireAfter.kind === 'absent' && expirationDate.kind === 'absent') return { status: 'fail', messageId: 'noExpiry', data: { address }, path: ['expiration_date'] };
    const automatic = readBlocks(policy['automatic']);
    const automaticPath = [...policyPath, 'automatic'];
    if (automatic.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: automatic.reason }, path: automaticPath };
    const trigger = automatic.kind === 'value' ? automatic.value[0] : undefined;
    if (!trigger) return { status: 'fail', messageId: 'noRotation', data: { address }, path: policies.kind === 'value' && policies.value.length > 0 ? [...policyPath] : ['rotation_policy'] };
    // Rotation happens `time_after_creation` after a version is made, or `time_before_expiry` before it expires.
    const afterCreation = readString(trigger['time_after_creation']);
    const beforeExpiry = readString(trigger['time_before_expiry']);
    const path = [...automaticPath, 0, afterCreation.kind === 'absent' ? 'time_before_expiry' : 'time_after_creation'];
    for (const reading of [afterCreation, beforeExpiry]) if (reading.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: reading.reason }, path };
    const period = rotationPeriod(afterCreation, beforeExpiry, expireAfter);
    if (period.kind === 'invalid') return { status: 'fail', messageId: 'invalidDuration', data: { address, value: period.value }, path };
    if (period.kind === 'none') return { status: 'fail', messageId: 'noRotation', data: { address }, path: automaticPath };
    if (period.days === undefined) return { status: 'pass', messageId: 'rotatedBeforeExpiry', data: { address, date: expirationDate.kind === 'value' ? expirationDate.value : 'a set date' }, path };
    const days = Math.round(period.days);
    if (days > context.options.maxDays) return { status: 'fail', messageId: 'tooSlow', data: { address, days }, path };
    return { status: 'pass', messageId: 'rotated', data: { address, days }, path };
  },
});

type Text = { readonly kind: 'value'; readonly value: string } | { readonly kind: 'absent' } | { readonly kind: 'unknown'; readonly reason: string };

/** Days between rotations, when the policy says; `days` is undefined when it rotates before a fixed expiration date. */
function rotationPeriod(afterCreation: Text, beforeExpiry: Text, expireAfter: Text): { kind: 'period'; days?: number } | { kind: 'none' } | { kind: 'invalid'; value: string } {
  if (afterCreation.kind === 'value') {
    const days = durationInDays(afterCreation.value);
    return days === undefined ? { kind: 'invalid', value: afterCreation.value } : { kind: 'period', days };
  }
  if (beforeExpiry.kind !== 'value') return { kind: 'none' };
  const before = durationInDays(beforeExpiry.value);
  if (before === undefined) return { kind: 'invalid', value: beforeExpiry.value };
  if (expireAfter.kind !== 'value') return { kind: 'period' };
  const lifetime = durationInDays(expireAfter.value);
  return lifetime === undefined ? { kind: 'invalid', value: expireAfter.value } : { kind: 'period', days: lifetime - before };
}
