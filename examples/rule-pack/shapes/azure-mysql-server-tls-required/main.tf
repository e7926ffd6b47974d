# MariaDB servers are retired but still found in code.
# expect: fail
resource "azurerm_mariadb_server" "plain" {
  name                         = "acme-mariadb-plain"
  location                     = "westeurope"
  resource_group_name          = "acme-prod"
  sku_name                     = "GP_Gen5_2"
  version                      = "10.3"
  ssl_enforcement_enabled      = false
  geo_redundant_backup_enabled = true
}

# expect: pass
resource "azurerm_mariadb_server" "enforced" {
  name                             = "acme-mariadb-enforced"
  location                         = "westeurope"
  resource_group_name              = "acme-prod"
  sku_name                         = "GP_Gen5_2"
  version                          = "10.3"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

# expect: fail
resource "azurerm_mysql_server" "old_tls" {
  name                             = "acme-mysql-old-tls"
  location                         = "westeurope"
  resource_group_name              = "acme-prod"
  sku_name                         = "GP_Gen5_2"
  version                          = "8.0"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_0"
}
