# Acme's Azure production platform with planted SOC 2 gaps. Each "# expect: <rule-id>" comment names a rule that
# must fail for the resource block below it; the tests scan this directory and check that exactly these fail.
# Written for azurerm v4.

provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
}

variable "azure_location" {
  type    = string
  default = "westeurope"
}

variable "azure_database_admin_password" {
  type      = string
  sensitive = true
  default   = "change-me-now-5678"
}

variable "azure_tenant_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}

data "azurerm_subscription" "current" {}

resource "azurerm_resource_group" "prod" {
  name     = "acme-prod"
  location = var.azure_location
}

# Logging: the Activity Log export misses categories and lands in a workspace that keeps 30 days.

resource "azurerm_log_analytics_workspace" "ops" {
  name                = "acme-ops"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  sku                 = "PerGB2018"
}

# expect: azure-monitor-activity-log-exported
# expect: azure-monitor-activity-log-retention
resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.ops.id

  enabled_log {
    category = "Administrative"
  }
}

# expect: azure-defender-plan-enabled
resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = "Free"
  resource_type = "StorageAccounts"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}

# expect: azure-monitor-activity-log-alerts
resource "azurerm_monitor_activity_log_alert" "nsg_changes" {
  name                = "nsg-changes"
  resource_group_name = azurerm_resource_group.prod.name
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Network/networkSecurityGroups/write"
  }
}

# Keys: a vault that can be purged, with no audit log, and a key that never expires.

