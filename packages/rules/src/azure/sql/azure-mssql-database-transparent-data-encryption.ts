import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'azure-mssql-database-transparent-data-encryption',
    title: 'Azure SQL databases encrypt data at rest with Transparent Data Encryption',
    description:
      'Transparent Data Encryption encrypts database files, backups and transaction logs at rest, so a copied file or backup cannot be read without the key. SOC 2 auditors ask for encryption at rest of customer data under the logical access criteria.',
    remediation: [
      'Leave Transparent Data Encryption on (it is on by default); remove any `transparent_data_encryption_enabled = false`:',
      '',
      '```hcl',
      'resource "azurerm_mssql_database" "app" {',
      '  # ...',
      '  transparent_data_encryption_enabled = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-at-rest',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['PI1.4'],
      basis: "Microsoft's SOC 2 Type 2 initiative maps 'Transparent Data Encryption on SQL databases should be enabled' to CC6.1; Prowler maps sqlserver_tde_encryption_enabled to CC6.2, CC6.7 and PI1.4.",
    },
    resourceTypes: ['azurerm_mssql_database', 'azurerm_sql_database'],
    live: { azure: { armType: 'Microsoft.Sql/servers/databases/transparentDataEncryption', fields: ['properties.state (= Enabled)'] } },
    defaults: [
      '`transparent_data_encryption_enabled` defaults to true, and Azure turns TDE on for every new database; the azurerm v3 `azurerm_sql_database` cannot turn it off and passes.',
    ],
    equivalents: { checkov: ['CKV2_AZURE_25'], prowler: ['sqlserver_tde_encryption_enabled'], catalog: ['S2-AZR-SQL-001'] },
    messages: {
      encrypted: 'SQL database {{address}} encrypts data at rest with Transparent Data Encryption.',
      byDefault: 'SQL database {{address}} encrypts data at rest with Transparent Data Encryption, which is on unless it is turned off.',
      disabled: 'SQL database {{address}} has Transparent Data Encryption turned off. Set transparent_data_encryption_enabled to true.',
      unknown: 'Whether SQL database {{address}} uses Transparent Data Encryption is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_mssql_database" "app" {
  name                                = "app"
  server_id                           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Sql/servers/acme-sql"
  sku_name                            = "S1"
  transparent_data_encryption_enabled = true
}
`,
      bad: `resource "azurerm_mssql_database" "app" {
  name                                = "app"
  server_id                           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Sql/servers/acme-sql"
  sku_name                            = "DW100c"
  transparent_data_encryption_enabled = false
}
`,
    },
  },
  evaluate(database) {
    const address = database.address;
    const path = ['transparent_data_encryption_enabled'];
    const enabled = readBoolean(attribute(database, path));
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path };
    if (enabled.kind === 'absent') return { status: 'pass', messageId: 'byDefault', data: { address } };
    if (enabled.value) return { status: 'pass', messageId: 'encrypted', data: { address }, path };
    return { status: 'fail', messageId: 'disabled', data: { address }, path };
  },
});
