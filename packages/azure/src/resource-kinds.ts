import type { ChildSpec, ResourceKind } from './arm-record.js';
import { normalizeActivityLogAlert } from './normalize/activity-log-alert.js';
import { normalizeDataProtectionBackupVault } from './normalize/data-protection-backup-vault.js';
import { flexibleServerConfigurations, normalizeFlexibleServer } from './normalize/flexible-server.js';
import { normalizeFlowLog } from './normalize/flow-log.js';
import { normalizeKeyVault } from './normalize/key-vault.js';
import { normalizeLogAnalyticsWorkspace } from './normalize/log-analytics-workspace.js';
import { normalizeManagedDisk } from './normalize/managed-disk.js';
import { normalizeMssqlDatabase } from './normalize/mssql-database.js';
import { normalizeMssqlManagedInstance } from './normalize/mssql-managed-instance.js';
import { normalizeMssqlServer } from './normalize/mssql-server.js';
import { normalizeNetworkSecurityGroup } from './normalize/network-security-group.js';
import { normalizeRecoveryServicesVault } from './normalize/recovery-services-vault.js';
import { normalizeRedisCache } from './normalize/redis-cache.js';
import { normalizeStorageAccount } from './normalize/storage-account.js';
import { normalizeVirtualMachine } from './normalize/virtual-machine.js';
import { normalizeVirtualNetwork } from './normalize/virtual-network.js';
import { normalizeWebApp } from './normalize/web-app.js';

/** The API version of diagnostic settings: the one with `categoryGroup`, which every client uses. */
export const diagnosticSettingsApiVersion = '2021-05-01-preview';

/** Diagnostic settings of a resource, for the rules that need its logs exported (Key Vault `AuditEvent`). */
export const diagnosticSettingsChild: ChildSpec = {
  key: 'diagnosticSettings',
  path: '/providers/Microsoft.Insights/diagnosticSettings',
  armType: 'Microsoft.Insights/diagnosticSettings',
  apiVersion: diagnosticSettingsApiVersion,
  permission: 'Microsoft.Insights/diagnosticSettings/read',
  list: true,
  terraformTypes: ['azurerm_monitor_diagnostic_setting'],
};

function child(key: string, path: string, armType: string, apiVersion: string, list = false, terraformTypes: readonly string[] = []): ChildSpec {
  return { key, path, armType, apiVersion, permission: `${armType}/read`, ...(list ? { list } : {}), ...(terraformTypes.length > 0 ? { terraformTypes } : {}) };
}

const sqlChildVersion = '2021-11-01';

/**
 * The ARM types the live Azure source reads, what it fetches beside each, and the normalizer that turns them into
 * azurerm-shaped resources. One row per type; the collectors and the tests read this table.
 */
