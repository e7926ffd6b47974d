import { defineRule, type AttributePath } from '@trustscan/core';
import { appServiceTypes, isLegacyAppService } from '../../analysis/azure-app-service.js';
import { formatTlsVersion, tlsVersion } from '../../analysis/azure-tls.js';
import { attribute, readBlocks, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-app-service-min-tls-1-2',
    title: 'App Service and Function apps refuse TLS versions older than 1.2',
    description:
      'TLS 1.0 and 1.1 have known weaknesses. Requiring TLS 1.2 for the app and for its deployment (SCM/Kudu) endpoint keeps clients and deployment tools from negotiating a weak protocol, which auditors check under the criterion for protecting data in transmission. The catalog\'s App Service TLS and FTP check is split in two because the settings, policies and fixes differ.',
    remediation: [
      'Require TLS 1.2 on the site and on its SCM endpoint:',
      '',
      '```hcl',
      'resource "azurerm_linux_web_app" "api" {',
      '  # ...',
      '  site_config {',
      '    minimum_tls_version     = "1.2"',
      '    scm_minimum_tls_version = "1.2"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'App Service apps should use the latest TLS version' and 'Function apps should use the latest TLS version' to CC6.1, CC6.6 and CC6.7; Prowler maps app_minimum_tls_version_12 to CC6.6 and CC6.7.",
    },
    resourceTypes: appServiceTypes,
    live: { azure: { armType: 'Microsoft.Web/sites/config (web)', fields: ['properties.minTlsVersion', 'properties.scmMinTlsVersion'] } },
    defaults: [
      '`site_config.minimum_tls_version` and `site_config.scm_minimum_tls_version` default to `1.2` (legacy `azurerm_app_service` and `azurerm_function_app`: `site_config.min_tls_version`, default `1.2`).',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_15', 'CKV_AZURE_145'],
      kics: ['App Service Not Using Latest TLS Encryption Version'],
      trivy: ['AVD-AZU-0006'],
      prowler: ['app_minimum_tls_version_12'],
      catalog: ['S2-AZR-APP-002'],
    },
    messages: {
      modern: 'App {{address}} requires TLS 1.2 or newer.',
      outdated: 'App {{address}} accepts TLS {{version}} on {{setting}}. Set it to "1.2".',
      unrecognized: 'App {{address}} sets {{setting}} to "{{value}}", which is not a TLS version. Set it to "1.2".',
      unknown: 'Whether app {{address}} requires TLS 1.2 is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan"
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
  }
}
`,
      bad: `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan"
  https_only          = true

  site_config {
    minimum_tls_version = "1.0"
  }
}
`,
    },
  },
  evaluate(app) {
    const address = app.address;
    const config = readBlocks(attribute(app, ['site_config']));
    if (config.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: config.reason }, path: ['site_config'] };
    const settings = isLegacyAppService(app.type) ? ['min_tls_version'] : ['minimum_tls_version', 'scm_minimum_tls_version'];
    for (const setting of settings) {
      const path: AttributePath = ['site_config', 0, setting];
      const value = readString(attribute(app, path));
      if (value.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: value.reason }, path };
      if (value.kind === 'absent') continue;
      const version = tlsVersion(value.value);
      if (version === undefined) return { status: 'fail', messageId: 'unrecognized', data: { address, setting, value: value.value }, path };
      if (version < 1.2) return { status: 'fail', messageId: 'outdated', data: { address, setting, version: formatTlsVersion(version) }, path };
    }
    return { status: 'pass', messageId: 'modern', data: { address }, path: ['site_config', 0, settings[0] ?? 'minimum_tls_version'] };
  },
});
