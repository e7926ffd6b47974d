import { InputError, mapConcurrently } from '@trustscan/core';
import { RecordFormatError, type DecodedRecord } from '../format/decode-record.js';
import { recordPath, type FindingEntry, type RecordHeader } from '../format/record-format.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { openEvidenceStore } from '../store/open-store.js';
import { lineKey, parseEntry } from './entry-lines.js';
import { decodeHead } from './head.js';
import { readDecodedRecord, readRecordHeader } from './read-record.js';

/** A record as listed: its header (line 1 only was read) and its hash as the chain names it. */
export interface EvidenceRecordInfo {
  readonly seq: number;
  readonly path: string;
  readonly header: RecordHeader;
  /** The record's SHA-256 as the next record (or the head, for the last) names it; `verifyEvidence` checks it. */
  readonly sha256?: string;
}

export interface EvidenceListing {
  readonly location: string;
  /** The records observed in the range, by scan time (`startedAt`), then chain position. */
  readonly records: readonly EvidenceRecordInfo[];
  /** Records whose header could not be read: views must say so rather than skip them silently. */
  readonly unreadable: readonly { readonly seq: number; readonly path: string; readonly reason: string }[];
  readonly head?: { readonly seq: number; readonly sha256: string };
}

export interface ListOptions {
  /** Only records whose scan started at or after this time. */
  readonly from?: Date | string;
  /** Only records whose scan started at or before this time. */
  readonly to?: Date | string;
}

/**
 * Lists records by reading only each one's first line, which carries the counts per rule and status: cheap enough
 * to run over a year of daily scans for every view. Records are in observation order (imports may predate records
 * appended before them).
 */
export async function listEvidence(store: EvidenceStore | string, options: ListOptions = {}): Promise<EvidenceListing> {
  return withStore(store, async (opened) => {
    const all = await readAllHeaders(opened);
    const from = options.from === undefined ? -Infinity : timeOf(options.from, 'from');
    const to = options.to === undefined ? Infinity : timeOf(options.to, 'to');
    const records = all.records.filter((r) => {
      const time = Date.parse(r.header.startedAt);
      return time >= from && time <= to;
    });
    return { ...all, records: byObservation(records) };
  });
}

/** A record with every finding it evidences. */
export interface MaterializedRecord {
  readonly record: EvidenceRecordInfo & { readonly sha256: string };
  /** Sorted by entry key (target, fingerprint). */
  readonly findings: readonly FindingEntry[];
}

/**
 * Every finding one record evidences, for an auditor's sample: its snapshot and the deltas up to it, each link
 * checked against the hash the next one names. Reads at most one snapshot interval of records.
 */
export async function materializeEvidence(store: EvidenceStore | string, seq: number): Promise<MaterializedRecord> {
  return withStore(store, async (opened) => {
    const state = await stateAt(opened, seq);
    const header = state.header;
    return {
      record: { seq, path: recordPath(seq), header, sha256: state.sha256 },
      findings: [...state.entries.values()].map((stored) => stored.entry),
    };
  });
}

/** A finding that appeared, changed or disappeared between two records of a stream. */
export interface EvidenceChange {
  /** The entry key: target, fingerprint (and duplicate number). */
  readonly key: string;
  /** Absent when the finding is new. */
  readonly before?: FindingEntry;
  /** Absent when the finding is gone (the resource was removed, or the rule no longer ran on it). */
  readonly after?: FindingEntry;
}

export interface EvidenceStep {
  readonly record: EvidenceRecordInfo & { readonly sha256: string };
  /** Every finding the record evidences, by entry key. Valid until the next step: copy what must outlive it. */
  readonly state: EvidenceState;
  /** The stream's record before this one in observation order, when there is one. */
  readonly previous?: EvidenceRecordInfo;
  /**
   * What differs from `previous`. Absence of evidence is not a change: passes missing from a record that omits them,
   * and findings of a target that could not be read in one of the two records, are not reported as removed or added.
   */
  readonly changes: readonly EvidenceChange[];
}

