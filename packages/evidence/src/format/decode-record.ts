import { createHash } from 'node:crypto';
import { constants, gunzipSync } from 'node:zlib';
import { evidenceSchemaVersion, type RecordHeader, type SignatureLine } from './record-format.js';

/** Why a record cannot be read: damaged bytes or lines (`unreadable`), or a format newer than this reader. */
export class RecordFormatError extends Error {
  override readonly name = 'RecordFormatError';
  constructor(
    readonly kind: 'unreadable' | 'newer-schema',
    message: string,
  ) {
    super(message);
  }
}

export interface DecodedRecord {
  readonly header: RecordHeader;
  /** SHA-256 (hex) of the uncompressed bytes before the signature line. */
  readonly sha256: string;
  /** The hashed bytes, for signature checks. */
  readonly digest: Buffer;
  readonly signature?: SignatureLine;
  /** The entry lines as stored, when asked for. */
  readonly lines?: readonly string[];
}

const newline = 0x0a;

/** Decompresses and splits a record, checking its framing; entry lines are returned only when asked for. */
export function decodeRecord(bytes: Uint8Array, options: { readonly lines?: boolean } = {}): DecodedRecord {
  const raw = gunzip(bytes);
  if (raw.length === 0 || raw[raw.length - 1] !== newline) throw new RecordFormatError('unreadable', 'the record is truncated (its last line is incomplete)');
  const headerEnd = raw.indexOf(newline);
  const header = parseHeader(raw.subarray(0, headerEnd));
  const lastStart = raw.lastIndexOf(newline, raw.length - 2) + 1;
  let hashedEnd = raw.length;
  let signature: SignatureLine | undefined;
  if (lastStart > headerEnd) {
    const last = raw.subarray(lastStart, raw.length - 1);
    // Only a line that starts like a signature is parsed here: entry lines are left alone unless asked for.
    if (last.subarray(0, 20).toString('utf8').startsWith('{"type":"signature"')) {
      signature = parseSignature(last);
      hashedEnd = lastStart;
    }
  }
  const digest = createHash('sha256').update(raw.subarray(0, hashedEnd)).digest();
  const lines = options.lines ? splitLines(raw.subarray(headerEnd + 1, hashedEnd)) : undefined;
  return { header, sha256: digest.toString('hex'), digest, ...(signature ? { signature } : {}), ...(lines ? { lines } : {}) };
}

/**
 * The header of a record from its first bytes only (a ranged read), or `undefined` when they end before the header
 * line does. Damaged bytes throw `RecordFormatError`.
 */
export function headerFromPrefix(prefix: Uint8Array): RecordHeader | undefined {
  let raw: Buffer;
  try {
    raw = gunzipSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    throw new RecordFormatError('unreadable', `not a gzip stream (${(error as Error).message})`);
  }
  const end = raw.indexOf(newline);
  return end < 0 ? undefined : parseHeader(raw.subarray(0, end));
}

function gunzip(bytes: Uint8Array): Buffer {
  try {
    // One output chunk large enough for the whole record (JSON Lines compress about 10:1): a snapshot inflates to
    // tens of megabytes, and zlib's default 16 KB chunks would be copied together again at the end.
    return gunzipSync(bytes, { chunkSize: Math.min(64 << 20, Math.max(64 << 10, bytes.byteLength * 16)) });
  } catch (error) {
    throw new RecordFormatError('unreadable', `not a complete gzip stream (${(error as Error).message})`);
  }
}

function splitLines(body: Buffer): string[] {
  if (body.length === 0) return [];
  const text = body.toString('utf8');
  return text.slice(0, -1).split('\n');
}

/** Parses and checks line 1; a header of a newer schema is refused before its other fields are trusted. */
export function parseHeader(line: Uint8Array): RecordHeader {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8'));
  } catch (error) {
    throw new RecordFormatError('unreadable', `line 1 is not JSON (${(error as Error).message})`);
  }
  if (!isObject(value) || value['type'] !== 'header') throw new RecordFormatError('unreadable', 'line 1 is not a record header');
  const version = value['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new RecordFormatError('unreadable', 'the header has no schemaVersion');
  if (version > evidenceSchemaVersion) {
    throw new RecordFormatError('newer-schema', `it was written in evidence format ${version}, newer than this trustscan reads (${evidenceSchemaVersion}); upgrade trustscan`);
  }
  const problem = headerProblem(value);
  if (problem) throw new RecordFormatError('unreadable', `the header ${problem}`);
  return value as unknown as RecordHeader;
}

function headerProblem(header: Record<string, unknown>): string | undefined {
  const seq = header['seq'];
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return 'has no valid seq';
  if (header['prev'] !== null && !isSha256(header['prev'])) return 'has no valid prev';
  for (const field of ['recordedAt', 'startedAt', 'finishedAt'] as const) {
    if (typeof header[field] !== 'string' || Number.isNaN(Date.parse(header[field]))) return `has no valid ${field}`;
  }
  const stream = header['stream'];
  if (!isObject(stream) || typeof stream['id'] !== 'string' || (stream['kind'] !== 'snapshot' && stream['kind'] !== 'delta')) return 'has no valid stream';
  if (stream['kind'] === 'delta' && !(isObject(stream['base']) && typeof stream['base']['seq'] === 'number' && isSha256(stream['base']['sha256']))) return 'names no base for its delta';
  if (header['passes'] !== 'recorded' && header['passes'] !== 'omitted') return 'has no valid passes';
  if (!Array.isArray(header['targets']) || !isObject(header['summary'])) return 'lacks targets or summary';
  const signer = header['signer'];
  if (signer !== undefined && !(isObject(signer) && signer['algorithm'] === 'ed25519' && typeof signer['publicKey'] === 'string')) return 'names a signer it cannot describe';
  return undefined;
}

function parseSignature(line: Buffer): SignatureLine {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch (error) {
    throw new RecordFormatError('unreadable', `the signature line is not JSON (${(error as Error).message})`);
  }
  if (!isObject(value) || value['algorithm'] !== 'ed25519' || typeof value['signature'] !== 'string') throw new RecordFormatError('unreadable', 'the signature line is malformed');
  return value as unknown as SignatureLine;
}

function isSha256(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
