resource "azurerm_storage_account" "logs" {
  name                            = "acmelogs"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

# A log profile must export Action, Delete and Write.
# expect: fail
resource "azurerm_monitor_log_profile" "writes_only" {
  name               = "default"
  categories         = ["Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 365
  }
}

# expect: pass
resource "azurerm_monitor_log_profile" "all_categories" {
  name               = "all-categories"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 365
  }
}
