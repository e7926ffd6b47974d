import rule from '../../src/azure/app-service/azure-app-service-no-plain-ftp.js';
import { testRule } from '../rule-tester.js';

const planId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan';
const app = (siteConfig: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_windows_web_app.portal', values: { name: 'acme-portal', service_plan_id: planId, https_only: true, site_config: [siteConfig] }, unknown });
const hcl = (siteConfig: string) => `resource "azurerm_windows_web_app" "portal" {
  name                = "acme-portal"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "${planId}"
  https_only          = true

  site_config {
${siteConfig}  }
}
`;
const legacy = (siteConfig: string) => `resource "azurerm_app_service" "legacy" {
  name                = "acme-legacy"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  app_service_plan_id = "${planId}"
  https_only          = true

  site_config {
${siteConfig}  }
}
`;

testRule(rule, {
  pass: [
    { name: 'FTP disabled', hcl: hcl('    ftps_state = "Disabled"\n'), resources: [app({ ftps_state: 'Disabled' })], messageId: 'secured', path: 'site_config.0.ftps_state' },
    { name: 'FTPS only', hcl: hcl('    ftps_state = "FtpsOnly"\n'), resources: [app({ ftps_state: 'FtpsOnly' })], messageId: 'secured', path: 'site_config.0.ftps_state' },
    { name: 'left out on an azurerm v3/v4 web app: defaults to Disabled', hcl: hcl(''), resources: [app({})], messageId: 'byDefault' },
    { name: 'legacy azurerm_app_service with FtpsOnly', hcl: legacy('    ftps_state = "FtpsOnly"\n'), resources: [{ address: 'azurerm_app_service.legacy', values: { name: 'acme-legacy', site_config: [{ ftps_state: 'FtpsOnly' }] } }], messageId: 'secured' },
  ],
  fail: [
    { name: 'AllAllowed', hcl: hcl('    ftps_state = "AllAllowed"\n'), resources: [app({ ftps_state: 'AllAllowed' })], messageId: 'plainFtp', path: 'site_config.0.ftps_state' },
    { name: 'left out on the legacy azurerm_app_service: Azure allows plain FTP', hcl: legacy('    always_on = true\n'), resources: [{ address: 'azurerm_app_service.legacy', values: { name: 'acme-legacy', site_config: [{ always_on: true }] }, computed: ['site_config.0.ftps_state'] }], messageId: 'plainFtpByDefault', path: 'site_config.0' },
  ],
  unknown: [
    {
      name: 'from a variable without a value',
      hcl: `variable "ftps_state" {
  type = string
}

${hcl('    ftps_state = var.ftps_state\n')}`,
      resources: [app({}, ['site_config.0.ftps_state'])],
      messageId: 'unknown',
      path: 'site_config.0.ftps_state',
    },
  ],
});
