import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { renamedAttribute } from '../../analysis/azure-attributes.js';
import { attribute, readBoolean, readString } from '../../analysis/values.js';

type MessageId = 'disallowed' | 'publicContainer' | 'allowed' | 'allowedByDefault' | 'privateContainer' | 'containerBlocked' | 'containerPublic' | 'unknown';

export default defineRule<MessageId>({
  meta: {
    id: 'azure-storage-account-no-public-blob-access',
    title: 'Storage accounts disallow anonymous access to blobs',
    description:
      'When a storage account allows public access, anyone who can write a container\'s settings can publish its blobs to the internet without authentication. Disallowing it at the account overrides every container, so one mistaken setting cannot expose customer data; auditors review it under the logical access criteria. A container whose access type is `blob` or `container` is a failure on the container too, unless its account disallows public access (then Azure refuses anonymous reads); a container of an account created outside the configuration is judged on its own.',
    remediation: [
      'Disallow public access on the account (azurerm v3 and v4 name; azurerm v2 used `allow_blob_public_access`):',
      '',
      '```hcl',
      'resource "azurerm_storage_account" "data" {',
      '  # ...',
      '  allow_nested_items_to_be_public = false',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['CC6.6'],
      basis: "Prowler maps storage_blob_public_access_level_is_disabled to CC6.1; Microsoft's SOC 2023 initiative maps 'Storage account public access should be disallowed' to CC6.1, CC6.2, CC6.3 and CC6.7.",
    },
    resourceTypes: ['azurerm_storage_account', 'azurerm_storage_container'],
    live: {
      azure: { armType: 'Microsoft.Storage/storageAccounts', fields: ['properties.allowBlobPublicAccess', 'blobServices/default/containers properties.publicAccess'] },
    },
    defaults: [
      '`allow_nested_items_to_be_public` defaults to true in azurerm v3 and v4, which send that value to Azure, so an account that leaves it out fails.',
      'The account setting decides even when every container is private today: a container can be made public later without any change to the account.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_190', 'CKV_AZURE_34', 'CKV2_AZURE_47'],
      kics: ['Storage Container Is Publicly Accessible'],
      trivy: ['AVD-AZU-0007'],
      prowler: ['storage_blob_public_access_level_is_disabled'],
      catalog: ['S2-AZR-STG-005'],
    },
    messages: {
      disallowed: 'Storage account {{address}} disallows anonymous access to its blobs.',
      publicContainer: 'Storage account {{address}} allows public access and container {{container}} is public ({{level}}). Set allow_nested_items_to_be_public to false and make the container private.',
      allowed: 'Storage account {{address}} allows containers to be made public. Set {{attribute}} to false.',
      allowedByDefault: 'Storage account {{address}} allows containers to be made public: allow_nested_items_to_be_public defaults to true. Set it to false.',
      privateContainer: 'Container {{address}} is private.',
      containerBlocked: 'Container {{address}} asks for {{level}} access, but its storage account {{account}} disallows public access, so Azure serves nothing anonymously.',
      containerPublic: 'Container {{address}} lets anyone read {{what}} without authentication (container_access_type = "{{level}}"). Set it to "private".',
      unknown: 'Whether storage account {{address}} allows public blob access is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "data" {
  name                            = "acmedata"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}
`,
      bad: `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
`,
    },
  },
  evaluate(resource, context) {
    if (resource.type === 'azurerm_storage_container') return containerVerdict(resource, context);
    const account = resource;
    const address = account.address;
    const { path, value } = renamedAttribute(account, [['allow_nested_items_to_be_public'], ['allow_blob_public_access']]);
    const allowed = readBoolean(value);
    if (allowed.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: allowed.reason }, path };
    if (allowed.kind === 'value' && !allowed.value) return { status: 'pass', messageId: 'disallowed', data: { address }, path };
    for (const container of context.related(account, 'azurerm_storage_container')) {
      const level = readString(attribute(container, ['container_access_type']));
      if (level.kind === 'value' && level.value !== 'private') {
        return { status: 'fail', messageId: 'publicContainer', data: { address, container: container.address, level: level.value }, path: ['container_access_type'], at: container };
      }
    }
    if (allowed.kind === 'absent') return { status: 'fail', messageId: 'allowedByDefault', data: { address } };
    return { status: 'fail', messageId: 'allowed', data: { address, attribute: String(path[0]) }, path };
  },
});

/**
 * A container's own verdict: private passes; a public access type fails unless the account (in the scan) turns
 * public access off. A container whose account is created elsewhere was accepted by Azure with its access type, so
 * that account allows it.
 */
function containerVerdict(container: Resource, context: RuleContext): Verdict<MessageId> {
  const address = container.address;
  const path = ['container_access_type'];
  const level = readString(attribute(container, path));
  if (level.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: level.reason }, path };
  if (level.kind === 'absent' || level.value === 'private') return { status: 'pass', messageId: 'privateContainer', data: { address }, path };
  const account = context.related(container, 'azurerm_storage_account')[0];
  if (account) {
    const allowed = readBoolean(renamedAttribute(account, [['allow_nested_items_to_be_public'], ['allow_blob_public_access']]).value);
    if (allowed.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: allowed.reason }, path };
    if (allowed.kind === 'value' && !allowed.value) return { status: 'pass', messageId: 'containerBlocked', data: { address, level: level.value, account: account.address }, path };
  }
  const what = level.value === 'container' ? 'and list its blobs' : 'its blobs';
  return { status: 'fail', messageId: 'containerPublic', data: { address, level: level.value, what }, path };
}
