import { InputError, parseCadence, toolName, toolVersion, type Cadence, type RuleMeta } from '@trustscan/core';
import type { EvidenceHistory, HistoryRecord } from '../history/evidence-history.js';
import { calendarDays, dayMs, isoOf, parseDateBound } from './dates.js';
import { controlFigures, type CriterionFigures, type RuleFigures } from './control-figures.js';
import { findDeviations, type Deviation } from './deviations.js';
import { findGaps, type Gap } from './gaps.js';
import { recordRef, seqRanges, timeOf, type RecordRef } from './record-ref.js';
import { drawSample, type Sample } from './samples.js';
import { waiverHistory, type WaiverHistory } from './waiver-events.js';
import { chainSummary, type ChainSummary } from '../history/chain-summary.js';

/** The version of the period report's JSON shape (docs/period-report.md); it changes only when a field is removed or changes meaning. */
export const periodReportSchemaVersion = 1;

export interface PeriodReportOptions {
  /** The observation period: a date (its whole UTC day) or a date-time with its zone. */
  readonly from: Date | string;
  readonly to: Date | string;
  /** How often scans are expected: `1d` (default), `12h`, `1w`; longer stretches without a record are gaps. */
  readonly cadence?: Cadence | string;
  /** Dates to draw at random, as an auditor samples; the seed makes the draw repeatable. */
  readonly sample?: { readonly size: number; readonly seed: string };
  /** Rule metadata, for the rules' titles. */
  readonly rules?: readonly RuleMeta[];
}

/** A deviation as the period sees it. */
export interface PeriodDeviation extends Deviation {
  /** Calendar days from the first record that showed it to the one that did not, or to the as-of time while open. */
  readonly days: number;
  readonly startedBeforePeriod: boolean;
  /** Open at the end of the period (it may have been fixed since). */
  readonly openAtPeriodEnd: boolean;
  readonly remediatedWithinPeriod: boolean;
}

/** A control that changed for the worse: it passed and then failed, or a drift rule found Terraform and the cloud apart. */
export interface DriftEvent {
  readonly kind: 'passed-then-failed' | 'declared-vs-live';
  readonly deviation: string;
  readonly ruleId: string;
  readonly severity: Deviation['severity'];
  readonly resource: Deviation['resource'];
  readonly message: string;
  /** The last record that showed the control passing (null for a drift rule's finding without an earlier pass). */
  readonly lastPassed: RecordRef | null;
  readonly failed: RecordRef;
}

/** A record of the period, as the index of the evidence. */
export interface PeriodRecord extends RecordRef {
  readonly path: string;
  readonly recordedAt: string;
  readonly stream: string;
  readonly kind: 'snapshot' | 'delta';
  readonly passes: 'recorded' | 'omitted';
  readonly imported?: { readonly file: string; readonly sha256: string };
  readonly targets: readonly { readonly name: string; readonly kind: string; readonly ok: boolean }[];
  readonly environment: { readonly provider: string; readonly commit?: string; readonly runUrl?: string };
  readonly signed: boolean;
}

export interface PeriodTotals {
  /** Records (scans) observed in the period: the population. */
  readonly scans: number;
  readonly checks: number;
  readonly passingShare: number | null;
  readonly deviations: number;
  readonly openAtPeriodEnd: number;
  readonly remediatedWithinPeriod: number;
  readonly gaps: number;
  readonly gapDays: number;
  readonly drift: number;
  readonly rules: { readonly operatedThroughout: number; readonly exceptions: number; readonly notTested: number };
}

/** The auditor's view of an observation period: `toPeriodJson` writes it as documented in docs/period-report.md. */
export interface PeriodReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly period: { readonly from: string; readonly to: string; readonly asOf: string; readonly days: number; readonly cadence: string };
  readonly chain: ChainSummary;
  readonly store: {
    readonly location: string;
    /** Records in the store. */
    readonly records: number;
    readonly recordsInPeriod: number;
    /** The records of the period by position in the chain, as ranges: [[1, 90]]. */
    readonly seqs: readonly (readonly [number, number])[];
    /** The first and last scans of the period. */
    readonly first: RecordRef | null;
    readonly last: RecordRef | null;
    readonly targets: readonly string[];
  };
  /** Whether deviations, drift and samples could be computed from the findings; when not, why. */
  readonly findings: EvidenceHistory['findings'];
  readonly totals: PeriodTotals;
  readonly criteria: readonly CriterionFigures[];
  /** Controls with exceptions first, then those that operated throughout, then those not tested. */
  readonly rules: readonly RuleFigures[];
  readonly deviations: readonly PeriodDeviation[];
  readonly gaps: readonly Gap[];
  readonly drift: readonly DriftEvent[];
  readonly waivers: WaiverHistory;
  readonly sample: Sample | null;
  readonly records: readonly PeriodRecord[];
  /** Things the reader must know to read the figures right. */
  readonly notes: readonly string[];
}

