import { describe, expect, it } from 'vitest';
import type { ArmObject } from '../../../testing/arm-server.js';
import { Unknown, type Resource } from '@trustscan/core';
import { canonicalizeLinks } from '../src/canonical-links.js';
import { normalizeRecords } from '../src/normalize-records.js';
import { ArmReader } from '../src/normalize/arm-reader.js';
import { normalizeRoleAssignment } from '../src/normalize/role-assignment.js';
import { webAppType } from '../src/normalize/web-app.js';
import { resourceKindOf, resourceKinds } from '../src/resource-kinds.js';
import * as f from './arm-fixtures.js';
import { denied, recordOf } from './record-of.js';

/** Resources as JSON, where an `Unknown` reads `(unknown: reason)`: what a report shows. */
function plain(resources: readonly Resource[]): Record<string, unknown>[] {
  return JSON.parse(JSON.stringify(resources)) as Record<string, unknown>[];
}

function unknown(...fragments: string[]): unknown {
  return expect.stringMatching(new RegExp(`^\\(unknown: .*${fragments.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}`));
}

function normalized(items: readonly ArmObject[], options: Parameters<typeof recordOf>[1] = {}): Record<string, unknown>[] {
  return plain(normalizeRecords([recordOf(items, options)]));
}

function ofType(resources: Record<string, unknown>[], type: string): Record<string, unknown>[] {
  return resources.filter((r) => r['type'] === type);
}

const storageId = `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Storage/storageAccounts`;

interface Case {
  readonly name: string;
  readonly items: readonly ArmObject[];
  readonly options?: Parameters<typeof recordOf>[1];
  /** Expected resources (a subset of attributes each), in the order the normalizer emits them. */
  readonly expected: readonly { readonly type: string; readonly address?: string; readonly attributes: Record<string, unknown> }[];
}

