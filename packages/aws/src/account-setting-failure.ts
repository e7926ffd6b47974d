import { describeError } from '@trustscan/core';
import { classifyAwsError, errorName } from './aws-errors.js';
import { credentialsError } from './collect-config-items.js';
import { plural, type ScanProblems } from './scan-problems.js';

/** One account-level read: which API, the IAM action it needs, and the check that depends on it. */
export interface SettingRead {
  /** `EC2 GetEbsEncryptionByDefault`. */
  readonly api: string;
  /** `ec2:GetEbsEncryptionByDefault`. */
  readonly permission: string;
  /** `the EBS encryption by default check is`, `the credential report checks are`. */
  readonly check: string;
  /** Read once per account rather than per region. */
  readonly global?: boolean;
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
      message: (n) => `${read.api}: ${read.permission} denied${where(read, n)}; ${read.check} unknown${read.global ? '' : ' there'}. Grant ${read.permission} to the scanning identity.`,
    });
    return `${read.permission} denied`;
  }
  problems.add(`setting|failed|${read.permission}|${errorName(error)}`, {
    level: 'warning',
    code: fault === 'region-unavailable' ? 'region-unavailable' : 'aws-api-error',
    subject: read.permission,
    message: (n) => `${read.api} failed${where(read, n)} (${describeError(error)}); ${read.check} unknown${read.global ? '' : ' there'}.`,
  });
  return `${read.api} failed in ${region}: ${errorName(error)}`;
}

function where(read: SettingRead, regions: number): string {
  return read.global ? '' : ` in ${plural(regions, 'region')}`;
}
