import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type TrustscanConfig } from '@trustscan/core';
import { actionPlan, findOwner, type ActionPlan, type EvidenceHistory } from '@trustscan/evidence-reports';
import { rules } from '@trustscan/rules';
// @ts-expect-error: a plain ES module shared with the example generator
import { acmeConfig } from '../../../examples/evidence/acme-history.mjs';
import { acmeHistory, repository, seqOf } from './support.js';

/** The corrective action plan of the example history, with the example config's owners and SLA. */

let history: EvidenceHistory;
let config: TrustscanConfig;
let plan: ActionPlan;

beforeAll(async () => {
  history = await acmeHistory();
  config = parseConfig(acmeConfig as string, path.join(repository, 'examples/evidence/trustscan.config.yaml'), 'trustscan.config.yaml');
  plan = actionPlan(history, { ...(config.owners ? { owners: config.owners } : {}), ...(config.sla ? { sla: config.sla } : {}), rules: rules.map((rule) => rule.meta) });
}, 60_000);

describe('the corrective action plan of the example history', () => {
  it.each<[string, Record<string, unknown>]>([
    ['aws_iam_policy.ci', {
      ruleId: 'aws-iam-policy-no-full-admin', status: 'overdue', severity: 'critical', owner: null, ownerSource: null,
      firstSeen: '2026-03-12T02:00:00.000Z', slaDays: 3, due: '2026-03-15', resolvedAt: null, ended: 'still-open', daysOpen: 8, daysOverdue: 5, recurrences: 0,
    }],
    ['aws_s3_bucket.data', {
      ruleId: 'aws-s3-bucket-default-encryption', title: 'S3 buckets encrypt new objects by default', status: 'overdue', severity: 'high', owner: 'platform@acme.example', ownerSource: 'trustscan.config.yaml:7',
      firstSeen: '2026-03-01T02:00:00.000Z', slaDays: 7, due: '2026-03-08', resolvedAt: null, daysOpen: 19, daysOverdue: 12,
    }],
    ['aws_s3_bucket.tmp', {
      status: 'waived', severity: 'medium', owner: 'web@acme.example', ownerSource: 'trustscan.config.yaml:5',
      slaDays: 90, due: '2026-05-30', resolvedAt: '2026-03-04T02:00:00.000Z', ended: 'waived', daysOpen: 3, daysOverdue: 0,
    }],
    ['aws_db_instance.legacy', {
      status: 'resolved', severity: 'high', owner: 'data@acme.example', ownerSource: 'trustscan.config.yaml:3',
      due: '2026-03-08', resolvedAt: '2026-03-10T02:00:00.000Z', ended: 'resource-removed', daysOpen: 9, daysOverdue: 2,
    }],
    ['aws_s3_bucket.logs', {
      status: 'resolved', severity: 'medium', owner: 'platform@acme.example', slaDays: 90, due: '2026-06-03', resolvedAt: '2026-03-08T02:00:00.000Z', ended: 'fixed', daysOpen: 3, daysOverdue: 0,
    }],
  ])('tracks %s', (address, expected) => {
    const action = plan.actions.find((a) => a.resource.address === address);
    expect(action).toMatchObject(expected);
    expect(action?.id).toMatch(/^A-[0-9a-f]{12}$/);
  });

  it('lists overdue actions first, then open, waived and resolved, most severe first', () => {
    expect(plan.actions.map((a) => [a.status, a.resource.address])).toEqual([
      ['overdue', 'aws_iam_policy.ci'],
      ['overdue', 'aws_s3_bucket.data'],
      ['waived', 'aws_s3_bucket.tmp'],
      ['resolved', 'aws_db_instance.legacy'],
      ['resolved', 'aws_s3_bucket.logs'],
    ]);
  });

  it('gives each action its milestones: first seen, owner assigned, due, resolved or waived', () => {
    const legacy = plan.actions.find((a) => a.resource.address === 'aws_db_instance.legacy');
    expect(legacy?.milestones).toEqual([
      { milestone: 'first-seen', date: '2026-03-01T02:00:00.000Z', done: true },
      { milestone: 'owner-assigned', date: '2026-03-01T02:00:00.000Z', done: true, note: 'data@acme.example, by the owners rule at trustscan.config.yaml:3' },
      { milestone: 'due', date: '2026-03-08', done: false, note: '2 days late' },
      { milestone: 'resolved', date: '2026-03-10T02:00:00.000Z', done: true, note: 'the resource was removed' },
    ]);
    const ci = plan.actions.find((a) => a.resource.address === 'aws_iam_policy.ci');
    expect(ci?.milestones.map((m) => [m.milestone, m.date, m.done])).toEqual([
      ['first-seen', '2026-03-12T02:00:00.000Z', true],
      ['owner-assigned', null, false],
      ['due', '2026-03-15', false],
      ['resolved', null, false],
    ]);
    expect(plan.actions.find((a) => a.resource.address === 'aws_s3_bucket.tmp')?.milestones.at(-1)).toEqual({ milestone: 'waived', date: '2026-03-04T02:00:00.000Z', done: true, note: 'the risk was accepted with a waiver' });
  });

  it('keeps the evidence of each action: the records that showed it first, last, and resolved it', () => {
    const legacy = plan.actions.find((a) => a.resource.address === 'aws_db_instance.legacy');
    expect(legacy?.evidence.firstSeen.seq).toBe(seqOf(1));
    expect(legacy?.evidence.lastSeen.seq).toBe(seqOf(9));
    expect(legacy?.evidence.resolved?.seq).toBe(seqOf(10));
  });

  it('sums open and overdue actions by severity and owner, and the time to remediate by severity', () => {
    expect(plan.sla).toEqual({ critical: 3, high: 7, medium: 90, low: 180 });
    expect(plan.summary).toEqual({
      open: { critical: 1, high: 1, medium: 0, low: 0, total: 2 },
      overdue: { critical: 1, high: 1, medium: 0, low: 0, total: 2 },
      resolved: 2,
      waived: 1,
      byOwner: [
        { owner: 'platform@acme.example', open: 1, overdue: 1 },
        { owner: null, open: 1, overdue: 1 },
      ],
      timeToRemediate: {
        critical: { fixed: 0, meanDays: null, p90Days: null },
        high: { fixed: 1, meanDays: 9, p90Days: 9 },
        medium: { fixed: 1, meanDays: 3, p90Days: 3 },
        low: { fixed: 0, meanDays: null, p90Days: null },
      },
    });
  });

  it('keeps an action id from one run to the next, and drops actions resolved before the window', async () => {
    const later = actionPlan(history, { from: '2026-03-09', ...(config.owners ? { owners: config.owners } : {}) });
    expect(later.actions.map((a) => a.resource.address)).toEqual(['aws_iam_policy.ci', 'aws_s3_bucket.data', 'aws_db_instance.legacy']);
    const idOf = new Map(plan.actions.map((a) => [a.resource.address, a.id]));
    expect(later.actions.map((a) => a.id)).toEqual(later.actions.map((a) => idOf.get(a.resource.address)));
    // Without the config: the default SLA (high 30 days), so the data bucket is open, not overdue; no owners.
    const defaults = actionPlan(history);
    expect(defaults.sla).toEqual({ critical: 7, high: 30, medium: 90, low: 180 });
    expect(defaults.actions.find((a) => a.resource.address === 'aws_s3_bucket.data')).toMatchObject({ status: 'open', due: '2026-03-31', daysOverdue: 0, owner: null });
    // As of day 9, the legacy database is still failing, one day overdue.
    const early = actionPlan(await acmeHistory('2026-03-09'), { ...(config.sla ? { sla: config.sla } : {}) });
    expect(early.actions.find((a) => a.resource.address === 'aws_db_instance.legacy')).toMatchObject({ status: 'overdue', daysOverdue: 1, resolvedAt: null });
  });
});

