import { InputError } from '@trustscan/core';
import { RecordFormatError, decodeRecord, headerFromPrefix, type DecodedRecord } from '../format/decode-record.js';
import { recordPath, type RecordHeader } from '../format/record-format.js';
import type { EvidenceStore } from '../store/evidence-store.js';

/**
 * The compressed prefixes tried for a header, in turn: the first holds a header with a hundred rules (about 6 KB
 * compressed) without inflating the rest of a large snapshot; the second one with hundreds of rules and
 * notifications. A longer header is read whole.
 */
const headerPrefixes = [16 * 1024, 256 * 1024];

/** A record decoded, or `undefined` for an empty slot; a damaged or too new record is an `InputError` naming it. */
export async function readDecodedRecord(store: EvidenceStore, seq: number, options: { readonly lines?: boolean } = {}): Promise<DecodedRecord | undefined> {
  const bytes = await store.readRecord(seq);
  if (bytes === undefined) return undefined;
  try {
    return decodeRecord(bytes, options);
  } catch (error) {
    throw recordError(store, seq, error);
  }
}

/** A record's header from its first bytes (the whole record only when the header is longer), or `undefined`. */
export async function readRecordHeader(store: EvidenceStore, seq: number): Promise<RecordHeader | undefined> {
  for (const length of headerPrefixes) {
    const start = await store.readRecordStart(seq, length);
    if (start === undefined) return undefined;
    const header = headerFromPrefix(start);
    if (header !== undefined) return header;
    if (start.length < length) return decodeRecord(start).header;
  }
  const whole = await store.readRecord(seq);
  return whole === undefined ? undefined : decodeRecord(whole).header;
}

/** The one-line error for a record that cannot be read: what is wrong and what to do. */
export function recordError(store: EvidenceStore, seq: number, error: unknown): Error {
  if (!(error instanceof RecordFormatError)) return error instanceof Error ? error : new Error(String(error));
  const action = error.kind === 'newer-schema' ? '' : `; run \`trustscan evidence verify ${store.location}\` and restore it from a copy before recording more`;
  return new InputError(`${store.location}: ${recordPath(seq)} ${error.kind === 'newer-schema' ? error.message : `is unreadable: ${error.message}`}${action}.`, { subject: store.location });
}
