import type { Area, FindingStatus, Notification, Profile, RuleOptionValues, Severity, TargetReport, TscId, WaiverReport } from '@trustscan/core';

/**
 * The version of the record format (docs/evidence-format.md). It changes only when a field is removed or changes
 * meaning; readers refuse records of a newer version rather than misread them.
 */
export const evidenceSchemaVersion = 1;

/** Line 1 of every record: what was scanned, when, where, with which rules, and how the record joins the chain. */
export interface RecordHeader {
  readonly type: 'header';
  readonly schemaVersion: number;
  /** The record's position in the chain, from 1; also its slot name. */
  readonly seq: number;
  /** SHA-256 (hex) of the previous record, `null` for the first. */
  readonly prev: string | null;
  /** When the record was appended (UTC). */
  readonly recordedAt: string;
  /** When the scan ran (UTC): the observation time that views sort by. */
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly stream: StreamLink;
  /** `omitted` when the scan's passing checks are not in the record (a report imported without them). */
  readonly passes: 'recorded' | 'omitted';
  /** Present when the record was imported from a JSON report rather than recorded by the scan itself. */
  readonly imported?: ImportedFrom;
  readonly tool: { readonly name: string; readonly version: string };
  /** Every rule evaluated, with a hash of its metadata; empty for imported reports, which do not carry them. */
  readonly rules: readonly RuleFingerprint[];
  readonly packs: readonly RulePackFingerprint[];
  /** The profile the rules ran under, and the options each rule with options ran with: what a verdict means. */
  readonly profile?: Profile;
  readonly ruleOptions?: Readonly<Record<string, RuleOptionValues>>;
  readonly targets: readonly TargetReport[];
  readonly environment: RunEnvironment;
  readonly waivers: readonly WaiverReport[];
  readonly baseline?: BaselineInForce;
  readonly notifications: readonly Notification[];
  readonly summary: RecordSummary;
  /** Present when the record is signed: the Ed25519 key whose signature is the last line. */
  readonly signer?: SignerInfo;
}

/**
 * Where a record stands in its stream (the records of scans of the same targets). A snapshot holds every finding; a
 * delta holds the findings added or changed and the ones removed since `base`, the stream's previous record.
 */
export interface StreamLink {
  /** First 16 hex digits of the SHA-256 of the sorted target names, one per line. */
  readonly id: string;
  readonly kind: 'snapshot' | 'delta';
  readonly base?: { readonly seq: number; readonly sha256: string };
  /** Records since the stream's last snapshot: 0 for a snapshot. */
  readonly depth: number;
}

export interface ImportedFrom {
  /** The report's file name as given to `evidence import`. */
  readonly file: string;
  /** SHA-256 of the report file's bytes. */
  readonly sha256: string;
  /** The report's own times, when it had them (the record's times may come from `--time`). */
  readonly reportStartedAt?: string;
  readonly reportFinishedAt?: string;
}

export interface RuleFingerprint {
  readonly id: string;
  readonly severity: Severity;
  /** Primary criteria first, then secondary ones. */
  readonly criteria: readonly TscId[];
  readonly pack: string;
  /** SHA-256 of the rule's metadata as canonical JSON (keys sorted). */
  readonly sha256: string;
}

export interface RulePackFingerprint {
  readonly name: string;
  readonly version?: string;
  readonly rules: number;
  /** SHA-256 of the `<rule sha256>  <rule id>\n` lines of its rules, sorted by id. */
  readonly sha256: string;
}

/** Where the scan ran: a CI provider's run, or a local checkout. Only non-secret identifiers. */
export interface RunEnvironment {
  /** `github-actions`, `gitlab-ci`, `circleci`, `azure-pipelines`, `jenkins`, `buildkite`, ..., `local` or `unknown`. */
  readonly provider: string;
  readonly repository?: string;
  readonly commit?: string;
  readonly ref?: string;
  readonly runUrl?: string;
  readonly workflow?: string;
  readonly event?: string;
  /** The machine's host name, for local runs. */
  readonly host?: string;
  /** A local checkout with uncommitted changes to tracked files. */
  readonly dirty?: boolean;
}

export interface BaselineInForce {
  readonly file: string;
  readonly sha256?: string;
  readonly createdAt?: string;
  readonly failures: number;
}

export interface RecordSummary {
  readonly resources: number;
  /** As the scan counted them, passes included even when the record omits them. */
  readonly byStatus: Readonly<Record<FindingStatus, number>>;
  readonly failBySeverity: Readonly<Record<Severity, number>>;
  /** Findings in the state this record describes, by rule and status (statuses with none are left out). */
  readonly rules: Readonly<Record<string, Partial<Record<FindingStatus, number>>>>;
}

export interface SignerInfo {
  readonly algorithm: 'ed25519';
  /** The public key, SubjectPublicKeyInfo DER in base64. */
  readonly publicKey: string;
  /** SHA-256 (hex) of the DER public key. */
  readonly keyId: string;
}

/** One finding, passes included: the JSON report's finding shape plus its target. */
export interface FindingEntry {
  readonly type: 'finding';
  readonly target: string;
  readonly fingerprint: string;
  /** 2, 3, ... for a finding whose target and fingerprint an earlier one in the same scan already has. */
  readonly duplicate?: number;
  readonly ruleId: string;
  readonly status: FindingStatus;
  readonly severity: Severity;
  readonly area: Area;
  readonly tsc: readonly TscId[];
  readonly resource: {
    readonly address: string;
    readonly type: string;
    readonly provider: string;
    readonly origin: string;
    readonly cloudId?: string;
    /** The resource's tags that are known text, when it has any. */
    readonly tags?: Readonly<Record<string, string>>;
  };
  readonly location: { readonly file: string; readonly startLine: number; readonly endLine: number; readonly startColumn: number; readonly endColumn: number };
  readonly message: string;
  readonly attribute?: string;
  readonly waiver?: { readonly reason: string; readonly owner?: string; readonly expires?: string; readonly source: { readonly kind: string; readonly file: string; readonly line: number } };
}

/** In a delta: a finding of the base record that the scan no longer produced. */
export interface RemovedEntry {
  readonly type: 'removed';
  readonly target: string;
  readonly fingerprint: string;
  readonly duplicate?: number;
}

/** The last line of a signed record: Ed25519 over the 32-byte SHA-256 of every line before it. */
export interface SignatureLine {
  readonly type: 'signature';
  readonly algorithm: 'ed25519';
  readonly keyId: string;
  /** Base64. */
  readonly signature: string;
}

export type EntryLine = FindingEntry | RemovedEntry;

/** The identity of an entry within a record and across a stream: target, fingerprint and duplicate number. */
export function entryKey(entry: { readonly target: string; readonly fingerprint: string; readonly duplicate?: number }): string {
  return entry.duplicate === undefined ? `${entry.target}\n${entry.fingerprint}` : `${entry.target}\n${entry.fingerprint}#${entry.duplicate}`;
}

const slotDigits = 12;

/** The record's path in the store, relative to the store's root: `records/000000000042.jsonl.gz`. */
export function recordPath(seq: number): string {
  return `records/${String(seq).padStart(slotDigits, '0')}.jsonl.gz`;
}

/** The sequence number of a record path's file name, or undefined for any other name. */
export function seqOfRecordName(name: string): number | undefined {
  const match = /^(\d{12})\.jsonl\.gz$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
