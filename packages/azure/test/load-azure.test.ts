import { afterEach, describe, expect, it } from 'vitest';
import { startArmServer, type ArmObject, type ArmServer, type ArmServerOptions } from '../../../testing/arm-server.js';
import { InputError, ScanAbortedError, Unknown, type Resource } from '@trustscan/core';
import { loadAzure } from '../src/load-azure.js';
import * as f from './arm-fixtures.js';
import { azureContext } from './azure-context.js';

/** Every resource type the rules read, compliant or not, with the subscription's own settings. */
function estate(subscription: string, secure: boolean): ArmObject[] {
  const fixture = { secure, subscription };
  const tag = secure ? 'good' : 'weak';
  return [
    ...f.storageAccount(`st${tag}`, fixture),
    ...f.keyVault(`kv-${tag}`, fixture),
    ...f.sqlServer(`sql-${tag}`, fixture),
    ...f.sqlDatabase(`sql-${tag}`, `db-${tag}`, fixture),
    ...f.managedDisk(`disk-${tag}`, fixture),
    ...f.webApp(`web-${tag}`, fixture),
    ...f.networkSecurityGroup(`nsg-${tag}`, fixture),
    ...f.recoveryServicesVault(`rsv-${tag}`, fixture),
    ...f.postgresqlFlexibleServer(`pg-${tag}`, fixture),
    ...f.redisCache(`redis-${tag}`, fixture),
    ...f.virtualMachine(secure ? 'vm1' : `vm-${tag}`, fixture),
    ...f.virtualNetwork(`vnet-${tag}`, `nsg-${tag}`, fixture),
  ];
}

let server: ArmServer | undefined;
const savedEndpoint = process.env['TRUSTSCAN_AZURE_ENDPOINT'];

async function serve(options: ArmServerOptions): Promise<ArmServer> {
  server = await startArmServer(options);
  process.env['TRUSTSCAN_AZURE_ENDPOINT'] = server.url;
  return server;
}

afterEach(async () => {
  if (savedEndpoint === undefined) delete process.env['TRUSTSCAN_AZURE_ENDPOINT'];
  else process.env['TRUSTSCAN_AZURE_ENDPOINT'] = savedEndpoint;
  await server?.close();
  server = undefined;
});

function byName(resources: readonly Resource[], type: string, name: string): Resource {
  const found = resources.find((r) => r.type === type && r.attributes['name'] === name);
  if (!found) throw new Error(`no ${type} named ${name} among ${resources.map((r) => `${r.type}:${String(r.attributes['name'])}`).join(', ')}`);
  return found;
}

/** Attributes with `Unknown` written as `unknown`, so that two sources can be compared whatever their reasons say. */
function shape(resources: readonly Resource[]): unknown {
  return JSON.parse(JSON.stringify(resources, (_key, value: unknown) => (typeof value === 'string' && value.startsWith('(unknown: ') ? 'unknown' : value))) as unknown;
}

const twoSubscriptions = (): ArmServerOptions => ({
  pageSize: 4,
  subscriptions: [
    { subscriptionId: f.subscriptionA, resources: [...estate(f.subscriptionA, true), ...f.subscriptionSettings(f.subscriptionA, true)] },
    { subscriptionId: f.subscriptionB, resources: [...estate(f.subscriptionB, false), ...f.subscriptionSettings(f.subscriptionB, false)] },
  ],
});

