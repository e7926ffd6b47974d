import { defineRule } from '@trustscan/core';
import { attribute, readString } from '../../analysis/values.js';

const maximumDays = 90;
const day = 24 * 60 * 60 * 1000;

type MessageId = 'inactive' | 'recentlyUsed' | 'recentlyCreated' | 'unused' | 'liveOnly' | 'unknown';

export default defineRule<MessageId, { readonly maxDays: number }>({
  meta: {
    id: 'aws-iam-unused-credentials-disabled',
    title: `IAM credentials unused for ${maximumDays} days are disabled`,
    description:
      `Access keys and console passwords nobody uses are forgotten credentials: they belong to people who left, to retired scripts, or were never needed, and they stay valid until someone leaks them. Removing access that is no longer needed is what auditors test under the criterion for managing credentials over their life cycle. Last use is known only in the live account (IAM credential report), so Terraform input yields unknown. A credential counts as unused when it was last used, or created and never used, more than ${maximumDays} days ago.`,
    remediation: [
      'Deactivate or delete the key (or the console password); recreate it when it is needed again. In Terraform, remove the `aws_iam_access_key` or set it inactive:',
      '',
      '```hcl',
      'resource "aws_iam_access_key" "legacy_ci" {',
      '  user   = aws_iam_user.legacy_ci.name',
      '  status = "Inactive"',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.2'],
      secondary: ['CC6.3', 'CC1.3'],
      basis: 'Steampipe maps iam_user_unused_credentials_90 to CC1.3, CC6.1, CC6.2 and CC6.3; Prowler maps iam_user_accesskey_unused and iam_user_console_access_unused to CC1.3.',
    },
    resourceTypes: ['aws_iam_access_key', 'aws_iam_user_login_profile'],
    live: { aws: { configType: '(IAM credential report)', fields: ['password_last_used', 'access_key_1_last_used_date', 'access_key_2_last_used_date'], api: 'IAM GetCredentialReport' } },
    liveOnly: true,
    defaults: [
      'A live scan adds `last_used_date` to each `aws_iam_access_key` and `password_last_used` to each `aws_iam_user_login_profile` (null when never used), with `create_date` for both. An access key with `status = "Inactive"` passes.',
    ],
    options: {
      maxDays: {
        type: 'integer',
        description: 'The most days a credential may go unused before it must be disabled.',
        default: 90,
        strict: 45,
        minimum: 1,
      },
    },
    equivalents: { trivy: ['AVD-AWS-0144', 'AVD-AWS-0166'], prowler: ['iam_user_accesskey_unused', 'iam_user_console_access_unused'], catalog: ['S2-AWS-IAM-007'] },
    messages: {
      inactive: 'Access key {{address}} is inactive.',
      recentlyUsed: 'Credential {{address}} was last used {{days}} day(s) ago.',
      recentlyCreated: 'Credential {{address}} was created {{days}} day(s) ago and has not been used yet.',
      unused: `Credential {{address}} has not been used for {{days}} days. Deactivate or delete it.`,
      liveOnly: 'When credential {{address}} was last used can only be checked against the live account (IAM credential report); Terraform does not show it.',
      unknown: 'When credential {{address}} was last used is not known: {{reason}}.',
    },
  },
  evaluate(credential, context) {
    const address = credential.address;
    if (credential.type === 'aws_iam_access_key' && attribute(credential, ['status']) === 'Inactive') return { status: 'pass', messageId: 'inactive', data: { address }, path: ['status'] };
    const usedPath = [credential.type === 'aws_iam_access_key' ? 'last_used_date' : 'password_last_used'];
    const used = attribute(credential, usedPath);
    if (used === undefined) return { status: 'unknown', messageId: 'liveOnly', data: { address } };
    const lastUsed = readString(used);
    if (lastUsed.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: lastUsed.reason }, path: usedPath };
    const createdPath = ['create_date'];
    const created = readString(attribute(credential, createdPath));
    // A credential never used counts from its creation.
    const since = lastUsed.kind === 'value' ? { date: lastUsed.value, path: usedPath } : created.kind === 'value' ? { date: created.value, path: createdPath } : undefined;
    if (!since) return { status: 'unknown', messageId: 'unknown', data: { address, reason: 'it was never used and its creation date is not known' }, path: createdPath };
    const days = Math.floor((Date.now() - Date.parse(since.date)) / day);
    if (Number.isNaN(days)) return { status: 'unknown', messageId: 'unknown', data: { address, reason: `"${since.date}" is not a date` }, path: since.path };
    const path = since.path;
    if (days > context.options.maxDays) return { status: 'fail', messageId: 'unused', data: { address, days }, path };
    return { status: 'pass', messageId: lastUsed.kind === 'value' ? 'recentlyUsed' : 'recentlyCreated', data: { address, days }, path };
  },
});
