import { hash } from 'node:crypto';

/**
 * A stable identity for a finding: the rule and the resource (its address, ARN or Azure id), plus the deciding
 * path when one rule reports several verdicts on one resource. Never line numbers or times.
 */
export function fingerprintOf(ruleId: string, resourceIdentity: string, discriminator = ''): string {
  // crypto.hash is the one-shot digest: no Hash object per finding.
  return hash('sha256', `${ruleId}\n${resourceIdentity}\n${discriminator}`, 'hex').slice(0, 32);
}
