import { describeError } from '../../model/errors.js';
import { classifyAwsError, errorName } from './aws-errors.js';
import { credentialsError } from './collect-config-items.js';
import { plural, type ScanProblems } from './scan-problems.js';

/** One account-level read: which API, the IAM action it needs, and the check that depends on it. */
export interface SettingRead {
  /** `EC2 GetEbsEncryptionByDefault`. */
  readonly api: string;
  /** `ec2:GetEbsEncryptionByDefault`. */
  readonly permission: string;
  /** `the EBS encryption by default check`. */
  readonly check: string;
}

/**
 * Records a failed account-level read as a warning, merged across regions: AccessDenied names the permission to
 * grant, anything else the error. Rejected credentials fail the whole target, as everywhere else.
 */
export function reportSettingFailure(read: SettingRead, region: string, error: unknown, problems: ScanProblems): string {
  const fault = classifyAwsError(error);
  if (fault === 'credentials') throw credentialsError(error);
  if (fault === 'access-denied') {
    problems.add(`setting|denied|${read.permission}`, {
      level: 'warning',
      code: 'access-denied',
      subject: read.permission,
      message: (n) => `${read.api}: ${read.permission} denied in ${plural(n, 'region')}; ${read.check} is unknown there. Grant ${read.permission} to the scanning identity.`,
    });
    return `${read.permission} denied`;
  }
  problems.add(`setting|failed|${read.permission}|${errorName(error)}`, {
    level: 'warning',
    code: fault === 'region-unavailable' ? 'region-unavailable' : 'aws-api-error',
    subject: read.permission,
    message: (n) => `${read.api} failed in ${plural(n, 'region')} (${describeError(error)}); ${read.check} is unknown there.`,
  });
  return `${read.api} failed in ${region}: ${errorName(error)}`;
}
