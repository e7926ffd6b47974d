import type { HistoryRecord } from '../history/evidence-history.js';

/** A record as evidence: its position in the chain, its hash, and when its scan ran. */
export interface RecordRef {
  readonly seq: number;
  readonly sha256: string;
  readonly at: string;
}

const refs = new WeakMap<HistoryRecord, RecordRef>();
const times = new WeakMap<RecordRef, number>();

/** The record as evidence; one object per record, shared by every figure that cites it. */
export function recordRef(record: HistoryRecord): RecordRef {
  let ref = refs.get(record);
  if (!ref) {
    ref = { seq: record.seq, sha256: record.sha256, at: record.header.startedAt };
    refs.set(record, ref);
    times.set(ref, record.time);
  }
  return ref;
}

/** When the record's scan ran, in milliseconds (without parsing the ISO text again for references made here). */
export function timeOf(ref: RecordRef): number {
  return times.get(ref) ?? Date.parse(ref.at);
}

/** Sequence numbers as ranges: [[1, 90], [95, 95]]. */
export function seqRanges(seqs: Iterable<number>): [number, number][] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const seq of sorted) {
    const last = ranges.at(-1);
    if (last && last[1] === seq - 1) last[1] = seq;
    else ranges.push([seq, seq]);
  }
  return ranges;
}

/** `1–90, 95`: ranges as a reader writes them. */
export function rangesText(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}
