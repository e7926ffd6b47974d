import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '@trustscan/core';
// Core does not depend on the rule pack; these tests borrow it to check that HCL and plans agree per version.
import { rules } from '../../../rules/src/index.js';
import { buildPlan } from '../../../../testing/plan-builder.js';
import { currentMajors, readLockFile, selectProviderVersions } from '../../src/sources/terraform/providers/provider-versions.js';
import { newestAllowedMajor, parseConstraints } from '../../src/sources/terraform/providers/version-constraints.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-providers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const lockFile = (provider: string, version: string): string =>
  `# This file is maintained automatically by "terraform init".\n\nprovider "registry.terraform.io/hashicorp/${provider}" {\n  version     = "${version}"\n  constraints = "~> ${version.split('.')[0]}.0"\n  hashes = [\n    "h1:abc=",\n  ]\n}\n`;

describe('version constraints', () => {
  it.each([
    ['~> 3.0', 3],
    ['~> 3.1.2', 3],
    ['~> 2', 2],
    ['>= 2.0, < 4.0', 3],
    ['>= 2.0', 4],
    ['= 2.99.0', 2],
    ['2.46.0', 2],
    ['> 3.117.0, != 4.0.0', 4],
    ['< 3.0.0', 2],
    ['>= 9.0', undefined],
  ])('%s allows azurerm %s as the newest major', (text, expected) => {
    const constraints = parseConstraints(text);
    expect(constraints).toBeDefined();
    expect(newestAllowedMajor(constraints ?? [], currentMajors.azurerm)).toBe(expected);
  });

  it('reads the versions a lock file records', () => {
    expect([...readLockFile(lockFile('aws', '3.76.1') + lockFile('azurerm', '2.99.0') + lockFile('random', '3.6.0'))]).toEqual([
      ['aws', '3.76.1'],
      ['azurerm', '2.99.0'],
    ]);
  });

  it.each([
    ['the lock file first', lockFile('azurerm', '2.99.0'), [{ name: 'azurerm', constraints: '~> 3.0' }], 2, 'azurerm 2.99.0 (.terraform.lock.hcl)'],
    ['else the constraints of every module', undefined, [{ name: 'azurerm', constraints: '>= 2.0' }, { name: 'az', source: 'hashicorp/azurerm', constraints: '< 4.0' }], 3, 'azurerm 3.x (required_providers ">= 2.0" and "< 4.0")'],
    ['else the current major', undefined, [{ name: 'aws', constraints: '~> 5.0' }], 4, 'azurerm 4.x (no lock file or version constraint; the current major is assumed)'],
    ['the current major when no version meets the constraints', undefined, [{ name: 'azurerm', constraints: '> 9.0' }], 4, 'azurerm 4.x (no version meets required_providers "> 9.0"; the current major is assumed)'],
  ])('chooses %s', (_name, lock, requirements, major, describe) => {
    expect(selectProviderVersions(lock, requirements).get('azurerm')).toEqual({ major, describe });
  });
});

/** A storage account and a Redis cache that leave out every version-dependent argument. */
const leftOut = `resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_redis_cache" "sessions" {
  name                = "acme-sessions"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}
`;

const base = { name: 'acmedata', resource_group_name: 'acme-prod', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'GRS' };
const cache = { name: 'acme-sessions', resource_group_name: 'acme-prod', location: 'westeurope', capacity: 1, family: 'C', sku_name: 'Standard' };

/** What each azurerm major writes into the plan for the arguments left out (from its schema defaults). */
const plannedByMajor: Record<number, { storage: Record<string, unknown>; redis: Record<string, unknown> }> = {
  2: { storage: { min_tls_version: 'TLS1_0', allow_blob_public_access: false, enable_https_traffic_only: true }, redis: { minimum_tls_version: '1.0', enable_non_ssl_port: false } },
  3: { storage: { min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: true, enable_https_traffic_only: true }, redis: { minimum_tls_version: '1.2', enable_non_ssl_port: false } },
  4: { storage: { min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: true, https_traffic_only_enabled: true }, redis: { minimum_tls_version: '1.2', non_ssl_port_enabled: false } },
  5: { storage: { min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: false, https_traffic_only_enabled: true }, redis: { minimum_tls_version: '1.2', non_ssl_port_enabled: false } },
};

const versionRules = ['azure-storage-account-min-tls-1-2', 'azure-storage-account-no-public-blob-access', 'azure-storage-account-https-only', 'azure-redis-cache-tls-only'];

function verdicts(result: ScanResult): string[] {
  return result.findings.filter((f) => versionRules.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.status}`).sort();
}

describe('provider-version defaults', () => {
  it.each([
    ['a lock file with azurerm 2.x', { '.terraform.lock.hcl': lockFile('azurerm', '2.99.0') }, 2],
    ['required_providers allowing azurerm 3.x only', { 'versions.tf': 'terraform {\n  required_providers {\n    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = "~> 3.0"\n    }\n  }\n}\n' }, 3],
    ['nothing pinned (the current major)', {}, 4],
    ['a lock file with azurerm 5.x', { '.terraform.lock.hcl': lockFile('azurerm', '5.0.0') }, 5],
  ])('judges HCL with %s as the plan of that version', async (name, files, major) => {
    const directory = path.join(scratch, name.replace(/\W+/g, '-'));
    mkdirSync(directory, { recursive: true });
    for (const [file, text] of Object.entries({ 'main.tf': leftOut, ...files })) writeFileSync(path.join(directory, file), text);
    const planned = plannedByMajor[major] as (typeof plannedByMajor)[number];
    const planFile = path.join(directory, 'plan.json');
    writeFileSync(
      planFile,
      JSON.stringify(buildPlan([
        { address: 'azurerm_storage_account.data', values: { ...base, ...planned.storage }, expressions: Object.fromEntries(Object.keys(base).map((k) => [k, { constant: (base as Record<string, unknown>)[k] }])), computed: ['id'] },
        { address: 'azurerm_redis_cache.sessions', values: { ...cache, ...planned.redis }, expressions: Object.fromEntries(Object.keys(cache).map((k) => [k, { constant: (cache as Record<string, unknown>)[k] }])), computed: ['id'] },
      ])),
    );
    const hcl = await scan({ targets: [{ kind: 'terraform-hcl', path: directory }], rules, root: directory, terraform: { cacheDirectory: false } });
    const plan = await scan({ targets: [{ kind: 'terraform-plan', path: planFile }], rules, root: directory, tfDir: directory });
    expect(hcl.notifications).toEqual([]);
    expect(verdicts(hcl)).toEqual(verdicts(plan));
    expect(verdicts(hcl)).toHaveLength(versionRules.length);
    if (major === 2) {
      expect(verdicts(hcl)).toEqual(['azure-redis-cache-tls-only fail', 'azure-storage-account-https-only pass', 'azure-storage-account-min-tls-1-2 fail', 'azure-storage-account-no-public-blob-access pass']);
      const tls = hcl.findings.find((f) => f.ruleId === 'azure-storage-account-min-tls-1-2');
      expect(tls?.message).toContain('min_tls_version is not set: "TLS1_0" is the default of azurerm 2.99.0 (.terraform.lock.hcl).');
      expect(tls?.location).toMatchObject({ file: 'main.tf', startLine: 1 });
    }
    if (major === 5) expect(verdicts(hcl)).toContain('azure-storage-account-no-public-blob-access pass');
    if (major === 4) expect(verdicts(hcl)).toContain('azure-storage-account-no-public-blob-access fail');
  });
});
