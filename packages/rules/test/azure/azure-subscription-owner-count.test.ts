import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scan, Unknown, type Finding } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import rule from '../../src/azure/authorization/azure-subscription-owner-count.js';
import { buildPlan } from '../../../../testing/plan-builder.js';
import { evaluateLive, findingFor, liveAzureResource } from '../../../../testing/rules-azure.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

// A live-only rule: Terraform input must give `unknown`, and only live resources can pass or fail, so the cases
// run through scan() for the Terraform forms and through the inventory for the live form (the table tester has no
// live form yet).
const subscriptionId = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ownerRoleId = `${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
const readerRoleId = `${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`;
const workspace = temporaryDirectory('owner-count');

function expectSentence(finding: Finding): void {
  expect(finding.message).toMatch(/^[A-Z].*\.$/s);
  expect(finding.message).not.toMatch(/\{\{\s*\w+\s*\}\}/);
}

describe('azure-subscription-owner-count', () => {
  describe('Terraform input is unknown: only a live scan sees every assignment', () => {
    it('plan form', async () => {
      const file = path.join(workspace, 'plan.json');
      const plan = buildPlan([
        { address: 'azurerm_role_assignment.owner', values: { scope: subscriptionId, role_definition_name: 'Owner', principal_id: '11111111-1111-1111-1111-111111111111' }, computed: ['role_definition_id'] },
        { address: 'azurerm_role_assignment.reader', values: { scope: subscriptionId, role_definition_name: 'Reader', principal_id: '22222222-2222-2222-2222-222222222222' }, computed: ['role_definition_id'] },
      ]);
      writeFileSync(file, JSON.stringify(plan));
      const result = await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules: [rule], root: workspace });
      expect(result.findings.map((f) => [f.resource.address, f.status])).toEqual([['azurerm_role_assignment.owner', 'unknown']]);
      const finding = result.findings[0] as Finding;
      expectSentence(finding);
      expect(finding.message).toContain('decided only by a live scan');
      expect(finding.path).toBe('role_definition_name');
    });

    it('HCL form, with a subscription resource created by Terraform', async () => {
      const directory = mkdtempSync(path.join(workspace, 'hcl-'));
      writeFileSync(
        path.join(directory, 'main.tf'),
        `resource "azurerm_subscription" "payments" {
  subscription_name = "acme-payments"
  billing_scope_id  = "/providers/Microsoft.Billing/billingAccounts/1234567/enrollmentAccounts/7654321"
}

resource "azurerm_role_assignment" "owner" {
  scope                = "${subscriptionId}"
  role_definition_name = "Owner"
  principal_id         = "11111111-1111-1111-1111-111111111111"
}
`,
      );
      const result = await scan({ targets: [{ kind: 'terraform-hcl', path: directory }], rules: [rule], root: workspace, terraform: { cacheDirectory: false } });
      expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
      expect(result.findings.map((f) => [f.resource.address, f.status]).sort()).toEqual([
        ['azurerm_role_assignment.owner', 'unknown'],
        ['azurerm_subscription.payments', 'unknown'],
      ]);
      for (const finding of result.findings) expectSentence(finding);
    });
  });

  describe('live form', () => {
    const subscription = liveAzureResource('azurerm_subscription', subscriptionId, { subscription_id: '00000000-0000-0000-0000-000000000000' });
    const assignment = (name: string, roleDefinitionId: string, scope = subscriptionId) =>
      liveAzureResource('azurerm_role_assignment', `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`, {
        scope,
        role_definition_id: roleDefinitionId,
        role_definition_name: roleDefinitionId === ownerRoleId ? 'Owner' : 'Reader',
        principal_id: name,
        principal_type: 'User',
      });

    it('passes with two Owners, counting neither readers nor Owners of a resource group', () => {
      const findings = evaluateLive(rule, [
        subscription,
        assignment('a', ownerRoleId),
        assignment('b', ownerRoleId),
        assignment('c', readerRoleId),
        assignment('d', ownerRoleId, `${subscriptionId}/resourceGroups/acme-prod`),
      ]);
      expect(findings).toHaveLength(1);
      const finding = findingFor(findings, subscriptionId);
      expect(finding.status).toBe('pass');
      expect(finding.message).toContain('has 2 Owners');
      expectSentence(finding);
    });

    it('fails with a single Owner', () => {
      const finding = findingFor(evaluateLive(rule, [subscription, assignment('a', ownerRoleId)]), subscriptionId);
      expect(finding.status).toBe('fail');
      expect(finding.message).toContain('has 1 Owner(s)');
    });

    it('fails with four Owners', () => {
      const finding = findingFor(evaluateLive(rule, [subscription, ...['a', 'b', 'c', 'd'].map((n) => assignment(n, ownerRoleId))]), subscriptionId);
      expect(finding.status).toBe('fail');
      expect(finding.message).toContain('has 4 Owners');
    });

    it('is unknown when an assignment cannot be read', () => {
      const unreadable = liveAzureResource('azurerm_role_assignment', `${subscriptionId}/providers/Microsoft.Authorization/roleAssignments/x`, {
        scope: subscriptionId,
        role_definition_id: new Unknown('Microsoft.Authorization/roleAssignments/read was denied'),
        role_definition_name: new Unknown('Microsoft.Authorization/roleAssignments/read was denied'),
      });
      const finding = findingFor(evaluateLive(rule, [subscription, assignment('a', ownerRoleId), unreadable]), subscriptionId);
      expect(finding.status).toBe('unknown');
      expect(finding.message).toContain('was denied');
    });
  });
});
