import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyWaivers, parseConfig, scan, type Finding, type Target } from '@trustscan/core';
import { rules } from '@trustscan/rules';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = parseConfig(
  [
    'waivers:',
    '  - rule: aws-s3-bucket-versioning',
    '    resources:',
    '      - module.reports.aws_s3_bucket.this',
    '      - "arn:aws:s3:::acme-reports-*"',
    '    reason: Reports are rebuilt nightly from the warehouse.',
    '    owner: data-platform@acme.test',
    '    expires: 2030-06-30',
    '  - rule: aws-rds-*',
    '    resource: aws_db_instance.app',
    '    reason: The database is replaced in Q3 by an encrypted one.',
    '    owner: dba@acme.test',
    '    expires: 2026-01-31',
  ].join('\n'),
  path.join(repository, 'trustscan.config.yaml'),
  'trustscan.config.yaml',
);

const scanWith = (target: Target) => scan({ targets: [target], rules, root: repository, waivers: config.waivers, today: '2026-11-26' });

describe('config waivers', () => {
  it.each<[string, Target]>([
    ['a plan', { kind: 'path', path: path.join(repository, 'examples/insecure/plan.json') }],
    ['Terraform HCL', { kind: 'path', path: path.join(repository, 'examples/insecure') }],
  ])('waive the findings of %s with the justification, and an expired one waives nothing and says so', async (_name, target) => {
    const result = await scanWith(target);
    const versioning = result.findings.filter((f) => f.ruleId === 'aws-s3-bucket-versioning');
    expect(versioning.map((f) => [f.resource.address, f.status])).toEqual(
      expect.arrayContaining([
        ['module.reports.aws_s3_bucket.this', 'waived'],
        ['aws_s3_bucket.uploads', 'fail'],
      ]),
    );
    expect(versioning.find((f) => f.status === 'waived')?.waiver).toEqual({
      reason: 'Reports are rebuilt nightly from the warehouse.',
      owner: 'data-platform@acme.test',
      expires: '2030-06-30',
      source: { kind: 'config', file: 'trustscan.config.yaml', line: 2 },
    });
    const database = result.findings.filter((f) => f.ruleId.startsWith('aws-rds-') && f.resource.address === 'aws_db_instance.app');
    expect(database.some((f) => f.status === 'fail')).toBe(true);
    expect(database.some((f) => f.status === 'waived')).toBe(false);
    expect(result.waivers.map((w) => [w.rule, w.state, w.matched])).toEqual([
      ['aws-s3-bucket-versioning', 'active', 1],
      ['aws-rds-*', 'expired', expect.any(Number) as unknown],
    ]);
    expect(result.notifications).toContainEqual(expect.objectContaining({ level: 'warning', code: 'waiver-expired', subject: 'trustscan.config.yaml:9' }));
    expect(result.summary.byStatus.waived).toBe(1);
  });

  it('waives the live finding of the same bucket by its ARN', () => {
    const live: Finding = {
      ruleId: 'aws-s3-bucket-versioning',
      status: 'fail',
      severity: 'medium',
      area: 'backup-recovery',
      tsc: ['A1.2'],
      resource: { address: 'arn:aws:s3:::acme-reports-prod', type: 'aws_s3_bucket', provider: 'aws', origin: 'aws', cloudId: 'arn:aws:s3:::acme-reports-prod' },
      location: { file: 'cloud/aws/111122223333/eu-west-1/aws_s3_bucket/acme-reports-prod', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      message: 'S3 bucket acme-reports-prod does not keep object versions.',
      fingerprint: 'f'.repeat(32),
    };
    const outcome = applyWaivers([live], config.waivers, '2026-11-26');
    expect(outcome.findings[0]).toMatchObject({ status: 'waived', waiver: { owner: 'data-platform@acme.test' } });
  });
});