describe('loadAzure against a local ARM server', () => {
  it('collects every resource type through ARM, paging lists and reading each type at its newest stable API version', async () => {
    const arm = await serve(twoSubscriptions());
    const context = azureContext();
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionB, f.subscriptionA.toUpperCase()] }, context);

    expect(output.kind).toBe('azure');
    expect(output.name).toBe(`azure:${f.subscriptionA},${f.subscriptionB}`);
    expect(output.notifications).toEqual([]);
    const types = [...new Set(output.resources.map((r) => r.type))].sort();
    expect(types).toEqual([
      'azurerm_backup_policy_vm',
      'azurerm_backup_protected_vm',
      'azurerm_key_vault',
      'azurerm_key_vault_key',
      'azurerm_linux_virtual_machine',
      'azurerm_linux_web_app',
      'azurerm_log_analytics_workspace',
      'azurerm_managed_disk',
      'azurerm_monitor_activity_log_alert',
      'azurerm_monitor_diagnostic_setting',
      'azurerm_mssql_database',
      'azurerm_mssql_database_extended_auditing_policy',
      'azurerm_mssql_server',
      'azurerm_mssql_server_extended_auditing_policy',
      'azurerm_network_security_group',
      'azurerm_network_watcher_flow_log',
      'azurerm_postgresql_flexible_server',
      'azurerm_postgresql_flexible_server_configuration',
      'azurerm_recovery_services_vault',
      'azurerm_redis_cache',
      'azurerm_role_assignment',
      'azurerm_role_definition',
      'azurerm_security_center_subscription_pricing',
      'azurerm_storage_account',
      'azurerm_storage_container',
      'azurerm_subnet',
      'azurerm_subnet_network_security_group_association',
      'azurerm_subscription',
      'azurerm_virtual_network',
    ]);
    expect(output.resources.filter((r) => r.type === 'azurerm_subscription').map((r) => r.address)).toEqual([`/subscriptions/${f.subscriptionA}`, `/subscriptions/${f.subscriptionB}`]);
    // The Activity Log export names its workspace in lower case; the link is respelled as the workspace spells its id.
    const exportToWorkspace = output.resources.find((r) => r.address === `/subscriptions/${f.subscriptionA}/providers/microsoft.insights/diagnosticSettings/activity`);
    expect(exportToWorkspace?.attributes['log_analytics_workspace_id']).toBe(`${f.groupId(f.subscriptionA, 'rg-ops')}/providers/Microsoft.OperationalInsights/workspaces/logs`);
    // Sorted by address, whatever order the server answered in.
    const addresses = output.resources.map((r) => r.address.toLowerCase());
    expect(addresses).toEqual([...addresses].sort());

    const good = byName(output.resources, 'azurerm_storage_account', 'stgood');
    expect(good.origin).toEqual({ kind: 'azure', id: good.address, subscription: f.subscriptionA });
    expect(good.attributes).toMatchObject({ https_traffic_only_enabled: true, min_tls_version: 'TLS1_2', blob_properties: [{ versioning_enabled: true }] });
    const weak = byName(output.resources, 'azurerm_storage_account', 'stweak');
    expect(weak.origin).toMatchObject({ subscription: f.subscriptionB });
    expect(weak.attributes['https_traffic_only_enabled']).toBe(false);
    expect(weak.attributes['min_tls_version']).toBeInstanceOf(Unknown);
    expect(byName(output.resources, 'azurerm_linux_web_app', 'web-weak').attributes['site_config']).toEqual([
      { minimum_tls_version: '1.0', scm_minimum_tls_version: '1.0', ftps_state: 'AllAllowed', http2_enabled: false, remote_debugging_enabled: false },
    ]);
    const activity = output.resources.filter((r) => r.type === 'azurerm_monitor_diagnostic_setting' && r.attributes['target_resource_id'] === `/subscriptions/${f.subscriptionB}`);
    expect(activity.map((r) => r.attributes['enabled_log'])).toEqual([[{ category: 'Administrative', category_group: null }]]);

    const gets = arm.requests.filter((r) => r.method === 'GET');
    // Lists are paged (4 items a page here) and every page was read.
    const listPages = gets.filter((r) => r.path === `/subscriptions/${f.subscriptionA}/resources`);
    expect(listPages.length).toBeGreaterThan(2);
    expect(listPages.slice(1).every((r) => r.query['$skiptoken'] !== undefined)).toBe(true);
    // Newest non-preview version registered by the server's providers (storage registers 2025-06-01-preview too).
    const storageGet = gets.find((r) => r.path.endsWith('/storageAccounts/stgood'));
    expect(storageGet?.query['api-version']).toBe('2024-01-01');
    expect(gets.find((r) => r.path.endsWith('/Redis/redis-good'))?.query['api-version']).toBe('2024-11-01');
    // One provider registration read per subscription and namespace.
    const providerReads = gets.filter((r) => /^\/subscriptions\/[^/]+\/providers\/[^/]+$/.test(r.path));
    expect(providerReads.length).toBe(new Set(providerReads.map((r) => r.path.toLowerCase())).size);
    expect(arm.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(context.messages.some((m) => /read (\d+)\/\1 resources/.test(m))).toBe(true);
  });

  it('collects the same resources through Resource Graph, paging with $skipToken, without a getById per resource', async () => {
    await serve(twoSubscriptions());
    const armOutput = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA, f.subscriptionB] }, azureContext());
    const first = server;
    await first?.close();
    const graph = await serve(twoSubscriptions());
    const graphOutput = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA, f.subscriptionB], resourceGraph: true }, azureContext());

    expect(graphOutput.notifications).toEqual([]);
    expect(shape(graphOutput.resources)).toEqual(shape(armOutput.resources));
    const queries = graph.requests.filter((r) => r.method === 'POST');
    expect(queries.length).toBeGreaterThan(1);
    expect(graph.requests.some((r) => r.path.endsWith('/resources') && r.method === 'GET')).toBe(false);
    expect(graph.requests.some((r) => r.path.endsWith('/storageAccounts/stgood'))).toBe(false);
    expect(graph.requests.some((r) => /\/providers\/Microsoft\.Storage$/i.test(r.path))).toBe(false);
  });

  it('waits as Retry-After says on 429, retries 5xx, and then succeeds', async () => {
    const arm = await serve({
      subscriptions: [{ subscriptionId: f.subscriptionA, resources: f.storageAccount('stgood', { secure: true }) }],
      faults: [
        { path: /\/storageAccounts\/stgood$/, status: 429, retryAfter: '1', times: 1 },
        { path: /\/blobServices\/default$/, status: 503, retryAfter: '0', times: 2 },
      ],
    });
    const context = azureContext();
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, context);
    expect(output.notifications).toEqual([]);
    expect(byName(output.resources, 'azurerm_storage_account', 'stgood').attributes).toMatchObject({ https_traffic_only_enabled: true, blob_properties: [{ versioning_enabled: true }] });
    const accountReads = arm.requests.filter((r) => r.path.endsWith('/storageAccounts/stgood')).map((r) => r.status);
    expect(accountReads).toEqual([429, 200]);
    expect(arm.requests.filter((r) => r.path.endsWith('/blobServices/default')).map((r) => r.status)).toEqual([503, 503, 200]);
    // The wait came from the header (1 s), not from the 1 s, 2 s, 4 s back-off, which would say the same only by chance:
    // the 503s with `Retry-After: 0` were retried at once.
    expect(context.messages.filter((m) => m.includes('retrying'))).toEqual(['HTTP 429: retrying in 1 s', 'HTTP 503: retrying in 0 s', 'HTTP 503: retrying in 0 s']);
  });

  it('gives up after a bounded number of retries and makes the affected values unknown', async () => {
    const arm = await serve({
      subscriptions: [{ subscriptionId: f.subscriptionA, resources: f.storageAccount('stgood', { secure: true }) }],
      faults: [{ path: /\/blobServices\/default$/, status: 500, retryAfter: '0' }],
    });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext());
    expect(arm.requests.filter((r) => r.path.endsWith('/blobServices/default')).length).toBe(5);
    const account = byName(output.resources, 'azurerm_storage_account', 'stgood');
    expect(String(account.attributes['blob_properties'])).toMatch(/failed \(500 InternalServerError/);
    expect(output.notifications).toEqual([
      expect.objectContaining({ level: 'warning', code: 'api-error', subject: `/subscriptions/${f.subscriptionA}`, message: expect.stringContaining('Microsoft.Storage/storageAccounts/blobServices failed (HTTP 500') }),
    ]);
  });

  it('makes the checks of a type it may not read unknown and names the missing permission', async () => {
    await serve({
      subscriptions: [{ subscriptionId: f.subscriptionA, resources: estate(f.subscriptionA, true) }],
      faults: [
        { path: /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/, status: 403, action: 'Microsoft.Storage/storageAccounts/read' },
        { path: /\/config\/web$/, status: 403, action: 'Microsoft.Web/sites/config/read' },
      ],
    });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext());
    const account = byName(output.resources, 'azurerm_storage_account', 'stgood');
    expect(account.attributes['resource_group_name']).toBe('rg-app');
    for (const attribute of ['https_traffic_only_enabled', 'min_tls_version', 'customer_managed_key', 'blob_properties']) {
      expect(String(account.attributes[attribute])).toContain('missing permission Microsoft.Storage/storageAccounts/read');
    }
    expect(String(byName(output.resources, 'azurerm_linux_web_app', 'web-good').attributes['site_config'])).toContain('Microsoft.Web/sites/config/read');
    expect(byName(output.resources, 'azurerm_key_vault', 'kv-good').attributes['purge_protection_enabled']).toBe(true);
    expect(output.notifications.map((n) => [n.level, n.code])).toEqual([
      ['warning', 'access-denied'],
      ['warning', 'access-denied'],
    ]);
    expect(output.notifications.map((n) => n.message).join('\n')).toMatch(/grant Microsoft\.Storage\/storageAccounts\/read/);
    expect(output.notifications.map((n) => n.message).join('\n')).toMatch(/grant Microsoft\.Web\/sites\/config\/read/);
  });

  it('reads a type at its pinned API version when the provider registration cannot be read', async () => {
    const arm = await serve({
      subscriptions: [{ subscriptionId: f.subscriptionA, resources: f.storageAccount('stgood', { secure: true }) }],
      faults: [{ path: /\/providers\/Microsoft\.Storage$/, status: 403, action: 'Microsoft.Storage/register/action' }],
    });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext());
    expect(arm.requests.find((r) => r.path.endsWith('/storageAccounts/stgood'))?.query['api-version']).toBe('2023-05-01');
    expect(byName(output.resources, 'azurerm_storage_account', 'stgood').attributes['https_traffic_only_enabled']).toBe(true);
    expect(output.notifications).toEqual([]);
  });

  it('reports a subscription that does not exist as an input error and scans the others', async () => {
    await serve({ subscriptions: [{ subscriptionId: f.subscriptionA, resources: f.keyVault('kv-good', { secure: true }) }] });
    const missing = 'deadbeef-0000-0000-0000-000000000000';
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA, missing] }, azureContext());
    expect(output.notifications).toEqual([
      {
        level: 'error',
        code: 'input-error',
        message: `Azure subscription ${missing} does not exist or these credentials cannot see it (SubscriptionNotFound); check --azure-subscription.`,
        subject: `/subscriptions/${missing}`,
      },
    ]);
    expect(byName(output.resources, 'azurerm_key_vault', 'kv-good').origin).toMatchObject({ subscription: f.subscriptionA });
  });

  it('reports a subscription it may not list as an error and scans the others', async () => {
    await serve({
      subscriptions: [
        { subscriptionId: f.subscriptionA, resources: f.keyVault('kv-good', { secure: true }) },
        { subscriptionId: f.subscriptionB, resources: f.keyVault('kv-b', { secure: true }) },
      ],
      faults: [{ path: new RegExp(`^/subscriptions/${f.subscriptionB}/resources$`), status: 403, action: 'Microsoft.Resources/subscriptions/resources/read' }],
    });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA, f.subscriptionB] }, azureContext());
    expect(output.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'access-denied', subject: `/subscriptions/${f.subscriptionB}` })]);
    expect(output.notifications[0]?.message).toContain('Microsoft.Resources/subscriptions/resources/read');
    expect(output.resources.filter((r) => r.type === 'azurerm_key_vault').map((r) => r.attributes['name'])).toEqual(['kv-good']);
  });

  it('scans every subscription the credentials can see when none is named', async () => {
    await serve(twoSubscriptions());
    const output = await loadAzure({ kind: 'azure' }, azureContext());
    expect(new Set(output.resources.map((r) => (r.origin.kind === 'azure' ? r.origin.subscription : '')))).toEqual(new Set([f.subscriptionA, f.subscriptionB]));
  });

  it('stops with ScanAbortedError when the scan is interrupted', async () => {
    await serve(twoSubscriptions());
    const before = new AbortController();
    before.abort();
    await expect(loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext({ signal: before.signal }))).rejects.toBeInstanceOf(ScanAbortedError);
    const during = new AbortController();
    const context = azureContext({ signal: during.signal });
    const progress = context.progress;
    const interrupting = { ...context, progress: (message: string) => (progress(message), message.includes('listed') ? during.abort() : undefined) };
    await expect(loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, interrupting)).rejects.toBeInstanceOf(ScanAbortedError);
  });

  it('is an input error when the endpoint cannot be reached', async () => {
    const closed = await startArmServer({ subscriptions: [] });
    await closed.close();
    process.env['TRUSTSCAN_AZURE_ENDPOINT'] = closed.url;
    const error: unknown = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(new RegExp(`^Azure Resource Manager at ${closed.url.replace(/\./g, '\\.')} failed reading subscriptions \\(ECONNREFUSED`));
  });
});
