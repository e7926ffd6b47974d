import rule from '../../src/azure/backup/azure-virtual-machine-backup.js';
import { testRule } from '../rule-tester.js';

const vm = { address: 'azurerm_linux_virtual_machine.app', values: { name: 'acme-app', resource_group_name: 'acme-prod', location: 'westeurope', size: 'Standard_D2s_v5', admin_username: 'azureuser' }, computed: ['id'] };
const policy = (retention: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'azurerm_backup_policy_vm.daily',
  values: { name: 'daily', resource_group_name: 'acme-prod', recovery_vault_name: 'acme-backups', backup: [{ frequency: 'Daily', time: '23:00' }], ...retention },
  unknown,
  computed: ['id'],
});
const protectedVm = {
  address: 'azurerm_backup_protected_vm.app',
  values: { resource_group_name: 'acme-prod', recovery_vault_name: 'acme-backups' },
  unknown: ['source_vm_id', 'backup_policy_id'],
  expressions: { source_vm_id: ['azurerm_linux_virtual_machine.app.id', 'azurerm_linux_virtual_machine.app'], backup_policy_id: ['azurerm_backup_policy_vm.daily.id', 'azurerm_backup_policy_vm.daily'] },
};
const vmHcl = `resource "azurerm_linux_virtual_machine" "app" {
  name                            = "acme-app"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Network/networkInterfaces/acme-app"]

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
`;
const backupHcl = (retention: string) => `${vmHcl}
resource "azurerm_backup_policy_vm" "daily" {
  name                = "daily"
  resource_group_name = "acme-prod"
  recovery_vault_name = "acme-backups"

  backup {
    frequency = "Daily"
    time      = "23:00"
  }
${retention}}

resource "azurerm_backup_protected_vm" "app" {
  resource_group_name = "acme-prod"
  recovery_vault_name = "acme-backups"
  source_vm_id        = azurerm_linux_virtual_machine.app.id
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}
`;

testRule(rule, {
  pass: [
    { name: 'protected with 30 daily backups', hcl: backupHcl('\n  retention_daily {\n    count = 30\n  }\n'), resources: [vm, policy({ retention_daily: [{ count: 30 }] }), protectedVm], subject: 'azurerm_linux_virtual_machine.app', messageId: 'protected', path: 'retention_daily.0.count', message: '30 days' },
    { name: 'weekly backups kept 4 weeks', resources: [vm, policy({ retention_weekly: [{ count: 4, weekdays: ['Sunday'] }] }), protectedVm], subject: 'azurerm_linux_virtual_machine.app', messageId: 'protected', message: '28 days' },
  ],
  fail: [
    { name: 'not backed up', hcl: vmHcl, resources: [vm], messageId: 'notProtected', path: '' },
    { name: 'three daily backups', hcl: backupHcl('\n  retention_daily {\n    count = 3\n  }\n'), resources: [vm, policy({ retention_daily: [{ count: 3 }] }), protectedVm], subject: 'azurerm_linux_virtual_machine.app', messageId: 'tooShort', path: 'retention_daily.0.count' },
  ],
  unknown: [
    {
      name: 'retention count from a variable without a value',
      hcl: `variable "daily_backups" {
  type = number
}

${backupHcl('\n  retention_daily {\n    count = var.daily_backups\n  }\n')}`,
      resources: [vm, policy({ retention_daily: [{}] }, ['retention_daily.0.count']), protectedVm],
      subject: 'azurerm_linux_virtual_machine.app',
      messageId: 'unknown',
      path: 'retention_daily.0.count',
    },
    {
      name: 'the backup policy is managed elsewhere',
      resources: [vm, { ...protectedVm, values: { ...protectedVm.values, backup_policy_id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.RecoveryServices/vaults/acme-backups/backupPolicies/central' }, unknown: ['source_vm_id'], expressions: { source_vm_id: protectedVm.expressions.source_vm_id } }],
      subject: 'azurerm_linux_virtual_machine.app',
      messageId: 'unknown',
      path: 'backup_policy_id',
    },
  ],
});