export interface ReplayOptions extends ListOptions {
  /** Only these streams (ids). */
  readonly streams?: readonly string[];
  /**
   * Called with every record the replay decodes (without its entry lines): hand them to `verifyEvidence` as `decoded`
   * to verify the chain without reading and hashing those records again.
   */
  readonly onDecoded?: (seq: number, record: DecodedRecord) => void;
}

/**
 * Walks the records of a period in observation order, with each record's full state and its changes from the
 * stream's previous record. When records were appended in time order (the usual case), each delta is applied once
 * to the state in place; records out of order (imports of older reports) are rebuilt from their snapshot.
 */
export async function* replayEvidence(store: EvidenceStore | string, options: ReplayOptions = {}): AsyncGenerator<EvidenceStep> {
  const opened = typeof store === 'string' ? await openEvidenceStore(store) : store;
  try {
    const all = await readAllHeaders(opened);
    const headers = new Map(all.records.map((r) => [r.seq, r]));
    const from = options.from === undefined ? -Infinity : timeOf(options.from, 'from');
    const to = options.to === undefined ? Infinity : timeOf(options.to, 'to');
    const wanted = options.streams ? new Set(options.streams) : undefined;
    const ordered = byObservation(all.records).filter((r) => !wanted || wanted.has(r.header.stream.id));
    // Each record's predecessor in its stream, in observation order.
    const predecessors = new Map<number, EvidenceRecordInfo>();
    const lastOfStream = new Map<string, EvidenceRecordInfo>();
    for (const record of ordered) {
      const last = lastOfStream.get(record.header.stream.id);
      if (last) predecessors.set(record.seq, last);
      lastOfStream.set(record.header.stream.id, record);
    }
    const current = new Map<string, MaterializedState>();
    const inRange = ordered.filter((record) => {
      const time = Date.parse(record.header.startedAt);
      return time >= from && time <= to;
    });

    for (const record of inRange) {
      const id = record.header.stream.id;
      const previous = predecessors.get(record.seq);
      let held = current.get(id);
      if (previous && held?.seq !== previous.seq) held = await stateAt(opened, previous.seq, headers, undefined, options.onDecoded);
      const step = await advance(opened, record, previous ? held : undefined, headers, options.onDecoded);
      current.set(id, step.state);
      yield {
        record: { ...record, sha256: step.state.sha256 },
        state: new StateView(step.state.entries),
        ...(previous ? { previous } : {}),
        changes: step.changes,
      };
    }
  } finally {
    if (typeof store === 'string') opened.close();
  }
}

/** A finding of a state: its line as stored (to tell an unchanged line from a changed one) and parsed. */
interface StoredEntry {
  readonly line: string;
  readonly entry: FindingEntry;
}

/**
 * A line that holds on to nothing else. A line split from a decompressed record is a slice of the whole record's
 * text, which would stay in memory as long as any of its lines does; this copy keeps only the line.
 */
function ownCopy(line: string): string {
  return ` ${line}`.slice(1);
}

interface MaterializedState {
  readonly seq: number;
  readonly sha256: string;
  readonly header: RecordHeader;
  readonly entries: Map<string, StoredEntry>;
}

/**
 * The record's state from the stream's previous one, updated in place when the record can be read on top of it: a
 * delta of it, or a snapshot (compared line by line, so only one state of the stream is ever held). Other records
 * (an import older than records appended before it) are rebuilt from their own snapshot and compared.
 */
async function advance(
  store: EvidenceStore,
  record: EvidenceRecordInfo,
  previous: MaterializedState | undefined,
  headers: ReadonlyMap<number, EvidenceRecordInfo>,
  onDecoded?: ReplayOptions['onDecoded'],
): Promise<{ state: MaterializedState; changes: EvidenceChange[] }> {
  const link = record.header.stream;
  const onTop = previous && (link.kind === 'snapshot' || (link.base?.seq === previous.seq && link.base.sha256 === previous.sha256));
  if (!previous || !onTop) {
    const state = await stateAt(store, record.seq, headers, previous?.entries, onDecoded);
    return { state, changes: compareStates(previous, state) };
  }
  const decoded = await readRecordLines(store, record.seq, onDecoded);
  if (!decoded) throw missingRecord(store, record.seq);
  const entries = previous.entries;
  const lines = decoded.lines ?? [];
  const changes = link.kind === 'snapshot' ? compareSnapshot(store, record.seq, entries, lines, previous.header, decoded.header) : applyDelta(store, record.seq, entries, lines, previous.header, decoded.header);
  return { state: { seq: record.seq, sha256: decoded.sha256, header: decoded.header, entries }, changes };
}

