import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@trustscan/core';
import { executiveSummary, type ExecutiveSummary } from '@trustscan/evidence-reports';
import { rules } from '@trustscan/rules';
// @ts-expect-error: a plain ES module shared with the example generator
import { acmeConfig } from '../../../examples/evidence/acme-history.mjs';
import { acmeHistory, repository } from './support.js';

/**
 * The executive summary of the example history. On day 20, the checks in force are: 8 passing (three on the logs
 * bucket, two each on the data and tmp buckets, the app database), 2 failing (the data bucket's encryption, the CI
 * policy) and 1 waived (the tmp bucket's logs); the legacy database is gone.
 */

let summary: ExecutiveSummary;

beforeAll(async () => {
  const config = parseConfig(acmeConfig as string, path.join(repository, 'examples/evidence/trustscan.config.yaml'), 'trustscan.config.yaml');
  summary = executiveSummary(await acmeHistory(), { from: '2026-03-01', ...(config.owners ? { owners: config.owners } : {}), ...(config.sla ? { sla: config.sla } : {}), rules: rules.map((rule) => rule.meta) });
}, 60_000);

describe('the executive summary of the example history', () => {
  it('counts the checks in force today, each finding once', () => {
    expect(summary.overall).toEqual({ checks: { pass: 8, fail: 2, unknown: 0, waived: 1, baseline: 0 }, readiness: 0.8 });
  });

  it.each<[string, Record<string, unknown>, number | null, number | null]>([
    // Day 1: the data bucket, the tmp bucket's logs and the legacy database fail, the CI policy is waived: 8 of 11.
    ['Security', { status: 'gaps', criteriaCovered: 6, criteriaTotal: 33, checks: { pass: 8, fail: 2, unknown: 0, waived: 1, baseline: 0 }, readiness: 0.8 }, 8 / 11, 0.8],
    ['Availability', { status: 'ready', criteriaCovered: 1, criteriaTotal: 3, checks: { pass: 3, fail: 0, unknown: 0, waived: 0, baseline: 0 }, readiness: 1 }, 1, 1],
    ['Confidentiality', { status: 'ready', criteriaCovered: 1, criteriaTotal: 2, readiness: 1 }, 1, 1],
    // The encryption rule (PI1.4) on three buckets, the database rule (PI1.5) on two databases, then one.
    ['Processing Integrity', { status: 'gaps', criteriaCovered: 2, criteriaTotal: 5, checks: { pass: 3, fail: 1, unknown: 0, waived: 0, baseline: 0 }, readiness: 0.75 }, 3 / 5, 0.75],
    ['Privacy', { status: 'not-covered', criteriaCovered: 0, criteriaTotal: 18, readiness: null }, null, null],
  ])('gives the readiness of %s, and its trend from the first day to the last', (category, expected, first, last) => {
    const row = summary.categories.find((c) => c.category === category);
    expect(row).toMatchObject(expected);
    expect(row?.trend).toHaveLength(20);
    expect(row?.trend[0]).toEqual({ date: '2026-03-01', readiness: first });
    expect(row?.trend.at(-1)).toEqual({ date: '2026-03-20', readiness: last });
  });

  it('shows the drift of days 5 to 7 in the Availability trend, and carries the state through the days without a scan', () => {
    const availability = summary.categories.find((c) => c.category === 'Availability')?.trend.map((p) => p.readiness);
    expect(availability?.slice(3, 8)).toEqual([1, 2 / 3, 2 / 3, 2 / 3, 1]);
    const security = summary.categories.find((c) => c.category === 'Security')?.trend;
    expect(security?.slice(12, 16).map((p) => p.readiness)).toEqual([0.8, 0.8, 0.8, 0.8]);
  });

  it('names the top risks and the overdue actions, and the criteria covered', () => {
    expect(summary.criteriaCovered).toBe(10);
    expect(summary.criteriaTotal).toBe(61);
    expect(summary.topRisks.map((a) => [a.resource.address, a.status])).toEqual([
      ['aws_iam_policy.ci', 'overdue'],
      ['aws_s3_bucket.data', 'overdue'],
    ]);
    expect(summary.overdue.map((a) => [a.resource.address, a.daysOverdue])).toEqual([
      ['aws_s3_bucket.data', 12],
      ['aws_iam_policy.ci', 5],
    ]);
    expect(summary.actions.open.total).toBe(2);
  });

  it('gives the evidence trail: the store, its records, the chain and the days without a scan', () => {
    expect(summary.evidence).toMatchObject({ location: 'acme-evidence', records: 17, recordsInWindow: 17, seqs: [[1, 17]], gapDays: 4, cadence: '1d' });
    expect(summary.chain.verified).toBe(true);
    expect(summary.from).toBe('2026-03-01T00:00:00.000Z');
  });

  it('starts the trend at the first record when no start is given and the history is shorter than a year', async () => {
    const defaults = executiveSummary(await acmeHistory());
    expect(defaults.from).toBe('2026-03-01T00:00:00.000Z');
    expect(defaults.categories[0]?.trend).toHaveLength(20);
  });
});
