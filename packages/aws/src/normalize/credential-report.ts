import { Unknown, type Resource, type Value } from '@trustscan/core';
import { liveResource, type LiveIdentity } from './live-resource.js';

const rootRow = '<root_account>';

/**
 * The IAM credential report (CSV, one row per user and one for the root user) → the resources the credential rules
 * read: `aws_iam_root_user` (MFA, active access keys), `aws_iam_user_login_profile` for each user with a console
 * password (MFA, last sign-in), and `aws_iam_access_key` for each of a user's two key slots in use (status, last
 * use). `N/A` and `no_information` (never used, or not since IAM began tracking in 2014) become `null`.
 */
export function normalizeCredentialReport(csv: string, account: string, partition: string): Resource[] {
  const [header, ...rows] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header === undefined) return [unreadableRoot(account, partition, 'the IAM credential report is empty')];
  const columns = header.split(',');
  const records = rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(columns.map((name, index) => [name, cells[index] ?? '']));
  });
  const resources: Resource[] = [];
  let root = false;
  for (const record of records) {
    const arn = record['arn'] ?? '';
    const user = record['user'] ?? '';
    const id: LiveIdentity = { arn, account, region: 'global' };
    if (user === rootRow) {
      root = true;
      resources.push(
        liveResource({ ...id, arn: `arn:${partition}:iam::${account}:root` }, 'aws_iam_root_user', {
          id: account,
          account_id: account,
          mfa_active: flag(record['mfa_active']),
          access_key_1_active: flag(record['access_key_1_active']),
          access_key_2_active: flag(record['access_key_2_active']),
          password_last_used: date(record['password_last_used']),
        }),
      );
      continue;
    }
    if (record['password_enabled'] === 'true') {
      resources.push(
        liveResource(id, 'aws_iam_user_login_profile', {
          id: user,
          user,
          mfa_active: flag(record['mfa_active']),
          password_last_used: date(record['password_last_used']),
          create_date: date(record['password_last_changed']) ?? date(record['user_creation_time']),
        }, { suffix: 'login-profile', references: { user: [arn] } }),
      );
    }
    for (const slot of [1, 2]) {
      const rotated = date(record[`access_key_${slot}_last_rotated`]);
      if (rotated === null) continue;
      resources.push(
        liveResource(id, 'aws_iam_access_key', {
          id: `${user}:${slot}`,
          user,
          status: record[`access_key_${slot}_active`] === 'true' ? 'Active' : 'Inactive',
          last_used_date: date(record[`access_key_${slot}_last_used_date`]),
          create_date: rotated,
        }, { suffix: `access-key-${slot}`, references: { user: [arn] } }),
      );
    }
  }
  if (!root) resources.push(unreadableRoot(account, partition, 'the IAM credential report has no row for the root user'));
  return resources;
}

/** The root user when the credential report could not be read: every value `Unknown`, so its checks say why. */
export function unreadableRoot(account: string, partition: string, reason: string): Resource {
  const unknown = new Unknown(reason);
  return liveResource({ arn: `arn:${partition}:iam::${account}:root`, account, region: 'global' }, 'aws_iam_root_user', {
    id: account,
    account_id: account,
    mfa_active: unknown,
    access_key_1_active: unknown,
    access_key_2_active: unknown,
  });
}

function flag(value: string | undefined): Value {
  return value === 'true' ? true : value === 'false' ? false : new Unknown(`the credential report says "${value ?? ''}"`);
}

/** A date cell: an ISO timestamp, or `null` for `N/A`, `no_information` and `not_supported`. */
function date(value: string | undefined): string | null {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : null;
}