/**
 * Applies a delta's lines to the state in place; the changes are in the delta's (key) order. The keys of the lines
 * go to `seen` when given (a snapshot then removes what it does not hold).
 */
function applyDelta(
  store: EvidenceStore,
  seq: number,
  entries: Map<string, StoredEntry>,
  lines: readonly string[],
  older: RecordHeader,
  newer: RecordHeader,
  seen?: Set<string>,
): EvidenceChange[] {
  const changes: EvidenceChange[] = [];
  for (const line of lines) {
    const { type, key } = lineKey(line);
    const before = entries.get(key);
    seen?.add(key);
    if (type === 'removed') {
      entries.delete(key);
      pushChange(changes, key, before?.entry, undefined, older, newer);
      continue;
    }
    if (before?.line !== line) {
      const entry = parseFinding(store, seq, line);
      entries.set(key, { line: ownCopy(line), entry });
      pushChange(changes, key, before?.entry, entry, older, newer);
    }
  }
  return changes;
}

/**
 * Replaces the state with a snapshot's lines, in place, and returns what changed. A snapshot lists its findings in
 * entry-key order, so it is merged with the state's entries in the same order: a line equal to the state's next line
 * is unchanged (one string comparison, no parsing), and only the lines that differ are keyed and parsed. The changes
 * come out in key order. A snapshot whose lines are not in key order (not one trustscan wrote) is compared by key.
 */
function compareSnapshot(store: EvidenceStore, seq: number, entries: Map<string, StoredEntry>, lines: readonly string[], older: RecordHeader, newer: RecordHeader): EvidenceChange[] {
  const changes: EvidenceChange[] = [];
  const updates: [string, StoredEntry | undefined][] = [];
  const held = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const remove = (index: number): void => {
    const [key, stored] = held[index] as [string, StoredEntry];
    updates.push([key, undefined]);
    pushChange(changes, key, stored.entry, undefined, older, newer);
  };
  let next = 0;
  let lastKey = '';
  for (const line of lines) {
    if (held[next]?.[1].line === line) {
      lastKey = held[next++]?.[0] as string;
      continue;
    }
    const { type, key } = lineKey(line);
    if (key < lastKey || type === 'removed') return compareSnapshotByKey(store, seq, entries, lines, older, newer);
    lastKey = key;
    while (next < held.length && (held[next]?.[0] as string) < key) remove(next++);
    const before = held[next]?.[0] === key ? held[next++]?.[1] : undefined;
    if (before?.line === line) continue;
    const entry = parseFinding(store, seq, line);
    updates.push([key, { line: ownCopy(line), entry }]);
    pushChange(changes, key, before?.entry, entry, older, newer);
  }
  while (next < held.length) remove(next++);
  for (const [key, stored] of updates) {
    if (stored) entries.set(key, stored);
    else entries.delete(key);
  }
  return changes;
}

/** A snapshot compared with the state key by key, whatever the order of its lines. */
function compareSnapshotByKey(store: EvidenceStore, seq: number, entries: Map<string, StoredEntry>, lines: readonly string[], older: RecordHeader, newer: RecordHeader): EvidenceChange[] {
  const seen = new Set<string>();
  const changes = applyDelta(store, seq, entries, lines, older, newer, seen);
  for (const [key, stored] of entries) {
    if (seen.has(key)) continue;
    entries.delete(key);
    pushChange(changes, key, stored.entry, undefined, older, newer);
  }
  return changes.sort(byKey);
}

/** A record with its entry lines; the decoded record without them goes to `onDecoded`. */
async function readRecordLines(store: EvidenceStore, seq: number, onDecoded: ReplayOptions['onDecoded']): Promise<DecodedRecord | undefined> {
  const decoded = await readDecodedRecord(store, seq, { lines: true });
  if (decoded && onDecoded) onDecoded(seq, withoutLines(decoded));
  return decoded;
}

