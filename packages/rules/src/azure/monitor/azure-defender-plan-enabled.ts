import { defineRule } from '@trustscan/core';
import { attribute, readString } from '../../analysis/values.js';

/** The Defender for Cloud plans that protect the kinds of resource a SaaS workload keeps customer data in. */
const requiredPlans = [
  'AppServices',
  'Arm',
  'Containers',
  'CosmosDbs',
  'KeyVaults',
  'OpenSourceRelationalDatabases',
  'SqlServers',
  'SqlServerVirtualMachines',
  'StorageAccounts',
  'VirtualMachines',
];

type MessageId = 'enabled' | 'free' | 'unknown';

export default defineRule<MessageId, { readonly plans: readonly string[] }>({
  meta: {
    id: 'azure-defender-plan-enabled',
    title: 'Microsoft Defender for Cloud plans are on for the resource kinds that hold data',
    description:
      'Defender for Cloud plans detect threats such as brute-force logins, malware uploads, unusual Key Vault access and SQL injection, and raise security alerts. They are the Azure counterpart of GuardDuty, and auditors accept them as evidence that anomalies are detected under the system operations criteria. Plans are judged one by one: VirtualMachines, SqlServers, SqlServerVirtualMachines, StorageAccounts, KeyVaults, Arm, AppServices, Containers, OpenSourceRelationalDatabases and CosmosDbs must be on the Standard tier; other plans are not judged.',
    remediation: [
      'Turn each plan on with the Standard tier, for example:',
      '',
      '```hcl',
      'resource "azurerm_security_center_subscription_pricing" "storage" {',
      '  tier          = "Standard"',
      '  resource_type = "StorageAccounts"',
      '  subplan       = "DefenderForStorageV2"',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.1', 'CC6.8'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps its 'Azure Defender for servers / SQL / Storage / Key Vault ... should be enabled' policies to CC7.2; Prowler maps defender_ensure_defender_for_*_is_on to CC6.8 and CC7.1.",
    },
    resourceTypes: ['azurerm_security_center_subscription_pricing'],
    live: { azure: { armType: 'Microsoft.Security/pricings', fields: ['name', 'properties.pricingTier (= Standard)'] } },
    defaults: ['`resource_type` defaults to `VirtualMachines`; `tier` is required. Every plan is Free (off) until it is set to Standard.'],
    options: {
      plans: {
        type: 'string-list',
        description: 'The Defender plans (`resource_type` values) that must be on the Standard tier.',
        default: requiredPlans,
      },
    },
    equivalents: {
      checkov: ['CKV_AZURE_19', 'CKV_AZURE_55', 'CKV_AZURE_61', 'CKV_AZURE_69', 'CKV_AZURE_79', 'CKV_AZURE_84', 'CKV_AZURE_85', 'CKV_AZURE_86', 'CKV_AZURE_87', 'CKV_AZURE_234'],
      kics: ['Security Center Pricing Tier Is Not Standard'],
      trivy: ['AVD-AZU-0045'],
      prowler: ['defender_ensure_defender_for_server_is_on', 'defender_ensure_defender_for_storage_is_on', 'defender_ensure_defender_for_sql_servers_is_on', 'defender_ensure_defender_for_keyvault_is_on', 'defender_ensure_defender_for_arm_is_on'],
      catalog: ['S2-AZR-MON-003'],
    },
    messages: {
      enabled: 'Defender for Cloud plan {{plan}} is on ({{address}}).',
      free: 'Defender for Cloud plan {{plan}} is on the Free tier, so threats to these resources raise no alerts ({{address}}). Set tier to "Standard".',
      unknown: 'Whether Defender for Cloud plan {{plan}} is on is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = "Standard"
  resource_type = "StorageAccounts"
}
`,
      bad: `resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = "Free"
  resource_type = "StorageAccounts"
}
`,
    },
  },
  evaluate(pricing, context) {
    const address = pricing.address;
    const type = readString(attribute(pricing, ['resource_type']));
    const plan = type.kind === 'value' ? type.value : 'VirtualMachines';
    if (type.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { plan: address, reason: type.reason }, path: ['resource_type'] };
    if (!context.options.plans.some((required) => required.toLowerCase() === plan.toLowerCase())) return [];
    const path = ['tier'];
    const tier = readString(attribute(pricing, path));
    if (tier.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { plan, reason: tier.reason }, path };
    if (tier.kind === 'value' && tier.value.toLowerCase() === 'standard') return { status: 'pass', messageId: 'enabled', data: { address, plan }, path };
    return { status: 'fail', messageId: 'free', data: { address, plan }, path };
  },
});
