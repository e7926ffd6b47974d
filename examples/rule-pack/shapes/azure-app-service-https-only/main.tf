# expect: fail
resource "azurerm_function_app" "legacy" {
  name                       = "acme-legacy"
  location                   = "westeurope"
  resource_group_name        = "acme-prod"
  app_service_plan_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "acmefunctions"
  storage_account_access_key = "not-a-real-key"
}

# expect: pass
resource "azurerm_function_app" "legacy_https" {
  name                       = "acme-legacy-https"
  location                   = "westeurope"
  resource_group_name        = "acme-prod"
  app_service_plan_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "acmefunctions"
  storage_account_access_key = "not-a-real-key"
  https_only                 = true
}

# expect: fail
resource "azurerm_linux_function_app" "linux" {
  name                = "acme-linux"
  location            = "westeurope"
  resource_group_name = "acme-prod"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  site_config {}
}

# expect: pass
resource "azurerm_windows_function_app" "windows" {
  name                = "acme-windows"
  location            = "westeurope"
  resource_group_name = "acme-prod"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  https_only          = true
  site_config {}
}

# expect: fail
resource "azurerm_linux_function_app_slot" "staging" {
  name            = "staging"
  function_app_id = azurerm_linux_function_app.linux.id
  site_config {}
}

# expect: pass
resource "azurerm_windows_function_app_slot" "staging" {
  name            = "staging"
  function_app_id = azurerm_windows_function_app.windows.id
  https_only      = true
  site_config {}
}

# expect: fail
resource "azurerm_function_app_slot" "legacy_staging" {
  name                       = "staging"
  location                   = "westeurope"
  resource_group_name        = "acme-prod"
  app_service_plan_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/plan"
  function_app_name          = "acme-legacy"
  storage_account_name       = "acmefunctions"
  storage_account_access_key = "not-a-real-key"
}
