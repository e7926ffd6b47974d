import rule from '../../src/azure/app-service/azure-app-service-min-tls-1-2.js';
import { testRule } from '../rule-tester.js';

const planId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan';
const app = (siteConfig: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_linux_web_app.api', values: { name: 'acme-api', service_plan_id: planId, https_only: true, site_config: [siteConfig] }, unknown });
const hcl = (siteConfig: string) => `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "${planId}"
  https_only          = true

  site_config {
${siteConfig}  }
}
`;

testRule(rule, {
  pass: [
    { name: 'TLS 1.2 on the site and on SCM', hcl: hcl('    minimum_tls_version     = "1.2"\n    scm_minimum_tls_version = "1.2"\n'), resources: [app({ minimum_tls_version: '1.2', scm_minimum_tls_version: '1.2' })], messageId: 'modern', path: 'site_config.0.minimum_tls_version' },
    { name: 'left out: defaults to 1.2', hcl: hcl(''), resources: [app({})], messageId: 'modern' },
    { name: 'TLS 1.3', resources: [app({ minimum_tls_version: '1.3' })], messageId: 'modern' },
    { name: 'legacy azurerm_function_app with min_tls_version 1.2', resources: [{ address: 'azurerm_function_app.jobs', values: { name: 'acme-jobs', site_config: [{ min_tls_version: '1.2' }] } }], messageId: 'modern', path: 'site_config.0.min_tls_version' },
  ],
  fail: [
    { name: 'TLS 1.0 on the site', hcl: hcl('    minimum_tls_version = "1.0"\n'), resources: [app({ minimum_tls_version: '1.0' })], messageId: 'outdated', path: 'site_config.0.minimum_tls_version' },
    { name: 'TLS 1.1 on the SCM endpoint', hcl: hcl('    scm_minimum_tls_version = "1.1"\n'), resources: [app({ minimum_tls_version: '1.2', scm_minimum_tls_version: '1.1' })], messageId: 'outdated', path: 'site_config.0.scm_minimum_tls_version', message: 'scm_minimum_tls_version' },
    { name: 'legacy azurerm_app_service with min_tls_version 1.0', resources: [{ address: 'azurerm_app_service.legacy', values: { name: 'acme-legacy', site_config: [{ min_tls_version: '1.0' }] } }], messageId: 'outdated', path: 'site_config.0.min_tls_version' },
  ],
  unknown: [
    {
      name: 'from a variable without a value',
      hcl: `variable "tls" {
  type = string
}

${hcl('    minimum_tls_version = var.tls\n')}`,
      resources: [app({}, ['site_config.0.minimum_tls_version'])],
      messageId: 'unknown',
      path: 'site_config.0.minimum_tls_version',
    },
  ],
});