describe('owners', () => {
  const owners = parseConfig(
    ['owners:', '  - owner: dba', '    resources: ["aws_db_instance.*", "arn:aws:rds:*"]', '  - owner: web', '    tags: { team: web, env: "prod*" }', '  - owner: aws-team', '    targets: ["aws:*"]', '  - owner: platform', '    paths: ["infra/**"]'].join('\n'),
    '/repo/trustscan.config.yaml',
    'trustscan.config.yaml',
  ).owners ?? [];
  it.each<[string, Parameters<typeof findOwner>[0], string | undefined]>([
    ['a resource address glob', { address: 'aws_db_instance.main', file: 'db/main.tf', target: 'db' }, 'dba'],
    ['a cloud id glob', { address: 'arn:aws:rds:eu-west-1:1:db:x', cloudId: 'arn:aws:rds:eu-west-1:1:db:x', file: 'cloud/aws/x', target: 'aws:1' }, 'dba'],
    ['every tag given, values as globs', { address: 'aws_s3_bucket.a', tags: { team: 'web', env: 'production' }, file: 'x.tf', target: '.' }, 'web'],
    ['a tag that does not match', { address: 'aws_s3_bucket.a', tags: { team: 'web', env: 'dev' }, file: 'x.tf', target: '.' }, undefined],
    ['a target glob', { address: 'arn:aws:s3:::b', file: 'cloud/aws/b', target: 'aws:123456789012' }, 'aws-team'],
    ['a path glob through directories', { address: 'aws_s3_bucket.a', file: 'infra/modules/bucket/main.tf', target: 'infra' }, 'platform'],
    ['nothing', { address: 'aws_s3_bucket.a', file: 'other/main.tf', target: 'other' }, undefined],
  ])('matches by %s, the first rule winning', (_name, finding, owner) => {
    expect(findOwner(finding, owners)?.owner).toBe(owner);
  });
});
