import type { FindingStatus, Severity, TscId } from '@trustscan/core';
import type { EvidenceProblem, RecordHeader } from '@trustscan/evidence';

/**
 * What the period views are computed from: every record's header, and for every finding the moments its status
 * changed. Read once from a store (`readEvidenceHistory`) or built from steps (`buildEvidenceHistory`); every view is
 * a pure function of it, a period, an as-of time and the configuration.
 */
export interface EvidenceHistory {
  /** The store, as given. */
  readonly location: string;
  /** The records observed up to `asOf`, in observation order (scan time, then chain position). */
  readonly records: readonly HistoryRecord[];
  /** Every finding ever recorded up to `asOf`, with its status changes. Empty when `findings` is not `complete`. */
  readonly timelines: readonly FindingTimeline[];
  /** Whether the findings could be replayed; when not, why (the views then say so and show what headers give). */
  readonly findings: { readonly complete: true } | { readonly complete: false; readonly reason: string };
  /** The chain's verification: problems, signatures, and records in the store. */
  readonly chain: ChainState;
  /** The latest observation time taken into account. */
  readonly asOf: string;
}

/** A record as the views use it: its header, the hash it was read with, and its position among the records. */
export interface HistoryRecord {
  /** Position in `EvidenceHistory.records`. */
  readonly index: number;
  readonly seq: number;
  readonly path: string;
  /** SHA-256 of the record as read (the hash the next record must name). */
  readonly sha256: string;
  /** `startedAt` in milliseconds. */
  readonly time: number;
  readonly header: RecordHeader;
  /** The rules the scan ran: the header's list, or for an imported report the rules it has findings of. */
  readonly rulesRun: ReadonlySet<string>;
  /** Targets the scan read (targets that could not be read evidence nothing). */
  readonly targetsRead: ReadonlySet<string>;
}

/** The chain as `verifyEvidence` found it. */
export interface ChainState {
  readonly verified: boolean;
  /** Records present in the store (all of them, also after `asOf`). */
  readonly records: number;
  readonly problems: readonly EvidenceProblem[];
  readonly notes: readonly string[];
  /** Records with a valid signature, and the key ids that made them. */
  readonly signed: number;
  readonly signers: readonly string[];
  readonly head?: { readonly seq: number; readonly sha256: string };
}

/**
 * What a finding's status was: a status the scan reported, `absent` (the scan read the target and ran the rule, and
 * the finding was not there: the resource was removed or no longer applies), or `not-listed` (a record imported from
 * a report without passing checks does not list it: it did not fail, but whether it passed is not evidenced).
 */
export type ObservedStatus = FindingStatus | 'absent' | 'not-listed';

/** A change of a finding's status, at a record. */
export interface Observation {
  /** Index of the record in `EvidenceHistory.records`. */
  readonly at: number;
  readonly status: ObservedStatus;
  /** The finding's message, for a failure. */
  readonly message?: string;
  /** The waiver that applied, for a waived finding. */
  readonly waiver?: { readonly reason: string; readonly owner?: string; readonly expires?: string };
}

/** One finding (one rule on one resource of one target) over time. */
export interface FindingTimeline {
  /** The entry key: target and fingerprint (and duplicate number). */
  readonly key: string;
  readonly target: string;
  /** The finding's fingerprint (rule and resource), with `#2`, `#3` for a repeated one. */
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly tsc: readonly TscId[];
  readonly resource: TimelineResource;
  /** Where the finding points, as last recorded. */
  readonly location: { readonly file: string; readonly line: number };
  /** Status changes in time order; the first is when the finding was first recorded. */
  readonly observations: readonly Observation[];
}

export interface TimelineResource {
  readonly address: string;
  readonly type: string;
  readonly provider: string;
  readonly cloudId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Failing statuses: a failure, or a failure recorded in a baseline (known, but still failing). */
export function isFailing(status: ObservedStatus): boolean {
  return status === 'fail' || status === 'baseline';
}
