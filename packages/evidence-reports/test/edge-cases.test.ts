import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '@trustscan/core';
import {
  actionPlan,
  actionsCsv,
  actionsHtml,
  actionsJson,
  actionsMarkdown,
  executiveSummary,
  findDeviations,
  periodCsv,
  periodHtml,
  periodJson,
  periodMarkdown,
  periodReport,
  readEvidenceHistory,
  summaryHtml,
  summaryMarkdown,
} from '@trustscan/evidence-reports';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { day, historyOf, type Check } from './histories.js';

const x = (status: Check['status'], extra: Partial<Check> = {}): Check => ({ rule: 'aws-s3-bucket-default-encryption', address: 'aws_s3_bucket.x', status, ...extra });
const y = (status: Check['status'], extra: Partial<Check> = {}): Check => ({ rule: 'aws-s3-bucket-default-encryption', address: 'aws_s3_bucket.y', status, ...extra });
const other = (status: Check['status']): Check => ({ rule: 'aws-s3-bucket-versioning', address: 'aws_s3_bucket.x', status });

/** The deviations of a history as [resource, first day, last day, resolved day or null, how it ended]. */
async function deviationsOf(scans: Parameters<typeof historyOf>[1]): Promise<[string, number, number, number | null, string][]> {
  const history = await historyOf(temporaryDirectory('evidence-reports'), scans);
  const dayOf = (at: string) => new Date(at).getUTCDate();
  return findDeviations(history).map((d) => [d.resource.address, dayOf(d.firstSeen.at), dayOf(d.lastSeen.at), d.resolved ? dayOf(d.resolved.at) : null, d.ended]);
}

