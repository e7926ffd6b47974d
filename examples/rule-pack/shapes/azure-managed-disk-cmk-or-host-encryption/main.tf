# The legacy azurerm_virtual_machine cannot encrypt its disks with a customer-managed key or at host.
# expect: fail
resource "azurerm_virtual_machine" "legacy" {
  name                  = "acme-legacy"
  location              = "westeurope"
  resource_group_name   = "acme-prod"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Network/networkInterfaces/legacy"]
  vm_size               = "Standard_B2s"

  storage_os_disk {
    name              = "legacy-os"
    create_option     = "FromImage"
    managed_disk_type = "Premium_LRS"
  }

  storage_data_disk {
    name              = "legacy-data"
    create_option     = "Empty"
    lun               = 0
    disk_size_gb      = 64
    managed_disk_type = "Premium_LRS"
  }
}

# expect: pass
resource "azurerm_managed_disk" "cmk" {
  name                   = "acme-cmk"
  location               = "westeurope"
  resource_group_name    = "acme-prod"
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_size_gb           = 64
  disk_encryption_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Compute/diskEncryptionSets/acme"
}

# A legacy VM that attaches only a managed disk judged on its own is not judged itself.
# expect: none
resource "azurerm_virtual_machine" "attaches_cmk" {
  name                  = "acme-attaches-cmk"
  location              = "westeurope"
  resource_group_name   = "acme-prod"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Network/networkInterfaces/attaches"]
  vm_size               = "Standard_B2s"

  storage_os_disk {
    name            = azurerm_managed_disk.cmk.name
    create_option   = "Attach"
    managed_disk_id = azurerm_managed_disk.cmk.id
    os_type         = "Linux"
  }
}
