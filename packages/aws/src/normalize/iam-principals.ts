import { Unknown, type Resource } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, policyJson, text } from './fields.js';
import { attachedPolicies } from './iam-attached-policies.js';
import { identityOf, liveResource } from './live-resource.js';

/** `AWS::IAM::Role` → `aws_iam_role`, plus `aws_iam_role_policy` per inline policy and `aws_iam_role_policy_attachment` per managed policy. */
export function normalizeIamRole(item: ConfigurationItem): Resource[] {
  const configuration = item.configuration;
  const name = text(field(configuration, 'roleName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(configuration, 'arn')));
  const role = liveResource(
    identity,
    'aws_iam_role',
    attributes({
      id: name,
      arn: identity.arn,
      name,
      path: optional(field(configuration, 'path'), 'string'),
      unique_id: text(field(configuration, 'roleId')) ?? null,
      assume_role_policy: item.missing ? new Unknown(item.missing) : policyJson(field(configuration, 'assumeRolePolicyDocument'), `the trust policy of role ${name}`),
      permissions_boundary: optional(field(field(configuration, 'permissionsBoundary'), 'permissionsBoundaryArn'), 'string'),
      tags: item.tags,
    }),
  );
  return [role, ...attachedPolicies(identity, 'role', name, configuration)];
}

/** `AWS::IAM::User` → `aws_iam_user`, plus `aws_iam_user_policy` and `aws_iam_user_policy_attachment`. */
export function normalizeIamUser(item: ConfigurationItem): Resource[] {
  const configuration = item.configuration;
  const name = text(field(configuration, 'userName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(configuration, 'arn')));
  const user = liveResource(
    identity,
    'aws_iam_user',
    attributes({
      id: name,
      arn: identity.arn,
      name,
      path: optional(field(configuration, 'path'), 'string'),
      unique_id: text(field(configuration, 'userId')) ?? null,
      permissions_boundary: optional(field(field(configuration, 'permissionsBoundary'), 'permissionsBoundaryArn'), 'string'),
      tags: item.tags,
    }),
  );
  return [user, ...attachedPolicies(identity, 'user', name, configuration)];
}

/** `AWS::IAM::Group` → `aws_iam_group`, plus `aws_iam_group_policy` and `aws_iam_group_policy_attachment`. */
export function normalizeIamGroup(item: ConfigurationItem): Resource[] {
  const configuration = item.configuration;
  const name = text(field(configuration, 'groupName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(configuration, 'arn')));
  const group = liveResource(
    identity,
    'aws_iam_group',
    attributes({ id: name, arn: identity.arn, name, path: optional(field(configuration, 'path'), 'string'), unique_id: text(field(configuration, 'groupId')) ?? null }),
  );
  return [group, ...attachedPolicies(identity, 'group', name, configuration)];
}
