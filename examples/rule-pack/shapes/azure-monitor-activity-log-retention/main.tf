resource "azurerm_storage_account" "logs" {
  name                            = "acmelogs"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

# The legacy log profile keeps its own retention.
# expect: fail
resource "azurerm_monitor_log_profile" "short" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 30
  }
}

# Retention 0 keeps the Activity Log forever.
# expect: pass
resource "azurerm_monitor_log_profile" "forever" {
  name               = "forever"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = false
    days    = 0
  }
}

# expect: pass
resource "azurerm_monitor_log_profile" "year" {
  name               = "year"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 365
  }
}