# expect: azure-key-vault-purge-protection
# expect: azure-key-vault-audit-logging
resource "azurerm_key_vault" "main" {
  name                      = "acme-prod-keys"
  resource_group_name       = azurerm_resource_group.prod.name
  location                  = azurerm_resource_group.prod.location
  tenant_id                 = var.azure_tenant_id
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

# expect: azure-key-vault-key-rotation
resource "azurerm_key_vault_key" "tokens" {
  name         = "session-tokens"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["sign", "verify"]
}

# Storage: customer uploads over HTTP and TLS 1.0, with a public container and no soft delete.

# expect: azure-storage-account-https-only
# expect: azure-storage-account-min-tls-1-2
# expect: azure-storage-account-no-public-blob-access
# expect: azure-storage-account-blob-soft-delete
# expect: azure-storage-account-customer-managed-key
resource "azurerm_storage_account" "uploads" {
  name                            = "acmeproduploads"
  resource_group_name             = azurerm_resource_group.prod.name
  location                        = azurerm_resource_group.prod.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  https_traffic_only_enabled      = false
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true
}

# expect: azure-storage-account-no-public-blob-access
resource "azurerm_storage_container" "uploads" {
  name                  = "customer-uploads"
  storage_account_id    = azurerm_storage_account.uploads.id
  container_access_type = "blob"
}

# Databases: SQL on TLS 1.0 with 30 days of audit, an unencrypted warehouse with local backups, and
# PostgreSQL and MySQL servers that accept plaintext or old TLS and back up to one region.

# expect: azure-mssql-server-min-tls-1-2
# expect: azure-mssql-server-auditing
resource "azurerm_mssql_server" "billing" {
  name                = "acme-prod-billing"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  version             = "12.0"
  minimum_tls_version = "1.0"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "11111111-1111-1111-1111-111111111111"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "billing" {
  server_id              = azurerm_mssql_server.billing.id
  log_monitoring_enabled = true
  retention_in_days      = 30
}

# expect: azure-mssql-database-transparent-data-encryption
# expect: azure-mssql-database-geo-redundant-backup
resource "azurerm_mssql_database" "warehouse" {
  name                                = "warehouse"
  server_id                           = azurerm_mssql_server.billing.id
  sku_name                            = "DW100c"
  storage_account_type                = "Local"
  transparent_data_encryption_enabled = false
}

# expect: azure-postgresql-server-tls-required
# expect: azure-postgresql-mysql-geo-redundant-backup
resource "azurerm_postgresql_flexible_server" "product" {
  name                   = "acme-prod-product"
  resource_group_name    = azurerm_resource_group.prod.name
  location               = azurerm_resource_group.prod.location
  version                = "16"
  sku_name               = "GP_Standard_D4ds_v5"
  storage_mb             = 131072
  administrator_login    = "acmeadmin"
  administrator_password = var.azure_database_admin_password
}

resource "azurerm_postgresql_flexible_server_configuration" "transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.product.id
  value     = "off"
}

# expect: azure-mysql-server-tls-required
# expect: azure-postgresql-mysql-geo-redundant-backup
resource "azurerm_mysql_flexible_server" "legacy_crm" {
  name                   = "acme-prod-crm"
  resource_group_name    = azurerm_resource_group.prod.name
  location               = azurerm_resource_group.prod.location
  sku_name               = "GP_Standard_D2ds_v4"
  version                = "8.0.21"
  administrator_login    = "acmeadmin"
  administrator_password = var.azure_database_admin_password
  backup_retention_days  = 3
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.prod.name
  server_name         = azurerm_mysql_flexible_server.legacy_crm.name
  value               = "TLSv1,TLSv1.1,TLSv1.2"
}

# expect: azure-redis-cache-tls-only
resource "azurerm_redis_cache" "sessions" {
  name                 = "acme-prod-sessions"
  resource_group_name  = azurerm_resource_group.prod.name
  location             = azurerm_resource_group.prod.location
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = true
  minimum_tls_version  = "1.2"
}

# The admin portal on App Service: plain HTTP, TLS 1.0 and plain FTP deployments.

resource "azurerm_service_plan" "portal" {
  name                = "acme-prod-portal"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  os_type             = "Windows"
  sku_name            = "S1"
}

# expect: azure-app-service-https-only
# expect: azure-app-service-min-tls-1-2
# expect: azure-app-service-no-plain-ftp
resource "azurerm_windows_web_app" "portal" {
  name                = "acme-prod-portal"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  service_plan_id     = azurerm_service_plan.portal.id

  site_config {
    minimum_tls_version = "1.0"
    ftps_state          = "AllAllowed"
  }
}

# Network: SSH open to the Internet and no flow logs.

# expect: azure-virtual-network-flow-logs
resource "azurerm_virtual_network" "prod" {
  name                = "acme-prod"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  address_space       = ["10.10.0.0/16"]
}

resource "azurerm_subnet" "workers" {
  name                 = "workers"
  resource_group_name  = azurerm_resource_group.prod.name
  virtual_network_name = azurerm_virtual_network.prod.name
  address_prefixes     = ["10.10.1.0/24"]
}

resource "azurerm_network_security_group" "workers" {
  name                = "acme-prod-workers"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
}

# expect: azure-network-security-group-no-internet-ssh-rdp
resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  resource_group_name         = azurerm_resource_group.prod.name
  network_security_group_name = azurerm_network_security_group.workers.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
}

resource "azurerm_subnet_network_security_group_association" "workers" {
  subnet_id                 = azurerm_subnet.workers.id
  network_security_group_id = azurerm_network_security_group.workers.id
}

# A worker VM with platform-managed keys only and no backup, next to a vault that is neither protected nor
# geo-redundant.

resource "azurerm_network_interface" "worker" {
  name                = "acme-prod-worker"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.workers.id
    private_ip_address_allocation = "Dynamic"
  }
}

# expect: azure-managed-disk-cmk-or-host-encryption
# expect: azure-virtual-machine-backup
resource "azurerm_linux_virtual_machine" "worker" {
  name                            = "acme-prod-worker"
  resource_group_name             = azurerm_resource_group.prod.name
  location                        = azurerm_resource_group.prod.location
  size                            = "Standard_D4s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.worker.id]

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

# expect: azure-backup-vault-deletion-protection
# expect: azure-backup-vault-geo-redundant-storage
resource "azurerm_recovery_services_vault" "backups" {
  name                = "acme-prod-backups"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  sku                 = "Standard"
  storage_mode_type   = "LocallyRedundant"
  soft_delete_enabled = false
}

# Access: an operations role that can do anything in the subscription.

# expect: azure-custom-role-no-wildcard-actions
resource "azurerm_role_definition" "ops" {
  name  = "acme-ops-admin"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions = ["*"]
  }

  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
