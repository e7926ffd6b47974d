# expect: pass
resource "azurerm_storage_account" "locked" {
  name                            = "acmelocked"
  resource_group_name             = "acme-prod"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

# The account turns public access off, so the container's access type has no effect.
# expect: pass
resource "azurerm_storage_container" "blocked" {
  name                  = "blocked"
  storage_account_name  = azurerm_storage_account.locked.name
  container_access_type = "blob"
}

# expect: fail
resource "azurerm_storage_account" "open" {
  name                     = "acmeopen"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

# expect: fail
resource "azurerm_storage_container" "public_blob" {
  name                  = "public-blob"
  storage_account_name  = azurerm_storage_account.open.name
  container_access_type = "blob"
}

# The newer storage_account_id argument.
# expect: fail
resource "azurerm_storage_container" "public_container" {
  name                  = "public-container"
  storage_account_id    = azurerm_storage_account.open.id
  container_access_type = "container"
}

# expect: pass
resource "azurerm_storage_container" "private" {
  name                  = "private"
  storage_account_id    = azurerm_storage_account.open.id
  container_access_type = "private"
}

# expect: pass
resource "azurerm_storage_container" "default_private" {
  name                 = "default-private"
  storage_account_name = azurerm_storage_account.open.name
}

# A container of an account created elsewhere is judged on its own.
# expect: fail
resource "azurerm_storage_container" "elsewhere_public" {
  name                  = "elsewhere-public"
  storage_account_name  = "acmeelsewhere"
  container_access_type = "blob"
}

# expect: pass
resource "azurerm_storage_container" "elsewhere_private" {
  name                  = "elsewhere-private"
  storage_account_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme/providers/Microsoft.Storage/storageAccounts/acmeelsewhere"
  container_access_type = "private"
}