/** Builds the period report from a history: a pure function of the history, the period and the options. */
export function periodReport(history: EvidenceHistory, options: PeriodReportOptions): PeriodReport {
  const start = parseDateBound(options.from, 'start', 'from');
  const end = parseDateBound(options.to, 'end', 'to');
  if (end < start) throw new InputError(`the period ends (${isoOf(end)}) before it starts (${isoOf(start)}); give --from before --to.`, { subject: 'period' });
  const asOf = Date.parse(history.asOf);
  if (asOf < start) throw new InputError(`the as-of time (${history.asOf}) is before the period starts (${isoOf(start)}): nothing of the period was observed yet.`, { subject: 'asOf' });
  const cadence = cadenceOf(options.cadence);
  const horizon = Math.min(end, asOf);

  const inPeriod = history.records.filter((record) => record.time >= start && record.time <= end);
  const deviations = findDeviations(history).flatMap((d) => periodDeviation(d, { start, end, horizon, asOf }));
  const gaps = findGaps(history.records, { start, end, asOf, cadence: cadence.milliseconds });
  const figures = controlFigures(history, inPeriod, deviations, gaps, options.rules);
  const drift = driftEvents(deviations, start, horizon);
  const notes = reportNotes(history, inPeriod);
  const first = inPeriod[0];
  const last = inPeriod.at(-1);
  const checks = figures.rules.reduce((sum, rule) => sum + rule.checks, 0);
  const passing = figures.rules.reduce((sum, rule) => sum + rule.counts.pass, 0);
  return {
    schemaVersion: periodReportSchemaVersion,
    tool: { name: toolName, version: toolVersion },
    period: { from: isoOf(start), to: isoOf(end), asOf: history.asOf, days: Math.round(((end + 1 - start) / dayMs) * 100) / 100, cadence: cadence.text },
    chain: chainSummary(history.chain),
    store: {
      location: history.location,
      records: history.chain.records,
      recordsInPeriod: inPeriod.length,
      seqs: seqRanges(inPeriod.map((record) => record.seq)),
      first: first ? recordRef(first) : null,
      last: last ? recordRef(last) : null,
      targets: [...new Set(inPeriod.flatMap((record) => record.header.targets.map((target) => target.name)))].sort(),
    },
    findings: history.findings,
    totals: {
      scans: inPeriod.length,
      checks,
      passingShare: checks === 0 ? null : passing / checks,
      deviations: deviations.length,
      openAtPeriodEnd: deviations.filter((d) => d.openAtPeriodEnd).length,
      remediatedWithinPeriod: deviations.filter((d) => d.remediatedWithinPeriod).length,
      gaps: gaps.length,
      gapDays: Math.round(gaps.reduce((sum, gap) => sum + gap.days, 0) * 100) / 100,
      drift: drift.length,
      rules: {
        operatedThroughout: figures.rules.filter((r) => r.status === 'operated-throughout').length,
        exceptions: figures.rules.filter((r) => r.status === 'exceptions').length,
        notTested: figures.rules.filter((r) => r.status === 'not-tested').length,
      },
    },
    criteria: figures.criteria,
    rules: figures.rules,
    deviations,
    gaps,
    drift,
    waivers: waiverHistory(history.records, start, end),
    sample: options.sample && history.records.length > 0 ? drawSample(history.records, deviations, { start, end: horizon }, options.sample.size, options.sample.seed) : null,
    records: inPeriod.map(periodRecord),
    notes,
  };
}

function cadenceOf(cadence: Cadence | string | undefined): Cadence {
  if (cadence === undefined) return { text: '1d', milliseconds: dayMs };
  if (typeof cadence !== 'string') return cadence;
  const parsed = parseCadence(cadence);
  if (!parsed) throw new InputError(`cadence: "${cadence}" is not a cadence; write a number and h, d or w, e.g. 1d, 12h or 1w.`, { subject: 'cadence' });
  return parsed;
}

