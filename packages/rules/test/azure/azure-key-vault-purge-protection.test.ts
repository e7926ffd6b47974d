import rule from '../../src/azure/key-vault/azure-key-vault-purge-protection.js';
import { testRule } from '../rule-tester.js';

const base = { name: 'acme-prod-keys', resource_group_name: 'acme-prod', location: 'westeurope', tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard' };
const vault = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_key_vault.main', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_key_vault" "main" {
  name                = "acme-prod-keys"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
${extra}}
`;

testRule(rule, {
  pass: [
    { name: 'purge protection on', hcl: hcl('  purge_protection_enabled   = true\n  soft_delete_retention_days = 90\n'), resources: [vault({ purge_protection_enabled: true, soft_delete_retention_days: 90 })], messageId: 'protected', path: 'purge_protection_enabled' },
    {
      name: 'managed HSM with purge protection',
      resources: [{ address: 'azurerm_key_vault_managed_hardware_security_module.hsm', values: { name: 'acme-hsm', purge_protection_enabled: true } }],
      messageId: 'protected',
    },
  ],
  fail: [
    { name: 'purge protection left out (defaults to false)', hcl: hcl(), resources: [vault()], messageId: 'noPurgeProtection', path: '' },
    { name: 'purge protection off', hcl: hcl('  purge_protection_enabled = false\n'), resources: [vault({ purge_protection_enabled: false })], messageId: 'noPurgeProtection', path: 'purge_protection_enabled' },
    { name: 'azurerm v2 soft delete turned off', resources: [vault({ soft_delete_enabled: false, purge_protection_enabled: false })], messageId: 'noSoftDelete', path: 'soft_delete_enabled' },
    {
      name: 'one vault per environment with count: the production one is protected, staging is not',
      hcl: `variable "environments" {
  type    = list(string)
  default = ["prod", "staging"]
}

resource "azurerm_key_vault" "env" {
  count                    = length(var.environments)
  name                     = "acme-\${var.environments[count.index]}-keys"
  resource_group_name      = "acme-\${var.environments[count.index]}"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = var.environments[count.index] == "prod"
}
`,
      resources: [
        { address: 'azurerm_key_vault.env[0]', values: { ...base, purge_protection_enabled: true } },
        { address: 'azurerm_key_vault.env[1]', values: { ...base, name: 'acme-staging-keys', purge_protection_enabled: false } },
      ],
      subject: 'azurerm_key_vault.env[1]',
      messageId: 'noPurgeProtection',
      path: 'purge_protection_enabled',
    },
  ],
  unknown: [
    {
      name: 'purge protection from a variable without a value',
      hcl: `variable "protect" {
  type = bool
}

${hcl('  purge_protection_enabled = var.protect\n')}`,
      resources: [vault({}, ['purge_protection_enabled'])],
      messageId: 'unknown',
      path: 'purge_protection_enabled',
    },
  ],
});
