import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArmObject } from '../../../testing/arm-server.js';
import * as f from './arm-fixtures.js';

export const subscription = f.subscriptionA;
const group = f.groupId(subscription, 'rg-app');
export const ids = {
  data: `${group}/providers/Microsoft.Storage/storageAccounts/stdata`,
  gone: `${group}/providers/Microsoft.Storage/storageAccounts/stgone`,
  manual: `${group}/providers/Microsoft.Storage/storageAccounts/stmanual`,
  server: `${group}/providers/Microsoft.Sql/servers/sql-app`,
};

/** A storage account as the secure fixture has it, in Terraform. */
const storageBlock = (label: string, name: string) => `resource "azurerm_storage_account" "${label}" {
  name                            = "${name}"
  resource_group_name             = "rg-app"
  location                        = "eastus2"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false

  blob_properties {
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 14
    }
  }
}
`;

/** The configuration: two storage accounts, a SQL server and its auditing policy. */
export const mainTf = `${storageBlock('data', 'stdata')}
${storageBlock('gone', 'stgone')}
resource "azurerm_mssql_server" "app" {
  name                          = "sql-app"
  resource_group_name           = "rg-app"
  location                      = "japaneast"
  version                       = "12.0"
  administrator_login           = "dummylogin"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

resource "azurerm_mssql_server_extended_auditing_policy" "app" {
  server_id              = azurerm_mssql_server.app.id
  storage_endpoint       = "https://auditlogs.blob.core.windows.net/"
  retention_in_days      = 90
  log_monitoring_enabled = true
}
`;

const lineOf = (text: string): number => mainTf.split('\n').findIndex((line) => line.includes(text)) + 1;

/** Lines of `mainTf` the tests point at. */
export const lines = { dataHttps: lineOf('https_traffic_only_enabled'), goneAccount: lineOf('resource "azurerm_storage_account" "gone"') };

function storageState(name: string): Record<string, unknown> {
  return {
    id: `${group}/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    resource_group_name: 'rg-app',
    location: 'eastus2',
    account_kind: 'StorageV2',
    account_tier: 'Standard',
    account_replication_type: 'GRS',
    access_tier: 'Hot',
    https_traffic_only_enabled: true,
    min_tls_version: 'TLS1_2',
    allow_nested_items_to_be_public: false,
    shared_access_key_enabled: true,
    public_network_access_enabled: true,
    infrastructure_encryption_enabled: false,
    customer_managed_key: [],
    blob_properties: [
      {
        change_feed_enabled: false,
        change_feed_retention_in_days: 0,
        container_delete_retention_policy: [{ days: 14 }],
        cors_rule: [],
        default_service_version: '',
        delete_retention_policy: [{ days: 30, permanent_delete_enabled: false }],
        last_access_time_enabled: false,
        restore_policy: [],
        versioning_enabled: false,
      },
    ],
    network_rules: [],
    primary_access_key: 'c2VjcmV0LWtleS1vZi1zdGRhdGE=',
    primary_blob_endpoint: `https://${name}.blob.core.windows.net/`,
    primary_connection_string: `DefaultEndpointsProtocol=https;AccountName=${name};AccountKey=c2VjcmV0LWtleS1vZi1zdGRhdGE=;EndpointSuffix=core.windows.net`,
    tags: {},
  };
}

/** Raw state of `mainTf` applied, as `terraform state pull` prints it (azurerm provider 4.x). */
export function rawState(): string {
  const resource = (type: string, name: string, attributes: Record<string, unknown>, dependencies?: string[]) => ({
    mode: 'managed',
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/azurerm"]',
    instances: [{ schema_version: type === 'azurerm_storage_account' ? 4 : 0, attributes, sensitive_attributes: [], private: 'eyJzY2hlbWFfdmVyc2lvbiI6IjQifQ==', ...(dependencies ? { dependencies } : {}) }],
  });
  return `${JSON.stringify(
    {
      version: 4,
      terraform_version: '1.9.8',
      serial: 4,
      lineage: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      outputs: {},
      resources: [
        resource('azurerm_mssql_server', 'app', {
          id: ids.server,
          name: 'sql-app',
          resource_group_name: 'rg-app',
          location: 'japaneast',
          version: '12.0',
          administrator_login: 'dummylogin',
          administrator_login_password: 'Sql-Admin-Secret-4821',
          minimum_tls_version: '1.2',
          public_network_access_enabled: false,
          fully_qualified_domain_name: 'sql-app.database.windows.net',
          tags: {},
        }),
        resource(
          'azurerm_mssql_server_extended_auditing_policy',
          'app',
          { id: `${ids.server}/extendedAuditingSettings/default`, server_id: ids.server, enabled: true, storage_endpoint: 'https://auditlogs.blob.core.windows.net/', retention_in_days: 90, log_monitoring_enabled: true, storage_account_access_key: null },
          ['azurerm_mssql_server.app'],
        ),
        resource('azurerm_storage_account', 'data', storageState('stdata')),
        resource('azurerm_storage_account', 'gone', storageState('stgone')),
      ],
      check_results: null,
    },
    null,
    2,
  )}\n`;
}

/** Writes the configuration into `directory/infra` and its state as `directory/state/terraform.tfstate`. */
export function writeTerraform(directory: string): { infra: string; state: string } {
  const infra = path.join(directory, 'infra');
  mkdirSync(infra, { recursive: true });
  writeFileSync(path.join(infra, 'main.tf'), mainTf);
  const state = path.join(directory, 'state', 'terraform.tfstate');
  mkdirSync(path.dirname(state), { recursive: true });
  writeFileSync(state, rawState());
  return { infra, state };
}

/**
 * The subscription as `terraform apply` left it, then drifted: HTTPS-only turned off on `stdata` in the portal,
 * `stmanual` created by hand, `stgone` deleted by hand.
 */
export function driftedSubscription(): ArmObject[] {
  const data = f.storageAccount('stdata', { secure: true });
  const account = data[0] as ArmObject;
  (account['properties'] as ArmObject)['supportsHttpsTrafficOnly'] = false;
  return [...data, ...f.storageAccount('stmanual', { secure: true }), ...f.sqlServer('sql-app', { secure: true })];
}