function withoutLines(record: DecodedRecord): DecodedRecord {
  const { header, sha256, digest, signature } = record;
  return { header, sha256, digest, ...(signature ? { signature } : {}) };
}

function byKey(a: EvidenceChange, b: EvidenceChange): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Every change between two states, for records that are not a delta of one another. */
function compareStates(before: MaterializedState | undefined, after: MaterializedState): EvidenceChange[] {
  const changes: EvidenceChange[] = [];
  const old = before?.entries ?? new Map<string, StoredEntry>();
  for (const [key, stored] of after.entries) {
    const previous = old.get(key);
    if (previous !== stored && previous?.line !== stored.line) pushChange(changes, key, previous?.entry, stored.entry, before?.header, after.header);
  }
  for (const [key, stored] of old) if (!after.entries.has(key)) pushChange(changes, key, stored.entry, undefined, before?.header, after.header);
  return changes.sort(byKey);
}

function pushChange(changes: EvidenceChange[], key: string, before: FindingEntry | undefined, after: FindingEntry | undefined, older: RecordHeader | undefined, newer: RecordHeader): void {
  if (before === undefined && after === undefined) return;
  if (after === undefined && before !== undefined && notEvidenced(newer, before)) return;
  if (before === undefined && after !== undefined && older !== undefined && notEvidenced(older, after)) return;
  changes.push({ key, ...(before ? { before } : {}), ...(after ? { after } : {}) });
}

/** Whether a record simply could not show this finding: it omits passes, or the finding's target was not read. */
function notEvidenced(header: RecordHeader, entry: FindingEntry): boolean {
  if (header.passes === 'omitted' && entry.status === 'pass') return true;
  return header.targets.some((target) => target.name === entry.target && !target.ok);
}

/**
 * The state at a record: its snapshot and the deltas up to it, each base link checked against the hash it names.
 * Lines found unchanged in `known` (another state) reuse its parsed entries instead of parsing them again.
 */
async function stateAt(
  store: EvidenceStore,
  seq: number,
  headers?: ReadonlyMap<number, EvidenceRecordInfo>,
  known?: ReadonlyMap<string, StoredEntry>,
  onDecoded?: ReplayOptions['onDecoded'],
): Promise<MaterializedState> {
  const chain: number[] = [seq];
  for (let guard = 0; ; guard++) {
    const header = headers?.get(chain[0] as number)?.header ?? (await readRecordHeader(store, chain[0] as number).catch(() => undefined));
    if (!header) throw missingRecord(store, chain[0] as number);
    if (header.stream.kind === 'snapshot') break;
    const base = header.stream.base;
    if (!base || base.seq >= (chain[0] as number) || guard > 10_000) throw brokenLink(store, chain[0] as number);
    chain.unshift(base.seq);
  }
  const records = await mapConcurrently(chain, 8, (n) => readRecordLines(store, n, onDecoded));
  const entries = new Map<string, StoredEntry>();
  let previous: { seq: number; sha256: string } | undefined;
  let last: MaterializedState | undefined;
  for (const [index, record] of records.entries()) {
    const n = chain[index] as number;
    if (!record) throw missingRecord(store, n);
    const base = record.header.stream.base;
    if (previous && (base?.seq !== previous.seq || base.sha256 !== previous.sha256)) throw brokenLink(store, n);
    if (record.header.stream.kind === 'snapshot') entries.clear();
    for (const line of record.lines ?? []) {
      const { type, key } = lineKey(line);
      if (type !== 'finding') {
        entries.delete(key);
        continue;
      }
      const same = known?.get(key);
      entries.set(key, same?.line === line ? same : { line: ownCopy(line), entry: parseFinding(store, n, line) });
    }
    previous = { seq: n, sha256: record.sha256 };
    last = { seq: n, sha256: record.sha256, header: record.header, entries };
  }
  if (!last) throw missingRecord(store, seq);
  return last;
}

