import { fingerprintOf } from '../engine/fingerprint.js';
import { locate } from '../engine/locate.js';
import { formatMessage } from '../engine/message.js';
import { isJoinable } from '../identity/match-declared.js';
import type { Finding, Notification } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { RuleMeta } from '../model/rule.js';
import { accountOf } from './cloud-scope.js';
import { criteriaOf } from './control-drift.js';
import type { DriftTarget } from './drift-target.js';
import { byAddress, cloudIdOf, compare, declaredCloudId, examples, findingResource, identityText, nameOf, plural } from './drift-resource.js';
import { isInventoryType, madeByTheCloud } from './drift-scope.js';

/** A declared resource the live scan could have found, with the targets on both sides. */
export interface MissingCandidate {
  readonly resource: Resource;
  readonly target: DriftTarget;
  readonly live: DriftTarget;
}

/**
 * The live resources of the inventory types that no declaration claims, unless the cloud made them, `--tf-dir`
 * declares them, or they belong to an account the declarations do not describe.
 */
export function unmanagedResources(resources: readonly Resource[], joined: ReadonlySet<Resource>, declaredAccounts: ReadonlySet<string>): Resource[] {
  return [...resources].sort(byAddress).filter((resource) => {
    if (joined.has(resource) || !isInventoryType(resource.type) || resource.declaration !== undefined || madeByTheCloud(resource) !== undefined) return false;
    const account = accountOf(resource);
    return declaredAccounts.size === 0 || account === undefined || declaredAccounts.has(account);
  });
}

/** `drift-unmanaged` findings: one per unmanaged live resource, at its cloud pseudo-path. */
export function unmanagedFindings(rule: RuleMeta, live: DriftTarget, resources: readonly Resource[], root: string): Finding[] {
  return resources.map((resource): Finding => {
    const id = cloudIdOf(resource) ?? resource.address;
    const location = locate(resource, undefined, root);
    return {
      ruleId: rule.id,
      status: 'fail',
      severity: rule.severity,
      area: rule.area,
      tsc: criteriaOf(rule),
      resource: findingResource(resource),
      target: live.name,
      location,
      message: formatMessage(rule.messages['unmanaged'] ?? 'unmanaged', { type: resource.type, name: nameOf(resource), target: live.name, id }),
      fingerprint: fingerprintOf(rule.id, id),
      drift: { kind: 'unmanaged', live: { target: live.name, address: resource.address, ...(cloudIdOf(resource) ? { cloudId: id } : {}), location } },
    };
  });
}

/**
 * `drift-missing`: declared resources no live target found, once each. Those that cannot be joined at all (a name
 * known only after apply) are never called missing: a note per target lists them.
 */
export function missingResources(rule: RuleMeta | undefined, candidates: readonly MissingCandidate[], joined: ReadonlySet<Resource>, root: string): { findings: Finding[]; notifications: Notification[] } {
  const findings: Finding[] = [];
  const unjoinable = new Map<DriftTarget, string[]>();
  const seen = new Set<Resource>();
  for (const { resource, target, live } of [...candidates].sort((a, b) => compare(a.target.name, b.target.name) || byAddress(a.resource, b.resource))) {
    if (joined.has(resource) || seen.has(resource)) continue;
    seen.add(resource);
    if (!isJoinable(resource)) {
      const list = unjoinable.get(target);
      if (list) list.push(resource.address);
      else unjoinable.set(target, [resource.address]);
      continue;
    }
    if (!rule) continue;
    const location = locate(resource, undefined, root);
    const cloudId = declaredCloudId(resource);
    findings.push({
      ruleId: rule.id,
      status: 'fail',
      severity: rule.severity,
      area: rule.area,
      tsc: criteriaOf(rule),
      resource: { ...findingResource(resource), ...(cloudId ? { cloudId } : {}) },
      target: target.name,
      location,
      message: formatMessage(rule.messages['missing'] ?? 'missing', { address: resource.address, target: target.name, live: live.name, identity: identityText(resource) }),
      fingerprint: fingerprintOf(rule.id, resource.address, resource.origin.kind),
      drift: { kind: 'missing', declared: { target: target.name, address: resource.address, ...(cloudId ? { cloudId } : {}), location } },
    });
  }
  const notifications = [...unjoinable].map(([target, addresses]): Notification => ({
    level: 'note',
    code: 'drift-identity-unknown',
    message: `${target.name}: ${plural(addresses.length, 'declared resource')} could not be joined to the cloud because ${addresses.length === 1 ? 'its name and ids are' : 'their names and ids are'} known only after apply or come from variables without values (${examples(addresses)}); ${addresses.length === 1 ? 'it is' : 'they are'} neither compared nor reported missing. Scan the state to join them by id.`,
    subject: target.name,
  }));
  return { findings, notifications };
}
