import rule from '../../src/azure/compute/azure-managed-disk-cmk-or-host-encryption.js';
import { testRule } from '../rule-tester.js';

const desId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Compute/diskEncryptionSets/acme-cmk';
const diskBase = { name: 'acme-app-data', resource_group_name: 'acme-prod', location: 'westeurope', storage_account_type: 'Premium_LRS', create_option: 'Empty', disk_size_gb: 256 };
const disk = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_managed_disk.data', values: { ...diskBase, ...values }, unknown, computed: ['id'] });
const diskHcl = (extra = '') => `resource "azurerm_managed_disk" "data" {
  name                 = "acme-app-data"
  resource_group_name  = "acme-prod"
  location             = "westeurope"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256
${extra}}
`;
const vm = (values: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'azurerm_linux_virtual_machine.app',
  values: { name: 'acme-app', size: 'Standard_D2s_v5', os_disk: [{ caching: 'ReadWrite', storage_account_type: 'Premium_LRS' }], ...values },
  unknown,
  computed: ['id'],
});
const vmHcl = (extra: string, osDisk = '') => `resource "azurerm_linux_virtual_machine" "app" {
  name                            = "acme-app"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Network/networkInterfaces/acme-app"]
${extra}
  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx1ZXN0a2V5IGZvciB0ZXN0cyBvbmx5IHRydXN0c2Nhbg acme"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
${osDisk}  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
`;
const attachment = {
  address: 'azurerm_virtual_machine_data_disk_attachment.data',
  values: { lun: 0, caching: 'ReadOnly' },
  unknown: ['managed_disk_id', 'virtual_machine_id'],
  expressions: { managed_disk_id: ['azurerm_managed_disk.data.id', 'azurerm_managed_disk.data'], virtual_machine_id: ['azurerm_linux_virtual_machine.app.id', 'azurerm_linux_virtual_machine.app'] },
};

testRule(rule, {
  pass: [
    { name: 'disk with a disk encryption set', hcl: diskHcl(`  disk_encryption_set_id = "${desId}"\n`), resources: [disk({ disk_encryption_set_id: desId })], messageId: 'customerKey', path: 'disk_encryption_set_id' },
    { name: 'VM with encryption at host', hcl: vmHcl('  encryption_at_host_enabled      = true\n'), resources: [vm({ encryption_at_host_enabled: true })], messageId: 'atHost', path: 'encryption_at_host_enabled' },
    { name: 'VM whose OS disk uses a disk encryption set', hcl: vmHcl('', `    disk_encryption_set_id = "${desId}"\n`), resources: [vm({ os_disk: [{ caching: 'ReadWrite', storage_account_type: 'Premium_LRS', disk_encryption_set_id: desId }] })], messageId: 'customerKey', path: 'os_disk.0.disk_encryption_set_id' },
    {
      name: 'azurerm v3 Azure Disk Encryption settings',
      resources: [disk({ encryption_settings: [{ enabled: true, disk_encryption_key: [{ secret_url: 'https://acme-keys.vault.azure.net/secrets/disk/1', source_vault_id: '/subscriptions/x' }] }] })],
      messageId: 'diskEncryption',
      path: 'encryption_settings',
    },
    {
      name: 'data disk attached to a VM that encrypts at host',
      hcl: `${diskHcl()}
${vmHcl('  encryption_at_host_enabled      = true\n')}
resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  managed_disk_id    = azurerm_managed_disk.data.id
  virtual_machine_id = azurerm_linux_virtual_machine.app.id
  lun                = 0
  caching            = "ReadOnly"
}
`,
      resources: [disk(), vm({ encryption_at_host_enabled: true }), attachment],
      subject: 'azurerm_managed_disk.data',
      messageId: 'attachedAtHost',
      path: 'encryption_at_host_enabled',
    },
  ],
  fail: [
    { name: 'disk with platform-managed keys only', hcl: diskHcl(), resources: [disk()], messageId: 'platformKeysOnly', path: '' },
    { name: 'VM without encryption at host or disk encryption set', hcl: vmHcl(''), resources: [vm({ encryption_at_host_enabled: false })], messageId: 'platformKeysOnly', path: 'os_disk.0', message: 'The OS disk of' },
    { name: 'azurerm v3 encryption settings turned off', resources: [disk({ encryption_settings: [{ enabled: false }] })], messageId: 'platformKeysOnly', path: '' },
    {
      name: 'data disk attached to a VM without encryption at host',
      resources: [disk(), vm({ encryption_at_host_enabled: false }), attachment],
      subject: 'azurerm_managed_disk.data',
      messageId: 'platformKeysOnly',
      path: '',
    },
  ],
  unknown: [
    {
      name: 'encryption at host from a variable without a value',
      hcl: `variable "host_encryption" {
  type = bool
}

${vmHcl('  encryption_at_host_enabled      = var.host_encryption\n')}`,
      resources: [vm({}, ['encryption_at_host_enabled'])],
      messageId: 'unknown',
      path: 'encryption_at_host_enabled',
    },
  ],
});
