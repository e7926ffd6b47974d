import { Unknown, type Resource } from '@trustscan/core';
import type { ArmClient } from './arm-client.js';
import type { ArmOutcome } from './arm-failure.js';
import type { ArmObject } from './arm-json.js';
import type { CollectionProblem } from './collection-problems.js';
import { ArmReader, failureReason } from './normalize/arm-reader.js';
import { normalizeDiagnosticSetting } from './normalize/diagnostic-setting.js';
import { normalizeRoleAssignment } from './normalize/role-assignment.js';
import { normalizeRoleDefinition, roleNames } from './normalize/role-definition.js';
import { normalizeSecurityPricing } from './normalize/security-pricing.js';
import { diagnosticSettingsApiVersion } from './resource-kinds.js';
import { unreadableDiagnosticSetting } from './unreadable-diagnostic-setting.js';

interface SubscriptionList {
  readonly armType: string;
  readonly path: string;
  readonly apiVersion: string;
}

const lists = {
  diagnosticSettings: { armType: 'Microsoft.Insights/diagnosticSettings', path: '/providers/Microsoft.Insights/diagnosticSettings', apiVersion: diagnosticSettingsApiVersion },
  pricings: { armType: 'Microsoft.Security/pricings', path: '/providers/Microsoft.Security/pricings', apiVersion: '2024-01-01' },
  roleDefinitions: { armType: 'Microsoft.Authorization/roleDefinitions', path: '/providers/Microsoft.Authorization/roleDefinitions', apiVersion: '2022-04-01' },
  roleAssignments: { armType: 'Microsoft.Authorization/roleAssignments', path: '/providers/Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01' },
} as const satisfies Record<string, SubscriptionList>;

/**
 * The subscription-scope settings the rules read: the Activity Log's diagnostic settings, Defender for Cloud plans,
 * custom role definitions and role assignments (named with the subscription's role definitions).
 */
export async function collectSubscriptionSettings(client: ArmClient, subscription: string, problems: CollectionProblem[]): Promise<Resource[]> {
  const scope = `/subscriptions/${subscription}`;
  const read = async (list: SubscriptionList): Promise<{ list: SubscriptionList; outcome: ArmOutcome<ArmObject[]>; source: string }> => {
    const outcome = await client.list(`${scope}${list.path}`, list.apiVersion, `${list.armType}/read`);
    if (!outcome.ok && outcome.failure.status !== 404) problems.push({ subscription, armType: list.armType, failure: outcome.failure });
    return { list, outcome, source: `GET ${list.armType} (api-version ${list.apiVersion})` };
  };
  const [diagnostics, pricings, definitions, assignments] = await Promise.all([
    read(lists.diagnosticSettings),
    read(lists.pricings),
    read(lists.roleDefinitions),
    read(lists.roleAssignments),
  ]);
  const resources: Resource[] = [];
  if (diagnostics.outcome.ok) {
    for (const setting of diagnostics.outcome.value) resources.push(...normalizeDiagnosticSetting(setting, diagnostics.source, scope, subscription));
  } else if (diagnostics.outcome.failure.status !== 404) {
    resources.push(unreadableDiagnosticSetting(scope, subscription, failureReason(diagnostics.outcome.failure, diagnostics.source)));
  }
  if (pricings.outcome.ok) for (const p of pricings.outcome.value) resources.push(...normalizeSecurityPricing(ArmReader.of(p, pricings.source), subscription));
  const definitionReaders = definitions.outcome.ok ? definitions.outcome.value.map((d) => ArmReader.of(d, definitions.source)) : [];
  for (const d of definitionReaders) resources.push(...normalizeRoleDefinition(d, subscription));
  const names = definitions.outcome.ok ? roleNames(definitionReaders) : new Unknown(failureReason(definitions.outcome.failure, definitions.source));
  if (assignments.outcome.ok) {
    for (const a of assignments.outcome.value) resources.push(...normalizeRoleAssignment(ArmReader.of(a, assignments.source), subscription, names));
  }
  return resources;
}
