import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-iam-console-user-mfa',
    title: 'IAM users who sign in to the console use MFA',
    description:
      'An IAM user with a console password and no MFA device can be taken over with a phished or reused password. Auditors check MFA for interactive access under the criteria for authenticating users. Terraform can only show which users have a console password (`aws_iam_user_login_profile`); whether they registered MFA is known only in the live account (IAM credential report), so Terraform input yields unknown.',
    remediation: [
      'Require every console user to register MFA (an IAM policy that denies everything without `aws:MultiFactorAuthPresent` enforces it), or better, remove IAM users and sign in through IAM Identity Center:',
      '',
      '```hcl',
      'resource "aws_iam_group_policy" "require_mfa" {',
      '  group = aws_iam_group.console_users.name',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect    = "Deny"',
      '      NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]',
      '      Resource  = "*"',
      '      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }',
      '    }]',
      '  })',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.1', 'CC6.6'],
      basis: "Steampipe maps iam_user_console_access_mfa_enabled to CC6.6 (and CC3.2); CC6.1's point of focus 'identifies and authenticates users'.",
    },
    resourceTypes: ['aws_iam_user_login_profile'],
    live: { aws: { configType: '(IAM credential report)', fields: ['password_enabled', 'mfa_active'], api: 'IAM GetCredentialReport' } },
    liveOnly: true,
    defaults: ['A live scan describes each user with a console password as `aws_iam_user_login_profile` with `mfa_active` from the credential report.'],
    equivalents: { checkov: ['CKV2_AWS_22'], trivy: ['AVD-AWS-0145'], prowler: ['iam_user_mfa_enabled_console_access'], catalog: ['S2-AWS-IAM-006'] },
    messages: {
      mfa: 'Console user {{user}} ({{address}}) signs in with MFA.',
      noMfa: 'Console user {{user}} ({{address}}) has no MFA device. Require MFA for console sign-in, or move the user to IAM Identity Center.',
      liveOnly: 'Whether console user {{user}} ({{address}}) has MFA can only be checked against the live account (IAM credential report); Terraform does not show it.',
      unknown: 'Whether console user {{user}} ({{address}}) has MFA is not known: {{reason}}.',
    },
  },
  evaluate(profile) {
    const address = profile.address;
    const name = attribute(profile, ['user']);
    const user = typeof name === 'string' ? name : 'of this login profile';
    const path = ['mfa_active'];
    const mfa = readBoolean(attribute(profile, path));
    if (mfa.kind === 'absent') return { status: 'unknown', messageId: 'liveOnly', data: { address, user } };
    if (mfa.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, user, reason: mfa.reason }, path };
    return mfa.value ? { status: 'pass', messageId: 'mfa', data: { address, user }, path } : { status: 'fail', messageId: 'noMfa', data: { address, user }, path };
  },
});
