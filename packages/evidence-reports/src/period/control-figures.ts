import { compareCriteria, findCriterion, type FindingStatus, type RuleMeta, type Severity, type TscId } from '@trustscan/core';
import type { EvidenceHistory, HistoryRecord } from '../history/evidence-history.js';
import { compareText } from '../compare-text.js';
import { dayMs } from './dates.js';
import type { Gap } from './gaps.js';
import { recordRef, seqRanges, type RecordRef } from './record-ref.js';

/**
 * Whether a control operated throughout the period: every scan that ran it found no failure and no stretch went
 * without evidence (`operated-throughout`); or it had deviations or gaps (`exceptions`); or no scan decided any of
 * its checks (`not-tested`).
 */
export type ControlStatus = 'operated-throughout' | 'exceptions' | 'not-tested';

/** Checks by status, summed over the scans of the period. */
export type CheckCounts = Readonly<Record<FindingStatus, number>>;

/** The evidence behind a figure: the records it was counted from (as ranges of positions), the first and the last. */
export interface FigureEvidence {
  readonly records: readonly (readonly [number, number])[];
  readonly first: RecordRef | null;
  readonly last: RecordRef | null;
}

export interface ControlFigures {
  readonly status: ControlStatus;
  /** Scans in the period that ran the control (the population of its occurrences). */
  readonly scans: number;
  /** Checks those scans made (one per resource and scan), counted from the scans that list passing checks. */
  readonly checks: number;
  readonly counts: CheckCounts;
  /** Passing checks among all checks, from 0 to 1; null without checks. */
  readonly passingShare: number | null;
  /** Scans imported from reports without passing checks: left out of `checks`, since their passes are not evidenced. */
  readonly scansWithoutPasses: number;
  /** Deviations during the period, and how many were still open at its end. */
  readonly deviations: number;
  readonly openAtEnd: number;
  /** Days without evidence in the period for the targets the control checks. */
  readonly gapDays: number;
  readonly evidence: FigureEvidence;
}

export interface RuleFigures extends ControlFigures {
  readonly id: string;
  /** The rule's title, when the rule is known to this trustscan. */
  readonly title?: string;
  readonly severity: Severity;
  readonly criteria: readonly TscId[];
}

export interface CriterionFigures extends ControlFigures {
  readonly id: TscId;
  readonly title: string;
  readonly category: string;
  /** The rules that support the criterion (primary or secondary) and ran in the period or have deviations in it. */
  readonly rules: readonly string[];
}

/** What the figures need of a deviation of the period. */
export interface CountedDeviation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly criteria: readonly TscId[];
  readonly openAtPeriodEnd: boolean;
}

interface RuleInfo {
  severity: Severity;
  criteria: readonly TscId[];
}

/**
 * The figures per rule and per criterion for the records of a period, from the counts in each record's header, the
 * period's deviations and its gaps.
 */
export function controlFigures(
  history: EvidenceHistory,
  inPeriod: readonly HistoryRecord[],
  deviations: readonly CountedDeviation[],
  gaps: readonly Gap[],
  rules: readonly RuleMeta[] = [],
): { rules: RuleFigures[]; criteria: CriterionFigures[] } {
  const info = ruleInfo(history.records, history, rules);
  const titles = new Map(rules.map((rule) => [rule.id, rule.title]));
  const targetsOfRule = ruleTargets(history, inPeriod);
  const gapIntervals = intervalsByTarget(gaps);
  const deviationsOf = groupBy(deviations, (d) => d.ruleId);
  const ruleIds = new Set<string>([...deviationsOf.keys()]);
  for (const record of inPeriod) for (const id of record.rulesRun) ruleIds.add(id);

  const figures = new Map<string, RuleFigures>();
  for (const id of [...ruleIds].sort(compareText)) {
    const known = info.get(id);
    const ran = inPeriod.filter((record) => record.rulesRun.has(id));
    const own = deviationsOf.get(id) ?? [];
    const gapDays = days(mergedIntervals([...(targetsOfRule.get(id) ?? [])].flatMap((target) => gapIntervals.get(target) ?? []).concat(gapIntervals.get(null) ?? [])));
    figures.set(id, {
      id,
      ...(titles.has(id) ? { title: titles.get(id) as string } : {}),
      severity: known?.severity ?? own[0]?.severity ?? 'medium',
      criteria: known?.criteria ?? own[0]?.criteria ?? [],
      ...figuresOf(ran, (record) => record.header.summary.rules[id], own, gapDays),
    });
  }

  const byCriterion = new Map<TscId, string[]>();
  for (const rule of figures.values()) for (const criterion of rule.criteria) (byCriterion.get(criterion) ?? byCriterion.set(criterion, []).get(criterion))?.push(rule.id);
  const criteria = [...byCriterion.keys()].sort(compareCriteria).map((id): CriterionFigures => {
    const ruleIdsOf = byCriterion.get(id) ?? [];
    const ran = inPeriod.filter((record) => ruleIdsOf.some((rule) => record.rulesRun.has(rule)));
    const own = ruleIdsOf.flatMap((rule) => deviationsOf.get(rule) ?? []);
    const memberFigures = ruleIdsOf.map((rule) => figures.get(rule) as RuleFigures);
    const criterion = findCriterion(id);
    const summed = figuresOf(ran, (record) => sumCounts(ruleIdsOf.map((rule) => record.header.summary.rules[rule])), own, Math.max(0, ...memberFigures.map((f) => f.gapDays)));
    return {
      id,
      title: criterion?.title ?? id,
      category: criterion?.category ?? 'Security',
      rules: ruleIdsOf,
      ...summed,
      status: memberFigures.some((f) => f.status === 'exceptions') ? 'exceptions' : memberFigures.every((f) => f.status === 'not-tested') ? 'not-tested' : 'operated-throughout',
    };
  });
  // Exceptions first, then controls that operated throughout, then those not tested; by id within each.
  const order: Readonly<Record<ControlStatus, number>> = { exceptions: 0, 'operated-throughout': 1, 'not-tested': 2 };
  return { rules: [...figures.values()].sort((a, b) => order[a.status] - order[b.status] || compareText(a.id, b.id)), criteria };
}

