import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-iam-root-no-access-keys',
    title: 'The root user has no access keys',
    description:
      'Root access keys give unrestricted, unconditional control of the account to whoever holds a string that can leak from a laptop, a CI log or a repository; no IAM policy or permissions boundary limits them. Auditors expect the root user to have no keys at all. Terraform cannot show the root user\'s keys, so this rule is decided against the live account (IAM credential report); for an account a configuration creates (`aws_organizations_account`) it reports unknown.',
    remediation: [
      'Sign in as the root user, delete its access keys (Security credentials page), and use IAM roles instead. For member accounts of an organization, enable centralized root access management and remove root credentials:',
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
      primary: ['CC6.1'],
      secondary: ['CC6.2', 'CC6.3'],
      basis: "Steampipe maps iam_root_user_no_access_keys to CC6.1, CC6.2 and CC6.3 (Prowler's iam_no_root_access_key is unmapped).",
    },
    resourceTypes: ['aws_iam_root_user', 'aws_organizations_account'],
    live: { aws: { configType: '(IAM credential report, <root_account> row)', fields: ['access_key_1_active', 'access_key_2_active'], api: 'IAM GenerateCredentialReport / GetCredentialReport, GetAccountSummary (AccountAccessKeysPresent)' } },
    liveOnly: true,
    defaults: ['A live scan describes the root user as `aws_iam_root_user` with `access_key_1_active` and `access_key_2_active` from the credential report.'],
    equivalents: { checkov: ['CKV_AWS_348'], kics: ['Root Account Has Active Access Keys'], trivy: ['AVD-AWS-0141'], prowler: ['iam_no_root_access_key'], catalog: ['S2-AWS-IAM-004'] },
    messages: {
      noKeys: 'The root user of {{address}} has no active access keys.',
      activeKeys: 'The root user of {{address}} has an active access key ({{key}}). Delete the root user\'s access keys and use IAM roles.',
      liveOnly: 'Whether the root user of {{address}} has access keys can only be checked against the live account (IAM credential report); Terraform does not show it.',
      unknown: 'Whether the root user of {{address}} has access keys is not known: {{reason}}.',
    },
  },
  evaluate(account) {
    const address = account.address;
    const keys = ['access_key_1_active', 'access_key_2_active'].map((name) => ({ name, active: readBoolean(attribute(account, [name])) }));
    if (keys.every((k) => k.active.kind === 'absent')) return { status: 'unknown', messageId: 'liveOnly', data: { address } };
    for (const { name, active } of keys) {
      if (active.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: active.reason }, path: [name] };
      if (active.kind === 'value' && active.value) return { status: 'fail', messageId: 'activeKeys', data: { address, key: name }, path: [name] };
    }
    return { status: 'pass', messageId: 'noKeys', data: { address } };
  },
});