/** The deviation as the period sees it, or nothing when it does not overlap the period. */
function periodDeviation(d: Deviation, bounds: { start: number; end: number; horizon: number; asOf: number }): PeriodDeviation[] {
  const { start, end, horizon, asOf } = bounds;
  const firstSeen = timeOf(d.firstSeen);
  const resolved = d.resolved === null ? undefined : timeOf(d.resolved);
  if (firstSeen > horizon || (resolved !== undefined && resolved < start)) return [];
  // Built field by field (not spread): a year of a large estate has tens of thousands of deviations.
  const deviation: PeriodDeviation = {
    id: d.id,
    ruleId: d.ruleId,
    severity: d.severity,
    criteria: d.criteria,
    resource: d.resource,
    location: d.location,
    message: d.message,
    firstSeen: d.firstSeen,
    lastSeen: d.lastSeen,
    resolved: d.resolved,
    ended: d.ended,
    before: d.before,
    lastPassed: d.lastPassed,
    fingerprint: d.fingerprint,
    days: calendarDays(firstSeen, resolved ?? asOf),
    startedBeforePeriod: firstSeen < start,
    openAtPeriodEnd: resolved === undefined || resolved > end,
    remediatedWithinPeriod: resolved !== undefined && resolved >= start && resolved <= end && (d.ended === 'fixed' || d.ended === 'resource-removed'),
    ...(d.note === undefined ? {} : { note: d.note }),
  };
  return [deviation];
}

function driftEvents(deviations: readonly PeriodDeviation[], start: number, horizon: number): DriftEvent[] {
  const events: DriftEvent[] = [];
  for (const d of deviations) {
    const failedAt = timeOf(d.firstSeen);
    if (failedAt < start || failedAt > horizon) continue;
    const declaredVsLive = d.ruleId.startsWith('drift-');
    if (!declaredVsLive && d.before !== 'pass') continue;
    events.push({
      kind: declaredVsLive ? 'declared-vs-live' : 'passed-then-failed',
      deviation: d.id,
      ruleId: d.ruleId,
      severity: d.severity,
      resource: d.resource,
      message: d.message,
      lastPassed: d.lastPassed,
      failed: d.firstSeen,
    });
  }
  return events;
}

function periodRecord(record: HistoryRecord): PeriodRecord {
  const { header } = record;
  return {
    ...recordRef(record),
    path: record.path,
    recordedAt: header.recordedAt,
    stream: header.stream.id,
    kind: header.stream.kind,
    passes: header.passes,
    ...(header.imported ? { imported: { file: header.imported.file, sha256: header.imported.sha256 } } : {}),
    targets: header.targets.map((t) => ({ name: t.name, kind: t.kind, ok: t.ok })),
    environment: {
      provider: header.environment.provider,
      ...(header.environment.commit ? { commit: header.environment.commit } : {}),
      ...(header.environment.runUrl ? { runUrl: header.environment.runUrl } : {}),
    },
    signed: header.signer !== undefined,
  };
}

function reportNotes(history: EvidenceHistory, inPeriod: readonly HistoryRecord[]): string[] {
  const notes: string[] = [];
  if (inPeriod.length === 0) notes.push('No scan was recorded in this period: there is no evidence that any control operated, and the whole period is a gap.');
  const imported = inPeriod.filter((record) => record.header.imported).length;
  const records = (count: number) => (count === 1 ? '1 record' : `${count} records`);
  if (imported > 0) notes.push(`${records(imported)} of the ${inPeriod.length} ${imported === 1 ? 'was' : 'were'} imported from earlier JSON reports rather than recorded by the scans themselves.`);
  const unlisted = inPeriod.filter((record) => record.header.passes === 'omitted').length;
  if (unlisted > 0) notes.push(`${records(unlisted)} ${unlisted === 1 ? 'was' : 'were'} imported from a report written without passing checks: failures count, but passes are not evidenced, so those scans are left out of the checks.`);
  const unread = inPeriod.filter((record) => record.header.targets.some((target) => !target.ok)).length;
  if (unread > 0) notes.push(`${records(unread)} could not read a target: such a record evidences nothing about that target, and its findings count neither as fixed nor as removed.`);
  if (!history.findings.complete) notes.push(`Deviations, drift and samples could not be computed: ${history.findings.reason} The figures per rule come from the records' headers.`);
  return notes;
}
