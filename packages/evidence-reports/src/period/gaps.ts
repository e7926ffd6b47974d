import type { HistoryRecord } from '../history/evidence-history.js';
import { TargetReads, upperBound } from '../history/target-reads.js';
import { dayMs, isoOf } from './dates.js';
import { recordRef, type RecordRef } from './record-ref.js';

/**
 * Why there is no evidence: no record at all in the stretch; records that could not read the target; or the target
 * was not scanned again (up to the end of the period or the as-of time).
 */
export type GapCause = 'no-record' | 'not-read' | 'stopped';

/** A stretch of at least one cadence with no record that read a target: a deviation of the monitoring itself. */
export interface Gap {
  /** The target without evidence; null when no record of any target exists for the stretch. */
  readonly target: string | null;
  readonly from: string;
  readonly to: string;
  /** Length in days (fractions for hourly cadences). */
  readonly days: number;
  readonly cause: GapCause;
  /** The last record that read the target before the gap, and the first after it. */
  readonly lastBefore: RecordRef | null;
  readonly firstAfter: RecordRef | null;
  /** For `not-read`: the records in the stretch that listed the target but could not read it. */
  readonly unreadIn?: readonly number[];
}

export interface GapWindow {
  /** First millisecond of the period. */
  readonly start: number;
  /** Last millisecond of the period. */
  readonly end: number;
  /** Records after this time are not considered. */
  readonly asOf: number;
  readonly cadence: number;
}

/**
 * The gaps of a period. The period is cut into windows of the cadence from its start (UTC days for `1d`); each
 * target scanned before or during the period should be read at least once in every window from its first scan on.
 * The windows before the ledger's first read of any target are one gap of every target (`target: null`): an audit
 * period that starts before the evidence does has days without evidence of any control.
 * Consecutive windows without a read make one gap. A window still running at the as-of time is not a gap yet.
 */
export function findGaps(records: readonly HistoryRecord[], window: GapWindow): Gap[] {
  const horizon = Math.min(window.end + 1, window.asOf + 1);
  if (horizon <= window.start) return [];
  const known = records.filter((record) => record.time < horizon);
  const reads = new TargetReads(known);
  const targets = reads.targets();
  if (targets.length === 0) {
    // No record read anything: the whole period, up to its last complete window, is without evidence.
    const complete = Math.floor((horizon - window.start) / window.cadence);
    return complete === 0 ? [] : [gapOfEveryTarget(window.start, window.start + complete * window.cadence, known, null)];
  }
  const gaps: Gap[] = [];
  // Before the ledger's first read of anything, no control of any target has evidence: one gap of every target.
  const firstIndex = Math.min(...targets.map((target) => reads.of(target)[0] as number));
  const first = known[firstIndex] as HistoryRecord;
  const before = Math.floor((first.time - window.start) / window.cadence);
  if (before > 0) gaps.push(gapOfEveryTarget(window.start, window.start + before * window.cadence, known, recordRef(first)));
  for (const target of targets) gaps.push(...gapsOf(target, reads.of(target), known, window, horizon));
  return gaps.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : (a.target ?? '') < (b.target ?? '') ? -1 : 1));
}

/** A stretch without evidence of any target: before the first read, or a period no record read anything in. */
function gapOfEveryTarget(from: number, to: number, records: readonly HistoryRecord[], firstAfter: RecordRef | null): Gap {
  const unread = records.filter((record) => record.time >= from && record.time < to).map((record) => record.seq);
  return {
    target: null,
    from: isoOf(from),
    to: isoOf(to),
    days: round((to - from) / dayMs),
    cause: unread.length > 0 ? 'not-read' : 'no-record',
    lastBefore: null,
    firstAfter,
    ...(unread.length > 0 ? { unreadIn: unread } : {}),
  };
}

function gapsOf(target: string, indices: readonly number[], records: readonly HistoryRecord[], window: GapWindow, horizon: number): Gap[] {
  const times = indices.map((index) => (records[index] as HistoryRecord).time);
  const firstRead = times[0] as number;
  if (firstRead >= horizon) return [];
  // Windows start at the period's start, or at the window of the target's first scan when that is later.
  const firstWindow = firstRead < window.start ? 0 : Math.floor((firstRead - window.start) / window.cadence);
  const windowCount = Math.ceil((horizon - window.start) / window.cadence);
  const gaps: Gap[] = [];
  let gapStart = -1;
  for (let k = firstWindow; k <= windowCount; k++) {
    const from = window.start + k * window.cadence;
    const to = Math.min(from + window.cadence, horizon);
    const complete = from + window.cadence <= horizon;
    const covered = k < windowCount && hasTimeIn(times, from, to);
    const open = k < windowCount && !covered && complete;
    if (open && gapStart < 0) gapStart = k;
    if (!open && gapStart >= 0) {
      gaps.push(gap(target, window.start + gapStart * window.cadence, from, indices, records));
      gapStart = -1;
    }
  }
  return gaps;
}

function gap(target: string, from: number, to: number, indices: readonly number[], records: readonly HistoryRecord[]): Gap {
  const times = indices.map((index) => (records[index] as HistoryRecord).time);
  const beforePosition = upperBound(times, from - 1) - 1;
  const afterPosition = upperBound(times, to - 1);
  const lastBefore = beforePosition >= 0 ? records[indices[beforePosition] as number] : undefined;
  const firstAfter = records[indices[afterPosition] as number];
  const unread = records.filter((record) => record.time >= from && record.time < to && record.header.targets.some((t) => t.name === target && !t.ok)).map((record) => record.seq);
  const cause: GapCause = firstAfter === undefined ? 'stopped' : unread.length > 0 ? 'not-read' : 'no-record';
  return {
    target,
    from: isoOf(from),
    to: isoOf(to),
    days: round((to - from) / dayMs),
    cause,
    lastBefore: lastBefore ? recordRef(lastBefore) : null,
    firstAfter: firstAfter ? recordRef(firstAfter) : null,
    ...(unread.length > 0 ? { unreadIn: unread } : {}),
  };
}

function hasTimeIn(times: readonly number[], from: number, to: number): boolean {
  const position = upperBound(times, from - 1);
  return position < times.length && (times[position] as number) < to;
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}
