import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Core does not depend on the rule pack; the test reads it from its sources to check that live Azure resources fire
// the same rules as Terraform does.
import { rules } from '@trustscan/rules';
import { startArmServer, type ArmServer } from '../../../testing/arm-server.js';
import { defineRule, isUnknown, scan, type Resource, type ScanResult } from '@trustscan/core';
import { loadAzure } from '../src/load-azure.js';
import * as f from './arm-fixtures.js';
import { azureContext } from './azure-context.js';
import { azureSource } from '../src/index.js';

/** A rule written as the pack writes them, so that this test does not depend on which Azure rules have landed. */
const httpsOnly = defineRule({
  meta: {
    id: 'test-azure-storage-https',
    title: 'Storage accounts accept HTTPS only',
    description: 'Test rule.',
    remediation: 'Set `https_traffic_only_enabled = true`.',
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: { primary: ['CC6.7'], basis: 'test' },
    resourceTypes: ['azurerm_storage_account'],
    messages: { pass: '{{address}} accepts HTTPS only.', fail: '{{address}} accepts plain HTTP.', unknown: 'Unknown for {{address}}: {{reason}}.' },
  },
  evaluate(account) {
    const value = account.attributes['https_traffic_only_enabled'];
    const data = { address: account.address };
    if (isUnknown(value)) return { status: 'unknown', messageId: 'unknown', data: { ...data, reason: value.reason }, path: ['https_traffic_only_enabled'] };
    return { status: value === true ? 'pass' : 'fail', messageId: value === true ? 'pass' : 'fail', data, path: ['https_traffic_only_enabled'] };
  },
});

/** Reads the diagnostic settings of a vault through the inventory's relations, as the pack's audit rule does. */
const vaultLogs = defineRule({
  meta: {
    id: 'test-azure-key-vault-logs',
    title: 'Key Vaults have a diagnostic setting',
    description: 'Test rule.',
    remediation: 'Add a diagnostic setting.',
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: { primary: ['CC7.2'], basis: 'test' },
    resourceTypes: ['azurerm_key_vault'],
    messages: { found: '{{count}} setting(s).', none: 'No setting.' },
  },
  evaluate(vault, context) {
    const settings = context.related(vault, 'azurerm_monitor_diagnostic_setting');
    return settings.length > 0 ? { status: 'pass', messageId: 'found', data: { count: settings.length } } : { status: 'fail', messageId: 'none' };
  },
});

let server: ArmServer;

