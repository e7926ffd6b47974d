import { RecordFormatError } from '../format/decode-record.js';
import type { RecordHeader } from '../format/record-format.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { decodeHead, headStreamLimit, type Head, type StreamTip } from './head.js';
import { mapConcurrently } from '@trustscan/core';
import { readDecodedRecord, readRecordHeader, recordError } from './read-record.js';

/** What an appender knows of the chain: its last record and each stream's records since its last snapshot. */
export class ChainView {
  seq = 0;
  sha256: string | null = null;
  /** In order of last use, so the oldest streams are the ones the head forgets. */
  readonly streams = new Map<string, StreamTip>();

  static fromHead(head: Head): ChainView {
    const view = new ChainView();
    view.seq = head.seq;
    view.sha256 = head.sha256;
    for (const [id, tip] of Object.entries(head.streams)) view.streams.set(id, tip);
    return view;
  }

  /**
   * Takes in the next record. A record without passes never becomes a delta base; a delta that does not continue
   * the stream's known tip makes the stream unknown, so its next record is a snapshot.
   */
  advance(header: RecordHeader, sha256: string): void {
    this.seq = header.seq;
    this.sha256 = sha256;
    if (header.passes === 'omitted') return;
    const id = header.stream.id;
    const tip = this.streams.get(id);
    this.streams.delete(id);
    if (header.stream.kind === 'snapshot') this.streams.set(id, { records: [header.seq], sha256 });
    else if (tip && tip.records.at(-1) === header.stream.base?.seq && tip.sha256 === header.stream.base?.sha256) {
      this.streams.set(id, { records: [...tip.records, header.seq], sha256 });
    }
    while (this.streams.size > headStreamLimit) this.streams.delete(this.streams.keys().next().value as string);
  }

  toHead(updatedAt: string): Head {
    return { seq: this.seq, sha256: this.sha256 ?? '', updatedAt, streams: Object.fromEntries(this.streams) };
  }
}

/**
 * The chain as it stands: from `HEAD` when its last record is really there with that hash, else rebuilt from every
 * record's header; then every record written after the head (an append that crashed before moving it, or one that
 * is racing us) is taken in. The last record must be readable: nothing is appended after a damaged one.
 */
export async function readChainView(store: EvidenceStore): Promise<ChainView> {
  const head = decodeHead(await store.readHead());
  let view: ChainView | undefined;
  if (head) {
    const tip = await readDecodedRecord(store, head.seq);
    if (tip && tip.sha256 === head.sha256 && tip.header.seq === head.seq) view = ChainView.fromHead(head);
  }
  view ??= await rebuildChainView(store);
  return catchUp(store, view);
}

/** Takes in the records after the view's last one, up to the first empty slot. */
export async function catchUp(store: EvidenceStore, view: ChainView): Promise<ChainView> {
  for (let seq = view.seq + 1; ; seq++) {
    const record = await readDecodedRecord(store, seq);
    if (!record) return view;
    checkSlot(store, seq, record.header);
    view.advance(record.header, record.sha256);
  }
}

async function rebuildChainView(store: EvidenceStore): Promise<ChainView> {
  const view = new ChainView();
  const seqs = await store.listRecords();
  const last = seqs.at(-1);
  if (last === undefined) return view;
  const headers = await mapConcurrently(seqs.slice(0, -1), 16, async (seq) => {
    try {
      return await readRecordHeader(store, seq);
    } catch (error) {
      // A damaged record in the middle does not stop appends; it cannot be a delta base, and verify reports it.
      if (error instanceof RecordFormatError) return undefined;
      throw error;
    }
  });
  const tip = await readDecodedRecord(store, last);
  if (!tip) return view;
  checkSlot(store, last, tip.header);
  const all = [...headers, tip.header];
  for (let i = 0; i < all.length; i++) {
    const header = all[i];
    const next = all[i + 1];
    // A record's hash as its successor names it; checked again when the record is read as a delta base.
    const sha256 = i === all.length - 1 ? tip.sha256 : next && header && next.seq === header.seq + 1 ? next.prev : undefined;
    if (header && sha256) view.advance(header, sha256);
  }
  view.seq = last;
  view.sha256 = tip.sha256;
  return view;
}

function checkSlot(store: EvidenceStore, seq: number, header: RecordHeader): void {
  if (header.seq !== seq) {
    throw recordError(store, seq, new RecordFormatError('unreadable', `its header says it is record ${header.seq}`));
  }
}
