import type { Rule } from '@trustscan/core';
import azureAppServiceHttpsOnly from './app-service/azure-app-service-https-only.js';
import azureAppServiceMinTls12 from './app-service/azure-app-service-min-tls-1-2.js';
import azureAppServiceNoPlainFtp from './app-service/azure-app-service-no-plain-ftp.js';
import azureBackupVaultDeletionProtection from './backup/azure-backup-vault-deletion-protection.js';
import azureBackupVaultGeoRedundantStorage from './backup/azure-backup-vault-geo-redundant-storage.js';
import azureCustomRoleNoWildcardActions from './authorization/azure-custom-role-no-wildcard-actions.js';
import azureDefenderPlanEnabled from './monitor/azure-defender-plan-enabled.js';
import azureKeyVaultAuditLogging from './key-vault/azure-key-vault-audit-logging.js';
import azureKeyVaultKeyRotation from './key-vault/azure-key-vault-key-rotation.js';
import azureKeyVaultPurgeProtection from './key-vault/azure-key-vault-purge-protection.js';
import azureManagedDiskCmkOrHostEncryption from './compute/azure-managed-disk-cmk-or-host-encryption.js';
import azureMonitorActivityLogAlerts from './monitor/azure-monitor-activity-log-alerts.js';
import azureMonitorActivityLogExported from './monitor/azure-monitor-activity-log-exported.js';
import azureMonitorActivityLogRetention from './monitor/azure-monitor-activity-log-retention.js';
import azureMssqlDatabaseGeoRedundantBackup from './sql/azure-mssql-database-geo-redundant-backup.js';
import azureMssqlDatabaseTransparentDataEncryption from './sql/azure-mssql-database-transparent-data-encryption.js';
import azureMssqlServerAuditing from './sql/azure-mssql-server-auditing.js';
import azureMssqlServerMinTls12 from './sql/azure-mssql-server-min-tls-1-2.js';
import azureMysqlServerTlsRequired from './database/azure-mysql-server-tls-required.js';
import azureNetworkSecurityGroupNoInternetSshRdp from './network/azure-network-security-group-no-internet-ssh-rdp.js';
import azurePostgresqlMysqlGeoRedundantBackup from './database/azure-postgresql-mysql-geo-redundant-backup.js';
import azurePostgresqlServerTlsRequired from './database/azure-postgresql-server-tls-required.js';
import azureRedisCacheTlsOnly from './redis/azure-redis-cache-tls-only.js';
import azureStorageAccountBlobSoftDelete from './storage/azure-storage-account-blob-soft-delete.js';
import azureStorageAccountCustomerManagedKey from './storage/azure-storage-account-customer-managed-key.js';
import azureStorageAccountHttpsOnly from './storage/azure-storage-account-https-only.js';
import azureStorageAccountMinTls12 from './storage/azure-storage-account-min-tls-1-2.js';
import azureStorageAccountNoPublicBlobAccess from './storage/azure-storage-account-no-public-blob-access.js';
import azureSubscriptionOwnerCount from './authorization/azure-subscription-owner-count.js';
import azureVirtualMachineBackup from './backup/azure-virtual-machine-backup.js';
import azureVirtualNetworkFlowLogs from './network/azure-virtual-network-flow-logs.js';

/** The Azure rules, sorted by id. */
export const azureRules: readonly Rule[] = [
  azureAppServiceHttpsOnly,
  azureAppServiceMinTls12,
  azureAppServiceNoPlainFtp,
  azureBackupVaultDeletionProtection,
  azureBackupVaultGeoRedundantStorage,
  azureCustomRoleNoWildcardActions,
  azureDefenderPlanEnabled,
  azureKeyVaultAuditLogging,
  azureKeyVaultKeyRotation,
  azureKeyVaultPurgeProtection,
  azureManagedDiskCmkOrHostEncryption,
  azureMonitorActivityLogAlerts,
  azureMonitorActivityLogExported,
  azureMonitorActivityLogRetention,
  azureMssqlDatabaseGeoRedundantBackup,
  azureMssqlDatabaseTransparentDataEncryption,
  azureMssqlServerAuditing,
  azureMssqlServerMinTls12,
  azureMysqlServerTlsRequired,
  azureNetworkSecurityGroupNoInternetSshRdp,
  azurePostgresqlMysqlGeoRedundantBackup,
  azurePostgresqlServerTlsRequired,
  azureRedisCacheTlsOnly,
  azureStorageAccountBlobSoftDelete,
  azureStorageAccountCustomerManagedKey,
  azureStorageAccountHttpsOnly,
  azureStorageAccountMinTls12,
  azureStorageAccountNoPublicBlobAccess,
  azureSubscriptionOwnerCount,
  azureVirtualMachineBackup,
  azureVirtualNetworkFlowLogs,
];