async function readAllHeaders(store: EvidenceStore): Promise<Omit<EvidenceListing, 'records'> & { records: EvidenceRecordInfo[] }> {
  const [seqs, headBytes] = await Promise.all([store.listRecords(), store.readHead()]);
  const head = decodeHead(headBytes);
  const unreadable: { seq: number; path: string; reason: string }[] = [];
  const headers = await mapConcurrently(seqs, 16, async (seq) => {
    try {
      return await readRecordHeader(store, seq);
    } catch (error) {
      if (!(error instanceof RecordFormatError)) throw error;
      unreadable.push({ seq, path: recordPath(seq), reason: error.message });
      return undefined;
    }
  });
  const bySeq = new Map<number, RecordHeader>();
  headers.forEach((header, index) => {
    if (header) bySeq.set(seqs[index] as number, header);
  });
  const records: EvidenceRecordInfo[] = [];
  for (const [seq, header] of bySeq) {
    const sha256 = bySeq.get(seq + 1)?.prev ?? (head?.seq === seq ? head.sha256 : undefined);
    records.push({ seq, path: recordPath(seq), header, ...(sha256 ? { sha256 } : {}) });
  }
  return { location: store.location, records, unreadable: unreadable.sort((a, b) => a.seq - b.seq), ...(head ? { head: { seq: head.seq, sha256: head.sha256 } } : {}) };
}

function byObservation(records: readonly EvidenceRecordInfo[]): EvidenceRecordInfo[] {
  return [...records].sort((a, b) => Date.parse(a.header.startedAt) - Date.parse(b.header.startedAt) || a.seq - b.seq);
}

function parseFinding(store: EvidenceStore, seq: number, line: string): FindingEntry {
  try {
    const entry = parseEntry(line);
    if (entry.type !== 'finding') throw new RecordFormatError('unreadable', 'a removal where a finding was expected');
    return entry;
  } catch (error) {
    throw new InputError(`${store.location}: ${recordPath(seq)} is unreadable: ${(error as Error).message}; run \`trustscan evidence verify ${store.location}\`.`, { subject: store.location });
  }
}

function missingRecord(store: EvidenceStore, seq: number): InputError {
  return new InputError(`${store.location}: ${recordPath(seq)} is missing or unreadable; run \`trustscan evidence verify ${store.location}\`.`, { subject: store.location });
}

function brokenLink(store: EvidenceStore, seq: number): InputError {
  return new InputError(`${store.location}: ${recordPath(seq)} does not follow the record it builds on; run \`trustscan evidence verify ${store.location}\`.`, { subject: store.location });
}

function timeOf(value: Date | string, name: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new InputError(`${name}: "${String(value)}" is not a date or time; write ISO 8601, e.g. 2026-03-31 or 2026-03-31T23:59:59Z.`, { subject: name });
  return time;
}

async function withStore<T>(store: EvidenceStore | string, use: (store: EvidenceStore) => Promise<T>): Promise<T> {
  const opened = typeof store === 'string' ? await openEvidenceStore(store) : store;
  try {
    return await use(opened);
  } finally {
    if (typeof store === 'string') opened.close();
  }
}

/** The findings a record evidences, by entry key: a read-only view of the replay's state, valid until its next step. */
export interface EvidenceState extends Iterable<[string, FindingEntry]> {
  readonly size: number;
  get(key: string): FindingEntry | undefined;
  has(key: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<FindingEntry>;
}

/** A view of a state's findings, without copying them. */
class StateView implements EvidenceState {
  constructor(private readonly stored: ReadonlyMap<string, StoredEntry>) {}

  get size(): number {
    return this.stored.size;
  }

  get(key: string): FindingEntry | undefined {
    return this.stored.get(key)?.entry;
  }

  has(key: string): boolean {
    return this.stored.has(key);
  }

  keys(): IterableIterator<string> {
    return this.stored.keys();
  }

  *values(): IterableIterator<FindingEntry> {
    for (const stored of this.stored.values()) yield stored.entry;
  }

  *[Symbol.iterator](): IterableIterator<[string, FindingEntry]> {
    for (const [key, stored] of this.stored) yield [key, stored.entry];
  }
}