describe('deviations over the edge cases of a ledger', () => {
  it.each<[string, Parameters<typeof historyOf>[1], [string, number, number, number | null, string][]]>([
    ['an undecided check does not end a failure', [{ at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('unknown')] }, { at: day(3), checks: [x('fail')] }, { at: day(4), checks: [x('pass')] }], [['aws_s3_bucket.x', 1, 3, 4, 'fixed']]],
    ['a failure recorded in a baseline is still a failure', [{ at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('baseline')] }, { at: day(3), checks: [x('pass')] }], [['aws_s3_bucket.x', 1, 2, 3, 'fixed']]],
    ['a failure that comes back is a second deviation', [{ at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('pass')] }, { at: day(3), checks: [x('fail')] }], [['aws_s3_bucket.x', 1, 1, 2, 'fixed'], ['aws_s3_bucket.x', 3, 3, null, 'still-open']]],
    ['a target that could not be read is neither a fix nor a removal', [{ at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('fail')], unread: ['infra'] }, { at: day(3), checks: [x('fail')] }], [['aws_s3_bucket.x', 1, 3, null, 'still-open']]],
    ['a fix seen only after an unreadable scan is dated by the scan that showed it', [{ at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('fail')], unread: ['infra'] }, { at: day(3), checks: [x('pass')] }], [['aws_s3_bucket.x', 1, 1, 3, 'fixed']]],
    ['a removal seen only after an unreadable scan', [{ at: day(1), checks: [x('fail'), y('pass')] }, { at: day(2), checks: [], unread: ['infra'], targets: ['infra'] }, { at: day(3), checks: [y('pass')] }], [['aws_s3_bucket.x', 1, 1, 3, 'resource-removed']]],
    ['a removed resource', [{ at: day(1), checks: [x('fail'), y('pass')] }, { at: day(2), checks: [y('pass')] }], [['aws_s3_bucket.x', 1, 1, 2, 'resource-removed']]],
    ['a waiver accepting the failure', [{ at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('waived')] }], [['aws_s3_bucket.x', 1, 1, 2, 'waived']]],
    ['a failure waived from the start is no deviation', [{ at: day(1), checks: [x('waived')] }, { at: day(2), checks: [x('waived')] }], []],
    // An imported report lists no rule: a rule without findings in it looks as if it did not run, which is no fix.
    ['a rule that did not run in a scan', [{ at: day(1), checks: [x('fail'), other('pass')] }, { at: day(2), checks: [other('pass')] }, { at: day(3), checks: [x('fail'), other('pass')] }], [['aws_s3_bucket.x', 1, 3, null, 'still-open']]],
    ['reports imported out of order', [{ at: day(3), checks: [x('pass')] }, { at: day(1), checks: [x('fail')] }, { at: day(2), checks: [x('fail')] }], [['aws_s3_bucket.x', 1, 2, 3, 'fixed']]],
  ])('%s', async (_name, scans, expected) => {
    expect(await deviationsOf(scans)).toEqual(expected);
  });

  it('a report without passes ends a failure it does not list; the next scan with passes says how', async () => {
    const history = await historyOf(temporaryDirectory('evidence-reports'), [
      { at: day(1), checks: [x('fail'), y('fail')] },
      { at: day(2), checks: [x('pass'), y('pass')], withoutPasses: true },
      { at: day(3), checks: [x('pass')] },
    ]);
    const [first, second] = findDeviations(history);
    expect(first).toMatchObject({ resource: { address: 'aws_s3_bucket.x' }, ended: 'fixed', note: 'record 2 was imported from a report without passing checks: it shows the failure had ended, not how; the next record shows the check passing' });
    expect(second).toMatchObject({ resource: { address: 'aws_s3_bucket.y' }, ended: 'resource-removed', note: 'record 2 was imported from a report without passing checks: it shows the failure had ended, not how; the next record shows the resource gone' });
    expect(new Date(first?.resolved?.at ?? '').getUTCDate()).toBe(2);
  });

  it('lists findings of drift rules (Terraform and the cloud differ) as drift, beside controls that passed and then failed', async () => {
    const drift = (status: Check['status']): Check => ({ rule: 'drift-aws-s3-bucket-versioning', address: 'aws_s3_bucket.x', status });
    const history = await historyOf(temporaryDirectory('evidence-reports'), [
      { at: day(1), checks: [x('pass'), drift('fail')] },
      { at: day(2), checks: [x('fail'), drift('fail')] },
      { at: day(3), checks: [x('fail'), drift('pass')] },
    ]);
    const report = periodReport(history, { from: '2026-03-01', to: '2026-03-03' });
    expect(report.drift.map((e) => [e.kind, e.ruleId, e.lastPassed?.seq ?? null, e.failed.seq])).toEqual([
      ['declared-vs-live', 'drift-aws-s3-bucket-versioning', null, 1],
      ['passed-then-failed', 'aws-s3-bucket-default-encryption', 1, 2],
    ]);
  });

  it('a ledger that starts with a report without passes counts the passes the next scan lists', async () => {
    const history = await historyOf(temporaryDirectory('evidence-reports'), [
      { at: day(1), checks: [x('fail'), y('pass')], withoutPasses: true },
      { at: day(2), checks: [x('fail'), y('pass')] },
    ]);
    expect(executiveSummary(history).overall.checks).toEqual({ pass: 1, fail: 1, unknown: 0, waived: 0, baseline: 0 });
    expect(findDeviations(history).map((d) => [d.resource.address, d.ended])).toEqual([['aws_s3_bucket.x', 'still-open']]);
  });

  it('a target added to the scan starts a new stream without opening the same failures again, and ends those the new stream no longer has', async () => {
    const history = await historyOf(temporaryDirectory('evidence-reports'), [
      { at: day(1), checks: [x('fail'), y('fail')] },
      { at: day(2), checks: [x('fail'), y('fail')] },
      // From day 3 the nightly scan also reads the AWS account: another set of targets, another stream.
      { at: day(3), checks: [x('fail'), { rule: 'aws-s3-bucket-versioning', address: 'arn:aws:s3:::z', status: 'fail', target: 'aws:123456789012' }] },
      { at: day(4), checks: [x('pass'), { rule: 'aws-s3-bucket-versioning', address: 'arn:aws:s3:::z', status: 'fail', target: 'aws:123456789012' }] },
    ]);
    expect(new Set(history.records.map((r) => r.header.stream.id)).size).toBe(2);
    const dayOf = (at: string | undefined) => (at ? new Date(at).getUTCDate() : null);
    expect(findDeviations(history).map((d) => [d.resource.address, dayOf(d.firstSeen.at), dayOf(d.resolved?.at), d.ended])).toEqual([
      ['aws_s3_bucket.x', 1, 4, 'fixed'],
      ['aws_s3_bucket.y', 1, 3, 'resource-removed'],
      ['arn:aws:s3:::z', 3, null, 'still-open'],
    ]);
    // Gaps are per target: the AWS account is not missing on days 1 and 2, it was not scanned yet.
    expect(periodReport(history, { from: '2026-03-01', to: '2026-03-04' }).gaps).toEqual([]);
  });

  it('a target that stopped being scanned is a gap to the end of the period', async () => {
    const history = await historyOf(
      temporaryDirectory('evidence-reports'),
      [
        { at: day(1), checks: [x('pass'), { ...y('pass'), target: 'old' }] },
        { at: day(2), checks: [x('pass'), { ...y('pass'), target: 'old' }] },
        { at: day(3), checks: [x('pass')] },
        { at: day(4), checks: [x('pass')] },
      ],
      '2026-03-05',
    );
    const report = periodReport(history, { from: '2026-03-01', to: '2026-03-05' });
    expect(report.gaps.map((g) => [g.target, g.from.slice(0, 10), g.to.slice(0, 10), g.days, g.cause])).toEqual([
      ['old', '2026-03-03', '2026-03-06', 3, 'stopped'],
      ['infra', '2026-03-05', '2026-03-06', 1, 'stopped'],
    ]);
  });
});

