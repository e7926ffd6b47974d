# expect: fail
resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Free"
  resource_type = "VirtualMachines"
}

# The default resource_type is VirtualMachines.
# expect: pass
resource "azurerm_security_center_subscription_pricing" "servers_default" {
  tier = "Standard"
}

# expect: pass
resource "azurerm_security_center_subscription_pricing" "sql" {
  tier          = "Standard"
  resource_type = "SqlServers"
}

# expect: fail
resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = "Free"
  resource_type = "StorageAccounts"
  subplan       = "DefenderForStorageV2"
}

# Plans that protect no data store are not judged.
# expect: none
resource "azurerm_security_center_subscription_pricing" "dns" {
  tier          = "Free"
  resource_type = "Dns"
}
