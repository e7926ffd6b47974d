/** App Service web apps and function apps of azurerm v3 and v4, with their deployment slots. */
export const currentAppServiceTypes = [
  'azurerm_linux_function_app',
  'azurerm_linux_function_app_slot',
  'azurerm_linux_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_function_app',
  'azurerm_windows_function_app_slot',
  'azurerm_windows_web_app',
  'azurerm_windows_web_app_slot',
] as const;

/** The azurerm v2/v3 App Service resources, deprecated since azurerm 3.0, whose defaults differ. */
export const legacyAppServiceTypes = ['azurerm_app_service', 'azurerm_app_service_slot', 'azurerm_function_app', 'azurerm_function_app_slot'] as const;

export const appServiceTypes: readonly string[] = [...currentAppServiceTypes, ...legacyAppServiceTypes];

/** Whether a resource type is one of the legacy App Service resources. */
export function isLegacyAppService(type: string): boolean {
  return (legacyAppServiceTypes as readonly string[]).includes(type);
}
