import { InputError } from '@trustscan/core';
import { listEvidence, openEvidenceStore, replayEvidence, verifyEvidence, type DecodedRecord, type EvidenceStore, type FindingEntry, type SignerInfo, type VerificationReport } from '@trustscan/evidence';
import type { ChainState, EvidenceHistory } from './evidence-history.js';
import { TimelineBuilder } from './timeline-builder.js';
import { parseDateBound } from '../period/dates.js';

export interface ReadHistoryOptions {
  /** Only what was observed up to this time (default: now); a date alone means the end of that UTC day. */
  readonly asOf?: Date | string;
  /** The key every record must be signed by, as `evidence verify --public-key` checks. */
  readonly publicKey?: SignerInfo;
}

/**
 * Reads what the period views need from a store: the chain's verification, every record's header, and every
 * finding's status changes, replayed once in observation order. When the findings cannot be replayed (a damaged or
 * edited record breaks the chain of deltas), the history says why and keeps the headers, so views can still show
 * what they give, under the chain's problems.
 */
export async function readEvidenceHistory(store: EvidenceStore | string, options: ReadHistoryOptions = {}): Promise<EvidenceHistory> {
  const asOf = new Date(options.asOf === undefined ? Date.now() : parseDateBound(options.asOf, 'end', 'asOf'));
  const opened = typeof store === 'string' ? await openEvidenceStore(store) : store;
  try {
    // One pass reads and hashes every record for the replay; verification then reuses those reads.
    const decoded = new Map<number, DecodedRecord>();
    const builder = new TimelineBuilder();
    let findings: EvidenceHistory['findings'] = { complete: true };
    try {
      for await (const step of replayEvidence(opened, { to: asOf, onDecoded: (seq, record) => decoded.set(seq, record) })) builder.add(step);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      findings = { complete: false, reason: error.message };
    }
    const chain = chainState(await verifyEvidence(opened, { decoded, ...(options.publicKey ? { publicKey: options.publicKey } : {}) }));
    if (findings.complete) {
      const { records, timelines } = builder.result();
      return { location: opened.location, records, timelines, findings, chain, asOf: asOf.toISOString() };
    }
    // The headers alone still give the records, their counts per rule, the gaps and the waivers.
    const fallback = new TimelineBuilder();
    for (const info of (await listEvidence(opened, { to: asOf })).records) {
      fallback.add({ record: { seq: info.seq, path: info.path, sha256: decoded.get(info.seq)?.sha256 ?? info.sha256 ?? '', header: info.header }, state: new Map<string, FindingEntry>(), changes: [] });
    }
    return { location: opened.location, records: fallback.result().records, timelines: [], findings, chain, asOf: asOf.toISOString() };
  } finally {
    if (typeof store === 'string') opened.close();
  }
}

function chainState(verification: VerificationReport): ChainState {
  return {
    verified: verification.problems.length === 0,
    records: verification.records,
    problems: verification.problems,
    notes: verification.notes,
    signed: verification.signed,
    signers: verification.signers,
    ...(verification.head ? { head: verification.head } : {}),
  };
}
