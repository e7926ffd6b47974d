import rule from '../../src/azure/key-vault/azure-key-vault-key-rotation.js';
import { testRule } from '../rule-tester.js';

const vaultId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.KeyVault/vaults/acme-prod-keys';
const base = { name: 'storage', key_vault_id: vaultId, key_type: 'RSA', key_size: 2048, key_opts: ['wrapKey', 'unwrapKey'] };
const key = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_key_vault_key.storage', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_key_vault_key" "storage" {
  name         = "storage"
  key_vault_id = "${vaultId}"
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
${extra}}
`;
const policy = (body: string) => `
  rotation_policy {
${body}  }
`;

testRule(rule, {
  pass: [
    {
      name: 'expires after 90 days and rotates 30 days before',
      hcl: hcl(policy('    expire_after = "P90D"\n    automatic {\n      time_before_expiry = "P30D"\n    }\n')),
      resources: [key({ rotation_policy: [{ expire_after: 'P90D', automatic: [{ time_before_expiry: 'P30D' }] }] })],
      messageId: 'rotated',
      path: 'rotation_policy.0.automatic.0.time_before_expiry',
      message: '60 days',
    },
    {
      name: 'a fixed expiration date and rotation a year after creation',
      hcl: hcl(`  expiration_date = "2027-01-01T00:00:00Z"\n${policy('    automatic {\n      time_after_creation = "P1Y"\n    }\n')}`),
      resources: [key({ expiration_date: '2027-01-01T00:00:00Z', rotation_policy: [{ automatic: [{ time_after_creation: 'P1Y' }] }] })],
      messageId: 'rotated',
      path: 'rotation_policy.0.automatic.0.time_after_creation',
      message: '365 days',
    },
    {
      name: 'a fixed expiration date and rotation before it',
      resources: [key({ expiration_date: '2027-01-01T00:00:00Z', rotation_policy: [{ automatic: [{ time_before_expiry: 'P30D' }] }] })],
      messageId: 'rotatedBeforeExpiry',
    },
  ],
  fail: [
    { name: 'no expiry and no rotation', hcl: hcl(), resources: [key()], messageId: 'noExpiry', path: 'expiration_date' },
    {
      name: 'an expiry without automatic rotation',
      hcl: hcl('  expiration_date = "2027-01-01T00:00:00Z"\n'),
      resources: [key({ expiration_date: '2027-01-01T00:00:00Z' })],
      messageId: 'noRotation',
      path: 'rotation_policy',
    },
    {
      name: 'a rotation policy that only notifies',
      hcl: hcl(policy('    expire_after         = "P90D"\n    notify_before_expiry = "P29D"\n')),
      resources: [key({ rotation_policy: [{ expire_after: 'P90D', notify_before_expiry: 'P29D', automatic: [] }] })],
      messageId: 'noRotation',
      path: 'rotation_policy.0',
    },
    {
      name: 'rotation every two years',
      hcl: hcl(policy('    expire_after = "P2Y"\n    automatic {\n      time_after_creation = "P2Y"\n    }\n')),
      resources: [key({ rotation_policy: [{ expire_after: 'P2Y', automatic: [{ time_after_creation: 'P2Y' }] }] })],
      messageId: 'tooSlow',
      path: 'rotation_policy.0.automatic.0.time_after_creation',
      message: '730 days',
    },
  ],
  unknown: [
    {
      name: 'rotation period from a variable without a value',
      hcl: `variable "rotate_after" {
  type = string
}

${hcl(policy('    expire_after = "P90D"\n    automatic {\n      time_after_creation = var.rotate_after\n    }\n'))}`,
      resources: [key({ rotation_policy: [{ expire_after: 'P90D', automatic: [{}] }] }, ['rotation_policy.0.automatic.0.time_after_creation'])],
      messageId: 'unknown',
      path: 'rotation_policy.0.automatic.0.time_after_creation',
    },
  ],
});
