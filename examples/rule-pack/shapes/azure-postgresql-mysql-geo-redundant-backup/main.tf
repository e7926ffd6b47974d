# expect: fail
resource "azurerm_mariadb_server" "local" {
  name                    = "acme-mariadb-local"
  location                = "westeurope"
  resource_group_name     = "acme-prod"
  sku_name                = "GP_Gen5_2"
  version                 = "10.3"
  ssl_enforcement_enabled = true
}

# expect: pass
resource "azurerm_mariadb_server" "geo" {
  name                         = "acme-mariadb-geo"
  location                     = "westeurope"
  resource_group_name          = "acme-prod"
  sku_name                     = "GP_Gen5_2"
  version                      = "10.3"
  ssl_enforcement_enabled      = true
  geo_redundant_backup_enabled = true
  backup_retention_days        = 14
}

# expect: fail
resource "azurerm_postgresql_flexible_server" "short" {
  name                         = "acme-pg-short"
  resource_group_name          = "acme-prod"
  location                     = "westeurope"
  version                      = "16"
  sku_name                     = "GP_Standard_D2s_v3"
  geo_redundant_backup_enabled = true
  backup_retention_days        = 3
}
