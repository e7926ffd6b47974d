import { InputError, mapConcurrently } from '@trustscan/core';
import { RecordFormatError, decodeRecord, type DecodedRecord } from '../format/decode-record.js';
import { recordPath, type SignerInfo } from '../format/record-format.js';
import { signatureMatches } from '../signing/signing-key.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { openEvidenceStore } from '../store/open-store.js';
import { decodeHead } from './head.js';

/** What can be wrong with a ledger. Each problem names the record it is about. */
export type EvidenceProblemKind = 'edited' | 'missing' | 'reordered' | 'forked' | 'bad-signature' | 'unreadable' | 'newer-schema';

export interface EvidenceProblem {
  readonly kind: EvidenceProblemKind;
  /** The record (chain position) the problem is about. */
  readonly seq: number;
  /** Its path in the store. */
  readonly path: string;
  /** One line: the record, what is wrong, and the evidence for it. */
  readonly message: string;
}

export interface VerifyOptions {
  /** The public key every record must be signed by; without it, signatures are checked against the key each record names. */
  readonly publicKey?: SignerInfo;
  /** Records of this store already decoded (by `replayEvidence`'s `onDecoded`), by slot: they are not read and hashed again. */
  readonly decoded?: ReadonlyMap<number, DecodedRecord>;
}

export interface VerificationReport {
  readonly location: string;
  /** Records present. */
  readonly records: number;
  /** The last record's position, 0 for an empty store. */
  readonly last: number;
  readonly head?: { readonly seq: number; readonly sha256: string };
  /** Empty when the chain is intact. */
  readonly problems: readonly EvidenceProblem[];
  /** Things that are not problems but worth knowing (a head that lags, unsigned records, leftovers). */
  readonly notes: readonly string[];
  /** Records with a valid signature, and the keys (ids) that made them. */
  readonly signed: number;
  readonly signers: readonly string[];
}

interface Checked {
  readonly slot: number;
  readonly record?: DecodedRecord;
  readonly failure?: RecordFormatError;
}

/**
 * Recomputes every record's hash and signature and checks the chain: each record names the hash of the one before,
 * sits in the slot of its own number, follows the previous record without a gap, and the head names the last one.
 * Records are read a few at a time, so memory stays bounded by the largest records.
 */
export async function verifyEvidence(store: EvidenceStore | string, options: VerifyOptions = {}): Promise<VerificationReport> {
  const opened = typeof store === 'string' ? await openEvidenceStore(store) : store;
  try {
    return await verifyOpened(opened, options);
  } finally {
    if (typeof store === 'string') opened.close();
  }
}

