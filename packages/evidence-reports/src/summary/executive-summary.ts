import { criteria as allCriteria, parseCadence, toolName, toolVersion, type Cadence, type FindingStatus, type OwnerRule, type RuleMeta, type Severity, type TscCategory, type TscId } from '@trustscan/core';
import type { EvidenceHistory, FindingTimeline, HistoryRecord } from '../history/evidence-history.js';
import { chainSummary, type ChainSummary } from '../history/chain-summary.js';
import { actionPlan, type ActionPlan, type CorrectiveAction } from '../actions/action-plan.js';
import { dayMs, dayOf, isoOf, parseDateBound, startOfDay } from '../period/dates.js';
import { findGaps } from '../period/gaps.js';
import { recordRef, seqRanges, type RecordRef } from '../period/record-ref.js';

export const summaryCategories: readonly TscCategory[] = ['Security', 'Availability', 'Confidentiality', 'Processing Integrity', 'Privacy'];

export interface ExecutiveSummaryOptions {
  /** Start of the trend (default: a year before as-of, or the first record when later). */
  readonly from?: Date | string;
  readonly cadence?: Cadence | string;
  readonly owners?: readonly OwnerRule[];
  readonly sla?: Readonly<Partial<Record<Severity, number>>>;
  readonly rules?: readonly RuleMeta[];
}

/** A category's readiness on one day: passing checks among the decided ones (null when none was decided). */
export interface TrendPoint {
  readonly date: string;
  readonly readiness: number | null;
}

export interface CategoryReadiness {
  readonly category: TscCategory;
  /** `ready`: every decided check passes; `gaps`: some fail; `not-covered`: no automated control checks this category. */
  readonly status: 'ready' | 'gaps' | 'not-covered';
  /** Criteria of the category that at least one automated control supports, of all its criteria. */
  readonly criteriaCovered: number;
  readonly criteriaTotal: number;
  /** The checks in force at the as-of time: each finding's latest status. */
  readonly checks: Readonly<Record<FindingStatus, number>>;
  /** Passing checks among those decided (pass, fail or baseline), from 0 to 1; null without any. */
  readonly readiness: number | null;
  /** The readiness at the end of each day from `from` to the as-of time. */
  readonly trend: readonly TrendPoint[];
}

export interface ExecutiveSummary {
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string;
  readonly from: string;
  readonly chain: ChainSummary;
  readonly findings: EvidenceHistory['findings'];
  readonly categories: readonly CategoryReadiness[];
  /** Every check in force at the as-of time, each finding once, and the share of decided ones passing. */
  readonly overall: { readonly checks: Readonly<Record<FindingStatus, number>>; readonly readiness: number | null };
  /** Criteria automated controls support, of the 61. */
  readonly criteriaCovered: number;
  readonly criteriaTotal: number;
  /** The most severe open actions, overdue first (at most five). */
  readonly topRisks: readonly CorrectiveAction[];
  readonly actions: ActionPlan['summary'];
  /** Open actions past their due date, most overdue first (at most five). */
  readonly overdue: readonly CorrectiveAction[];
  readonly evidence: {
    readonly location: string;
    readonly records: number;
    readonly recordsInWindow: number;
    /** The records of the window by position in the chain, as ranges. */
    readonly seqs: readonly (readonly [number, number])[];
    readonly first: RecordRef | null;
    readonly last: RecordRef | null;
    /** Days in the window without a record for some target (the cadence says how often scans should run). */
    readonly gapDays: number;
    readonly cadence: string;
  };
}

/**
 * The one-page executive summary: readiness per Trust Services category with its trend, what automated controls
 * cover, the top risks, the overdue actions and the evidence trail. Pure: a function of the history and options.
 */
export function executiveSummary(history: EvidenceHistory, options: ExecutiveSummaryOptions = {}): ExecutiveSummary {
  const asOf = Date.parse(history.asOf);
  const firstRecord = history.records[0];
  const defaultFrom = Math.max(startOfDay(asOf) - 364 * dayMs, firstRecord ? startOfDay(firstRecord.time) : startOfDay(asOf));
  const from = options.from === undefined ? defaultFrom : parseDateBound(options.from, 'start', 'from');
  const cadence = typeof options.cadence === 'string' ? parseCadence(options.cadence) : options.cadence;
  const plan = actionPlan(history, { from: isoOf(from), ...(options.owners ? { owners: options.owners } : {}), ...(options.sla ? { sla: options.sla } : {}), ...(options.rules ? { rules: options.rules } : {}) });
  const inWindow = history.records.filter((record) => record.time >= from && record.time <= asOf);
  const gaps = findGaps(history.records, { start: from, end: asOf, asOf, cadence: cadence?.milliseconds ?? dayMs });
  const open = plan.actions.filter((a) => a.status === 'open' || a.status === 'overdue');
  const covered = coveredCriteria(history);
  return {
    tool: { name: toolName, version: toolVersion },
    asOf: history.asOf,
    from: isoOf(from),
    chain: chainSummary(history.chain),
    findings: history.findings,
    categories: categoryReadiness(history.timelines, history.records, covered, from, asOf),
    overall: overallReadiness(history.timelines),
    criteriaCovered: covered.size,
    criteriaTotal: allCriteria.length,
    topRisks: open.slice(0, 5),
    actions: plan.summary,
    overdue: open.filter((a) => a.status === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue).slice(0, 5),
    evidence: {
      location: history.location,
      records: history.chain.records,
      recordsInWindow: inWindow.length,
      seqs: seqRanges(inWindow.map((record) => record.seq)),
      first: inWindow[0] ? recordRef(inWindow[0]) : null,
      last: inWindow.at(-1) ? recordRef(inWindow.at(-1) as HistoryRecord) : null,
      gapDays: Math.round(gaps.reduce((sum, gap) => sum + gap.days, 0) * 100) / 100,
      cadence: cadence?.text ?? '1d',
    },
  };
}