describe('a broken chain', () => {
  async function brokenHistory() {
    const directory = temporaryDirectory('evidence-reports');
    await historyOf(directory, [{ at: day(1), checks: [x('fail'), y('pass')] }, { at: day(2), checks: [x('fail'), y('pass')] }, { at: day(3), checks: [x('pass'), y('pass')] }]);
    // Someone turns record 1's failure into a pass and compresses it again.
    const file = path.join(directory, 'records', '000000000001.jsonl.gz');
    const text = gunzipSync(readFileSync(file)).toString('utf8').replace('"status":"fail"', '"status":"pass"');
    writeFileSync(file, gzipSync(text));
    return readEvidenceHistory(directory, { asOf: '2026-03-03' });
  }

  it('is reported at the top of every view, with each problem, and the figures that need the findings say why they are missing', async () => {
    const history = await brokenHistory();
    expect(history.chain.verified).toBe(false);
    expect(history.chain.problems.map((p) => [p.kind, p.seq])).toEqual([['edited', 1]]);
    expect(history.findings.complete).toBe(false);
    const report = periodReport(history, { from: '2026-03-01', to: '2026-03-03' });
    const plan = actionPlan(history);
    const summary = executiveSummary(history);
    const warning = 'The evidence chain is broken: 1 problem found by `trustscan evidence verify`.';
    const problem = 'record 1 (records/000000000001.jsonl.gz) was edited';
    for (const text of [periodMarkdown(report), actionsMarkdown(plan), summaryMarkdown(summary)]) {
      const lines = text.split('\n');
      expect(lines[2]).toBe('> [!CAUTION]');
      expect(lines[3]).toContain(warning.replace(/`/g, '\\`'));
      expect(lines[5]).toContain(problem);
    }
    for (const html of [periodHtml(report), actionsHtml(plan), summaryHtml(summary)]) {
      const banner = html.indexOf('<div class="banner broken" role="alert">');
      expect(banner).toBeGreaterThan(0);
      expect(banner).toBeLessThan(html.indexOf('<h2') < 0 ? Infinity : html.indexOf('<h2'));
      expect(html).toContain(problem);
    }
    for (const json of [periodJson(report), actionsJson(plan)]) {
      const parsed = JSON.parse(json) as { chain: { verified: boolean; problems: { kind: string }[] } };
      expect(Object.keys(parsed).indexOf('chain')).toBeLessThan(5);
      expect(parsed.chain).toMatchObject({ verified: false, problems: [{ kind: 'edited' }] });
    }
    for (const csv of [periodCsv(report), actionsCsv(plan)]) expect(csv.split('\r\n')[1]).toContain('broken chain');
    // The headers still give the records and the counts per rule; the deviations could not be computed, and say so.
    expect(report.totals.scans).toBe(3);
    expect(report.deviations).toEqual([]);
    expect(report.notes.at(-1)).toMatch(/^Deviations, drift and samples could not be computed: .*: records\/000000000002\.jsonl\.gz does not follow the record it builds on; run `trustscan evidence verify .*`\. The figures per rule come from the records' headers\.$/);
    expect(periodMarkdown(report)).toContain('Deviations could not be computed:');
  });
});

describe('bad input', () => {
  it('an empty store is one clear line', async () => {
    const directory = temporaryDirectory('evidence-reports');
    await expect(readEvidenceHistory(directory)).rejects.toThrow(InputError);
    await expect(readEvidenceHistory(directory)).rejects.toThrow(/no evidence records here; record scans with `trustscan scan --evidence /);
  });

  it('a store that does not exist is one clear line', async () => {
    await expect(readEvidenceHistory(path.join(temporaryDirectory('evidence-reports'), 'missing'))).rejects.toThrow(/no evidence store here \(no such directory\)/);
  });

  it('an as-of time that is not a date is one clear line', async () => {
    await expect(readEvidenceHistory(temporaryDirectory('evidence-reports'), { asOf: 'yesterday' })).rejects.toThrow('asOf takes an ISO 8601 date or time with its zone, e.g. 2026-03-31 or 2026-03-31T23:59:59Z, not "yesterday".');
  });
});
