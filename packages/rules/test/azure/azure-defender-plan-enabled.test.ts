import { describe, expect, it } from 'vitest';
import rule from '../../src/azure/monitor/azure-defender-plan-enabled.js';
import { evaluateLive, liveAzureResource } from '../../../../testing/rules-azure.js';
import { testRule } from '../rule-tester.js';

const pricing = (name: string, values: Record<string, unknown>, unknown: string[] = []) => ({ address: `azurerm_security_center_subscription_pricing.${name}`, values, unknown });
const hcl = (name: string, tier: string, type?: string) => `resource "azurerm_security_center_subscription_pricing" "${name}" {
  tier          = ${tier}
${type === undefined ? '' : `  resource_type = "${type}"\n`}}
`;

testRule(rule, {
  pass: [
    { name: 'Defender for Storage on Standard', hcl: hcl('storage', '"Standard"', 'StorageAccounts'), resources: [pricing('storage', { tier: 'Standard', resource_type: 'StorageAccounts' })], messageId: 'enabled', path: 'tier', message: 'StorageAccounts' },
    { name: 'resource_type left out means VirtualMachines', hcl: hcl('servers', '"Standard"'), resources: [pricing('servers', { tier: 'Standard' })], messageId: 'enabled', message: 'VirtualMachines' },
  ],
  fail: [
    { name: 'Defender for Key Vault on Free', hcl: hcl('keys', '"Free"', 'KeyVaults'), resources: [pricing('keys', { tier: 'Free', resource_type: 'KeyVaults' })], messageId: 'free', path: 'tier', message: 'KeyVaults' },
    {
      name: 'plans created with for_each, one of them Free',
      hcl: `locals {
  plans = { sql = "SqlServers", arm = "Arm" }
}

resource "azurerm_security_center_subscription_pricing" "plan" {
  for_each      = local.plans
  tier          = each.key == "arm" ? "Free" : "Standard"
  resource_type = each.value
}
`,
      resources: [pricing('plan["arm"]', { tier: 'Free', resource_type: 'Arm' }), pricing('plan["sql"]', { tier: 'Standard', resource_type: 'SqlServers' })],
      subject: 'azurerm_security_center_subscription_pricing.plan["arm"]',
      messageId: 'free',
      path: 'tier',
    },
  ],
  unknown: [
    {
      name: 'tier from a variable without a value',
      hcl: `variable "tier" {
  type = string
}

${hcl('storage', 'var.tier', 'StorageAccounts')}`,
      resources: [pricing('storage', { resource_type: 'StorageAccounts' }, ['tier'])],
      messageId: 'unknown',
      path: 'tier',
    },
  ],
});

describe('azure-defender-plan-enabled on live pricings', () => {
  it('judges only the plans that protect data stores', () => {
    const id = (plan: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Security/pricings/${plan}`;
    const findings = evaluateLive(rule, [
      liveAzureResource('azurerm_security_center_subscription_pricing', id('Dns'), { resource_type: 'Dns', tier: 'Free' }),
      liveAzureResource('azurerm_security_center_subscription_pricing', id('SqlServers'), { resource_type: 'SqlServers', tier: 'Free' }),
    ]);
    expect(findings.map((f) => [f.resource.address, f.status])).toEqual([[id('SqlServers'), 'fail']]);
  });
});
