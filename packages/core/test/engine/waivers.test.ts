import { describe, expect, it } from 'vitest';
import { applyWaivers, matchesGlob, type Finding, type Waiver } from '@trustscan/core';

const finding = (ruleId: string, address: string, status: Finding['status'] = 'fail', cloudId?: string): Finding => ({
  ruleId,
  status,
  severity: 'high',
  area: 'least-privilege',
  tsc: ['CC6.3'],
  resource: { address, type: 'aws_iam_policy', provider: 'aws', origin: cloudId ? 'aws' : 'hcl', ...(cloudId ? { cloudId } : {}) },
  location: { file: 'main.tf', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
  message: 'm.',
  fingerprint: `${ruleId}-${address}`,
});
const waiver = (rule: string, resources: string[], extra: Partial<Waiver> = {}): Waiver => ({ rule, resources, reason: 'Accepted by the security team for the migration.', owner: 'sec@acme.test', source: { kind: 'config', file: 'trustscan.config.yaml', line: 3 }, ...extra });

describe('waivers', () => {
  it.each([
    ['exact', 'a', 'a', true],
    ['star matches any run, dots included', 'module.a.*', 'module.a.module.b.aws_x.y', true],
    ['no partial match', 'module.a', 'module.ab', false],
    ['regex characters are literal', 'aws_x.y["k.1"]', 'aws_x.y["k.1"]', true],
    ['brackets are literal', 'aws_x.y[*', 'aws_x.y[0]', true],
  ])('glob: %s', (_name, pattern, text, expected) => {
    expect(matchesGlob(pattern, text)).toBe(expected);
  });

  it('waives failing and unknown findings of the matching rule and resource, with the justification', () => {
    const outcome = applyWaivers(
      [finding('aws-iam-policy-no-full-admin', 'aws_iam_policy.ci'), finding('aws-iam-policy-no-full-admin', 'aws_iam_policy.other', 'unknown'), finding('aws-iam-policy-no-full-admin', 'aws_iam_policy.ok', 'pass'), finding('aws-s3-bucket-versioning', 'aws_iam_policy.ci')],
      [waiver('aws-iam-*', ['aws_iam_policy.ci', 'aws_iam_policy.other', 'aws_iam_policy.ok'], { expires: '2027-01-31' })],
      '2026-11-26',
    );
    expect(outcome.findings.map((f) => f.status)).toEqual(['waived', 'waived', 'pass', 'fail']);
    expect(outcome.findings[0]?.waiver).toEqual({ reason: 'Accepted by the security team for the migration.', owner: 'sec@acme.test', expires: '2027-01-31', source: { kind: 'config', file: 'trustscan.config.yaml', line: 3 } });
    expect(outcome.reports[0]).toMatchObject({ state: 'active', matched: 2 });
    expect(outcome.notifications).toEqual([]);
  });

  it('matches live findings by ARN as well as by address', () => {
    const outcome = applyWaivers([finding('r', 'arn:aws:iam::1:policy/ci', 'fail', 'arn:aws:iam::1:policy/ci')], [waiver('r', ['arn:aws:iam::*:policy/ci'])], '2026-11-26');
    expect(outcome.findings[0]?.status).toBe('waived');
  });

  it('stops waiving after the expiry date and says so; the day itself still waives', () => {
    const findings = [finding('r', 'x')];
    expect(applyWaivers(findings, [waiver('r', ['x'], { expires: '2026-11-26' })], '2026-11-26').findings[0]?.status).toBe('waived');
    const expired = applyWaivers(findings, [waiver('r', ['x'], { expires: '2026-11-25' })], '2026-11-26');
    expect(expired.findings[0]?.status).toBe('fail');
    expect(expired.reports[0]).toMatchObject({ state: 'expired', matched: 1 });
    expect(expired.notifications[0]).toMatchObject({ level: 'warning', code: 'waiver-expired' });
    expect(expired.notifications[0]?.message).toMatch(/trustscan\.config\.yaml:3 expired on 2026-11-25/);
  });

  it('reports a waiver that matches no failing finding as stale', () => {
    const outcome = applyWaivers([finding('r', 'x', 'pass')], [waiver('r', ['x'])], '2026-11-26');
    expect(outcome.reports[0]?.state).toBe('stale');
    expect(outcome.notifications[0]).toMatchObject({ code: 'waiver-stale' });
  });
});
