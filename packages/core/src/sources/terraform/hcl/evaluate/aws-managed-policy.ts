import type { Value } from '../../../../model/value.js';

/**
 * AWS managed policies that configurations look up by name and that rules judge by ARN. Their ARNs are fixed
 * (`arn:aws:iam::aws:policy/<name>`), so `data "aws_iam_policy" { name = "AdministratorAccess" }` has a known ARN
 * offline, as it does in a plan. Other names stay unknown: a customer managed policy's ARN holds the account.
 */
const knownManagedPolicies = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess', 'ReadOnlyAccess', 'SecurityAudit', 'ViewOnlyAccess']);

/** The attributes `data "aws_iam_policy"` gains offline: `arn` when its `name` is a known AWS managed policy. */
export function awsManagedPolicyAttributes(attributes: Readonly<Record<string, Value>>): Record<string, Value> {
  const name = attributes['name'];
  if (typeof attributes['arn'] === 'string' || typeof name !== 'string' || attributes['path_prefix'] !== undefined || !knownManagedPolicies.has(name)) return {};
  return { arn: `arn:aws:iam::aws:policy/${name}` };
}
