import { defineRule } from '@trustscan/core';
import { formatTlsVersion, tlsVersion } from '../../analysis/azure-tls.js';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-mssql-server-min-tls-1-2',
    title: 'Azure SQL servers refuse TLS versions older than 1.2',
    description:
      'The minimum TLS version of a logical server or managed instance decides which protocol clients may use to reach every database on it. TLS 1.0 and 1.1 have known weaknesses; requiring 1.2 keeps database traffic protected, which auditors check under the criterion for data in transmission.',
    remediation: [
      'Require TLS 1.2 on the server:',
      '',
      '```hcl',
      'resource "azurerm_mssql_server" "main" {',
      '  # ...',
      '  minimum_tls_version = "1.2"',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.6'],
      basis: "Prowler maps sqlserver_recommended_minimal_tls_version to CC6.2 and CC6.6; Microsoft's SOC 2023 initiative maps 'Azure SQL Database should be running TLS version 1.2 or newer' to CC6.1 and CC6.7.",
    },
    resourceTypes: ['azurerm_mssql_server', 'azurerm_mssql_managed_instance'],
    live: { azure: { armType: 'Microsoft.Sql/servers; Microsoft.Sql/managedInstances', fields: ['properties.minimalTlsVersion'] } },
    defaults: ['`minimum_tls_version` defaults to `1.2` in azurerm v3 and v4, so a server that leaves it out passes; `Disabled` accepts every TLS version and fails.'],
    equivalents: { checkov: ['CKV_AZURE_52'], trivy: ['AVD-AZU-0026'], prowler: ['sqlserver_recommended_minimal_tls_version'], catalog: ['S2-AZR-SQL-002'] },
    messages: {
      modern: 'SQL server {{address}} requires TLS {{version}} or newer.',
      byDefault: 'SQL server {{address}} requires TLS 1.2 or newer, the azurerm default when minimum_tls_version is left out.',
      outdated: 'SQL server {{address}} accepts TLS {{version}}, older than 1.2. Set minimum_tls_version to "1.2".',
      noMinimum: 'SQL server {{address}} sets minimum_tls_version to "{{value}}", which accepts every TLS version. Set it to "1.2".',
      unknown: 'The minimum TLS version of SQL server {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}
`,
      bad: `resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.0"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}
`,
    },
  },
  evaluate(server) {
    const address = server.address;
    const path = ['minimum_tls_version'];
    const setting = readString(attribute(server, path));
    if (setting.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: setting.reason }, path };
    if (setting.kind === 'absent') return { status: 'pass', messageId: 'byDefault', data: { address } };
    const version = tlsVersion(setting.value);
    if (version === undefined) return { status: 'fail', messageId: 'noMinimum', data: { address, value: setting.value }, path };
    if (version >= 1.2) return { status: 'pass', messageId: 'modern', data: { address, version: formatTlsVersion(version) }, path };
    return { status: 'fail', messageId: 'outdated', data: { address, version: formatTlsVersion(version) }, path };
  },
});
