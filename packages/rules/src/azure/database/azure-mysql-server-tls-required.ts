import { defineRule } from '@trustscan/core';
import { databaseTlsVerdict, type DatabaseTlsMessageId } from '../../analysis/azure-database-tls.js';

export default defineRule<DatabaseTlsMessageId>({
  meta: {
    id: 'azure-mysql-server-tls-required',
    title: 'MySQL and MariaDB servers require TLS 1.2 or newer',
    description:
      'A MySQL server that accepts unencrypted connections, or TLS older than 1.2, lets queries and results cross the network readable. Requiring TLS 1.2 protects customer data between the application and the database, which auditors check under the criterion for data in transmission. The catalog\'s combined PostgreSQL and MySQL rule is split by engine because each names its parameters differently.',
    remediation: [
      'Flexible servers require TLS 1.2 by default: remove any configuration that turns it off, or declare it explicitly:',
      '',
      '```hcl',
      'resource "azurerm_mysql_flexible_server_configuration" "tls" {',
      '  name                = "tls_version"',
      '  resource_group_name = azurerm_mysql_flexible_server.main.resource_group_name',
      '  server_name         = azurerm_mysql_flexible_server.main.name',
      '  value               = "TLSv1.2,TLSv1.3"',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1', 'CC6.6'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Enforce SSL connection should be enabled for MySQL database servers' to CC6.1, CC6.6 and CC6.7; Prowler maps mysql_flexible_server_ssl_connection_enabled to CC6.2 and CC6.6.",
    },
    resourceTypes: ['azurerm_mysql_flexible_server', 'azurerm_mysql_server', 'azurerm_mariadb_server'],
    relatedTypes: ['azurerm_mysql_flexible_server_configuration'],
    live: {
      azure: { armType: 'Microsoft.DBforMySQL/flexibleServers/configurations', fields: ['configurations/require_secure_transport properties.value', 'configurations/tls_version properties.value'] },
    },
    defaults: [
      'Flexible servers default to `require_secure_transport = ON` and a `tls_version` of TLSv1.2 (TLSv1.2,TLSv1.3 on MySQL 8.0); a server without configuration resources passes.',
      'Single servers (azurerm v3 `azurerm_mysql_server`, retired by Azure) default `ssl_minimal_tls_version_enforced` to `TLS1_2`; `ssl_enforcement_enabled` is required. Azure Database for MariaDB (`azurerm_mariadb_server`, retired in 2025 but still found in code) has the same two settings and is judged the same way.',
    ],
    equivalents: {
      checkov: ['CKV_AZURE_28', 'CKV_AZURE_54'],
      kics: ['MySQL SSL Connection Disabled'],
      trivy: ['AVD-AZU-0026'],
      prowler: ['mysql_flexible_server_ssl_connection_enabled', 'mysql_flexible_server_minimum_tls_version_12'],
      catalog: ['S2-AZR-DB-001'],
    },
    messages: {
      required: 'MySQL server {{address}} requires TLS {{version}} or newer.',
      transportOptional: 'MySQL server {{address}} accepts connections without TLS ({{setting}}). Require secure transport.',
      outdated: 'MySQL server {{address}} accepts TLS {{version}} ({{setting}}). Allow only TLSv1.2 and newer.',
      unknown: 'Whether MySQL server {{address}} requires TLS 1.2 is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_mysql_flexible_server" "main" {
  name                = "acme-mysql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.0.21"
}
`,
      bad: `resource "azurerm_mysql_flexible_server" "main" {
  name                = "acme-mysql"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.0.21"
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = "acme-prod"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = "TLSv1,TLSv1.1,TLSv1.2"
}
`,
    },
  },
  evaluate(server, context) {
    return databaseTlsVerdict(server, context, { configurationType: 'azurerm_mysql_flexible_server_configuration', minimumVersion: 'tls_version' });
  },
});
