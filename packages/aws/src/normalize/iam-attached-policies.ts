import type { Resource, Value } from '@trustscan/core';
import { field, list, policyJson, text } from './fields.js';
import { liveResource, type LiveIdentity } from './live-resource.js';

/**
 * The inline policies (`aws_iam_<kind>_policy`) and managed policy attachments (`aws_iam_<kind>_policy_attachment`)
 * of an IAM role, user or group, as separate resources linked to it, the way a provider v4+ configuration declares
 * them. Each is emitted once, so a policy with a wildcard is reported once.
 */
export function attachedPolicies(
  identity: LiveIdentity,
  kind: 'role' | 'user' | 'group',
  principalName: string,
  configuration: Value,
): Resource[] {
  const resources: Resource[] = [];
  const inline = list(field(configuration, `${kind}PolicyList`));
  for (const entry of inline) {
    const name = text(field(entry, 'policyName')) ?? '';
    resources.push(
      liveResource(
        identity,
        `aws_iam_${kind}_policy`,
        { id: `${principalName}:${name}`, name, [kind]: principalName, policy: policyJson(field(entry, 'policyDocument'), `the inline policy ${name} of ${principalName}`) },
        { suffix: `policy/${name}`, references: { [kind]: [identity.arn] } },
      ),
    );
  }
  const attached = list(field(configuration, 'attachedManagedPolicies'));
  for (const entry of attached) {
    const policyArn = text(field(entry, 'policyArn'));
    if (policyArn === undefined) continue;
    resources.push(
      liveResource(
        identity,
        `aws_iam_${kind}_policy_attachment`,
        { id: `${principalName}/${policyArn}`, [kind]: principalName, policy_arn: policyArn },
        { suffix: `attachment/${policyArn}`, references: { [kind]: [identity.arn], policy_arn: [policyArn] } },
      ),
    );
  }
  return resources;
}