function figuresOf(
  ran: readonly HistoryRecord[],
  countsOf: (record: HistoryRecord) => Partial<Record<FindingStatus, number>> | undefined,
  deviations: readonly CountedDeviation[],
  gapDays: number,
): ControlFigures {
  const counts: Record<FindingStatus, number> = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
  let scansWithoutPasses = 0;
  let failuresInUnlisted = 0;
  for (const record of ran) {
    const own = countsOf(record) ?? {};
    if (record.header.passes === 'omitted') {
      scansWithoutPasses++;
      failuresInUnlisted += (own.fail ?? 0) + (own.baseline ?? 0);
      continue;
    }
    for (const status of Object.keys(counts) as FindingStatus[]) counts[status] += own[status] ?? 0;
  }
  const checks = counts.pass + counts.fail + counts.unknown + counts.waived + counts.baseline;
  const decided = counts.pass + counts.fail + counts.baseline + failuresInUnlisted;
  const openAtEnd = deviations.filter((d) => d.openAtPeriodEnd).length;
  const failed = deviations.length > 0 || counts.fail + counts.baseline + failuresInUnlisted > 0;
  const status: ControlStatus = ran.length === 0 || (decided === 0 && !failed) ? 'not-tested' : failed || gapDays > 0 ? 'exceptions' : 'operated-throughout';
  const first = ran[0];
  const last = ran.at(-1);
  return {
    status,
    scans: ran.length,
    checks,
    counts,
    passingShare: checks === 0 ? null : counts.pass / checks,
    scansWithoutPasses,
    deviations: deviations.length,
    openAtEnd,
    gapDays,
    evidence: { records: seqRanges(ran.map((record) => record.seq)), first: first ? recordRef(first) : null, last: last ? recordRef(last) : null },
  };
}

/** Each rule's severity and criteria: from the latest record that names the rule, else from its findings. */
function ruleInfo(records: readonly HistoryRecord[], history: EvidenceHistory, rules: readonly RuleMeta[]): Map<string, RuleInfo> {
  const info = new Map<string, RuleInfo>();
  for (const timeline of history.timelines) if (!info.has(timeline.ruleId)) info.set(timeline.ruleId, { severity: timeline.severity, criteria: timeline.tsc });
  for (const record of records) for (const rule of record.header.rules) info.set(rule.id, { severity: rule.severity, criteria: rule.criteria });
  for (const rule of rules) if (!info.has(rule.id)) info.set(rule.id, { severity: rule.severity, criteria: [...rule.criteria.primary, ...(rule.criteria.secondary ?? [])] });
  return info;
}

/** The targets each rule checks: those of its findings, or when findings could not be replayed, of the scans that ran it. */
function ruleTargets(history: EvidenceHistory, inPeriod: readonly HistoryRecord[]): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  const add = (rule: string, target: string) => (targets.get(rule) ?? targets.set(rule, new Set()).get(rule))?.add(target);
  if (history.findings.complete) for (const timeline of history.timelines) add(timeline.ruleId, timeline.target);
  else for (const record of inPeriod) for (const rule of record.rulesRun) for (const target of record.targetsRead) add(rule, target);
  return targets;
}

function intervalsByTarget(gaps: readonly Gap[]): Map<string | null, [number, number][]> {
  const byTarget = new Map<string | null, [number, number][]>();
  for (const gap of gaps) (byTarget.get(gap.target) ?? byTarget.set(gap.target, []).get(gap.target))?.push([Date.parse(gap.from), Date.parse(gap.to)]);
  return byTarget;
}

function mergedIntervals(intervals: readonly [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function days(intervals: readonly [number, number][]): number {
  return Math.round((intervals.reduce((sum, [from, to]) => sum + (to - from), 0) / dayMs) * 100) / 100;
}

function sumCounts(list: readonly (Partial<Record<FindingStatus, number>> | undefined)[]): Partial<Record<FindingStatus, number>> {
  const sum: Partial<Record<FindingStatus, number>> = {};
  for (const counts of list) for (const [status, count] of Object.entries(counts ?? {}) as [FindingStatus, number][]) sum[status] = (sum[status] ?? 0) + count;
  return sum;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(keyOf(item)) ?? groups.set(keyOf(item), []).get(keyOf(item)))?.push(item);
  return groups;
}

