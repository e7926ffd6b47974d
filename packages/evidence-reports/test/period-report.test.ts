import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '@trustscan/rules';
import { periodReport, type EvidenceHistory, type PeriodReport } from '@trustscan/evidence-reports';
import { acmeHistory, seqOf, timeOf } from './support.js';

/**
 * The period report of the example history (examples/evidence/acme-history.mjs says what happened on each day),
 * figure by figure. Day N's scan ran at 02:00 UTC on 2026-03-N; `seqOf(N)` is its record's position in the chain.
 */

let history: EvidenceHistory;
let report: PeriodReport;
const metas = rules.map((rule) => rule.meta);
const ref = (day: number) => ({ seq: seqOf(day), at: timeOf(day) });

beforeAll(async () => {
  history = await acmeHistory();
  report = periodReport(history, { from: '2026-03-01', to: '2026-03-20', sample: { size: 5, seed: 'acme-2026' }, rules: metas });
}, 60_000);

describe('the period report of the example history', () => {
  it('covers the period, as of its last day, and says the chain is intact', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-20T23:59:59.999Z', asOf: '2026-03-20T23:59:59.999Z', days: 20, cadence: '1d' });
    expect(report.chain).toMatchObject({ verified: true, records: 17, problems: [], signed: 0, head: { seq: 17 } });
    expect(report.store).toMatchObject({ location: 'acme-evidence', records: 17, recordsInPeriod: 17, seqs: [[1, 17]], targets: ['infra'] });
    expect(report.findings).toEqual({ complete: true });
  });

  it('lists the population in the order the scans ran, the out-of-order import of day 6 in its place', () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 18, 19, 20];
    expect(report.records.map((r) => [r.seq, r.at])).toEqual(days.map((day) => [seqOf(day), timeOf(day)]));
    expect(report.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 17, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(report.records.filter((r) => r.imported).map((r) => [r.seq, r.imported?.file, r.passes])).toEqual([
      [17, 'reports/2026-03-06.json', 'recorded'],
      [14, 'reports/2026-03-18.json', 'omitted'],
    ]);
    expect(report.records.filter((r) => r.targets.some((t) => !t.ok)).map((r) => r.seq)).toEqual([seqOf(11)]);
    for (const record of report.records) expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['the data bucket, never encrypted: open from the first scan to the end', 'aws_s3_bucket.data', {
      ruleId: 'aws-s3-bucket-default-encryption', severity: 'high', firstSeen: ref(1), lastSeen: ref(20), resolved: null, days: 19, ended: 'still-open',
      startedBeforePeriod: false, openAtPeriodEnd: true, remediatedWithinPeriod: false, before: null,
    }],
    ['the legacy database: resolved when it was removed', 'aws_db_instance.legacy', {
      ruleId: 'aws-rds-storage-encrypted', severity: 'high', firstSeen: ref(1), lastSeen: ref(9), resolved: ref(10), days: 9, ended: 'resource-removed',
      openAtPeriodEnd: false, remediatedWithinPeriod: true,
    }],
    ['the tmp bucket: its failure ended when a waiver accepted it', 'aws_s3_bucket.tmp', {
      ruleId: 'aws-s3-bucket-access-logging', severity: 'medium', firstSeen: ref(1), lastSeen: ref(3), resolved: ref(4), days: 3, ended: 'waived',
      openAtPeriodEnd: false, remediatedWithinPeriod: false,
    }],
    ['the logs bucket: passed, failed on days 5 to 7, fixed on day 8 (day 6 imported out of order)', 'aws_s3_bucket.logs', {
      ruleId: 'aws-s3-bucket-versioning', severity: 'medium', firstSeen: ref(5), lastSeen: ref(7), resolved: ref(8), days: 3, ended: 'fixed',
      before: 'pass', lastPassed: ref(4), remediatedWithinPeriod: true,
    }],
    ['the CI policy: failing once its waiver expired, past an unreadable scan, open at the end', 'aws_iam_policy.ci', {
      ruleId: 'aws-iam-policy-no-full-admin', severity: 'critical', firstSeen: ref(12), lastSeen: ref(20), resolved: null, days: 8, ended: 'still-open',
      before: 'waived', openAtPeriodEnd: true,
    }],
  ])('finds one deviation for %s', (_name, address, expected) => {
    const found = report.deviations.filter((d) => d.resource.address === address);
    expect(found).toHaveLength(1);
    const [deviation] = found;
    expect({ ...deviation, firstSeen: strip(deviation?.firstSeen), lastSeen: strip(deviation?.lastSeen), resolved: strip(deviation?.resolved), lastPassed: strip(deviation?.lastPassed) }).toMatchObject(expected);
    expect(deviation?.id).toMatch(/^D-[0-9a-f]{12}$/);
    expect(deviation?.resource.target).toBe('infra');
  });

  it('counts the deviations, and keeps a failure open through the unreadable scan, the scan without passes and the scan that did not run the rule', () => {
    expect(report.deviations).toHaveLength(5);
    expect(report.totals).toMatchObject({ scans: 17, deviations: 5, openAtPeriodEnd: 2, remediatedWithinPeriod: 2, gaps: 2, gapDays: 4, drift: 1 });
    // Only the data bucket and the CI policy were failing at the end; no deviation was split in two.
    expect(report.deviations.filter((d) => d.ended === 'still-open').map((d) => d.resource.address).sort()).toEqual(['aws_iam_policy.ci', 'aws_s3_bucket.data']);
  });

  it('reports the one drift: a control that passed and then failed', () => {
    const logs = report.deviations.find((d) => d.resource.address === 'aws_s3_bucket.logs');
    expect(report.drift).toEqual([
      { kind: 'passed-then-failed', deviation: logs?.id, ruleId: 'aws-s3-bucket-versioning', severity: 'medium', resource: logs?.resource, message: logs?.message, lastPassed: logs?.lastPassed, failed: logs?.firstSeen },
    ]);
    expect(strip(report.drift[0]?.lastPassed)).toEqual(ref(4));
  });

  it('reports the gaps: the day the scan could not read the Terraform, and the three days without a scan', () => {
    expect(report.gaps).toEqual([
      { target: 'infra', from: '2026-03-11T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z', days: 1, cause: 'not-read', lastBefore: expect.objectContaining(ref(10)), firstAfter: expect.objectContaining(ref(12)), unreadIn: [seqOf(11)] },
      { target: 'infra', from: '2026-03-14T00:00:00.000Z', to: '2026-03-17T00:00:00.000Z', days: 3, cause: 'no-record', lastBefore: expect.objectContaining(ref(13)), firstAfter: expect.objectContaining(ref(17)) },
    ]);
  });

  it('reports the waivers granted, renewed, expired and removed', () => {
    expect(report.waivers.events.map((e) => [e.kind, e.rule, e.expires, e.previousExpires, e.record.seq])).toEqual([
      ['granted', 'aws-iam-policy-no-full-admin', '2026-03-11', undefined, seqOf(1)],
      ['granted', 'aws-s3-bucket-access-logging', '2026-03-10', undefined, seqOf(4)],
      ['renewed', 'aws-s3-bucket-access-logging', '2026-06-30', '2026-03-10', seqOf(9)],
      ['expired', 'aws-iam-policy-no-full-admin', '2026-03-11', undefined, seqOf(12)],
      ['removed', 'aws-iam-policy-no-full-admin', '2026-03-11', undefined, seqOf(18)],
    ]);
    expect(report.waivers.events[0]).toMatchObject({ resource: 'aws_iam_policy.ci', owner: 'security@acme.example', source: 'trustscan.config.yaml:18', reason: 'CI needs admin until the deploy role split lands.' });
    expect(report.waivers.inForce.map((w) => [w.rule, w.expires, w.state])).toEqual([
      ['aws-iam-policy-no-full-admin', '2026-03-11', 'expired'],
      ['aws-s3-bucket-access-logging', '2026-06-30', 'active'],
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    // Ran in every scan but day 19's; day 18's report lists no passes, so its scan is out of the checks.
    ['aws-s3-bucket-default-encryption', { title: 'S3 buckets encrypt new objects by default', severity: 'high', criteria: ['CC6.1', 'PI1.4'], status: 'exceptions', scans: 16, checks: 42, counts: { pass: 28, fail: 14, unknown: 0, waived: 0, baseline: 0 }, scansWithoutPasses: 1, deviations: 1, openAtEnd: 1, gapDays: 4 }],
    // Day 18's report lists only failing checks, so it has nothing of this rule: the rule seems not to have run.
    ['aws-s3-bucket-versioning', { status: 'exceptions', scans: 16, checks: 45, counts: { pass: 42, fail: 3, unknown: 0, waived: 0, baseline: 0 }, scansWithoutPasses: 0, deviations: 1, openAtEnd: 0 }],
    ['aws-rds-storage-encrypted', { scans: 16, checks: 24, counts: { pass: 15, fail: 9, unknown: 0, waived: 0, baseline: 0 }, deviations: 1, openAtEnd: 0 }],
    ['aws-iam-policy-no-full-admin', { severity: 'critical', scans: 17, checks: 15, counts: { pass: 0, fail: 5, unknown: 0, waived: 10, baseline: 0 }, scansWithoutPasses: 1, deviations: 1, openAtEnd: 1 }],
  ])('counts the scans and checks of %s', (id, expected) => {
    const rule = report.rules.find((r) => r.id === id);
    expect(rule).toMatchObject(expected);
    expect(rule?.passingShare).toBeCloseTo((rule?.counts.pass ?? 0) / (rule?.checks ?? 1), 10);
  });

  it('gives the evidence of each rule: the records that ran it, the first and the last', () => {
    const encryption = report.rules.find((r) => r.id === 'aws-s3-bucket-default-encryption');
    expect(encryption?.evidence.records).toEqual([[1, 14], [16, 17]]);
    expect(strip(encryption?.evidence.first)).toEqual(ref(1));
    expect(strip(encryption?.evidence.last)).toEqual(ref(20));
    expect(report.rules.find((r) => r.id === 'aws-iam-policy-no-full-admin')?.evidence.records).toEqual([[1, 17]]);
  });

  it('sums the rules of each criterion, with its status', () => {
    expect(report.criteria.map((c) => c.id)).toEqual(['CC1.3', 'CC6.1', 'CC6.3', 'CC7.2', 'CC7.3', 'CC7.4', 'A1.2', 'C1.2', 'PI1.4', 'PI1.5']);
    expect(report.criteria.find((c) => c.id === 'CC6.1')).toMatchObject({
      title: 'Logical access controls and encryption protect information assets',
      category: 'Security',
      rules: ['aws-iam-policy-no-full-admin', 'aws-rds-storage-encrypted', 'aws-s3-bucket-default-encryption'],
      status: 'exceptions',
      scans: 17,
      checks: 15 + 24 + 42,
      deviations: 3,
      openAtEnd: 2,
    });
    expect(report.totals.rules).toEqual({ operatedThroughout: 0, exceptions: 5, notTested: 0 });
  });

  it('explains what the reader must know', () => {
    expect(report.notes).toEqual([
      '2 records of the 17 were imported from earlier JSON reports rather than recorded by the scans themselves.',
      '1 record was imported from a report written without passing checks: failures count, but passes are not evidenced, so those scans are left out of the checks.',
      '1 record could not read a target: such a record evidences nothing about that target, and its findings count neither as fixed nor as removed.',
    ]);
  });

  it('draws the same sample from the same seed, with the records of each date or the fact that none ran', () => {
    const again = periodReport(history, { from: '2026-03-01', to: '2026-03-20', sample: { size: 5, seed: 'acme-2026' } });
    expect(again.sample).toEqual(report.sample);
    const other = periodReport(history, { from: '2026-03-01', to: '2026-03-20', sample: { size: 5, seed: 'another seed' } });
    expect(other.sample?.dates.map((d) => d.date)).not.toEqual(report.sample?.dates.map((d) => d.date));
    expect(report.sample).toMatchObject({ seed: 'acme-2026', size: 5, population: { from: '2026-03-01', to: '2026-03-20', days: 20 } });
    const dates = report.sample?.dates.map((d) => d.date) ?? [];
    expect(new Set(dates).size).toBe(5);
    expect([...dates].sort()).toEqual(dates);
    const all = periodReport(history, { from: '2026-03-01', to: '2026-03-20', sample: { size: 100, seed: 'x' } });
    expect(all.sample?.size).toBe(20);
    const gapDay = all.sample?.dates.find((d) => d.date === '2026-03-15');
    expect(gapDay).toMatchObject({ records: [], inForce: { seq: seqOf(13), at: timeOf(13) } });
    const first = all.sample?.dates.find((d) => d.date === '2026-03-01');
    expect(first?.records).toEqual([expect.objectContaining({ seq: 1, at: timeOf(1), path: 'records/000000000001.jsonl.gz', checks: { pass: 8, fail: 3, unknown: 0, waived: 1, baseline: 0 }, imported: false })]);
    expect(first?.records[0]?.environment).toMatchObject({ provider: 'github-actions', runUrl: 'https://github.com/acme/infra/actions/runs/4201/attempts/1' });
    expect(first?.openDeviations).toHaveLength(3);
    expect(all.sample?.dates.find((d) => d.date === '2026-03-13')?.openDeviations).toHaveLength(2);
  });
});

