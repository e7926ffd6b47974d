import { afterEach, describe, expect, it } from 'vitest';
// Core does not depend on the rule pack; the test reads it from its sources to check the verdicts a live scan gives.
import { azureRules } from '@trustscan/rules';
import { startArmServer, type ArmServer, type ArmServerOptions } from '../../../testing/arm-server.js';
import { scan } from '@trustscan/core';
import { loadAzure } from '../src/load-azure.js';
import * as f from './arm-fixtures.js';
import { azureContext } from './azure-context.js';
import { azureSource } from '../src/index.js';

// A live Azure scan says which types it read: a failed read of a vault's protected items or of the role assignments
// leaves their types out, and the rules that decide on their absence say unknown.

let server: ArmServer | undefined;
const savedEndpoint = process.env['TRUSTSCAN_AZURE_ENDPOINT'];

async function serve(options: ArmServerOptions): Promise<void> {
  server = await startArmServer(options);
  process.env['TRUSTSCAN_AZURE_ENDPOINT'] = server.url;
}

afterEach(async () => {
  if (savedEndpoint === undefined) delete process.env['TRUSTSCAN_AZURE_ENDPOINT'];
  else process.env['TRUSTSCAN_AZURE_ENDPOINT'] = savedEndpoint;
  await server?.close();
  server = undefined;
});

const fixture = { secure: false, subscription: f.subscriptionA };
const resources = [...f.recoveryServicesVault('rsv-weak', fixture), ...f.virtualMachine('vm-weak', fixture), ...f.subscriptionSettings(f.subscriptionA, fixture)];
const denied: ArmServerOptions['faults'] = [
  { path: /\/backupProtectedItems$/, status: 403, action: 'Microsoft.RecoveryServices/vaults/backupProtectedItems/read' },
  { path: /\/providers\/Microsoft\.Authorization\/roleAssignments$/, status: 403, action: 'Microsoft.Authorization/roleAssignments/read' },
];

describe('observed types of a live Azure scan', () => {
  it('declares the types of its kinds, the subscription settings and the folded customer-managed key', async () => {
    await serve({ subscriptions: [{ subscriptionId: f.subscriptionA, resources }] });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext());
    expect(output.observedTypes).toEqual(
      expect.arrayContaining(['azurerm_backup_protected_vm', 'azurerm_role_assignment', 'azurerm_monitor_diagnostic_setting', 'azurerm_storage_account_customer_managed_key', 'azurerm_subscription']),
    );
    // Disks name their VM (managedBy), so the scan sees every attachment.
    expect(output.observedTypes).toContain('azurerm_virtual_machine_data_disk_attachment');
  });

  it('leaves out the types a denied read would have shown', async () => {
    await serve({ subscriptions: [{ subscriptionId: f.subscriptionA, resources }], faults: denied });
    const output = await loadAzure({ kind: 'azure', subscriptions: [f.subscriptionA] }, azureContext());
    expect(output.observedTypes).not.toContain('azurerm_backup_protected_vm');
    expect(output.observedTypes).not.toContain('azurerm_role_assignment');
    expect(output.observedTypes).toContain('azurerm_backup_policy_vm');
  });

  it('turns "not backed up" and "too few owners" into unknown when their evidence could not be read', async () => {
    const verdicts = async (options: ArmServerOptions) => {
      await serve(options);
      const result = await scan({ targets: [{ kind: 'azure', subscriptions: [f.subscriptionA] }], sources: { azure: azureSource }, rules: azureRules, root: '/work/repo' });
      await server?.close();
      server = undefined;
      const status = (ruleId: string) => result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.status);
      return { backup: status('azure-virtual-machine-backup'), owners: status('azure-subscription-owner-count') };
    };
    expect(await verdicts({ subscriptions: [{ subscriptionId: f.subscriptionA, resources }] })).toEqual({ backup: ['fail'], owners: ['fail'] });
    expect(await verdicts({ subscriptions: [{ subscriptionId: f.subscriptionA, resources }], faults: denied })).toEqual({ backup: ['unknown'], owners: ['unknown'] });
  });
});
