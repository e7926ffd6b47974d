import type { DecodedRecord } from '../format/decode-record.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { applyLines } from './entry-lines.js';
import type { StreamTip } from './head.js';
import { mapConcurrently } from '@trustscan/core';
import { readDecodedRecord } from './read-record.js';

/** The last record of a stream and the findings it evidences (entry key to stored line): what a delta is taken against. */
export interface StreamBase {
  readonly seq: number;
  readonly sha256: string;
  /** Records since the stream's snapshot, the base included: 0 when the base is the snapshot. */
  readonly depth: number;
  readonly state: ReadonlyMap<string, string>;
}

/**
 * Reads a stream's records from its last snapshot to its tip and replays them. Each link is checked (snapshot first,
 * each delta naming the hash of the record before it, the tip's hash as the head says); when anything does not
 * hold, or a record cannot be read, there is no base and the next record is a snapshot.
 */
export async function loadStreamBase(store: EvidenceStore, streamId: string, tip: StreamTip | undefined): Promise<StreamBase | undefined> {
  if (!tip || tip.records.length === 0) return undefined;
  let records: (DecodedRecord | undefined)[];
  try {
    records = await mapConcurrently(tip.records, 8, (seq) => readDecodedRecord(store, seq, { lines: true }));
  } catch {
    return undefined;
  }
  const state = new Map<string, string>();
  let previous: DecodedRecord | undefined;
  for (const [index, record] of records.entries()) {
    if (!record || record.header.seq !== tip.records[index] || record.header.stream.id !== streamId || record.header.passes !== 'recorded') return undefined;
    const link = record.header.stream;
    if (index === 0 ? link.kind !== 'snapshot' : link.kind !== 'delta' || link.base?.seq !== previous?.header.seq || link.base?.sha256 !== previous?.sha256) return undefined;
    try {
      applyLines(state, link.kind, record.lines ?? []);
    } catch {
      return undefined;
    }
    previous = record;
  }
  if (!previous || previous.sha256 !== tip.sha256) return undefined;
  return { seq: previous.header.seq, sha256: previous.sha256, depth: records.length - 1, state };
}