describe('the same history seen earlier, or over part of it', () => {
  it('as of day 9: the legacy database is still failing, and nothing later is known', async () => {
    const early = periodReport(await acmeHistory('2026-03-09'), { from: '2026-03-01', to: '2026-03-31' });
    expect(early.period.asOf).toBe('2026-03-09T23:59:59.999Z');
    expect(early.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 17, 6, 7, 8]);
    const legacy = early.deviations.find((d) => d.resource.address === 'aws_db_instance.legacy');
    expect(legacy).toMatchObject({ ended: 'still-open', resolved: null, days: 8, openAtPeriodEnd: true });
    expect(early.deviations.map((d) => d.resource.address).sort()).toEqual(['aws_db_instance.legacy', 'aws_s3_bucket.data', 'aws_s3_bucket.logs', 'aws_s3_bucket.tmp']);
    // The period runs to the 31st, but days after the as-of time are not gaps yet.
    expect(early.gaps).toEqual([]);
  });

  it('a period after the first days: a failure that began before it starts before it, and day-1 waivers are not new', () => {
    const later = periodReport(history, { from: '2026-03-08', to: '2026-03-20' });
    const data = later.deviations.find((d) => d.resource.address === 'aws_s3_bucket.data');
    expect(data).toMatchObject({ startedBeforePeriod: true, days: 19 });
    expect(strip(data?.firstSeen)).toEqual(ref(1));
    // The tmp bucket was waived on day 4 and the logs bucket fixed on day 8: only the latter touches the period.
    expect(later.deviations.map((d) => d.resource.address).sort()).toEqual(['aws_db_instance.legacy', 'aws_iam_policy.ci', 'aws_s3_bucket.data', 'aws_s3_bucket.logs']);
    expect(later.drift).toEqual([]);
    expect(later.waivers.events.map((e) => e.kind)).toEqual(['renewed', 'expired', 'removed']);
    expect(later.totals.scans).toBe(10);
  });

  it('a cadence of a week turns the three days without a scan into no gap, and the unreadable day too', () => {
    const weekly = periodReport(history, { from: '2026-03-01', to: '2026-03-20', cadence: '1w' });
    expect(weekly.period.cadence).toBe('1w');
    expect(weekly.gaps).toEqual([]);
  });

  it('a period that starts before the first scan: the days before it are one gap of every target', () => {
    const early = periodReport(history, { from: '2026-02-25', to: '2026-03-03' });
    expect(early.gaps.map((g) => ({ ...g, firstAfter: strip(g.firstAfter) }))).toEqual([{ target: null, from: '2026-02-25T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', days: 4, cause: 'no-record', lastBefore: null, firstAfter: ref(1) }]);
    // A gap of every target is an exception of every control the scans tested.
    expect(early.rules.filter((r) => r.status === 'operated-throughout')).toEqual([]);
    expect(early.rules.filter((r) => r.status === 'exceptions').length).toBeGreaterThan(0);
  });

  it('a period with no scan at all is one gap, marked as such', () => {
    const empty = periodReport(history, { from: '2026-02-01', to: '2026-02-10' });
    expect(empty.totals.scans).toBe(0);
    expect(empty.records).toEqual([]);
    expect(empty.gaps).toEqual([{ target: null, from: '2026-02-01T00:00:00.000Z', to: '2026-02-11T00:00:00.000Z', days: 10, cause: 'no-record', lastBefore: null, firstAfter: null }]);
    expect(empty.notes[0]).toBe('No scan was recorded in this period: there is no evidence that any control operated, and the whole period is a gap.');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['dates out of order', { from: '2026-03-20', to: '2026-03-01' }, /^the period ends \(2026-03-01T23:59:59\.999Z\) before it starts \(2026-03-20T00:00:00\.000Z\); give --from before --to\.$/],
    ['an unparseable date', { from: '2026-03-32', to: '2026-04-01' }, /^from takes an ISO 8601 date or time with its zone, e\.g\. 2026-03-31 or 2026-03-31T23:59:59Z, not "2026-03-32"\.$/],
    ['a date-time without its zone', { from: '2026-03-01T02:00', to: '2026-04-01' }, /not "2026-03-01T02:00"/],
    ['a period after the as-of time', { from: '2026-04-01', to: '2026-04-30' }, /^the as-of time \(2026-03-20T23:59:59\.999Z\) is before the period starts \(2026-04-01T00:00:00\.000Z\)/],
    ['a bad cadence', { from: '2026-03-01', to: '2026-03-20', cadence: 'daily' }, /^cadence: "daily" is not a cadence; write a number and h, d or w, e\.g\. 1d, 12h or 1w\.$/],
  ])('rejects %s with one clear line', (_name, options, message) => {
    expect(() => periodReport(history, options as never)).toThrow(message);
  });
});

/** A record reference without its hash, for comparing with `ref`. */
function strip(value: { seq: number; at: string } | null | undefined): { seq: number; at: string } | null | undefined {
  return value ? { seq: value.seq, at: value.at } : value;
}
