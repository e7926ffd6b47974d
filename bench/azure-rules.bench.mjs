// The Azure rules on generated azurerm plans of 1,000, 10,000 and 50,000 resources: storage accounts with containers,
// Key Vaults with diagnostic settings, SQL servers with auditing policies and databases, virtual networks with flow
// logs and security rules, half of them in module instances, linked by references whose ids are known after apply.
// Prints the scan with no rules (load and relations), the scan with the Azure rules, the rules' share, throughput
// and peak RSS; each figure is the median of 3 runs in a fresh process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === 'measure') {
  const [mode, file] = process.argv.slice(3);
  const { scan } = await import('../packages/core/dist/index.js');
  const { azureRules } = await import('../packages/rules/dist/index.js');
  const start = performance.now();
  const result = await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules: mode === 'rules' ? azureRules : [], root: here });
  const ms = performance.now() - start;
  const counts = { pass: 0, fail: 0, unknown: 0 };
  for (const finding of result.findings) counts[finding.status] = (counts[finding.status] ?? 0) + 1;
  process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, counts }));
} else {
  const directory = path.join(here, '.generated', 'azure-rules');
  mkdirSync(directory, { recursive: true });
  const sizes = (process.env.TRUSTSCAN_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
  console.log(`| resources | plan MB | scan, no rules ms | scan, Azure rules ms | rules ms | resources/s | findings (pass/fail/unknown) | peak RSS MB |`);
  console.log('|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const size of sizes) {
    const file = path.join(directory, `azure-plan-${size}.json`);
    writeFileSync(file, JSON.stringify(generateAzurePlan(size)));
    const load = measure('load', file);
    const rules = measure('rules', file);
    const { pass, fail, unknown } = rules.counts;
    console.log(
      `| ${size.toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(1)} | ${load.ms.toFixed(0)} | ${rules.ms.toFixed(0)} | ${(rules.ms - load.ms).toFixed(0)} | ${Math.round(size / (rules.ms / 1000)).toLocaleString('en')} | ${pass}/${fail}/${unknown} | ${rules.rssMb.toFixed(0)} |`,
    );
  }
}

function measure(mode, file) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'measure', mode, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`${mode} ${file} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1];
}

/** A plan of `count` azurerm resources, ten per group; odd groups live in one of 50 module instances. */
function generateAzurePlan(count) {
  const changes = [];
  const root = [];
  const inModule = [];
  const push = (module, type, name, after, unknown, expressions) => {
    changes.push({
      address: `${module ? `${module}.` : ''}${type}.${name}`,
      ...(module ? { module_address: module } : {}),
      mode: 'managed',
      type,
      name,
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      change: { actions: ['create'], before: null, after, after_unknown: unknown, before_sensitive: false, after_sensitive: {} },
    });
    const config = { address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'azurerm', expressions, schema_version: 0 };
    (module ? inModule : root).push(config);
  };
  const ref = (target) => ({ references: [`${target}.id`, target] });
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
  const moduleCalls = {};
  if (inModule.length > 0) moduleCalls.app = { source: './modules/app', expressions: {}, module: { resources: dedupe(inModule) } };
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: { root_module: { resources: root, module_calls: moduleCalls } },
  };
}

/** A module's configuration lists each resource block once, whatever its instances. */
function dedupe(configs) {
  const seen = new Map();
  for (const config of configs) if (!seen.has(config.address)) seen.set(config.address, config);
  return [...seen.values()];
}