const cases: readonly Case[] = [
  {
    name: 'compliant storage account with CMK, blob soft delete and versioning (StorageAccountEnableCMK, BlobServicesGet)',
    items: f.storageAccount('stsecure', { secure: true }),
    expected: [
      {
        type: 'azurerm_storage_account',
        address: `${storageId}/stsecure`,
        attributes: {
          id: `${storageId}/stsecure`,
          name: 'stsecure',
          resource_group_name: 'rg-app',
          location: 'eastus2',
          account_replication_type: 'GRS',
          https_traffic_only_enabled: true,
          min_tls_version: 'TLS1_2',
          allow_nested_items_to_be_public: false,
          shared_access_key_enabled: false,
          public_network_access_enabled: false,
          infrastructure_encryption_enabled: true,
          customer_managed_key: [{ key_vault_key_id: 'https://myvault8569.vault.azure.net/keys/wrappingKey', user_assigned_identity_id: null }],
          network_rules: [{ default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [], virtual_network_subnet_ids: [] }],
          blob_properties: [
            {
              versioning_enabled: true,
              change_feed_enabled: true,
              delete_retention_policy: [{ days: 30, permanent_delete_enabled: false }],
              container_delete_retention_policy: [{ days: 14 }],
            },
          ],
        },
      },
      { type: 'azurerm_storage_container', attributes: { name: 'data', storage_account_id: `${storageId}/stsecure`, container_access_type: 'private' } },
    ],
  },
  {
    name: 'insecure storage account shaped like StorageAccountGetProperties: absent TLS and public access settings are unknown',
    items: f.storageAccount('stweak', { secure: false }),
    expected: [
      {
        type: 'azurerm_storage_account',
        attributes: {
          https_traffic_only_enabled: false,
          min_tls_version: unknown('properties.minimumTlsVersion is not in the response of GET Microsoft.Storage/storageAccounts'),
          allow_nested_items_to_be_public: unknown('properties.allowBlobPublicAccess'),
          customer_managed_key: [],
          blob_properties: [{ versioning_enabled: false, change_feed_enabled: false, delete_retention_policy: [], container_delete_retention_policy: [] }],
        },
      },
      { type: 'azurerm_storage_container', attributes: { container_access_type: 'container' } },
    ],
  },
  {
    name: 'storage account the credentials may not read: every setting unknown, naming the permission',
    items: f.storageAccount('stdenied', { secure: true }),
    options: { failure: denied('Microsoft.Storage/storageAccounts/read') },
    expected: [
      {
        type: 'azurerm_storage_account',
        attributes: {
          name: 'stdenied',
          resource_group_name: 'rg-app',
          https_traffic_only_enabled: unknown('missing permission Microsoft.Storage/storageAccounts/read'),
          min_tls_version: unknown('missing permission Microsoft.Storage/storageAccounts/read'),
          customer_managed_key: unknown('missing permission Microsoft.Storage/storageAccounts/read'),
          blob_properties: unknown('missing permission Microsoft.Storage/storageAccounts/read'),
        },
      },
    ],
  },
  {
    name: 'storage account whose blob service properties are denied',
    items: f.storageAccount('stblob', { secure: true }),
    options: { childFailures: { blobService: denied('Microsoft.Storage/storageAccounts/blobServices/read') } },
    expected: [
      { type: 'azurerm_storage_account', attributes: { https_traffic_only_enabled: true, blob_properties: unknown('Microsoft.Storage/storageAccounts/blobServices/read') } },
      { type: 'azurerm_storage_container', attributes: { container_access_type: 'private' } },
    ],
  },
  {
    name: 'compliant Key Vault with an AuditEvent (audit group) diagnostic setting (getVault, getDiagnosticSetting)',
    items: f.keyVault('kv-good', { secure: true }),
    expected: [
      { type: 'azurerm_key_vault', attributes: { purge_protection_enabled: true, soft_delete_retention_days: 90, tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard' } },
      {
        type: 'azurerm_key_vault_key',
        address: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.KeyVault/vaults/kv-good/keys/cmk`,
        attributes: {
          name: 'cmk',
          key_vault_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.KeyVault/vaults/kv-good`,
          key_type: 'RSA',
          key_size: 2048,
          expiration_date: '2030-01-01T00:00:00Z',
          rotation_policy: [{ expire_after: 'P1Y', notify_before_expiry: 'P30D', automatic: [{ time_after_creation: 'P90D', time_before_expiry: null }] }],
        },
      },
      {
        type: 'azurerm_monitor_diagnostic_setting',
        attributes: {
          name: 'audit',
          target_resource_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.KeyVault/vaults/kv-good`,
          log_analytics_workspace_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.OperationalInsights/workspaces/logs`,
          storage_account_id: null,
          enabled_log: [{ category: null, category_group: 'audit' }],
        },
      },
    ],
  },
  {
    name: 'Key Vault shaped like getVault: purge protection absent is off (the API omits it unless on), a disabled AuditEvent log is no enabled_log',
    items: f.keyVault('kv-weak', { secure: false }),
    expected: [
      { type: 'azurerm_key_vault', attributes: { purge_protection_enabled: false, soft_delete_retention_days: 7 } },
      // getKey.json has neither `exp` nor `rotationPolicy`: no expiry, and no policy ("Omitted if empty").
      { type: 'azurerm_key_vault_key', attributes: { name: 'legacy', expiration_date: null, rotation_policy: [] } },
      { type: 'azurerm_monitor_diagnostic_setting', attributes: { enabled_log: [] } },
    ],
  },
  {
    name: 'Key Vault whose diagnostic settings are denied: a stand-in setting with unknown logs',
    items: f.keyVault('kv-nodiag', { secure: true }),
    options: { childFailures: { diagnosticSettings: denied('Microsoft.Insights/diagnosticSettings/read') } },
    expected: [
      { type: 'azurerm_key_vault', attributes: { purge_protection_enabled: true } },
      { type: 'azurerm_key_vault_key', attributes: { name: 'cmk' } },
      {
        type: 'azurerm_monitor_diagnostic_setting',
        attributes: {
          target_resource_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.KeyVault/vaults/kv-nodiag`,
          enabled_log: unknown('Microsoft.Insights/diagnosticSettings/read'),
        },
      },
    ],
  },
  {
    name: 'compliant SQL server with auditing (ServerGet, ServerBlobAuditingGet)',
    items: f.sqlServer('sqlgood', { secure: true }),
    expected: [
      { type: 'azurerm_mssql_server', attributes: { minimum_tls_version: '1.2', public_network_access_enabled: false, version: '12.0' } },
      {
        type: 'azurerm_mssql_server_extended_auditing_policy',
        address: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Sql/servers/sqlgood/auditingSettings/default`,
        attributes: { server_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Sql/servers/sqlgood`, enabled: true, retention_in_days: 90, log_monitoring_enabled: true },
      },
    ],
  },
  {
    name: 'insecure SQL server: TLS "None" is Terraform\'s "Disabled", auditing off (ServerBlobAuditingGet)',
    items: f.sqlServer('sqlweak', { secure: false }),
    expected: [
      { type: 'azurerm_mssql_server', attributes: { minimum_tls_version: 'Disabled', public_network_access_enabled: true } },
      { type: 'azurerm_mssql_server_extended_auditing_policy', attributes: { enabled: false, retention_in_days: 0, storage_endpoint: null } },
    ],
  },
  {
    name: 'SQL server whose auditing settings are denied: the policy is there, with unknown values',
    items: f.sqlServer('sqlnoaudit', { secure: true }),
    options: { childFailures: { auditing: denied('Microsoft.Sql/servers/auditingSettings/read') } },
    expected: [
      { type: 'azurerm_mssql_server', attributes: { minimum_tls_version: '1.2' } },
      { type: 'azurerm_mssql_server_extended_auditing_policy', attributes: { enabled: unknown('Microsoft.Sql/servers/auditingSettings/read') } },
    ],
  },
  {
    name: 'compliant and insecure SQL databases: TDE and backup retention from their children',
    items: f.sqlDatabase('sql1', 'dbgood', { secure: true }),
    expected: [
      {
        type: 'azurerm_mssql_database',
        attributes: {
          server_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Sql/servers/sql1`,
          transparent_data_encryption_enabled: true,
          storage_account_type: 'Geo',
          short_term_retention_policy: [{ retention_days: 14, backup_interval_in_hours: 24 }],
          long_term_retention_policy: [{ weekly_retention: 'P4W', monthly_retention: 'P12M', yearly_retention: 'P5Y', week_of_year: 1 }],
        },
      },
    ],
  },
  {
    name: 'insecure SQL database, with its own auditing on for 10 days',
    items: f.sqlDatabase('sql1', 'dbweak', { secure: false }),
    expected: [
      { type: 'azurerm_mssql_database', attributes: { transparent_data_encryption_enabled: false, storage_account_type: 'Local', short_term_retention_policy: [{ retention_days: 1 }] } },
      { type: 'azurerm_mssql_database_extended_auditing_policy', attributes: { enabled: true, retention_in_days: 10, log_monitoring_enabled: true, storage_endpoint: null } },
    ],
  },
  {
    name: 'managed disk with a disk encryption set (Disk_Create_WithDiskEncryptionSet)',
    items: f.managedDisk('diskcmk', { secure: true }),
    expected: [
      {
        type: 'azurerm_managed_disk',
        attributes: {
          disk_encryption_set_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Compute/diskEncryptionSets/des`,
          encryption_settings: [],
          storage_account_type: 'Standard_LRS',
          public_network_access_enabled: false,
        },
      },
    ],
  },
  {
    name: 'managed disk with platform keys: no encryption set (null), not unknown',
    items: f.managedDisk('diskpmk', { secure: false }),
    expected: [{ type: 'azurerm_managed_disk', attributes: { disk_encryption_set_id: null, encryption_type: 'EncryptionAtRestWithPlatformKey' } }],
  },
  {
    name: 'managed disk with Azure Disk Encryption, as in Disk_Get',
    items: [diskGetExample()],
    expected: [
      {
        type: 'azurerm_managed_disk',
        attributes: {
          os_type: 'Windows',
          disk_encryption_set_id: null,
          encryption_settings: [
            {
              disk_encryption_key: [
                {
                  secret_url: 'https://myvmvault.vault-int.azure-int.net/secrets/{secret}',
                  source_vault_id: '/subscriptions/{subscriptionId}/resourceGroups/myResourceGroup/providers/Microsoft.KeyVault/vaults/myVMVault',
                },
              ],
              key_encryption_key: [
                {
                  key_url: 'https://myvmvault.vault-int.azure-int.net/keys/{key}',
                  source_vault_id: '/subscriptions/{subscriptionId}/resourceGroups/myResourceGroup/providers/Microsoft.KeyVault/vaults/myVMVault',
                },
              ],
            },
          ],
        },
      },
      {
        type: 'azurerm_virtual_machine_data_disk_attachment',
        attributes: {
          virtual_machine_id: '/subscriptions/123caaa-123v-v211-a49f-f88ccac5bf88/resourceGroups/ResourceGroupName/providers/Microsoft.Compute/virtualMachines/TestVM414689371c88843d65ec',
        },
      },
    ],
  },
  {
    name: 'insecure Linux web app: site_config from config/web, not the null siteConfig of the site (GetWebApp)',
    items: f.webApp('webweak', { secure: false }),
    expected: [
      {
        type: 'azurerm_linux_web_app',
        attributes: {
          https_only: false,
          location: 'eastus',
          site_config: [{ minimum_tls_version: '1.0', scm_minimum_tls_version: '1.0', ftps_state: 'AllAllowed', http2_enabled: false, remote_debugging_enabled: false }],
        },
      },
    ],
  },
  {
    name: 'compliant Windows web app',
    items: f.webApp('webgood', { secure: true, kind: 'app' }),
    expected: [{ type: 'azurerm_windows_web_app', attributes: { https_only: true, site_config: [{ minimum_tls_version: '1.2', ftps_state: 'Disabled' }] } }],
  },
  {
    name: 'web app whose config/web is denied',
    items: f.webApp('webnocfg', { secure: true }),
    options: { childFailures: { webConfig: denied('Microsoft.Web/sites/config/read') } },
    expected: [{ type: 'azurerm_linux_web_app', attributes: { https_only: true, site_config: unknown('missing permission Microsoft.Web/sites/config/read') } }],
  },
  {
    name: 'NSG with SSH and RDP open to the Internet: custom rules only, by priority, lists where ARM has lists (NetworkSecurityGroupGet)',
    items: f.networkSecurityGroup('nsgweak', { secure: false }),
    expected: [
      {
        type: 'azurerm_network_security_group',
        attributes: {
          security_rule: [
            {
              name: 'admin',
              priority: 120,
              direction: 'Inbound',
              access: 'Allow',
              protocol: 'Tcp',
              source_address_prefix: 'Internet',
              source_address_prefixes: [],
              destination_port_range: '',
              destination_port_ranges: ['22', '3389'],
            },
            { name: 'http', priority: 130, protocol: '*', source_address_prefix: '*', destination_port_range: '80', destination_port_ranges: [] },
          ],
        },
      },
    ],
  },
  {
    name: 'compliant Recovery Services vault with a protected VM and its policy (GETVault)',
    items: f.recoveryServicesVault('rsvgood', { secure: true }),
    expected: [
      {
        type: 'azurerm_recovery_services_vault',
        attributes: { soft_delete_enabled: true, immutability: 'Locked', storage_mode_type: 'GeoRedundant', cross_region_restore_enabled: true, sku: 'Standard' },
      },
      {
        type: 'azurerm_backup_protected_vm',
        attributes: {
          recovery_vault_name: 'rsvgood',
          source_vm_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Compute/virtualMachines/vm1`,
          backup_policy_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.RecoveryServices/vaults/rsvgood/backupPolicies/DefaultPolicy`,
        },
      },
      { type: 'azurerm_backup_policy_vm', attributes: { name: 'DefaultPolicy', retention_daily: [{ count: 30 }] } },
    ],
  },
  {
    name: 'insecure Recovery Services vault',
    items: f.recoveryServicesVault('rsvweak', { secure: false }),
    expected: [
      { type: 'azurerm_recovery_services_vault', attributes: { soft_delete_enabled: false, immutability: 'Disabled', storage_mode_type: 'LocallyRedundant', cross_region_restore_enabled: false } },
      { type: 'azurerm_backup_protected_vm', attributes: {} },
      { type: 'azurerm_backup_policy_vm', attributes: { retention_daily: [{ count: 3 }] } },
    ],
  },
  {
    name: 'compliant PostgreSQL flexible server with its TLS configurations (ServerGet 2022-12-01)',
    items: f.postgresqlFlexibleServer('pggood', { secure: true }),
    expected: [
      { type: 'azurerm_postgresql_flexible_server', attributes: { backup_retention_days: 35, geo_redundant_backup_enabled: true, public_network_access_enabled: false } },
      {
        type: 'azurerm_postgresql_flexible_server_configuration',
        attributes: { name: 'require_secure_transport', value: 'on', server_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pggood` },
      },
      { type: 'azurerm_postgresql_flexible_server_configuration', attributes: { name: 'ssl_min_protocol_version', value: 'TLSv1.2' } },
    ],
  },
  {
    name: 'insecure PostgreSQL flexible server',
    items: f.postgresqlFlexibleServer('pgweak', { secure: false }),
    expected: [
      { type: 'azurerm_postgresql_flexible_server', attributes: { backup_retention_days: 7, geo_redundant_backup_enabled: false } },
      { type: 'azurerm_postgresql_flexible_server_configuration', attributes: { name: 'require_secure_transport', value: 'off' } },
      { type: 'azurerm_postgresql_flexible_server_configuration', attributes: { name: 'ssl_min_protocol_version', value: 'TLSv1' } },
    ],
  },
  {
    name: 'Redis cache shaped like RedisCacheGet: non-TLS port on, minimum TLS absent and so unknown',
    items: f.redisCache('redisweak', { secure: false }),
    expected: [{ type: 'azurerm_redis_cache', attributes: { non_ssl_port_enabled: true, minimum_tls_version: unknown('properties.minimumTlsVersion', 'Microsoft.Cache/redis'), sku_name: 'Premium' } }],
  },
  {
    name: 'compliant Redis cache',
    items: f.redisCache('redisgood', { secure: true }),
    expected: [{ type: 'azurerm_redis_cache', attributes: { non_ssl_port_enabled: false, minimum_tls_version: '1.2' } }],
  },
  {
    name: 'Linux VM with encryption at host and an encrypted OS disk',
    items: [
      {
        id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Compute/virtualMachines/vm1`,
        name: 'vm1',
        type: 'Microsoft.Compute/virtualMachines',
        location: 'westus',
        properties: {
          hardwareProfile: { vmSize: 'Standard_D2s_v3' },
          securityProfile: { encryptionAtHost: true },
          storageProfile: { osDisk: { osType: 'Linux', name: 'vm1-os', managedDisk: { storageAccountType: 'Premium_LRS', diskEncryptionSet: { id: '/des/1' } } } },
        },
      },
    ],
    expected: [
      {
        type: 'azurerm_linux_virtual_machine',
        attributes: { encryption_at_host_enabled: true, size: 'Standard_D2s_v3', os_disk: [{ name: 'vm1-os', storage_account_type: 'Premium_LRS', disk_encryption_set_id: '/des/1' }] },
      },
    ],
  },
  {
    name: 'MySQL flexible server: configurations name their server by name and group',
    items: [
      {
        id: `${f.groupId(f.subscriptionA, 'rg-db')}/providers/Microsoft.DBforMySQL/flexibleServers/my1`,
        name: 'my1',
        type: 'Microsoft.DBforMySQL/flexibleServers',
        location: 'westus',
        sku: { name: 'Standard_B1ms', tier: 'Burstable' },
        properties: { version: '8.0.21', backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }, network: { publicNetworkAccess: 'Enabled' } },
      },
      {
        id: `${f.groupId(f.subscriptionA, 'rg-db')}/providers/Microsoft.DBforMySQL/flexibleServers/my1/configurations/tls_version`,
        name: 'tls_version',
        type: 'Microsoft.DBforMySQL/flexibleServers/configurations',
        properties: { value: 'TLSv1.2,TLSv1.3' },
      },
    ],
    expected: [
      { type: 'azurerm_mysql_flexible_server', attributes: { backup_retention_days: 7, geo_redundant_backup_enabled: false } },
      { type: 'azurerm_mysql_flexible_server_configuration', attributes: { name: 'require_secure_transport', server_name: 'my1', resource_group_name: 'rg-db', value: unknown('ResourceNotFound') } },
      { type: 'azurerm_mysql_flexible_server_configuration', attributes: { name: 'tls_version', value: 'TLSv1.2,TLSv1.3' } },
    ],
  },
  {
    name: 'virtual network with a subnet behind an NSG, and its flow log',
    items: f.virtualNetwork('vnet1', 'nsg1', { secure: true }).slice(0, 1),
    expected: [
      { type: 'azurerm_virtual_network', attributes: { name: 'vnet1', address_space: ['10.0.0.0/16'] } },
      { type: 'azurerm_subnet', attributes: { name: 'app', virtual_network_name: 'vnet1', resource_group_name: 'rg-app', address_prefixes: ['10.0.1.0/24'] } },
      {
        type: 'azurerm_subnet_network_security_group_association',
        attributes: {
          subnet_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/app`,
          network_security_group_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Network/networkSecurityGroups/nsg1`,
        },
      },
    ],
  },
  {
    name: 'flow log of a virtual network, kept 7 days',
    items: f.virtualNetwork('vnet2', 'nsg1', { secure: false }).slice(1),
    expected: [
      {
        type: 'azurerm_network_watcher_flow_log',
        attributes: {
          name: 'vnet2-flows',
          network_watcher_name: 'NetworkWatcher_westus',
          resource_group_name: 'NetworkWatcherRG',
          enabled: false,
          target_resource_id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Network/virtualNetworks/vnet2`,
          network_security_group_id: null,
          version: 2,
          retention_policy: [{ enabled: true, days: 7 }],
        },
      },
    ],
  },
  {
    name: 'Log Analytics workspace retention',
    items: f.subscriptionSettings(f.subscriptionA, { secure: false }).filter((item) => item['type'] === 'Microsoft.OperationalInsights/workspaces'),
    expected: [{ type: 'azurerm_log_analytics_workspace', attributes: { name: 'logs', retention_in_days: 30, sku: 'PerGB2018' } }],
  },
  {
    name: 'activity log alert: criteria from condition.allOf, action groups',
    items: f.subscriptionSettings(f.subscriptionA, { secure: true }).filter((item) => String(item['id']).endsWith('/activityLogAlerts/alert-2')),
    expected: [
      {
        type: 'azurerm_monitor_activity_log_alert',
        attributes: {
          location: 'global',
          enabled: true,
          scopes: [`/subscriptions/${f.subscriptionA}`],
          criteria: [{ category: 'Administrative', operation_name: 'Microsoft.Network/networkSecurityGroups/write' }],
          action: [{ action_group_id: `${f.groupId(f.subscriptionA, 'rg-ops')}/providers/Microsoft.Insights/actionGroups/oncall` }],
        },
      },
    ],
  },
  {
    name: 'Data Protection backup vault',
    items: [
      {
        id: `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.DataProtection/backupVaults/bv1`,
        name: 'bv1',
        type: 'Microsoft.DataProtection/backupVaults',
        location: 'westus',
        properties: {
          storageSettings: [{ datastoreType: 'VaultStore', type: 'LocallyRedundant' }],
          securitySettings: { softDeleteSettings: { state: 'Off', retentionDurationInDays: 14 }, immutabilitySettings: { state: 'Disabled' } },
          featureSettings: { crossRegionRestoreSettings: { state: 'Disabled' } },
        },
      },
    ],
    expected: [
      {
        type: 'azurerm_data_protection_backup_vault',
        attributes: { datastore_type: 'VaultStore', redundancy: 'LocallyRedundant', soft_delete: 'Off', immutability: 'Disabled', cross_region_restore_enabled: false, retention_duration_in_days: 14 },
      },
    ],
  },
];

describe('Azure normalizers', () => {
  it.each(cases)('$name', ({ items, options, expected }) => {
    const resources = normalized(items, options);
    expect(resources.map((r) => r['type'])).toEqual(expected.map((e) => e.type));
    expected.forEach((e, index) => {
      const resource = resources[index];
      expect(resource?.['provider']).toBe('azure');
      if (e.address !== undefined) expect(resource?.['address']).toBe(e.address);
      expect(resource?.['origin']).toEqual({ kind: 'azure', id: resource?.['address'], subscription: resource?.['address'] === undefined ? undefined : expect.any(String) });
      expect(resource?.['attributes']).toMatchObject(e.attributes);
    });
  });

  it('emits only Terraform types its table declares, for every kind', () => {
    const fixtures = [
      f.storageAccount('a', { secure: true }),
      f.keyVault('b', { secure: true }),
      f.sqlServer('c', { secure: true }),
      f.sqlDatabase('c', 'd', { secure: true }),
      f.managedDisk('e', { secure: true }),
      f.webApp('g', { secure: true }),
      f.networkSecurityGroup('h', { secure: true }),
      f.recoveryServicesVault('i', { secure: true }),
      f.postgresqlFlexibleServer('j', { secure: true }),
      f.redisCache('k', { secure: true }),
      f.virtualMachine('l', { secure: true }),
      f.virtualNetwork('m', 'h', { secure: true }).slice(0, 1),
      f.virtualNetwork('m', 'h', { secure: true }).slice(1),
    ];
    for (const items of fixtures) {
      const record = recordOf(items);
      const kind = resourceKindOf(record.resource.type);
      const types = new Set(normalizeRecords([record]).map((r) => r.type));
      for (const type of types) expect(kind?.terraformTypes).toContain(type);
    }
    expect(new Set(resourceKinds.map((k) => k.armType.toLowerCase())).size).toBe(resourceKinds.length);
  });

  it('respells links to resources of the scan as those resources spell their ids', () => {
    const workspace = { address: '/subscriptions/s/resourceGroups/Ops/providers/Microsoft.OperationalInsights/workspaces/Logs', type: 'azurerm_log_analytics_workspace', provider: 'azure', attributes: {}, origin: { kind: 'azure', id: '/x', subscription: 's' } } as const;
    const setting = {
      ...workspace,
      address: '/subscriptions/s/providers/microsoft.insights/diagnosticSettings/a',
      type: 'azurerm_monitor_diagnostic_setting',
      attributes: { id: '/subscriptions/s/providers/microsoft.insights/diagnosticSettings/a', log_analytics_workspace_id: workspace.address.toLowerCase(), storage_account_id: '/subscriptions/s/other', scopes: [workspace.address.toUpperCase(), 'x'] },
    };
    const [, linked] = canonicalizeLinks([workspace, setting]);
    expect(linked?.attributes).toEqual({ ...setting.attributes, log_analytics_workspace_id: workspace.address, scopes: [workspace.address, 'x'] });
    expect(canonicalizeLinks([workspace])[0]).toBe(workspace);
  });

  it('chooses the Terraform app type from the site kind, and skips Logic Apps', () => {
    const site = (kind: string, type = 'Microsoft.Web/sites') => ({ id: '/x', name: 'x', type, kind });
    expect(webAppType(site('app'))).toBe('azurerm_windows_web_app');
    expect(webAppType(site('app,linux,container'))).toBe('azurerm_linux_web_app');
    expect(webAppType(site('functionapp'))).toBe('azurerm_windows_function_app');
    expect(webAppType(site('functionapp,linux'))).toBe('azurerm_linux_function_app');
    expect(webAppType(site('app,linux', 'Microsoft.Web/sites/slots'))).toBe('azurerm_linux_web_app_slot');
    expect(webAppType(site('functionapp,workflowapp'))).toBeUndefined();
  });

  it("leaves out a server's master database", () => {
    const kind = resourceKindOf('microsoft.sql/servers/databases');
    expect(kind?.include?.({ id: '/x/databases/master', name: 'master', type: 'Microsoft.Sql/servers/databases' })).toBe(false);
    expect(kind?.include?.({ id: '/x/databases/app', name: 'app', type: 'Microsoft.Sql/servers/databases' })).toBe(true);
  });

  it('names the role of an assignment from the role definitions, and says when it cannot', () => {
    const assignment = ArmReader.of(
      {
        id: '/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/a1',
        name: 'a1',
        properties: { roleDefinitionId: '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635', principalId: 'p', principalType: 'User', scope: '/subscriptions/s' },
      },
      'test',
    );
    const named = normalizeRoleAssignment(assignment, 's', new Map([['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner']]));
    expect(named[0]?.attributes['role_definition_name']).toBe('Owner');
    const unnamed = normalizeRoleAssignment(assignment, 's', new Unknown('role definitions were denied'));
    expect(unnamed[0]?.attributes['role_definition_name']).toEqual(new Unknown('role definitions were denied'));
    const missing = normalizeRoleAssignment(assignment, 's', new Map());
    expect(String(missing[0]?.attributes['role_definition_name'])).toMatch(/not among the subscription's role definitions/);
  });
});

/** compute/…/DiskRP/stable/2024-03-02/examples/diskExamples/Disk_Get.json, `responses["200"].body`, trimmed. */
function diskGetExample(): ArmObject {
  return {
    managedBy: '/subscriptions/123caaa-123v-v211-a49f-f88ccac5bf88/resourceGroups/ResourceGroupName/providers/Microsoft.Compute/virtualMachines/TestVM414689371c88843d65ec',
    sku: { name: 'Standard_LRS' },
    properties: {
      osType: 'Windows',
      hyperVGeneration: 'V1',
      securityProfile: { securityType: 'TrustedLaunch' },
      creationData: { createOption: 'FromImage' },
      diskSizeGB: 10,
      encryptionSettingsCollection: {
        enabled: true,
        encryptionSettings: [
          {
            diskEncryptionKey: {
              sourceVault: { id: '/subscriptions/{subscriptionId}/resourceGroups/myResourceGroup/providers/Microsoft.KeyVault/vaults/myVMVault' },
              secretUrl: 'https://myvmvault.vault-int.azure-int.net/secrets/{secret}',
            },
            keyEncryptionKey: {
              sourceVault: { id: '/subscriptions/{subscriptionId}/resourceGroups/myResourceGroup/providers/Microsoft.KeyVault/vaults/myVMVault' },
              keyUrl: 'https://myvmvault.vault-int.azure-int.net/keys/{key}',
            },
          },
        ],
      },
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      timeCreated: '2016-12-28T04:41:35.079872+00:00',
      provisioningState: 'Succeeded',
    },
    type: 'Microsoft.Compute/disks',
    location: 'westus',
    tags: { department: 'Development', project: 'ManagedDisks' },
    id: '/subscriptions/{subscriptionId}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/disks/myManagedDisk',
    name: 'myManagedDisk',
  };
}
