import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { attribute, readBlocks, readNumber } from '../../analysis/values.js';

const minimumDays = 7;
type MessageId = 'protected' | 'notProtected' | 'tooShort' | 'unknown' | 'notObserved';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-virtual-machine-backup',
    title: `Virtual machines are backed up by Azure Backup and kept for at least ${minimumDays} days`,
    description:
      'A virtual machine without a backup cannot be restored after corruption, a bad change or ransomware. Azure Backup takes application-consistent snapshots into a Recovery Services vault; a daily retention of at least a week covers problems noticed days later. Auditors check both under the availability criterion.',
    remediation: [
      `Protect each VM with a backup policy that keeps daily backups for ${minimumDays} days or more:`,
      '',
      '```hcl',
      'resource "azurerm_backup_protected_vm" "app" {',
      '  resource_group_name = azurerm_recovery_services_vault.backups.resource_group_name',
      '  recovery_vault_name = azurerm_recovery_services_vault.backups.name',
      '  source_vm_id        = azurerm_linux_virtual_machine.app.id',
      '  backup_policy_id    = azurerm_backup_policy_vm.daily.id',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'backup-recovery',
    criteria: {
      primary: ['A1.2'],
      secondary: ['PI1.5', 'CC7.5'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Azure Backup should be enabled for Virtual Machines' to A1.2 and PI1.5.",
    },
    resourceTypes: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'],
    relatedTypes: ['azurerm_backup_protected_vm', 'azurerm_backup_policy_vm'],
    live: {
      azure: {
        armType: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems; Microsoft.RecoveryServices/vaults/backupPolicies',
        fields: ['protectedItems properties.sourceResourceId', 'protectedItems properties.policyId', 'backupPolicies properties.retentionPolicy.dailySchedule.retentionDuration.count'],
      },
    },
    defaults: ['A VM is not backed up until an `azurerm_backup_protected_vm` names it; a policy without daily retention keeps weekly backups for `retention_weekly.count` weeks.'],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days daily backups must be kept.',
        default: 7,
        minimum: 1,
        maximum: 9999,
      },
    },
    equivalents: { checkov: ['CKV2_AZURE_12'], prowler: ['vm_backup_enabled', 'vm_sufficient_daily_backup_retention_period'], catalog: ['S2-AZR-BKP-001'] },
    messages: {
      protected: 'Virtual machine {{address}} is backed up by {{policy}}, which keeps backups for {{days}} days.',
      notProtected: 'Virtual machine {{address}} is not backed up. Protect it with azurerm_backup_protected_vm and a backup policy.',
      tooShort: `Virtual machine {{address}} is backed up by {{policy}}, which keeps backups for {{days}} day(s). Keep daily backups for {{minDays}} days or more.`,
      unknown: 'Whether virtual machine {{address}} is backed up is not known: {{reason}}.',
      notObserved: 'Whether virtual machine {{address}} is backed up is not known: this scan did not read the items the Recovery Services vaults protect.',
    },
    examples: {
      good: `resource "azurerm_linux_virtual_machine" "app" {
  name                            = "acme-app"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Network/networkInterfaces/acme-app"]
  encryption_at_host_enabled      = true

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx1ZXN0a2V5IGZvciB0ZXN0cyBvbmx5IHRydXN0c2Nhbg acme"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "daily"
  resource_group_name = "acme-prod"
  recovery_vault_name = "acme-backups"

  backup {
    frequency = "Daily"
    time      = "23:00"
  }

  retention_daily {
    count = 30
  }
}

resource "azurerm_backup_protected_vm" "app" {
  resource_group_name = "acme-prod"
  recovery_vault_name = "acme-backups"
  source_vm_id        = azurerm_linux_virtual_machine.app.id
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}
`,
      bad: `resource "azurerm_linux_virtual_machine" "app" {
  name                            = "acme-app"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Network/networkInterfaces/acme-app"]
  encryption_at_host_enabled      = true

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx1ZXN0a2V5IGZvciB0ZXN0cyBvbmx5IHRydXN0c2Nhbg acme"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
`,
    },
  },
  evaluate(vm, context) {
    const address = vm.address;
    const verdicts = context.related(vm, 'azurerm_backup_protected_vm').map((item) => check(item, address, context));
    if (verdicts.length === 0 && !context.observed('azurerm_backup_protected_vm')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    if (verdicts.length === 0) return { status: 'fail', messageId: 'notProtected', data: { address } };
    return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? (verdicts[0] as Verdict<MessageId>);
  },
});

function check(item: Resource, address: string, context: RuleContext<{ readonly minDays: number }>): Verdict<MessageId> {
  const policy = context.related(item, 'azurerm_backup_policy_vm')[0];
  if (!policy) return { status: 'unknown', messageId: 'unknown', data: { address, reason: `the backup policy of ${item.address} is not part of this scan` }, path: ['backup_policy_id'], at: item };
  for (const [block, factor] of [['retention_daily', 1], ['retention_weekly', 7]] as const) {
    const retention = readBlocks(attribute(policy, [block]));
    if (retention.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: retention.reason }, path: [block], at: policy };
    if (retention.kind !== 'value' || retention.value.length === 0) continue;
    const path = [block, 0, 'count'];
    const count = readNumber(retention.value[0]?.['count']);
    if (count.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: count.reason }, path, at: policy };
    const days = (count.kind === 'value' ? count.value : 0) * factor;
    const data = { address, policy: policy.address, days };
    return days >= context.options.minDays ? { status: 'pass', messageId: 'protected', data, path, at: policy } : { status: 'fail', messageId: 'tooShort', data, path, at: policy };
  }
  return { status: 'fail', messageId: 'tooShort', data: { address, policy: policy.address, days: 0 }, path: [], at: policy };
}
