# expect: pass
resource "azurerm_linux_function_app" "defaults" {
  name                = "acme-defaults"
  location            = "westeurope"
  resource_group_name = "acme-prod"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  site_config {}
}

# expect: fail
resource "azurerm_linux_function_app_slot" "old_tls" {
  name            = "old-tls"
  function_app_id = azurerm_linux_function_app.defaults.id
  site_config {
    minimum_tls_version = "1.0"
  }
}

# expect: fail
resource "azurerm_windows_function_app" "old_tls" {
  name                = "acme-old-tls"
  location            = "westeurope"
  resource_group_name = "acme-prod"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  site_config {
    minimum_tls_version = "1.1"
  }
}

# expect: fail
resource "azurerm_function_app" "legacy_old_tls" {
  name                       = "acme-legacy-old-tls"
  location                   = "westeurope"
  resource_group_name        = "acme-prod"
  app_service_plan_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "acmefunctions"
  storage_account_access_key = "not-a-real-key"
  site_config {
    min_tls_version = "1.0"
  }
}

# expect: pass
resource "azurerm_function_app_slot" "legacy_slot" {
  name                       = "staging"
  location                   = "westeurope"
  resource_group_name        = "acme-prod"
  app_service_plan_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  function_app_name          = "acme-legacy-old-tls"
  storage_account_name       = "acmefunctions"
  storage_account_access_key = "not-a-real-key"
  site_config {
    min_tls_version = "1.2"
  }
}
