import { defineRule, isUnknown } from '@trustscan/core';
import { attribute } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-iam-user-no-direct-policies',
    title: 'IAM users get permissions through groups or roles',
    description:
      'Permissions attached to individual users drift: each user ends up with a slightly different set, and access reviews must read every user. Granting through groups (or, better, roles assumed through IAM Identity Center) keeps access tied to job functions, which auditors test under the criteria for role-based access and for the structure of responsibilities. The rule flags inline user policies and policy attachments that name users.',
    remediation: [
      'Attach the policy to a group and add the user to it:',
      '',
      '```hcl',
      'resource "aws_iam_group_policy_attachment" "developers" {',
      '  group      = aws_iam_group.developers.name',
      '  policy_arn = aws_iam_policy.developer.arn',
      '}',
      '',
      'resource "aws_iam_user_group_membership" "jane" {',
      '  user   = aws_iam_user.jane.name',
      '  groups = [aws_iam_group.developers.name]',
      '}',
      '```',
    ].join('\n'),
    severity: 'low',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.3'],
      secondary: ['CC1.3'],
      basis: 'Prowler maps iam_policy_attached_only_to_group_or_roles to CC1.3; Steampipe maps iam_user_no_inline_attached_policies to CC1.3, CC6.1 and CC6.3.',
    },
    resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
    live: { aws: { configType: 'AWS::IAM::User', fields: ['configuration.userPolicyList', 'configuration.attachedManagedPolicies'] } },
    equivalents: { checkov: ['CKV_AWS_40'], kics: ['IAM Policies Attached To User'], trivy: ['AVD-AWS-0143'], prowler: ['iam_policy_attached_only_to_group_or_roles'], catalog: ['S2-AWS-IAM-003'] },
    messages: {
      notToUsers: 'Policy attachment {{address}} grants to groups or roles only.',
      inlineUserPolicy: 'Inline policy {{address}} grants permissions directly to a user. Move them to a group policy or a role.',
      attachedToUser: 'Policy attachment {{address}} attaches a policy directly to {{users}}. Attach it to a group or role instead.',
      unknown: 'Whether policy attachment {{address}} names users is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_iam_group_policy_attachment" "developers" {\n  group      = "developers"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n\nresource "aws_iam_policy_attachment" "readers" {\n  name       = "readers"\n  groups     = ["developers"]\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
      bad: 'resource "aws_iam_user_policy_attachment" "jane" {\n  user       = "jane"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
    },
  },
  evaluate(resource) {
    const address = resource.address;
    if (resource.type === 'aws_iam_user_policy') return { status: 'fail', messageId: 'inlineUserPolicy', data: { address }, path: ['user'] };
    if (resource.type === 'aws_iam_user_policy_attachment') return { status: 'fail', messageId: 'attachedToUser', data: { address, users: 'a user' }, path: ['user'] };
    const path = ['users'];
    const users = attribute(resource, path);
    if (isUnknown(users)) return { status: 'unknown', messageId: 'unknown', data: { address, reason: users.reason }, path };
    const list = Array.isArray(users) ? users : [];
    // Users named by values known only after apply are still users.
    if (list.length > 0) {
      const names = list.filter((u): u is string => typeof u === 'string');
      return { status: 'fail', messageId: 'attachedToUser', data: { address, users: names.length > 0 ? names.join(', ') : 'users' }, path };
    }
    return { status: 'pass', messageId: 'notToUsers', data: { address }, path };
  },
});
