import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '@trustscan/core';
import { encodeRecord, type EncodedRecord } from '../format/encode-record.js';
import {
  evidenceSchemaVersion,
  recordPath,
  type BaselineInForce,
  type ImportedFrom,
  type RecordHeader,
  type RunEnvironment,
  type StreamLink,
} from '../format/record-format.js';
import { streamIdOf, type EvidenceScan } from '../record/evidence-scan.js';
import { findingEntries, sortedLines, type ScanEntries } from '../record/finding-entries.js';
import { packFingerprints, ruleFingerprints } from '../record/rule-fingerprints.js';
import { detectRunEnvironment } from '../record/run-environment.js';
import type { SigningKey } from '../signing/signing-key.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { openEvidenceStore } from '../store/open-store.js';
import { readChainView, type ChainView } from './chain-view.js';
import { decodeHead, encodeHead } from './head.js';
import { loadStreamBase, type StreamBase } from './stream-base.js';

export interface AppendOptions {
  /** Signs the record (Ed25519); its public key is recorded in the header. */
  readonly signingKey?: SigningKey;
  /** Where the scan ran; detected from CI variables and `git` when absent. */
  readonly environment?: RunEnvironment;
  /** The baseline file the scan applied. */
  readonly baseline?: BaselineInForce;
  /** For a record made from a past JSON report: which one. */
  readonly imported?: ImportedFrom;
  /** `omitted` when the findings lack the passing checks (a report written without `--include-passed`). */
  readonly passes?: 'recorded' | 'omitted';
  /** Days to lock the record (S3 Object Lock), when `store` is given as a location. */
  readonly retainDays?: number;
  /** A stream gets a full snapshot at least every this many records (default 30). */
  readonly snapshotInterval?: number;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

/** What an append wrote. */
export interface AppendedRecord {
  readonly location: string;
  readonly seq: number;
  readonly sha256: string;
  /** The record's path in the store: `records/000000000042.jsonl.gz`. */
  readonly path: string;
  readonly kind: 'snapshot' | 'delta';
  /** Compressed size. */
  readonly bytes: number;
  /** Findings the record evidences (its stream's state after it). */
  readonly findings: number;
  /** Entry lines written (all findings for a snapshot, the changes for a delta). */
  readonly lines: number;
  readonly signed: boolean;
  /** 1, or more when other appenders took the next slot first. */
  readonly attempts: number;
  /** Something worth telling that did not stop the append. */
  readonly note?: string;
}

const defaultSnapshotInterval = 30;
/** A delta larger than this share of the state is written as a snapshot instead: it costs about as much and reads faster. */
const deltaShareLimit = 0.25;
const maxAttempts = 25;

/**
 * Appends one record of a scan to the ledger: the chain's next slot, created only if empty, hash-chained to the
 * previous record, signed when a key is given. The findings are stored as a delta against the stream's previous
 * record, or as a full snapshot every `snapshotInterval` records. When another appender takes the slot first, the
 * record is rebuilt on top of theirs and tried again; the chain never forks.
 */
export async function appendEvidence(store: EvidenceStore | string, scan: EvidenceScan, options: AppendOptions = {}): Promise<AppendedRecord> {
  const opened = typeof store === 'string' ? await openEvidenceStore(store, options.retainDays === undefined ? {} : { retainDays: options.retainDays }) : store;
  try {
    await opened.prepareAppend();
    const now = options.now ?? (() => new Date());
    const entries = findingEntries(scan.findings);
    const environment = options.environment ?? (await detectRunEnvironment(process.env, scan.root));
    const fixed = fixedHeaderFields(scan, entries, environment, options);
    const streamId = streamIdOf(scan.targets);
    const interval = options.snapshotInterval ?? defaultSnapshotInterval;
    let base: StreamBase | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const view = await readChainView(opened);
      const tip = options.passes === 'omitted' ? undefined : view.streams.get(streamId);
      if (!tip || base === undefined || base.seq !== tip.records.at(-1) || base.sha256 !== tip.sha256) base = await loadStreamBase(opened, streamId, tip);
      const recordedAt = now();
      const { header, lines } = composeRecord(view, streamId, fixed, entries, base, interval, recordedAt);
      const encoded = encodeRecord(header, lines, options.signingKey);
      if (await opened.createRecord(header.seq, encoded.bytes, recordedAt)) {
        view.advance(header, encoded.sha256);
        const note = await moveHead(opened, view, recordedAt);
        return { ...describe(opened, header, encoded, entries, lines.length, options, attempt), ...(note ? { note } : {}) };
      }
      // Someone else took the slot: wait a little (longer each time, with jitter) and build on their record.
      await sleep(Math.random() * 20 * attempt);
    }
    throw new InputError(`${opened.location}: the next slot was taken ${maxAttempts} times in a row by other appenders; run the command again.`, { subject: opened.location });
  } finally {
    if (typeof store === 'string') opened.close();
  }
}

