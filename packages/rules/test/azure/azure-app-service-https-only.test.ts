import rule from '../../src/azure/app-service/azure-app-service-https-only.js';
import { testRule } from '../rule-tester.js';

const planId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan';
const base = { name: 'acme-api', resource_group_name: 'acme-prod', location: 'westeurope', service_plan_id: planId, site_config: [{}] };
const app = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_linux_web_app.api', values: { ...base, ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "${planId}"
${extra}
  site_config {}
}
`;

testRule(rule, {
  pass: [
    { name: 'Linux web app with https_only', hcl: hcl('  https_only          = true\n'), resources: [app({ https_only: true })], messageId: 'httpsOnly', path: 'https_only' },
    {
      name: 'Windows function app with https_only',
      resources: [{ address: 'azurerm_windows_function_app.jobs', values: { name: 'acme-jobs', https_only: true, site_config: [{}] } }],
      messageId: 'httpsOnly',
    },
    {
      name: 'legacy azurerm_app_service with https_only',
      hcl: `resource "azurerm_app_service" "legacy" {
  name                = "acme-legacy"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  app_service_plan_id = "${planId}"
  https_only          = true
}
`,
      resources: [{ address: 'azurerm_app_service.legacy', values: { name: 'acme-legacy', https_only: true } }],
      messageId: 'httpsOnly',
      path: 'https_only',
    },
  ],
  fail: [
    { name: 'left out: defaults to false', hcl: hcl(), resources: [app()], messageId: 'allowsHttpByDefault', path: '' },
    { name: 'https_only = false on a deployment slot', resources: [{ address: 'azurerm_linux_web_app_slot.staging', values: { name: 'staging', https_only: false, site_config: [{}] } }], messageId: 'allowsHttp', path: 'https_only' },
    { name: 'https_only = false', hcl: hcl('  https_only          = false\n'), resources: [app({ https_only: false })], messageId: 'allowsHttp', path: 'https_only' },
  ],
  unknown: [
    {
      name: 'from a variable without a value',
      hcl: `variable "https_only" {
  type = bool
}

${hcl('  https_only          = var.https_only\n')}`,
      resources: [app({}, ['https_only'])],
      messageId: 'unknown',
      path: 'https_only',
    },
  ],
});
