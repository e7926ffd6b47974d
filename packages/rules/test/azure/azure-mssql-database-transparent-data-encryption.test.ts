import rule from '../../src/azure/sql/azure-mssql-database-transparent-data-encryption.js';
import { testRule } from '../rule-tester.js';

const serverId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-prod/providers/Microsoft.Sql/servers/acme-sql';
const database = (values: Record<string, unknown> = {}, unknown: string[] = []) => ({ address: 'azurerm_mssql_database.app', values: { name: 'app', server_id: serverId, sku_name: 'S1', ...values }, unknown });
const hcl = (extra = '') => `resource "azurerm_mssql_database" "app" {
  name      = "app"
  server_id = "${serverId}"
  sku_name  = "S1"
${extra}}
`;

testRule(rule, {
  pass: [
    { name: 'TDE on explicitly', hcl: hcl('  transparent_data_encryption_enabled = true\n'), resources: [database({ transparent_data_encryption_enabled: true })], messageId: 'encrypted', path: 'transparent_data_encryption_enabled' },
    { name: 'left out: TDE is on by default', hcl: hcl(), resources: [database()], messageId: 'byDefault' },
    {
      name: 'azurerm v3 azurerm_sql_database cannot turn TDE off',
      hcl: `resource "azurerm_sql_database" "legacy" {
  name                = "legacy"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  server_name         = "acme-sql"
}
`,
      resources: [{ address: 'azurerm_sql_database.legacy', values: { name: 'legacy', server_name: 'acme-sql' } }],
      messageId: 'byDefault',
    },
  ],
  fail: [
    { name: 'TDE off', hcl: hcl('  transparent_data_encryption_enabled = false\n'), resources: [database({ transparent_data_encryption_enabled: false })], messageId: 'disabled', path: 'transparent_data_encryption_enabled' },
    {
      name: 'a database inside a module turns TDE off',
      hcl: `module "data" {
  source = "./modules/data"
}
`,
      files: { 'modules/data/main.tf': hcl('  transparent_data_encryption_enabled = false\n') },
      resources: [{ ...database({ transparent_data_encryption_enabled: false }), address: 'module.data.azurerm_mssql_database.app' }],
      messageId: 'disabled',
      path: 'transparent_data_encryption_enabled',
    },
  ],
  unknown: [
    {
      name: 'TDE from a variable without a value',
      hcl: `variable "tde" {
  type = bool
}

${hcl('  transparent_data_encryption_enabled = var.tde\n')}`,
      resources: [database({}, ['transparent_data_encryption_enabled'])],
      messageId: 'unknown',
      path: 'transparent_data_encryption_enabled',
    },
  ],
});
