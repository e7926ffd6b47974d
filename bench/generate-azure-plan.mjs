// A realistic azurerm plan for the rule benchmarks: storage accounts with containers, Key Vaults with diagnostic
// settings, SQL servers with auditing policies and databases, virtual networks with flow logs and security rules,
// half of them in module instances, linked by references whose ids are known after apply.
import { planBuilder, reference } from './plan-builder.mjs';

/** A plan of `count` azurerm resources, ten per group; odd groups live in one of 50 module instances. */
export function generateAzurePlan(count) {
  const plan = planBuilder('azurerm');
  const push = plan.add;
  const ref = reference;
  const workspace = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/security/providers/Microsoft.OperationalInsights/workspaces/security';
  for (let i = 0, group = 0; i < count; i += 10, group++) {
    const module = group % 2 === 0 ? undefined : `module.app[${group % 50}]`;
    const n = `g${group}`;
    push(module, 'azurerm_storage_account', n, {
      name: `acme${group}`, account_tier: 'Standard', account_replication_type: 'GRS', https_traffic_only_enabled: true, min_tls_version: group % 7 === 0 ? 'TLS1_0' : 'TLS1_2',
      allow_nested_items_to_be_public: group % 3 === 0, blob_properties: group % 2 === 0 ? [{ delete_retention_policy: [{ days: 14 }], container_delete_retention_policy: [{ days: 14 }] }] : [],
    }, { id: true, primary_blob_endpoint: true }, { name: { constant_value: `acme${group}` } });
    push(module, 'azurerm_storage_container', n, { name: 'data', container_access_type: group % 6 === 0 ? 'blob' : 'private' }, { id: true, storage_account_id: true }, { storage_account_id: ref(`azurerm_storage_account.${n}`) });
    push(module, 'azurerm_key_vault', n, { name: `kv-${group}`, sku_name: 'standard', tenant_id: '00000000-0000-0000-0000-000000000000', purge_protection_enabled: group % 4 !== 0 }, { id: true, vault_uri: true }, {});
    push(module, 'azurerm_monitor_diagnostic_setting', n, { name: 'audit', log_analytics_workspace_id: workspace, enabled_log: [{ category_group: group % 5 === 0 ? 'allLogs' : 'audit' }] }, { id: true, target_resource_id: true }, { target_resource_id: ref(`azurerm_key_vault.${n}`) });
    push(module, 'azurerm_mssql_server', n, { name: `sql-${group}`, version: '12.0', minimum_tls_version: group % 9 === 0 ? '1.0' : '1.2' }, { id: true, fully_qualified_domain_name: true }, {});
    push(module, 'azurerm_mssql_server_extended_auditing_policy', n, { log_monitoring_enabled: true, retention_in_days: group % 8 === 0 ? 30 : 0 }, { id: true, server_id: true }, { server_id: ref(`azurerm_mssql_server.${n}`) });
    push(module, 'azurerm_mssql_database', n, { name: 'app', sku_name: 'S1', storage_account_type: 'Geo', short_term_retention_policy: [{ retention_days: 14 }] }, { id: true, server_id: true }, { server_id: ref(`azurerm_mssql_server.${n}`) });
    push(module, 'azurerm_virtual_network', n, { name: `vnet-${group}`, address_space: ['10.0.0.0/16'] }, { id: true, guid: true }, {});
    push(module, 'azurerm_network_watcher_flow_log', n, { name: `fl-${group}`, network_watcher_name: 'NetworkWatcher_westeurope', enabled: group % 2 === 0, retention_policy: [{ enabled: true, days: 90 }] }, { id: true, target_resource_id: true }, { target_resource_id: ref(`azurerm_virtual_network.${n}`) });
    push(module, 'azurerm_network_security_rule', n, {
      name: 'ssh', direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_port_range: '*', destination_port_range: '22', source_address_prefix: group % 10 === 0 ? '*' : '10.0.0.0/24', destination_address_prefix: '*', priority: 100,
    }, { id: true }, {});
  }
  return plan.document();
}