async function verifyOpened(store: EvidenceStore, options: VerifyOptions): Promise<VerificationReport> {
  const slots = await store.listRecords();
  const headBytes = await store.readHead();
  const head = decodeHead(headBytes);
  if (slots.length === 0 && headBytes === undefined) {
    throw new InputError(`${store.location}: no evidence records here; record scans with \`trustscan scan --evidence ${store.location}\`.`, { subject: store.location });
  }
  // Only what verification needs is kept per record: the header and the hash, not the entry lines.
  const checked = await mapConcurrently(slots, 8, async (slot): Promise<Checked> => {
    const known = options.decoded?.get(slot);
    if (known) return { slot, record: known };
    const bytes = await store.readRecord(slot);
    if (bytes === undefined) return { slot, failure: new RecordFormatError('unreadable', 'it disappeared while being read') };
    try {
      return { slot, record: decodeRecord(bytes) };
    } catch (error) {
      if (error instanceof RecordFormatError) return { slot, failure: error };
      throw error;
    }
  });

  const problems = new ProblemList();
  const notes: string[] = [];
  // Records by the position their header claims; a record in another record's slot was moved.
  const bySeq = new Map<number, DecodedRecord>();
  const hashes = new Map<string, number>();
  const misplaced: DecodedRecord[] = [];
  for (const { slot, record, failure } of checked) {
    if (failure) {
      problems.add(failure.kind === 'newer-schema' ? 'newer-schema' : 'unreadable', slot, failure.kind === 'newer-schema' ? failure.message : `is unreadable: ${failure.message}`);
    } else if (record && record.header.seq !== slot) {
      problems.add('reordered', slot, `holds record ${record.header.seq}: records were moved or renamed`);
      misplaced.push(record);
    } else if (record) {
      bySeq.set(slot, record);
    }
  }
  // A moved record still counts for the chain when its own slot does not hold a better copy.
  for (const record of misplaced) if (!bySeq.has(record.header.seq)) bySeq.set(record.header.seq, record);
  for (const record of bySeq.values()) hashes.set(record.sha256, record.header.seq);

  const last = Math.max(0, ...slots, ...bySeq.keys(), head?.seq ?? 0);
  const present = new Set([...slots, ...bySeq.keys()]);
  for (let seq = 1; seq <= last; seq++) {
    if (present.has(seq)) continue;
    let end = seq;
    while (end + 1 <= last && !present.has(end + 1)) end++;
    const after = end === last ? `HEAD names record ${last}` : seq === 1 ? `the chain starts at record ${end + 1}` : `record ${end + 1} follows record ${seq - 1}`;
    problems.add('missing', seq, `${end === seq ? 'is' : 'are'} missing (${after})`, end === seq ? undefined : `records ${seq}–${end}`);
    seq = end;
  }

  // Each record must name the hash of the one before it. A hash that belongs to another record is a fork; any other
  // hash means the record before was changed after it was written. The head vouches for the last record the same way.
  const edited = new Set<number>();
  const claim = (seq: number, sha256: string, by: string): void => {
    const record = bySeq.get(seq);
    if (!record || record.sha256 === sha256) return;
    edited.add(seq);
    problems.add('edited', seq, `was edited: its SHA-256 is ${short(record.sha256)} but ${by} names ${short(sha256)}`);
  };
  for (const record of bySeq.values()) {
    const { seq, prev } = record.header;
    if (seq === 1 || prev === null) {
      if (seq === 1 && prev !== null) problems.add('forked', seq, `names a previous record (${short(prev)}) although it is the first`);
      if (seq > 1) problems.add('forked', seq, 'starts a new chain: it names no previous record');
      continue;
    }
    const origin = hashes.get(prev);
    if (origin !== undefined && origin !== seq - 1) problems.add('forked', seq, `forks the chain: it continues from record ${origin}, not from record ${seq - 1}`);
    else claim(seq - 1, prev, `record ${seq}`);
  }
  if (head && !bySeq.get(head.seq + 1)) claim(head.seq, head.sha256, 'HEAD');

  for (const record of bySeq.values()) {
    const base = record.header.stream.base;
    if (record.header.stream.kind !== 'delta' || !base) continue;
    const target = bySeq.get(base.seq);
    if (!target || edited.has(base.seq)) continue;
    if (base.seq >= record.header.seq || target.sha256 !== base.sha256 || target.header.stream.id !== record.header.stream.id) {
      problems.add('forked', record.header.seq, `builds its findings on record ${base.seq}, which is not the earlier record of its stream it names (${short(base.sha256)})`);
    }
  }

  const signers = new Set<string>();
  let signed = 0;
  const unsigned: number[] = [];
  for (const record of bySeq.values()) {
    const { seq, signer } = record.header;
    if (!signer || !record.signature) {
      if (signer && !record.signature) problems.add('bad-signature', seq, `names signer ${short(signer.keyId)} but carries no signature line`);
      else if (options.publicKey) problems.add('bad-signature', seq, `is not signed, but records must be signed by key ${short(options.publicKey.keyId)}`);
      else unsigned.push(seq);
      continue;
    }
    if (!signatureMatches(signer.publicKey, record.digest, record.signature.signature)) {
      if (!edited.has(seq)) problems.add('bad-signature', seq, `has a bad signature: it does not match the record's content under key ${short(signer.keyId)}`);
      continue;
    }
    if (options.publicKey && signer.publicKey !== options.publicKey.publicKey) {
      problems.add('bad-signature', seq, `is signed by key ${short(signer.keyId)}, not by the given public key ${short(options.publicKey.keyId)}`);
      continue;
    }
    signed++;
    signers.add(signer.keyId);
  }
  if (unsigned.length > 0 && signed > 0) notes.push(`${ranges(unsigned)} ${unsigned.length === 1 ? 'is' : 'are'} not signed, unlike the others`);
  if (signed > 0 && !options.publicKey) notes.push(`signatures were checked against the keys the records name (${[...signers].map(short).join(', ')}); pass --public-key to check who signed them`);

  if (headBytes === undefined) notes.push('the store has no HEAD; the last record is protected only by its signature and the store (Object Lock)');
  else if (!head) notes.push('HEAD is unreadable; the next append rewrites it');
  else if (head.seq < last && bySeq.has(head.seq)) notes.push(`HEAD names record ${head.seq} but the chain goes on to record ${last} (an append stopped before moving it, or is running; the next append repairs it)`);
  notes.push(...(await store.leftovers()));

  return {
    location: store.location,
    records: slots.length,
    last,
    ...(head ? { head: { seq: head.seq, sha256: head.sha256 } } : {}),
    problems: problems.sorted(),
    notes,
    signed,
    signers: [...signers],
  };
}

class ProblemList {
  private readonly problems: EvidenceProblem[] = [];
  private readonly seen = new Set<string>();

  add(kind: EvidenceProblemKind, seq: number, text: string, subject?: string): void {
    const key = `${kind}:${seq}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const path = recordPath(seq);
    this.problems.push({ kind, seq, path, message: `${subject ?? `record ${seq}`} (${path}) ${text}` });
  }

  sorted(): EvidenceProblem[] {
    return [...this.problems].sort((a, b) => a.seq - b.seq || (a.kind < b.kind ? -1 : 1));
  }
}

function short(sha256: string): string {
  return sha256.slice(0, 12);
}

/** `records 3, 5–7` for [3, 5, 6, 7]. */
function ranges(seqs: readonly number[]): string {
  const parts: string[] = [];
  const sorted = [...seqs].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(end === start ? `${start}` : `${start}–${end}`);
  }
  return `${seqs.length === 1 ? 'record' : 'records'} ${parts.join(', ')}`;
}
