/**
 * Where records live: a directory or an S3 prefix, both laid out as `records/<12-digit seq>.jsonl.gz` and `HEAD`.
 * A store never overwrites a record: `createRecord` succeeds only for an empty slot. Problems are `InputError`s whose
 * one-line message names the store and what to do.
 */
export interface EvidenceStore {
  /** The store as the user wrote it: a directory or `s3://bucket/prefix`. */
  readonly location: string;
  /** Makes sure a record can be written: creates a directory store; checks an S3 bucket (and its Object Lock). */
  prepareAppend(): Promise<void>;
  /** The sequence numbers of the records present, ascending. */
  listRecords(): Promise<number[]>;
  /** A record's bytes, or `undefined` when its slot is empty. */
  readRecord(seq: number): Promise<Uint8Array | undefined>;
  /** The first `length` bytes of a record (all of it when shorter), or `undefined` when its slot is empty. */
  readRecordStart(seq: number, length: number): Promise<Uint8Array | undefined>;
  /** Writes a record into its slot if the slot is empty; `false` when another writer took it first. */
  createRecord(seq: number, bytes: Uint8Array, recordedAt: Date): Promise<boolean>;
  readHead(): Promise<Uint8Array | undefined>;
  /** Replaces the head: a hint, written atomically (rename on disk, one PUT on S3). */
  writeHead(bytes: Uint8Array): Promise<void>;
  /** What else is in the store that a reader should know about (leftovers of interrupted appends, unknown files). */
  leftovers(): Promise<string[]>;
  /** Releases clients and handles. */
  close(): void;
}
