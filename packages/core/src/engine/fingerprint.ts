import { createHash } from 'node:crypto';

/**
 * A stable identity for a finding: the rule and the resource (its address, ARN or Azure id), plus the deciding
 * path when one rule reports several verdicts on one resource. Never line numbers or times.
 */
export function fingerprintOf(ruleId: string, resourceIdentity: string, discriminator = ''): string {
  return createHash('sha256').update(`${ruleId}\n${resourceIdentity}\n${discriminator}`).digest('hex').slice(0, 32);
}
