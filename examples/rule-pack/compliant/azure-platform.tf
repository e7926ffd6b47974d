# Acme's Azure production platform with its SOC 2 controls in place: the tests check that no rule fails here.
# Written for azurerm v4 (v3 names such as enable_https_traffic_only are accepted by the rules too).

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

resource "azurerm_resource_group" "security" {
  name     = "acme-security"
  location = var.azure_location
}

# Central security logging: a year of Activity Log, Key Vault and SQL audit records.

resource "azurerm_log_analytics_workspace" "security" {
  name                = "acme-security"
  resource_group_name = azurerm_resource_group.security.name
  location            = azurerm_resource_group.security.location
  sku                 = "PerGB2018"
  retention_in_days   = 365
}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log-to-security"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log {
    category = "Administrative"
  }
  enabled_log {
    category = "Security"
  }
  enabled_log {
    category = "Policy"
  }
  enabled_log {
    category = "Alert"
  }
}

resource "azurerm_security_center_subscription_pricing" "defender" {
  for_each      = toset(["VirtualMachines", "SqlServers", "StorageAccounts", "KeyVaults", "Arm", "AppServices", "OpenSourceRelationalDatabases"])
  tier          = "Standard"
  resource_type = each.value
}

resource "azurerm_monitor_action_group" "security" {
  name                = "security-oncall"
  resource_group_name = azurerm_resource_group.security.name
  short_name          = "seconcall"

  email_receiver {
    name          = "security"
    email_address = "security@acme.example"
  }
}

resource "azurerm_monitor_activity_log_alert" "admin" {
  for_each = toset([
    "Microsoft.Authorization/policyAssignments/write",
    "Microsoft.Authorization/policyAssignments/delete",
    "Microsoft.Network/networkSecurityGroups/write",
    "Microsoft.Network/networkSecurityGroups/delete",
    "Microsoft.Network/publicIPAddresses/write",
    "Microsoft.Network/publicIPAddresses/delete",
    "Microsoft.Security/securitySolutions/write",
    "Microsoft.Security/securitySolutions/delete",
    "Microsoft.Sql/servers/firewallRules/write",
    "Microsoft.Sql/servers/firewallRules/delete",
  ])
  name                = replace(each.value, "/", "-")
  resource_group_name = azurerm_resource_group.security.name
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]

  criteria {
    category       = "Administrative"
    operation_name = each.value
  }

  action {
    action_group_id = azurerm_monitor_action_group.security.id
  }
}

# Keys: purge-protected vault, audited, with keys that expire and rotate.

resource "azurerm_key_vault" "main" {
  name                       = "acme-prod-keys"
  resource_group_name        = azurerm_resource_group.prod.name
  location                   = azurerm_resource_group.prod.location
  tenant_id                  = var.azure_tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true
}

resource "azurerm_monitor_diagnostic_setting" "key_vault" {
  name                       = "key-vault-audit"
  target_resource_id         = azurerm_key_vault.main.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log {
    category_group = "audit"
  }
}

resource "azurerm_key_vault_key" "storage" {
  name         = "storage"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after         = "P180D"
    notify_before_expiry = "P30D"

    automatic {
      time_before_expiry = "P60D"
    }
  }
}

resource "azurerm_user_assigned_identity" "storage" {
  name                = "acme-storage-cmk"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
}

resource "azurerm_role_assignment" "storage_key_user" {
  scope                = azurerm_key_vault.main.id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = azurerm_user_assigned_identity.storage.principal_id
}

# Storage: customer uploads and audit logs, private, TLS 1.2, CMK, soft delete.

resource "azurerm_storage_account" "uploads" {
  name                            = "acmeproduploads"
  resource_group_name             = azurerm_resource_group.prod.name
  location                        = azurerm_resource_group.prod.location
  account_tier                    = "Standard"
  account_replication_type        = "RAGZRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.storage.id]
  }

  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.storage.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.storage.id
  }

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }
}

resource "azurerm_storage_container" "uploads" {
  name                  = "customer-uploads"
  storage_account_id    = azurerm_storage_account.uploads.id
  container_access_type = "private"
}

resource "azurerm_storage_account" "audit" {
  name                            = "acmeprodaudit"
  resource_group_name             = azurerm_resource_group.security.name
  location                        = azurerm_resource_group.security.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.storage.id]
  }

  blob_properties {
    delete_retention_policy {
      days = 14
    }

    container_delete_retention_policy {
      days = 14
    }
  }
}

resource "azurerm_storage_account_customer_managed_key" "audit" {
  storage_account_id        = azurerm_storage_account.audit.id
  key_vault_id              = azurerm_key_vault.main.id
  key_name                  = azurerm_key_vault_key.storage.name
  user_assigned_identity_id = azurerm_user_assigned_identity.storage.id
}

# Databases: Azure SQL for billing, PostgreSQL for the product, MySQL for the CRM.

