import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// Core does not depend on the rule pack; the test reads it from its sources, as a user's scan would.
import { rules } from '@trustscan/rules';
import { scan, type Finding, type ScanResult } from '@trustscan/core';
import { startArmServer, type ArmServer } from '../../../testing/arm-server.js';
import { sarifProblems } from '../../../testing/sarif-validation.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { azureSource } from '../src/index.js';
import { driftedSubscription, ids, lines, subscription, writeTerraform } from './drift-scenario.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const workspace = temporaryDirectory('azure-drift');
let server: ArmServer;
let files: ReturnType<typeof writeTerraform>;
const results = new Map<string, ScanResult>();

beforeAll(async () => {
  server = await startArmServer({ subscriptions: [{ subscriptionId: subscription, resources: driftedSubscription() }] });
  vi.stubEnv('TRUSTSCAN_AZURE_ENDPOINT', server.url);
  files = writeTerraform(workspace);
  for (const [form, target] of [['HCL', files.infra], ['state', files.state]] as const) {
    results.set(form, await scan({ targets: [{ kind: 'path', path: target }, { kind: 'azure', subscriptions: [subscription] }], sources: { azure: azureSource }, rules, root: workspace, terraform: { cacheDirectory: false } }));
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.close();
});

/** The line of a resource's `"type"` in the raw state file. */
function stateLine(address: string): number {
  const [type, name] = address.split('.');
  return readFileSync(files.state, 'utf8').split('\n').findIndex((line, i, all) => line.includes(`"type": "${type}"`) && (all[i + 1] ?? '').includes(`"name": "${name}"`)) + 1;
}

const where = (f: Finding | undefined) => (f ? `${f.location.file}:${f.location.startLine}` : 'none');

describe.each([
  ['HCL', () => `infra/main.tf:${lines.dataHttps}`, () => `infra/main.tf:${lines.goneAccount}`, 'name'],
  ['state', () => `state/terraform.tfstate:${stateLine('azurerm_storage_account.data')}`, () => `state/terraform.tfstate:${stateLine('azurerm_storage_account.gone')}`, 'id'],
] as const)('drift of a subscription on the local ARM server against its Terraform %s', (form, httpsAt, goneAt, joinedBy) => {
  const result = (): ScanResult => results.get(form) as ScanResult;
  const failing = (ruleId: string) => result().findings.filter((f) => f.ruleId === ruleId && f.status === 'fail');

  it('finds the setting turned off in the portal, with both values and both locations', () => {
    expect(result().notifications.filter((n) => n.level !== 'note')).toEqual([]);
    const drifted = failing('drift-control');
    expect(drifted.map((f) => [f.drift?.control, f.resource.address, f.severity])).toEqual([['azure-storage-account-https-only', 'azurerm_storage_account.data', 'high']]);
    expect(where(drifted[0])).toBe(httpsAt());
    expect(drifted[0]?.drift).toMatchObject({
      joinedBy,
      attribute: 'https_traffic_only_enabled',
      declared: { status: 'pass', value: 'true' },
      live: { status: 'fail', value: 'false', address: ids.data, location: { file: `cloud/azure/${subscription}/rg-app/azurerm_storage_account/stdata` } },
    });
  });

  it('agrees on the other controls, the SQL server joined through its auditing policy too', () => {
    const agreed = result().findings.filter((f) => f.ruleId === 'drift-control' && f.status !== 'fail');
    expect(agreed.map((f) => [f.status, f.drift?.control]).sort()).toEqual([
      ['pass', 'azure-mssql-server-auditing'],
      ['pass', 'azure-mssql-server-min-tls-1-2'],
      ['pass', 'azure-storage-account-blob-soft-delete'],
      ['pass', 'azure-storage-account-min-tls-1-2'],
      ['pass', 'azure-storage-account-no-public-blob-access'],
    ]);
    expect(result().notifications.find((n) => n.code === 'drift-compared')?.message).toContain('1 by parent');
  });

  it('lists the account created by hand as unmanaged and the one deleted by hand as missing', () => {
    expect(failing('drift-unmanaged').map((f) => [f.resource.type, f.resource.cloudId, f.location.file])).toEqual([
      ['azurerm_storage_account', ids.manual, `cloud/azure/${subscription}/rg-app/azurerm_storage_account/stmanual`],
    ]);
    expect(failing('drift-missing').map((f) => [f.resource.address, where(f)])).toEqual([['azurerm_storage_account.gone', goneAt()]]);
  });
});

describe('trustscan scan state.json --azure (the real binary)', () => {
  it('reports drift in SARIF at the state line, and the secret in the state nowhere', async () => {
    const out = temporaryDirectory('azure-drift-reports');
    // Asynchronously: the ARM server answers from this process.
    const run = await promisify(execFile)(process.execPath, [binary, 'scan', 'state/terraform.tfstate', '--azure', '--azure-subscription', subscription, '-f', 'sarif', '-o', path.join(out, 'r.sarif'), '-f', 'markdown', '-o', path.join(out, 'r.md'), '-f', 'text', '-q'], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, TRUSTSCAN_AZURE_ENDPOINT: server.url, NO_COLOR: '1' },
    }).then(
      ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const sarifText = readFileSync(path.join(out, 'r.sarif'), 'utf8');
    expect(sarifProblems(sarifText)).toEqual([]);
    const sarif = JSON.parse(sarifText) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; properties: { drift?: { control?: string } } }[] }[] };
    const https = sarif.runs[0]?.results.find((r) => r.ruleId === 'drift-control');
    expect(https?.properties.drift?.control).toBe('azure-storage-account-https-only');
    expect(https?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'state/terraform.tfstate' }, region: { startLine: stateLine('azurerm_storage_account.data') } });
    const markdown = readFileSync(path.join(out, 'r.md'), 'utf8');
    expect(markdown).toContain(`| High | \`azure-storage-account-https-only\` | \`azurerm_storage_account.data\` | ✅ pass at \`state/terraform.tfstate:${stateLine('azurerm_storage_account.data')}\`: \`https_traffic_only_enabled = true\` | ❌ fail on \`${ids.data}\`: \`https_traffic_only_enabled = false\` |`);
    for (const text of [sarifText, markdown, run.stdout]) {
      expect(text).not.toContain('Sql-Admin-Secret-4821');
      expect(text).not.toContain('c2VjcmV0LWtleS1vZi1zdGRhdGE=');
    }
  });
});