type FixedFields = Omit<RecordHeader, 'seq' | 'prev' | 'recordedAt' | 'stream'>;

function fixedHeaderFields(scan: EvidenceScan, entries: ScanEntries, environment: RunEnvironment, options: AppendOptions): FixedFields {
  const rules = ruleFingerprints(scan.rules ?? []);
  return {
    type: 'header',
    schemaVersion: evidenceSchemaVersion,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    passes: options.passes ?? 'recorded',
    ...(options.imported ? { imported: options.imported } : {}),
    tool: { name: scan.tool.name, version: scan.tool.version },
    rules,
    packs: packFingerprints(rules, scan.tool.version),
    ...(scan.profile === undefined ? {} : { profile: scan.profile }),
    ...(scan.ruleOptions === undefined ? {} : { ruleOptions: scan.ruleOptions }),
    targets: scan.targets,
    environment,
    waivers: scan.waivers,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    notifications: scan.notifications,
    summary: { resources: scan.summary.resources, byStatus: scan.summary.byStatus, failBySeverity: scan.summary.failBySeverity, rules: entries.counts },
    ...(options.signingKey ? { signer: options.signingKey.info } : {}),
  };
}

/** The record for the chain's next slot: a delta against the stream's base when that is worth it, else a snapshot. */
function composeRecord(
  view: ChainView,
  streamId: string,
  fixed: FixedFields,
  entries: ScanEntries,
  base: StreamBase | undefined,
  interval: number,
  recordedAt: Date,
): { header: RecordHeader; lines: string[] } {
  let stream: StreamLink = { id: streamId, kind: 'snapshot', depth: 0 };
  let lines: string[] | undefined;
  if (base && fixed.passes === 'recorded' && base.depth + 1 < interval) {
    const delta = deltaLines(base.state, entries.lines);
    if (delta.length <= Math.max(16, deltaShareLimit * entries.lines.size)) {
      lines = delta;
      stream = { id: streamId, kind: 'delta', base: { seq: base.seq, sha256: base.sha256 }, depth: base.depth + 1 };
    }
  }
  const { type, schemaVersion, startedAt, finishedAt, passes, imported, ...rest } = fixed;
  // Built in the documented field order, so records read well.
  const header: RecordHeader = {
    type,
    schemaVersion,
    seq: view.seq + 1,
    prev: view.sha256,
    recordedAt: recordedAt.toISOString(),
    startedAt,
    finishedAt,
    stream,
    passes,
    ...(imported ? { imported } : {}),
    ...rest,
  };
  return { header, lines: lines ?? sortedLines(entries.lines) };
}

/** The lines that turn `before` into `after`: new or changed findings, and removals, in key order. */
function deltaLines(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed: [string, string][] = [];
  let kept = 0;
  for (const [key, line] of after) {
    const old = before.get(key);
    if (old !== undefined) kept++;
    if (old !== line) changed.push([key, line]);
  }
  // Every key of `before` is still there: nothing was removed, and the second pass is not needed.
  for (const key of kept === before.size ? [] : before.keys()) {
    if (after.has(key)) continue;
    const [target, rest = ''] = key.split('\n');
    const [fingerprint, duplicate] = rest.split('#');
    changed.push([key, JSON.stringify({ type: 'removed', target, fingerprint, ...(duplicate === undefined ? {} : { duplicate: Number(duplicate) }) })]);
  }
  return changed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
}

/**
 * Moves the head to the new record, unless another appender has already moved it further. The record is in the
 * chain whatever happens here: a head that could not be moved is only a note, and the next append repairs it.
 */
async function moveHead(store: EvidenceStore, view: ChainView, recordedAt: Date): Promise<string | undefined> {
  try {
    const current = decodeHead(await store.readHead());
    if (current && current.seq > view.seq) return undefined;
    await store.writeHead(encodeHead(view.toHead(recordedAt.toISOString())));
    return undefined;
  } catch (error) {
    return `the record is stored, but HEAD could not be moved (${error instanceof Error ? error.message : String(error)})`;
  }
}

function describe(store: EvidenceStore, header: RecordHeader, encoded: EncodedRecord, entries: ScanEntries, lines: number, options: AppendOptions, attempts: number): AppendedRecord {
  return {
    location: store.location,
    seq: header.seq,
    sha256: encoded.sha256,
    path: recordPath(header.seq),
    kind: header.stream.kind,
    bytes: encoded.bytes.length,
    findings: entries.lines.size,
    lines,
    signed: options.signingKey !== undefined,
    attempts,
  };
}
