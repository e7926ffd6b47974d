import { defineRule } from '@trustscan/core';
import { appServiceTypes } from '../../analysis/azure-app-service.js';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-app-service-https-only',
    title: 'App Service and Function apps redirect HTTP to HTTPS',
    description:
      'An app that answers plain HTTP lets credentials, session cookies and customer data cross the network readable. With HTTPS only, App Service redirects every HTTP request to HTTPS, which auditors check under the criterion for protecting data in transmission.',
    remediation: [
      'Accept HTTPS only:',
      '',
      '```hcl',
      'resource "azurerm_linux_web_app" "api" {',
      '  # ...',
      '  https_only = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1', 'CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'App Service apps should only be accessible over HTTPS' and 'Function apps should only be accessible over HTTPS' to CC6.1, CC6.6 and CC6.7.",
    },
    resourceTypes: appServiceTypes,
    live: { azure: { armType: 'Microsoft.Web/sites; Microsoft.Web/sites/slots', fields: ['properties.httpsOnly'] } },
    defaults: ['`https_only` defaults to false in every App Service resource, so an app that leaves it out fails.'],
    equivalents: {
      checkov: ['CKV_AZURE_14', 'CKV_AZURE_70', 'CKV_AZURE_153'],
      kics: ['Web App Accepting Traffic Other Than HTTPS'],
      trivy: ['AVD-AZU-0072', 'AVD-AZU-0004'],
      prowler: ['app_ensure_http_is_redirected_to_https', 'app_function_ensure_http_is_redirected_to_https'],
      catalog: ['S2-AZR-APP-001'],
    },
    messages: {
      httpsOnly: 'App {{address}} accepts HTTPS only.',
      allowsHttp: 'App {{address}} serves plain HTTP. Set https_only to true.',
      allowsHttpByDefault: 'App {{address}} serves plain HTTP: https_only defaults to false. Set it to true.',
      unknown: 'Whether app {{address}} accepts HTTPS only is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan"
  https_only          = true

  site_config {}
}
`,
      bad: `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan"

  site_config {}
}
`,
    },
  },
  evaluate(app) {
    const address = app.address;
    const path = ['https_only'];
    const httpsOnly = readBoolean(attribute(app, path));
    if (httpsOnly.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: httpsOnly.reason }, path };
    if (httpsOnly.kind === 'absent') return { status: 'fail', messageId: 'allowsHttpByDefault', data: { address } };
    if (httpsOnly.value) return { status: 'pass', messageId: 'httpsOnly', data: { address }, path };
    return { status: 'fail', messageId: 'allowsHttp', data: { address }, path };
  },
});