beforeEach(async () => {
  server = await startArmServer({
    subscriptions: [
      {
        subscriptionId: f.subscriptionA,
        resources: [
          ...f.storageAccount('stgood', { secure: true }),
          ...f.storageAccount('stweak', { secure: false }),
          ...f.storageAccount('stdenied', { secure: true, group: 'rg-locked' }),
          ...f.keyVault('kv-good', { secure: true }),
          ...f.keyVault('kv-weak', { secure: false }),
          ...f.sqlServer('sql-good', { secure: true }),
          ...f.sqlServer('sql-weak', { secure: false }),
          ...f.sqlDatabase('sql-good', 'db-good', { secure: true }),
          ...f.sqlDatabase('sql-weak', 'db-weak', { secure: false }),
          ...f.webApp('web-good', { secure: true }),
          ...f.webApp('web-weak', { secure: false }),
          ...f.networkSecurityGroup('nsg-good', { secure: true }),
          ...f.networkSecurityGroup('nsg-weak', { secure: false }),
          ...f.managedDisk('disk-good', { secure: true }),
          ...f.managedDisk('disk-weak', { secure: false }),
          ...f.managedDisk('disk-of-vm1', { secure: false, managedBy: 'vm1' }),
          ...f.recoveryServicesVault('rsv-good', { secure: true }),
          ...f.recoveryServicesVault('rsv-weak', { secure: false }),
          ...f.postgresqlFlexibleServer('pg-good', { secure: true }),
          ...f.postgresqlFlexibleServer('pg-weak', { secure: false }),
          ...f.redisCache('redis-good', { secure: true }),
          ...f.redisCache('redis-weak', { secure: false }),
          ...f.virtualMachine('vm1', { secure: true }),
          ...f.virtualMachine('vm-weak', { secure: false }),
          ...f.virtualNetwork('vnet-good', 'nsg-good', { secure: true }),
          ...f.virtualNetwork('vnet-weak', 'nsg-weak', { secure: false }),
          ...f.subscriptionSettings(f.subscriptionA, { secure: false }),
        ],
      },
    ],
    faults: [{ path: /\/resourceGroups\/rg-locked\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/, status: 403, action: 'Microsoft.Storage/storageAccounts/read' }],
  });
  vi.stubEnv('TRUSTSCAN_AZURE_ENDPOINT', server.url);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const storage = (name: string, group = 'rg-app'): string => `${f.groupId(f.subscriptionA, group)}/providers/Microsoft.Storage/storageAccounts/${name}`;

function finding(result: ScanResult, ruleId: string, address: string) {
  const found = result.findings.filter((x) => x.ruleId === ruleId && x.resource.address === address);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('scan() of a subscription through the local ARM server', () => {
  it('makes Node print no warning when scanning with an abort signal, as the CLI does', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const result = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA] }], sources: { azure: azureSource }, rules, root: process.cwd(), signal: new AbortController().signal });
      expect(result.targets[0]?.ok).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('counts the encryption at host of the VM a platform-key disk belongs to (managedBy)', async () => {
    const result = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA] }], sources: { azure: azureSource }, rules, root: process.cwd() });
    const disk = (name: string) => `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.Compute/disks/${name}`;
    expect(finding(result, 'azure-managed-disk-cmk-or-host-encryption', disk('disk-of-vm1'))?.status).toBe('pass');
    expect(finding(result, 'azure-managed-disk-cmk-or-host-encryption', disk('disk-weak'))?.status).toBe('fail');
  });

  it('decides pass, fail and unknown, points live findings at stable pseudo-paths, and keeps the notifications', async () => {
    const result = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA] }], sources: { azure: azureSource }, rules: [httpsOnly, vaultLogs], root: '/work/repo' });
    expect(result.targets).toEqual([{ name: `azure:${f.subscriptionA}`, kind: 'azure', resources: expect.any(Number) as number, ok: true, inputs: { subscriptions: [f.subscriptionA] } }]);
    expect(finding(result, httpsOnly.meta.id, storage('stgood'))?.status).toBe('pass');
    const weak = finding(result, httpsOnly.meta.id, storage('stweak'));
    expect(weak).toMatchObject({
      status: 'fail',
      message: `${storage('stweak')} accepts plain HTTP.`,
      resource: { address: storage('stweak'), type: 'azurerm_storage_account', provider: 'azure', origin: 'azure', cloudId: storage('stweak') },
      location: { file: `cloud/azure/${f.subscriptionA}/rg-app/azurerm_storage_account/stweak`, startLine: 1 },
      path: 'https_traffic_only_enabled',
    });
    const denied = finding(result, httpsOnly.meta.id, storage('stdenied', 'rg-locked'));
    expect(denied?.status).toBe('unknown');
    expect(denied?.message).toContain('missing permission Microsoft.Storage/storageAccounts/read');
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'warning', code: 'access-denied', subject: `/subscriptions/${f.subscriptionA}` })]);
    // The vaults' diagnostic settings are linked to them by target_resource_id.
    const vault = `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.KeyVault/vaults/kv-good`;
    expect(finding(result, vaultLogs.meta.id, vault)).toMatchObject({ status: 'pass', message: '1 setting(s).' });
    // Stable across runs: fingerprints come from rule and resource, never from order or time.
    const again = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA] }], sources: { azure: azureSource }, rules: [httpsOnly, vaultLogs], root: '/work/repo' });
    expect(again.findings.map((x) => [x.ruleId, x.resource.address, x.status, x.fingerprint])).toEqual(result.findings.map((x) => [x.ruleId, x.resource.address, x.status, x.fingerprint]));
  });

  it('turns a missing subscription into an input error while the others are scanned', async () => {
    const missing = 'deadbeef-0000-0000-0000-000000000000';
    const result = await scan({ targets: [{ kind: 'azure', subscriptions: [missing, f.subscriptionA] }], sources: { azure: azureSource }, rules: [httpsOnly], root: '/work/repo' });
    expect(result.notifications.filter((n) => n.level === 'error')).toEqual([expect.objectContaining({ code: 'input-error', subject: `/subscriptions/${missing}` })]);
    expect(finding(result, httpsOnly.meta.id, storage('stweak'))?.status).toBe('fail');
  });

  it('points findings at the Terraform block that declares the resource when --tf-dir resources are given', async () => {
    const declaration = (line: number) => ({
      file: '/work/repo/infra/storage.tf',
      range: { startLine: line, startColumn: 1, endLine: line + 9, endColumn: 2 },
      attributes: { https_traffic_only_enabled: { startLine: line + 4, startColumn: 3, endLine: line + 4, endColumn: 37 } },
    });
    const declared: Resource[] = [
      {
        address: 'azurerm_storage_account.weak',
        type: 'azurerm_storage_account',
        provider: 'azure',
        attributes: { name: 'stweak', resource_group_name: 'rg-app' },
        origin: { kind: 'hcl', file: '/work/repo/infra/storage.tf' },
        declaration: declaration(10),
      },
      {
        address: 'azurerm_mssql_server.weak',
        type: 'azurerm_mssql_server',
        provider: 'azure',
        attributes: { name: 'sql-weak' },
        origin: { kind: 'hcl', file: '/work/repo/infra/sql.tf' },
        declaration: { file: '/work/repo/infra/sql.tf', range: { startLine: 1, startColumn: 1, endLine: 8, endColumn: 2 }, attributes: {} },
      },
      {
        address: 'azurerm_mssql_server_extended_auditing_policy.weak',
        type: 'azurerm_mssql_server_extended_auditing_policy',
        provider: 'azure',
        attributes: {},
        references: { server_id: ['azurerm_mssql_server.weak'] },
        origin: { kind: 'hcl', file: '/work/repo/infra/sql.tf' },
        declaration: { file: '/work/repo/infra/sql.tf', range: { startLine: 10, startColumn: 1, endLine: 14, endColumn: 2 }, attributes: {} },
      },
    ];
    const context = azureContext({ tfDir: '/work/repo/infra', declared: () => Promise.resolve(declared) });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, context);
    const weak = output.resources.find((r) => r.address === storage('stweak'));
    expect(weak?.declaration).toEqual(declaration(10));
    expect(output.resources.find((r) => r.address === storage('stgood'))?.declaration).toBeUndefined();
    const policy = output.resources.find((r) => r.address.endsWith('/servers/sql-weak/auditingSettings/default'));
    expect(policy?.declaration?.range.startLine).toBe(10);
    expect(output.resources.find((r) => r.address.endsWith('/servers/sql-good/auditingSettings/default'))?.declaration).toBeUndefined();

    // A declared resource that cannot be read is no reason to fail the live scan.
    const failing = azureContext({ tfDir: '/work/repo/infra', declared: () => Promise.reject(new Error('the HCL source is not there')) });
    await expect(loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, failing)).resolves.toMatchObject({ kind: 'azure' });
  });

  it('locates live findings in the .tf files of --tf-dir, read by the HCL source', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'trustscan-azure-'));
    await mkdir(path.join(root, 'infra'));
    await writeFile(
      path.join(root, 'infra', 'main.tf'),
      [
        'resource "azurerm_resource_group" "app" {',
        '  name     = "rg-app"',
        '  location = "eastus2"',
        '}',
        '',
        'resource "azurerm_storage_account" "weak" {',
        '  name                       = "stweak"',
        '  resource_group_name        = azurerm_resource_group.app.name',
        '  location                   = azurerm_resource_group.app.location',
        '  account_tier               = "Standard"',
        '  account_replication_type   = "GRS"',
        '  https_traffic_only_enabled = false',
        '}',
        '',
        'resource "azurerm_key_vault" "good" {',
        '  name                     = "kv-good"',
        '  resource_group_name      = azurerm_resource_group.app.name',
        '  location                 = "westus"',
        '  tenant_id                = "00000000-0000-0000-0000-000000000000"',
        '  sku_name                 = "standard"',
        '  purge_protection_enabled = true',
        '}',
        '',
      ].join('\n'),
    );
    try {
      const result = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA] }], sources: { azure: azureSource }, rules: [httpsOnly, vaultLogs], root, tfDir: path.join(root, 'infra'), terraform: { cacheDirectory: false } });
      expect(finding(result, httpsOnly.meta.id, storage('stweak'))).toMatchObject({
        status: 'fail',
        location: { file: 'infra/main.tf', startLine: 12, endLine: 12 },
        resource: { cloudId: storage('stweak') },
      });
      // Not declared in --tf-dir: the pseudo-path.
      expect(finding(result, httpsOnly.meta.id, storage('stgood'))?.location.file).toBe(`cloud/azure/${f.subscriptionA}/rg-app/azurerm_storage_account/stgood`);
      const vault = `${f.groupId(f.subscriptionA, 'rg-app')}/providers/Microsoft.KeyVault/vaults/kv-good`;
      expect(finding(result, vaultLogs.meta.id, vault)?.location).toMatchObject({ file: 'infra/main.tf', startLine: 15 });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('fires the built-in Azure rules: compliant resources never fail, insecure ones do', async () => {
    const estate = (subscription: string, secure: boolean) => {
      const x = { secure, subscription };
      const tag = secure ? 'good' : 'weak';
      return [
        ...f.storageAccount(`st${tag}`, x),
        ...f.keyVault(`kv-${tag}`, x),
        ...f.sqlServer(`sql-${tag}`, x),
        ...f.sqlDatabase(`sql-${tag}`, `db-${tag}`, x),
        ...f.webApp(`web-${tag}`, x),
        ...f.networkSecurityGroup(`nsg-${tag}`, x),
        ...f.managedDisk(`disk-${tag}`, x),
        ...f.recoveryServicesVault(`rsv-${tag}`, x),
        ...f.postgresqlFlexibleServer(`pg-${tag}`, x),
        ...f.redisCache(`redis-${tag}`, x),
        // The vaults protect `vm1`: compliant in the good subscription, kept too briefly in the weak one.
        ...f.virtualMachine('vm1', x),
        ...f.virtualNetwork(`vnet-${tag}`, `nsg-${tag}`, x),
        ...f.subscriptionSettings(subscription, x),
      ];
    };
    const both = await startArmServer({
      subscriptions: [
        { subscriptionId: f.subscriptionA, resources: estate(f.subscriptionA, true) },
        { subscriptionId: f.subscriptionB, resources: estate(f.subscriptionB, false) },
      ],
    });
    vi.stubEnv('TRUSTSCAN_AZURE_ENDPOINT', both.url);
    const azureRules = rules.filter((rule) => rule.meta.resourceTypes.some((type) => type.startsWith('azurerm_')));
    // The strict profile runs every Azure rule, the customer-managed-key one included.
    const result = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA, f.subscriptionB] }], sources: { azure: azureSource }, rules: azureRules, root: '/work/repo', profile: 'strict' }).finally(() => both.close());
    expect(result.targets[0]?.ok).toBe(true);
    expect(result.notifications).toEqual([]);
    const inGood = (address: string): boolean => address.startsWith(`/subscriptions/${f.subscriptionA}`);
    const failing = new Set<string>();
    for (const rule of azureRules) {
      const own = result.findings.filter((x) => x.ruleId === rule.meta.id);
      const failingGood = own.filter((x) => x.status === 'fail' && inGood(x.resource.address));
      expect(failingGood.map((x) => `${x.resource.address}: ${x.message}`), rule.meta.id).toEqual([]);
      if (own.some((x) => x.status === 'fail' && !inGood(x.resource.address))) failing.add(rule.meta.id);
    }
    // The compliant subscription is decided entirely: every finding passes.
    expect(result.findings.filter((x) => inGood(x.resource.address) && x.status !== 'pass').map((x) => `${x.ruleId} ${x.status}: ${x.message}`)).toEqual([]);
    // Every rule about a type of the insecure estate finds it insecure (or, where the response lacks the setting, unknown).
    const expectedToFail = [
      'azure-storage-account-https-only',
      'azure-storage-account-customer-managed-key',
      'azure-storage-account-blob-soft-delete',
      'azure-key-vault-audit-logging',
      'azure-mssql-server-min-tls-1-2',
      'azure-mssql-server-auditing',
      'azure-mssql-database-transparent-data-encryption',
      'azure-mssql-database-geo-redundant-backup',
      'azure-app-service-https-only',
      'azure-app-service-min-tls-1-2',
      'azure-app-service-no-plain-ftp',
      'azure-network-security-group-no-internet-ssh-rdp',
      'azure-backup-vault-deletion-protection',
      'azure-backup-vault-geo-redundant-storage',
      'azure-postgresql-server-tls-required',
      'azure-postgresql-mysql-geo-redundant-backup',
      'azure-redis-cache-tls-only',
      'azure-custom-role-no-wildcard-actions',
      'azure-defender-plan-enabled',
      'azure-managed-disk-cmk-or-host-encryption',
      'azure-key-vault-key-rotation',
      'azure-monitor-activity-log-exported',
      'azure-monitor-activity-log-retention',
      'azure-monitor-activity-log-alerts',
      'azure-subscription-owner-count',
      'azure-virtual-machine-backup',
      'azure-virtual-network-flow-logs',
    ].filter((id) => azureRules.some((rule) => rule.meta.id === id));
    expect([...failing].filter((id) => expectedToFail.includes(id)).sort()).toEqual([...expectedToFail].sort());
  });
});
