import { describe, expect, it } from 'vitest';
import { verdictWhenObserved, type CoverageCase } from '../../../../testing/observed-coverage.js';
import { liveAzureResource } from '../../../../testing/rules-azure.js';
import ownerCount from '../../src/azure/authorization/azure-subscription-owner-count.js';
import vmBackup from '../../src/azure/backup/azure-virtual-machine-backup.js';
import keyVaultAudit from '../../src/azure/key-vault/azure-key-vault-audit-logging.js';
import activityLogAlerts from '../../src/azure/monitor/azure-monitor-activity-log-alerts.js';
import activityLogExported from '../../src/azure/monitor/azure-monitor-activity-log-exported.js';
import activityLogRetention from '../../src/azure/monitor/azure-monitor-activity-log-retention.js';
import vnetFlowLogs from '../../src/azure/network/azure-virtual-network-flow-logs.js';
import sqlAuditing from '../../src/azure/sql/azure-mssql-server-auditing.js';
import customerManagedKey from '../../src/azure/storage/azure-storage-account-customer-managed-key.js';

// Rules that decide on the absence of a resource (a diagnostic setting, a protected item, a flow log) say
// `unknown` when the live source did not read that type, and keep their verdict when it read it and found none.

const subscription = '/subscriptions/00000000-0000-0000-0000-000000000000';
const group = `${subscription}/resourceGroups/prod`;
const vaultId = `${group}/providers/Microsoft.KeyVault/vaults/kv-prod`;
const serverId = `${group}/providers/Microsoft.Sql/servers/sql-prod`;
const vmId = `${group}/providers/Microsoft.Compute/virtualMachines/vm-app`;
const vnetId = `${group}/providers/Microsoft.Network/virtualNetworks/vnet-prod`;
const accountId = `${group}/providers/Microsoft.Storage/storageAccounts/stprod`;
const logsAccountId = `${group}/providers/Microsoft.Storage/storageAccounts/stlogs`;
const settingId = `${subscription}/providers/Microsoft.Insights/diagnosticSettings/activity`;
const subscriptionResource = liveAzureResource('azurerm_subscription', subscription, { subscription_id: '00000000-0000-0000-0000-000000000000' });

const cases: CoverageCase[] = [
  {
    name: 'a Key Vault without a diagnostic setting',
    rule: keyVaultAudit,
    resources: [liveAzureResource('azurerm_key_vault', vaultId, { name: 'kv-prod' })],
    subject: vaultId,
    evidence: ['azurerm_monitor_diagnostic_setting'],
    whenObserved: 'fail',
  },
  {
    name: 'a SQL server without an auditing policy',
    rule: sqlAuditing,
    resources: [liveAzureResource('azurerm_mssql_server', serverId, { name: 'sql-prod' })],
    subject: serverId,
    evidence: ['azurerm_mssql_server_extended_auditing_policy'],
    whenObserved: 'fail',
  },
  {
    name: 'a virtual machine no vault protects',
    rule: vmBackup,
    resources: [liveAzureResource('azurerm_linux_virtual_machine', vmId, { name: 'vm-app' })],
    subject: vmId,
    evidence: ['azurerm_backup_protected_vm'],
    whenObserved: 'fail',
  },
  {
    name: 'a virtual network without a flow log',
    rule: vnetFlowLogs,
    resources: [liveAzureResource('azurerm_virtual_network', vnetId, { name: 'vnet-prod' })],
    subject: vnetId,
    evidence: ['azurerm_network_watcher_flow_log', 'azurerm_subnet', 'azurerm_subnet_network_security_group_association', 'azurerm_network_security_group'],
    whenObserved: 'fail',
  },
  {
    name: 'a subscription whose Activity Log no setting exports',
    rule: activityLogExported,
    resources: [subscriptionResource],
    subject: subscription,
    evidence: ['azurerm_monitor_diagnostic_setting'],
    whenObserved: 'fail',
  },
  {
    name: 'a subscription without activity log alerts',
    rule: activityLogAlerts,
    resources: [subscriptionResource],
    subject: subscription,
    evidence: ['azurerm_monitor_activity_log_alert'],
    whenObserved: 'fail',
  },
  {
    name: 'a subscription whose role assignments were not listed',
    rule: ownerCount,
    resources: [subscriptionResource],
    subject: subscription,
    evidence: ['azurerm_role_assignment'],
    whenObserved: 'fail',
  },
  {
    name: 'a storage account encrypting with Microsoft-managed keys',
    rule: customerManagedKey,
    resources: [liveAzureResource('azurerm_storage_account', accountId, { name: 'stprod', customer_managed_key: [] })],
    subject: accountId,
    evidence: ['azurerm_storage_account_customer_managed_key'],
    whenObserved: 'fail',
  },
  {
    name: 'an Activity Log export to a storage account whose lifecycle policies were not read',
    rule: activityLogRetention,
    resources: [
      subscriptionResource,
      liveAzureResource('azurerm_storage_account', logsAccountId, { name: 'stlogs' }),
      liveAzureResource('azurerm_monitor_diagnostic_setting', settingId, {
        name: 'activity',
        target_resource_id: subscription,
        storage_account_id: logsAccountId,
        enabled_log: [{ category: 'Administrative' }, { category: 'Security' }, { category: 'Policy' }, { category: 'Alert' }],
      }),
    ],
    subject: settingId,
    evidence: ['azurerm_storage_management_policy'],
    whenObserved: 'pass',
  },
];

describe('Azure coverage rules on a partial live scan', () => {
  it.each(cases)('$rule.meta.id, $name: unknown when not read', (c) => {
    const finding = verdictWhenObserved(c, []);
    expect(finding.status, finding.message).toBe('unknown');
    expect(finding.message).toMatch(/not known: (.+, and )?this scan did not read .+\.$/);
  });

  it.each(cases)('$rule.meta.id, $name: $whenObserved when read and absent', (c) => {
    expect(verdictWhenObserved(c, c.evidence).status).toBe(c.whenObserved);
  });
});
