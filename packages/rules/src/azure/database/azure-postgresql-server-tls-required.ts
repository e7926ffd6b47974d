import { defineRule } from '@trustscan/core';
import { databaseTlsVerdict, type DatabaseTlsMessageId } from '../../analysis/azure-database-tls.js';

export default defineRule<DatabaseTlsMessageId>({
  meta: {
    id: 'azure-postgresql-server-tls-required',
    title: 'PostgreSQL servers require TLS 1.2 or newer',
    description:
      'A PostgreSQL server that accepts unencrypted connections, or TLS older than 1.2, lets queries and results cross the network readable. Requiring TLS 1.2 protects customer data between the application and the database, which auditors check under the criterion for data in transmission. The catalog\'s combined PostgreSQL and MySQL rule is split by engine because each names its parameters differently.',
    remediation: [
      'Flexible servers require TLS 1.2 by default: remove any configuration that turns it off, or declare it explicitly:',
      '',
      '```hcl',
      'resource "azurerm_postgresql_flexible_server_configuration" "tls" {',
      '  name      = "ssl_min_protocol_version"',
      '  server_id = azurerm_postgresql_flexible_server.main.id',
      '  value     = "TLSv1.2"',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1', 'CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Enforce SSL connection should be enabled for PostgreSQL database servers' to CC6.1, CC6.6 and CC6.7; Prowler maps postgresql_flexible_server_enforce_ssl_enabled to CC6.2 and CC6.6.",
    },
    resourceTypes: ['azurerm_postgresql_flexible_server', 'azurerm_postgresql_server'],
    relatedTypes: ['azurerm_postgresql_flexible_server_configuration'],
    live: {
      azure: {
        armType: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
        fields: ['configurations/require_secure_transport properties.value', 'configurations/ssl_min_protocol_version properties.value'],
      },
    },
    defaults: [
      'Flexible servers default to `require_secure_transport = on` and `ssl_min_protocol_version = TLSv1.2`; a server without configuration resources passes.',
      'Single servers (azurerm v3 `azurerm_postgresql_server`, retired by Azure) default `ssl_minimal_tls_version_enforced` to `TLS1_2`; `ssl_enforcement_enabled` is required.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_29', 'CKV_AZURE_147'],
      kics: ['SSL Enforce Disabled'],
      trivy: ['AVD-AZU-0020'],
      prowler: ['postgresql_flexible_server_enforce_ssl_enabled'],
      catalog: ['S2-AZR-DB-001'],
    },
    messages: {
      required: 'PostgreSQL server {{address}} requires TLS {{version}} or newer.',
      transportOptional: 'PostgreSQL server {{address}} accepts connections without TLS ({{setting}}). Require secure transport.',
      outdated: 'PostgreSQL server {{address}} accepts TLS {{version}} ({{setting}}). Require TLSv1.2 or newer.',
      unknown: 'Whether PostgreSQL server {{address}} requires TLS 1.2 is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_postgresql_flexible_server" "main" {
  name                = "acme-pg"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "TLSv1.2"
}
`,
      bad: `resource "azurerm_postgresql_flexible_server" "main" {
  name                = "acme-pg"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_postgresql_flexible_server_configuration" "transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "off"
}
`,
    },
  },
  evaluate(server, context) {
    return databaseTlsVerdict(server, context, { configurationType: 'azurerm_postgresql_flexible_server_configuration', minimumVersion: 'ssl_min_protocol_version' });
  },
});