export const resourceKinds: readonly ResourceKind[] = [
  {
    armType: 'Microsoft.Storage/storageAccounts',
    fallbackApiVersion: '2023-05-01',
    terraformTypes: ['azurerm_storage_account', 'azurerm_storage_container'],
    children: [
      child('blobService', '/blobServices/default', 'Microsoft.Storage/storageAccounts/blobServices', '2023-05-01'),
      child('containers', '/blobServices/default/containers', 'Microsoft.Storage/storageAccounts/blobServices/containers', '2023-05-01', true, ['azurerm_storage_container']),
    ],
    normalize: normalizeStorageAccount,
  },
  {
    armType: 'Microsoft.KeyVault/vaults',
    fallbackApiVersion: '2023-07-01',
    terraformTypes: ['azurerm_key_vault', 'azurerm_key_vault_key', 'azurerm_monitor_diagnostic_setting'],
    children: [child('keys', '/keys', 'Microsoft.KeyVault/vaults/keys', '2023-07-01', true, ['azurerm_key_vault_key']), diagnosticSettingsChild],
    normalize: normalizeKeyVault,
  },
  {
    armType: 'Microsoft.Sql/servers',
    fallbackApiVersion: '2021-11-01',
    terraformTypes: ['azurerm_mssql_server', 'azurerm_mssql_server_extended_auditing_policy'],
    children: [child('auditing', '/auditingSettings/default', 'Microsoft.Sql/servers/auditingSettings', sqlChildVersion)],
    normalize: normalizeMssqlServer,
  },
  {
    armType: 'Microsoft.Sql/servers/databases',
    fallbackApiVersion: '2021-11-01',
    terraformTypes: ['azurerm_mssql_database', 'azurerm_mssql_database_extended_auditing_policy'],
    // `master` exists on every server and is not a Terraform resource.
    include: (resource) => resource.name.split('/').at(-1)?.toLowerCase() !== 'master',
    children: [
      child('tde', '/transparentDataEncryption/current', 'Microsoft.Sql/servers/databases/transparentDataEncryption', sqlChildVersion),
      child('shortTermRetention', '/backupShortTermRetentionPolicies/default', 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies', sqlChildVersion),
      child('longTermRetention', '/backupLongTermRetentionPolicies/default', 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies', sqlChildVersion),
      child('auditing', '/auditingSettings/default', 'Microsoft.Sql/servers/databases/auditingSettings', sqlChildVersion),
    ],
    normalize: normalizeMssqlDatabase,
  },
  {
    armType: 'Microsoft.Sql/managedInstances',
    fallbackApiVersion: '2021-11-01',
    terraformTypes: ['azurerm_mssql_managed_instance'],
    normalize: normalizeMssqlManagedInstance,
  },
  {
    armType: 'Microsoft.Compute/disks',
    fallbackApiVersion: '2024-03-02',
    terraformTypes: ['azurerm_managed_disk', 'azurerm_virtual_machine_data_disk_attachment'],
    normalize: normalizeManagedDisk,
  },
  {
    armType: 'Microsoft.Compute/virtualMachines',
    fallbackApiVersion: '2024-07-01',
    terraformTypes: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'],
    normalize: normalizeVirtualMachine,
  },
  {
    armType: 'Microsoft.Web/sites',
    fallbackApiVersion: '2023-12-01',
    terraformTypes: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app'],
    children: [child('webConfig', '/config/web', 'Microsoft.Web/sites/config', '2023-12-01')],
    normalize: normalizeWebApp,
  },
  {
    armType: 'Microsoft.Web/sites/slots',
    fallbackApiVersion: '2023-12-01',
    terraformTypes: ['azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot', 'azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot'],
    children: [child('webConfig', '/config/web', 'Microsoft.Web/sites/slots/config', '2023-12-01')],
    normalize: normalizeWebApp,
  },
  {
    armType: 'Microsoft.Network/networkSecurityGroups',
    fallbackApiVersion: '2024-05-01',
    terraformTypes: ['azurerm_network_security_group'],
    normalize: normalizeNetworkSecurityGroup,
  },
  {
    armType: 'Microsoft.Network/virtualNetworks',
    fallbackApiVersion: '2024-05-01',
    terraformTypes: ['azurerm_virtual_network', 'azurerm_subnet', 'azurerm_subnet_network_security_group_association'],
    normalize: normalizeVirtualNetwork,
  },
  {
    armType: 'Microsoft.Network/networkWatchers/flowLogs',
    fallbackApiVersion: '2024-05-01',
    terraformTypes: ['azurerm_network_watcher_flow_log'],
    normalize: normalizeFlowLog,
  },
  {
    armType: 'Microsoft.OperationalInsights/workspaces',
    fallbackApiVersion: '2023-09-01',
    terraformTypes: ['azurerm_log_analytics_workspace'],
    normalize: normalizeLogAnalyticsWorkspace,
  },
  {
    armType: 'Microsoft.Insights/activityLogAlerts',
    fallbackApiVersion: '2020-10-01',
    terraformTypes: ['azurerm_monitor_activity_log_alert'],
    normalize: normalizeActivityLogAlert,
  },
  {
    armType: 'Microsoft.RecoveryServices/vaults',
    fallbackApiVersion: '2024-04-01',
    terraformTypes: ['azurerm_recovery_services_vault', 'azurerm_backup_protected_vm', 'azurerm_backup_policy_vm'],
    children: [
      child('protectedItems', '/backupProtectedItems', 'Microsoft.RecoveryServices/vaults/backupProtectedItems', '2024-04-01', true, ['azurerm_backup_protected_vm']),
      child('backupPolicies', '/backupPolicies', 'Microsoft.RecoveryServices/vaults/backupPolicies', '2024-04-01', true, ['azurerm_backup_policy_vm']),
    ],
    normalize: normalizeRecoveryServicesVault,
  },
  {
    armType: 'Microsoft.DataProtection/backupVaults',
    fallbackApiVersion: '2024-04-01',
    terraformTypes: ['azurerm_data_protection_backup_vault'],
    normalize: normalizeDataProtectionBackupVault,
  },
  {
    armType: 'Microsoft.DBforPostgreSQL/flexibleServers',
    fallbackApiVersion: '2022-12-01',
    terraformTypes: ['azurerm_postgresql_flexible_server', 'azurerm_postgresql_flexible_server_configuration'],
    children: flexibleServerConfigurations.postgresql.map((name) =>
      child(name, `/configurations/${name}`, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', '2022-12-01'),
    ),
    normalize: normalizeFlexibleServer('postgresql'),
  },
  {
    armType: 'Microsoft.DBforMySQL/flexibleServers',
    fallbackApiVersion: '2023-12-30',
    terraformTypes: ['azurerm_mysql_flexible_server', 'azurerm_mysql_flexible_server_configuration'],
    children: flexibleServerConfigurations.mysql.map((name) =>
      child(name, `/configurations/${name}`, 'Microsoft.DBforMySQL/flexibleServers/configurations', '2023-12-30'),
    ),
    normalize: normalizeFlexibleServer('mysql'),
  },
  {
    armType: 'Microsoft.Cache/redis',
    fallbackApiVersion: '2024-03-01',
    terraformTypes: ['azurerm_redis_cache'],
    normalize: normalizeRedisCache,
  },
];

const byType = new Map(resourceKinds.map((kind) => [kind.armType.toLowerCase(), kind]));

/** The row for an ARM type (compared case-insensitively: Resource Graph lower-cases types), if the source reads it. */
export function resourceKindOf(armType: string): ResourceKind | undefined {
  return byType.get(armType.toLowerCase());
}