resource "azurerm_mssql_server" "billing" {
  name                = "acme-prod-billing"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "11111111-1111-1111-1111-111111111111"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "billing" {
  server_id              = azurerm_mssql_server.billing.id
  storage_endpoint       = azurerm_storage_account.audit.primary_blob_endpoint
  retention_in_days      = 365
  log_monitoring_enabled = true
}

resource "azurerm_mssql_database" "billing" {
  name                 = "billing"
  server_id            = azurerm_mssql_server.billing.id
  sku_name             = "S2"
  storage_account_type = "GeoZone"

  short_term_retention_policy {
    retention_days = 14
  }

  long_term_retention_policy {
    weekly_retention  = "P12W"
    monthly_retention = "P12M"
  }
}

resource "azurerm_postgresql_flexible_server" "product" {
  name                          = "acme-prod-product"
  resource_group_name           = azurerm_resource_group.prod.name
  location                      = azurerm_resource_group.prod.location
  version                       = "16"
  sku_name                      = "GP_Standard_D4ds_v5"
  storage_mb                    = 131072
  geo_redundant_backup_enabled  = true
  backup_retention_days         = 35
  public_network_access_enabled = false

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = var.azure_tenant_id
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.product.id
  value     = "TLSv1.2"
}

resource "azurerm_mysql_flexible_server" "crm" {
  name                         = "acme-prod-crm"
  resource_group_name          = azurerm_resource_group.prod.name
  location                     = azurerm_resource_group.prod.location
  sku_name                     = "GP_Standard_D2ds_v4"
  version                      = "8.0.21"
  geo_redundant_backup_enabled = true
  backup_retention_days        = 14
  administrator_login          = "acmeadmin"
  administrator_password       = var.azure_database_admin_password
}

resource "azurerm_mysql_flexible_server_configuration" "crm_tls" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.prod.name
  server_name         = azurerm_mysql_flexible_server.crm.name
  value               = "TLSv1.2,TLSv1.3"
}

resource "azurerm_redis_cache" "sessions" {
  name                 = "acme-prod-sessions"
  resource_group_name  = azurerm_resource_group.prod.name
  location             = azurerm_resource_group.prod.location
  capacity             = 1
  family               = "P"
  sku_name             = "Premium"
  non_ssl_port_enabled = false
  minimum_tls_version  = "1.2"
}

# The product API on App Service.

resource "azurerm_service_plan" "api" {
  name                = "acme-prod-api"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "api" {
  name                = "acme-prod-api"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  service_plan_id     = azurerm_service_plan.api.id
  https_only          = true

  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.2"
    ftps_state              = "Disabled"
  }
}

# Network: private subnets, no management ports on the Internet, VNet flow logs.

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

resource "azurerm_network_security_rule" "ssh_from_bastion" {
  name                        = "ssh-from-bastion"
  resource_group_name         = azurerm_resource_group.prod.name
  network_security_group_name = azurerm_network_security_group.workers.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "10.10.250.0/26"
  destination_address_prefix  = "*"
}

resource "azurerm_subnet_network_security_group_association" "workers" {
  subnet_id                 = azurerm_subnet.workers.id
  network_security_group_id = azurerm_network_security_group.workers.id
}

resource "azurerm_network_watcher_flow_log" "prod" {
  name                 = "acme-prod-vnet"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.prod.id
  storage_account_id   = azurerm_storage_account.audit.id
  enabled              = true

  retention_policy {
    enabled = true
    days    = 365
  }
}

# A worker VM: encrypted at host, with a data disk, backed up daily to a protected, geo-redundant vault.

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

resource "azurerm_linux_virtual_machine" "worker" {
  name                            = "acme-prod-worker"
  resource_group_name             = azurerm_resource_group.prod.name
  location                        = azurerm_resource_group.prod.location
  size                            = "Standard_D4s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.worker.id]
  encryption_at_host_enabled      = true

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

resource "azurerm_managed_disk" "worker_data" {
  name                 = "acme-prod-worker-data"
  resource_group_name  = azurerm_resource_group.prod.name
  location             = azurerm_resource_group.prod.location
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 512
}

resource "azurerm_virtual_machine_data_disk_attachment" "worker_data" {
  managed_disk_id    = azurerm_managed_disk.worker_data.id
  virtual_machine_id = azurerm_linux_virtual_machine.worker.id
  lun                = 0
  caching            = "ReadOnly"
}

resource "azurerm_recovery_services_vault" "backups" {
  name                         = "acme-prod-backups"
  resource_group_name          = azurerm_resource_group.prod.name
  location                     = azurerm_resource_group.prod.location
  sku                          = "Standard"
  storage_mode_type            = "GeoRedundant"
  cross_region_restore_enabled = true
  soft_delete_enabled          = true
  immutability                 = "Unlocked"
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "daily-30"
  resource_group_name = azurerm_resource_group.prod.name
  recovery_vault_name = azurerm_recovery_services_vault.backups.name

  backup {
    frequency = "Daily"
    time      = "02:00"
  }

  retention_daily {
    count = 30
  }

  retention_weekly {
    count    = 12
    weekdays = ["Sunday"]
  }
}

resource "azurerm_backup_protected_vm" "worker" {
  resource_group_name = azurerm_resource_group.prod.name
  recovery_vault_name = azurerm_recovery_services_vault.backups.name
  source_vm_id        = azurerm_linux_virtual_machine.worker.id
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}

# Access: a narrow custom role for deployments, assigned on the production resource group only.

resource "azurerm_role_definition" "deployer" {
  name  = "acme-api-deployer"
  scope = azurerm_resource_group.prod.id

  permissions {
    actions = [
      "Microsoft.Web/sites/read",
      "Microsoft.Web/sites/config/write",
      "Microsoft.Web/sites/restart/action",
    ]
  }

  assignable_scopes = [azurerm_resource_group.prod.id]
}
