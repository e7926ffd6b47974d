import { createHash } from 'node:crypto';
import type { Severity, TscId } from '@trustscan/core';
import { isFailing, type EvidenceHistory, type FindingTimeline, type HistoryRecord, type ObservedStatus } from '../history/evidence-history.js';
import { TargetReads } from '../history/target-reads.js';
import { compareText } from '../compare-text.js';
import { recordRef, type RecordRef } from './record-ref.js';

/** How a deviation ended. */
export type DeviationEnd = 'fixed' | 'resource-removed' | 'waived' | 'still-open';

export interface DeviationResource {
  readonly address: string;
  readonly type: string;
  /** The target the resource was scanned in (a path, `aws:<account>`, `azure:<subscription>`). */
  readonly target: string;
  readonly cloudId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** One continuous failure of one rule on one resource: from the first record that showed it to the one that did not. */
export interface Deviation {
  /** `D-` and 12 hex digits, stable for the same finding and start. */
  readonly id: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly criteria: readonly TscId[];
  readonly resource: DeviationResource;
  readonly location: { readonly file: string; readonly line: number };
  /** What was wrong, as the scan said it when the failure was first recorded. */
  readonly message: string;
  /** The first record that showed the failure. */
  readonly firstSeen: RecordRef;
  /** The last record that showed it. */
  readonly lastSeen: RecordRef;
  /** The first record that no longer showed it; null while it is still open. */
  readonly resolved: RecordRef | null;
  readonly ended: DeviationEnd;
  /** The status the finding had before it failed: `pass` makes the failure a drift (it passed, then failed). */
  readonly before: ObservedStatus | null;
  /** The last record that showed it passing, for a drift. */
  readonly lastPassed: RecordRef | null;
  /** Something the reader must know about how the end is evidenced. */
  readonly note?: string;
  /** The finding's fingerprint in the ledger (with the target, its entry key). */
  readonly fingerprint: string;
}

/**
 * Every deviation in the history, in the order they started: a finding's failing observations (`fail`, or a failure
 * recorded in a baseline) up to the first observation that is not a failure. A check that could not be decided
 * (`unknown`), a record that could not read the target, or a record whose scan did not run the rule does not end a
 * deviation: none of them evidences a fix.
 */
export function findDeviations(history: EvidenceHistory): Deviation[] {
  const reads = new TargetReads(history.records);
  const deviations: Deviation[] = [];
  for (const timeline of history.timelines) deviations.push(...deviationsOf(timeline, history.records, reads));
  return deviations.sort(
    (a, b) => compareText(a.firstSeen.at, b.firstSeen.at) || compareText(a.ruleId, b.ruleId) || compareText(a.resource.address, b.resource.address) || compareText(a.resource.target, b.resource.target) || compareText(a.fingerprint, b.fingerprint),
  );
}

function deviationsOf(timeline: FindingTimeline, records: readonly HistoryRecord[], reads: TargetReads): Deviation[] {
  const found: Deviation[] = [];
  const observations = timeline.observations;
  let start = -1;
  for (let i = 0; i < observations.length; i++) {
    const observation = observations[i] as (typeof observations)[number];
    if (isFailing(observation.status)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0 || observation.status === 'unknown') continue;
    found.push(deviation(timeline, start, i, records, reads));
    start = -1;
  }
  if (start >= 0) found.push(deviation(timeline, start, undefined, records, reads));
  return found;
}

function deviation(timeline: FindingTimeline, start: number, end: number | undefined, records: readonly HistoryRecord[], reads: TargetReads): Deviation {
  const observations = timeline.observations;
  const first = observations[start] as (typeof observations)[number];
  const firstRecord = records[first.at] as HistoryRecord;
  const closing = end === undefined ? undefined : observations[end];
  const closingRecord = closing ? (records[closing.at] as HistoryRecord) : undefined;
  const lastSeen = reads.lastEvidence(timeline.target, timeline.ruleId, closingRecord ? closingRecord.index : records.length, firstRecord.index) ?? firstRecord;
  const previous = start > 0 ? observations[start - 1] : undefined;
  const lastPassed = previous?.status === 'pass' ? (reads.lastEvidence(timeline.target, timeline.ruleId, firstRecord.index, previous.at) ?? (records[previous.at] as HistoryRecord)) : undefined;
  const { ended, note } = endOf(observations, end, records);
  const { address, type, cloudId, tags } = timeline.resource;
  return {
    id: `D-${createHash('sha256').update(`${timeline.key}\n${firstRecord.seq}`).digest('hex').slice(0, 12)}`,
    ruleId: timeline.ruleId,
    severity: timeline.severity,
    criteria: timeline.tsc,
    resource: { address, type, target: timeline.target, ...(cloudId === undefined ? {} : { cloudId }), ...(tags === undefined ? {} : { tags }) },
    location: timeline.location,
    message: first.message ?? '',
    firstSeen: recordRef(firstRecord),
    lastSeen: recordRef(lastSeen),
    resolved: closingRecord ? recordRef(closingRecord) : null,
    ended,
    before: previous?.status ?? null,
    lastPassed: lastPassed ? recordRef(lastPassed) : null,
    ...(note ? { note } : {}),
    fingerprint: timeline.fingerprint,
  };
}

/**
 * How the observation at `end` ended the failure. A record imported without its passing checks only shows that the
 * finding no longer failed; the finding's next observation says whether it passed or its resource was gone.
 */
function endOf(observations: FindingTimeline['observations'], end: number | undefined, records: readonly HistoryRecord[]): { ended: DeviationEnd; note?: string } {
  if (end === undefined) return { ended: 'still-open' };
  const status = observations[end]?.status;
  if (status === 'pass') return { ended: 'fixed' };
  if (status === 'absent') return { ended: 'resource-removed' };
  if (status === 'waived') return { ended: 'waived' };
  const record = records[observations[end]?.at ?? 0] as HistoryRecord;
  const next = observations[end + 1]?.status;
  const unlisted = `record ${record.seq} was imported from a report without passing checks: it shows the failure had ended, not how`;
  if (next === 'absent') return { ended: 'resource-removed', note: `${unlisted}; the next record shows the resource gone` };
  if (next === 'waived') return { ended: 'waived', note: `${unlisted}; the next record shows it waived` };
  if (next === 'pass') return { ended: 'fixed', note: `${unlisted}; the next record shows the check passing` };
  return { ended: 'fixed', note: `${unlisted}; no later record shows the check passing` };
}
