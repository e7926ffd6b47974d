# expect: pass
resource "azurerm_mssql_server" "audited" {
  name                = "acme-audited"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}

resource "azurerm_mssql_server_extended_auditing_policy" "audited" {
  server_id              = azurerm_mssql_server.audited.id
  log_monitoring_enabled = true
  retention_in_days      = 90
}

# expect: fail
resource "azurerm_mssql_server" "short" {
  name                = "acme-short"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}

resource "azurerm_mssql_server_extended_auditing_policy" "short" {
  server_id         = azurerm_mssql_server.short.id
  retention_in_days = 30
}

# expect: fail
resource "azurerm_mssql_server" "unaudited" {
  name                = "acme-unaudited"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}

resource "azurerm_mssql_database" "orders" {
  name      = "orders"
  server_id = azurerm_mssql_server.audited.id
}

# A database's own auditing policy is judged too.
# expect: fail
resource "azurerm_mssql_database_extended_auditing_policy" "orders_short" {
  database_id       = azurerm_mssql_database.orders.id
  retention_in_days = 10
}

resource "azurerm_mssql_database" "ledger" {
  name      = "ledger"
  server_id = azurerm_mssql_server.audited.id
}

# expect: pass
resource "azurerm_mssql_database_extended_auditing_policy" "ledger_forever" {
  database_id       = azurerm_mssql_database.ledger.id
  retention_in_days = 0
}

# Turning a database's own auditing off changes nothing: the server's auditing applies.
# expect: none
resource "azurerm_mssql_database_extended_auditing_policy" "ledger_off" {
  database_id = azurerm_mssql_database.ledger.id
  enabled     = false
}