/** Criteria that a rule the scans ran supports. */
function coveredCriteria(history: EvidenceHistory): Set<TscId> {
  const covered = new Set<TscId>();
  for (const record of history.records) for (const rule of record.header.rules) for (const criterion of rule.criteria) covered.add(criterion);
  for (const timeline of history.timelines) for (const criterion of timeline.tsc) covered.add(criterion);
  return covered;
}

function categoryReadiness(timelines: readonly FindingTimeline[], records: readonly HistoryRecord[], covered: ReadonlySet<TscId>, from: number, asOf: number): CategoryReadiness[] {
  const firstDay = startOfDay(from);
  const dayCount = Math.max(1, Math.floor((startOfDay(asOf) - firstDay) / dayMs) + 1);
  const statuses: readonly FindingStatus[] = ['pass', 'fail', 'unknown', 'waived', 'baseline'];
  const categoryOf = new Map(allCriteria.map((c) => [c.id as string, c.category]));
  // Per category and status, a difference array over days: +1 on the day a status starts being in force, -1 when it ends.
  const diff = new Map(summaryCategories.map((category) => [category, new Map(statuses.map((status) => [status, new Int32Array(dayCount + 1)]))]));
  const now = new Map(summaryCategories.map((category) => [category, { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 } as Record<FindingStatus, number>]));
  for (const timeline of timelines) {
    const categories = [...new Set(timeline.tsc.map((criterion) => categoryOf.get(criterion)).filter((c): c is TscCategory => c !== undefined))];
    if (categories.length === 0) continue;
    const observations = timeline.observations;
    for (let i = 0; i < observations.length; i++) {
      const observation = observations[i] as (typeof observations)[number];
      const status = observation.status;
      if (status === 'absent' || status === 'not-listed') continue;
      const startDay = dayIndex((records[observation.at] as HistoryRecord).time, firstDay, dayCount);
      const next = observations[i + 1];
      const endDay = next ? dayIndex((records[next.at] as HistoryRecord).time, firstDay, dayCount) : dayCount;
      for (const category of categories) {
        if (endDay > startDay) {
          const array = diff.get(category)?.get(status) as Int32Array;
          array[startDay] = (array[startDay] ?? 0) + 1;
          array[endDay] = (array[endDay] ?? 0) - 1;
        }
        if (!next) (now.get(category) as Record<FindingStatus, number>)[status]++;
      }
    }
  }
  const criteriaOf = (category: TscCategory) => allCriteria.filter((c) => c.category === category);
  return summaryCategories.map((category): CategoryReadiness => {
    const checks = now.get(category) as Record<FindingStatus, number>;
    const decided = checks.pass + checks.fail + checks.baseline;
    const running = new Map(statuses.map((status) => [status, 0]));
    const trend: TrendPoint[] = [];
    for (let day = 0; day < dayCount; day++) {
      for (const status of statuses) running.set(status, (running.get(status) ?? 0) + ((diff.get(category)?.get(status) as Int32Array)[day] ?? 0));
      const pass = running.get('pass') ?? 0;
      const failing = (running.get('fail') ?? 0) + (running.get('baseline') ?? 0);
      trend.push({ date: dayOf(firstDay + day * dayMs), readiness: pass + failing === 0 ? null : pass / (pass + failing) });
    }
    const all = criteriaOf(category);
    const coveredCount = all.filter((c) => covered.has(c.id)).length;
    return {
      category,
      status: coveredCount === 0 || decided + checks.unknown + checks.waived === 0 ? 'not-covered' : checks.fail + checks.baseline > 0 ? 'gaps' : 'ready',
      criteriaCovered: coveredCount,
      criteriaTotal: all.length,
      checks,
      readiness: decided === 0 ? null : checks.pass / decided,
      trend,
    };
  });
}

function overallReadiness(timelines: readonly FindingTimeline[]): ExecutiveSummary['overall'] {
  const checks: Record<FindingStatus, number> = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
  for (const timeline of timelines) {
    const status = timeline.observations.at(-1)?.status;
    if (status !== undefined && status !== 'absent' && status !== 'not-listed') checks[status]++;
  }
  const decided = checks.pass + checks.fail + checks.baseline;
  return { checks, readiness: decided === 0 ? null : checks.pass / decided };
}

/** The day (from 0) of a time in the window: earlier times count from day 0, later ones from the end. */
function dayIndex(time: number, firstDay: number, dayCount: number): number {
  return Math.min(dayCount, Math.max(0, Math.floor((time - firstDay) / dayMs)));
}
