import { defineRule } from '@trustscan/core';
import { appServiceTypes, isLegacyAppService } from '../../analysis/azure-app-service.js';
import { attribute, readBlocks, readString } from '../../analysis/values.js';

const accepted = ['FtpsOnly', 'Disabled'];

export default defineRule({
  meta: {
    id: 'azure-app-service-no-plain-ftp',
    title: 'App Service and Function apps refuse plain FTP deployments',
    description:
      'Plain FTP sends deployment credentials and application files unencrypted. Allowing only FTPS, or turning FTP off, keeps deployment traffic encrypted, which auditors check under the criterion for protecting data in transmission. The catalog\'s App Service TLS and FTP check is split in two because the settings, policies and fixes differ.',
    remediation: [
      'Turn FTP off (or allow FTPS only):',
      '',
      '```hcl',
      'resource "azurerm_linux_web_app" "api" {',
      '  # ...',
      '  site_config {',
      '    ftps_state = "Disabled"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'App Service apps should require FTPS only' and 'Function apps should require FTPS only' to CC6.1, CC6.6 and CC6.7; Prowler's app_ftp_deployment_disabled covers the same setting.",
    },
    resourceTypes: appServiceTypes,
    live: { azure: { armType: 'Microsoft.Web/sites/config (web)', fields: ['properties.ftpsState'] } },
    defaults: [
      '`site_config.ftps_state` defaults to `Disabled` in the azurerm v3 and v4 web app and function app resources; the legacy `azurerm_app_service` and `azurerm_function_app` leave it to Azure, which allows plain FTP (`AllAllowed`), so they fail when it is left out.',
    ],
    equivalents: { checkov: ['CKV_AZURE_78'], trivy: ['AVD-AZU-0071'], prowler: ['app_ftp_deployment_disabled'], catalog: ['S2-AZR-APP-002'] },
    messages: {
      secured: 'App {{address}} refuses plain FTP (ftps_state is {{state}}).',
      byDefault: 'App {{address}} refuses plain FTP: ftps_state defaults to Disabled.',
      plainFtp: 'App {{address}} accepts plain FTP (ftps_state is {{state}}). Set ftps_state to "Disabled" or "FtpsOnly".',
      plainFtpByDefault: 'App {{address}} accepts plain FTP: Azure allows it when ftps_state is left out. Set ftps_state to "Disabled" or "FtpsOnly".',
      unknown: 'Whether app {{address}} refuses plain FTP is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Web/serverFarms/acme-plan"
  https_only          = true

  site_config {
    ftps_state = "Disabled"
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
    ftps_state = "AllAllowed"
  }
}
`,
    },
  },
  evaluate(app) {
    const address = app.address;
    const config = readBlocks(attribute(app, ['site_config']));
    if (config.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: config.reason }, path: ['site_config'] };
    const path = ['site_config', 0, 'ftps_state'];
    const state = readString(attribute(app, path));
    if (state.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: state.reason }, path };
    if (state.kind === 'absent') {
      return isLegacyAppService(app.type)
        ? { status: 'fail', messageId: 'plainFtpByDefault', data: { address }, path: config.kind === 'value' && config.value.length > 0 ? ['site_config', 0] : [] }
        : { status: 'pass', messageId: 'byDefault', data: { address } };
    }
    if (accepted.includes(state.value)) return { status: 'pass', messageId: 'secured', data: { address, state: state.value }, path };
    return { status: 'fail', messageId: 'plainFtp', data: { address, state: state.value }, path };
  },
});
