import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-iam-root-mfa',
    title: 'The root user signs in with MFA',
    description:
      'The root user can do anything in the account, including closing it, and cannot be restricted by IAM policies. Without multi-factor authentication a phished or reused password is enough to take the account. Auditors check MFA on the root user under the criteria for authenticating users. Terraform cannot show it, so the rule is decided against the live account (IAM credential report); for an account a configuration creates (`aws_organizations_account`) it reports unknown.',
    remediation: [
      'Sign in as the root user and register a hardware security key or passkey (Security credentials page). For member accounts of an organization, prefer removing root credentials altogether with centralized root access management:',
      '',
      '```hcl',
      'resource "aws_iam_organizations_features" "root" {',
      '  enabled_features = ["RootCredentialsManagement", "RootSessions"]',
      '}',
      '```',
    ].join('\n'),
    severity: 'critical',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.1', 'CC6.6'],
      basis: "Steampipe maps iam_root_user_mfa_enabled and iam_root_user_hardware_mfa_enabled to CC6.6; CC6.1's point of focus 'identifies and authenticates users'.",
    },
    resourceTypes: ['aws_iam_root_user', 'aws_organizations_account'],
    live: { aws: { configType: '(IAM credential report, <root_account> row)', fields: ['mfa_active'], api: 'IAM GetCredentialReport, GetAccountSummary (AccountMFAEnabled)' } },
    liveOnly: true,
    defaults: ['A live scan describes the root user as `aws_iam_root_user` with `mfa_active` from the credential report.'],
    equivalents: { trivy: ['AVD-AWS-0142'], prowler: ['iam_root_mfa_enabled', 'iam_root_hardware_mfa_enabled'], catalog: ['S2-AWS-IAM-005'] },
    messages: {
      mfa: 'The root user of {{address}} signs in with MFA.',
      noMfa: 'The root user of {{address}} has no MFA device. Register a hardware security key or passkey for it.',
      liveOnly: 'Whether the root user of {{address}} has MFA can only be checked against the live account (IAM credential report); Terraform does not show it.',
      unknown: 'Whether the root user of {{address}} has MFA is not known: {{reason}}.',
    },
  },
  evaluate(account) {
    const address = account.address;
    const path = ['mfa_active'];
    const mfa = readBoolean(attribute(account, path));
    if (mfa.kind === 'absent') return { status: 'unknown', messageId: 'liveOnly', data: { address } };
    if (mfa.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: mfa.reason }, path };
    return mfa.value ? { status: 'pass', messageId: 'mfa', data: { address }, path } : { status: 'fail', messageId: 'noMfa', data: { address }, path };
  },
});
