import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../../src/engine/glob.js';
import { readWaiverComment } from '../../src/sources/terraform/hcl/waivers/inline-waivers.js';
import { loadHclFixture } from '../../../../testing/hcl.js';

describe('inline waivers', () => {
  it('turns trustscan:ignore comments on resources and module calls into waivers', async () => {
    const output = await loadHclFixture('waivers');
    expect(output.waivers).toEqual([
      {
        rule: 'aws-s3-bucket-versioning',
        resources: ['aws_s3_bucket.scratch', 'aws_s3_bucket.scratch[*'],
        reason: 'Scratch data is rebuilt nightly',
        owner: 'data-team',
        expires: '2099-12-31',
        source: { kind: 'inline', file: 'main.tf', line: 1 },
      },
      {
        rule: 'aws-s3-*',
        resources: ['aws_s3_bucket.inside', 'aws_s3_bucket.inside[*'],
        reason: 'Legacy bucket, tracked in SEC-12',
        source: { kind: 'inline', file: 'main.tf', line: 7 },
      },
      {
        rule: 'aws-s3-bucket-logging',
        resources: ['aws_s3_bucket.expired', 'aws_s3_bucket.expired[*'],
        reason: 'Expired exception',
        expires: '2020-01-01',
        source: { kind: 'inline', file: 'main.tf', line: 12 },
      },
      {
        rule: 'aws-s3-bucket-logging',
        resources: ['module.store_a.*', 'module.store_a[*'],
        reason: 'Applies to the first store only',
        source: { kind: 'inline', file: 'main.tf', line: 22 },
      },
    ]);
    expect(output.notifications).toEqual([
      {
        level: 'error',
        code: 'invalid-waiver',
        message: 'main.tf:17: the waiver for aws-s3-bucket-logging has no reason; add reason="why the risk is accepted".',
        subject: 'main.tf:17',
      },
      {
        level: 'warning',
        code: 'invalid-waiver',
        message: 'main.tf:32: the trustscan:ignore comment is not on a resource or module block (put it on the line above the block or inside it); it waives nothing.',
        subject: 'main.tf:32',
      },
    ]);
  });

  it('scopes a module call waiver to that call only', async () => {
    const output = await loadHclFixture('waivers');
    const moduleWaiver = output.waivers?.find((w) => w.source.line === 22);
    const covers = (address: string): boolean => moduleWaiver?.resources.some((glob) => matchesGlob(glob, address)) ?? false;
    expect(covers('module.store_a.aws_s3_bucket.this')).toBe(true);
    expect(covers('module.store_b.aws_s3_bucket.this')).toBe(false);
    expect(covers('module.store_ab.aws_s3_bucket.this')).toBe(false);
    expect(output.resources.map((r) => r.address)).toContain('module.store_b.aws_s3_bucket.this');
  });
});

describe('waiver comments', () => {
  it.each([
    ['# trustscan:ignore rule-a reason="why"', { line: 1, rule: 'rule-a', reason: 'why' }],
    ['// trustscan:ignore rule-a reason="a \\"quoted\\" why" expires=2030-02-28', { line: 1, rule: 'rule-a', reason: 'a "quoted" why', expires: '2030-02-28' }],
    ["/* trustscan:ignore rule-* reason='single quotes' owner=sec */", { line: 1, rule: 'rule-*', reason: 'single quotes', owner: 'sec' }],
    ['# trustscan:ignore', { line: 1, message: 'the waiver names no rule; write `trustscan:ignore RULE-ID reason="why"`' }],
    ['# trustscan:ignore rule-a reason=""', { line: 1, message: 'the waiver for rule-a has no reason; add reason="why the risk is accepted"' }],
    ['# trustscan:ignore rule-a reason="x" expires=2030-02-30', { line: 1, message: 'the waiver for rule-a expires on "2030-02-30", which is not a date; write expires=YYYY-MM-DD' }],
    ['# trustscan:ignore rule-a reason="x" until=2030', { line: 1, message: 'unknown waiver field until; use reason, expires and owner' }],
  ])('%s', (text, expected) => {
    expect(readWaiverComment(1, text)).toEqual(expected);
  });

  it('ignores other comments', () => {
    expect(readWaiverComment(1, '# checkov:skip=CKV_AWS_1')).toBeUndefined();
  });
});
