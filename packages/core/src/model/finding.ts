import type { TscId } from '../tsc/criteria.js';
import type { OriginKind, ProviderName } from './resource.js';
import type { Area, DriftKind, Profile, RuleMeta, RuleOptionValues, Severity, VerdictStatus } from './rule.js';

/** `baseline`: a failure recorded in the baseline file, reported but not gating. */
export type FindingStatus = 'pass' | 'fail' | 'unknown' | 'waived' | 'baseline';

/** A location in a file relative to the scan root, with `/` separators. Every finding has one. */
export interface Location {
  readonly file: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FindingResource {
  readonly address: string;
  readonly type: string;
  readonly provider: ProviderName;
  readonly origin: OriginKind;
  /** ARN or Azure resource id for live resources. */
  readonly cloudId?: string;
  /** The resource's tags whose values are known text (not sensitive), e.g. to find who owns it. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The justification of a waived finding. */
export interface WaiverJustification {
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly source: WaiverSource;
}

export interface WaiverSource {
  readonly kind: 'inline' | 'config';
  readonly file: string;
  readonly line: number;
}

export interface Finding {
  readonly ruleId: string;
  readonly status: FindingStatus;
  readonly severity: Severity;
  readonly area: Area;
  /** Criteria ids, primary first. */
  readonly tsc: readonly TscId[];
  readonly resource: FindingResource;
  /** The name of the target the resource came from (a path, `aws:<account>`, `azure:<subscription>`). */
  readonly target?: string;
  readonly location: Location;
  readonly message: string;
  /** The dotted attribute path that decided the verdict, when there is one. */
  readonly path?: string;
  /** Stable across runs and edits: rule id + resource identity. */
  readonly fingerprint: string;
  readonly waiver?: WaiverJustification;
  /** What a drift rule compared: both copies of the resource, with their verdicts, values and locations. */
  readonly drift?: DriftDetail;
}

/** One copy of a resource in a drift comparison: as Terraform declares it, or as the cloud runs it. */
export interface DriftSide {
  /** The target it came from: a path, `aws:<account>`, `azure:<subscription>`. */
  readonly target: string;
  /** The Terraform address of the declared copy; the ARN or Azure resource id of the live one. */
  readonly address: string;
  /** The ARN or Azure resource id, when known (always for the live copy; from state for the declared one). */
  readonly cloudId?: string;
  /** The `.tf` line of the declared copy (else its plan or state file); the live copy's Terraform block or cloud pseudo-path. */
  readonly location: Location;
  /** The compared control's verdict on this copy. */
  readonly status?: VerdictStatus;
  /** The compared control's message on this copy. */
  readonly message?: string;
  /** The value of the attribute that decided, as JSON text; `(sensitive)` for a sensitive value; absent when not set. */
  readonly value?: string;
}

/** What a drift finding compared. */
export interface DriftDetail {
  /** `control`: a control's verdicts on both copies; `unmanaged`: a live resource nothing declares; `missing`: a declared resource not found live. */
  readonly kind: DriftKind;
  /** The rule id of the compared control (`control` findings). */
  readonly control?: string;
  /** The attribute that decided the control's verdict, on the declared copy or else on the live one. */
  readonly attribute?: string;
  /** How the copies were joined: by `arn`, `id`, `name`, `bucket`, ..., `reference` or `parent`. */
  readonly joinedBy?: string;
  readonly declared?: DriftSide;
  readonly live?: DriftSide;
}

export type NotificationLevel = 'error' | 'warning' | 'note';

/** Something the scan could not do or wants the reader to know: an input error, a module not scanned, a denied API. */
export interface Notification {
  readonly level: NotificationLevel;
  /** A stable kebab-case code, e.g. `input-error`, `module-not-scanned`, `access-denied`, `waiver-expired`. */
  readonly code: string;
  readonly message: string;
  /** The file, API or target the notification is about. */
  readonly subject?: string;
}

export interface CriterionSummary {
  readonly id: TscId;
  readonly title: string;
  readonly category: string;
  /** Rules evaluated that map to the criterion (primary or secondary). */
  readonly rules: number;
  readonly resources: number;
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  readonly waived: number;
  readonly baseline: number;
  /** `fail` when any finding fails, else `unknown` when any is unknown, else `pass`. */
  readonly status: 'pass' | 'fail' | 'unknown';
}

export interface Summary {
  readonly resources: number;
  readonly rulesEvaluated: number;
  readonly byStatus: Readonly<Record<FindingStatus, number>>;
  /** Failing findings by severity. */
  readonly failBySeverity: Readonly<Record<Severity, number>>;
  readonly criteria: readonly CriterionSummary[];
}

export interface TargetReport {
  /** What was scanned: a file, a directory, `aws:<account>`, `azure:<subscription>`. */
  readonly name: string;
  readonly kind: string;
  readonly resources: number;
  readonly ok: boolean;
  /** What the target's content was, so that evidence of the scan can be tied to it. */
  readonly inputs?: TargetInputs;
}

/**
 * The identity of what a target read. For a plan, the SHA-256 of the file; for Terraform configuration, a tree hash
 * of every file read (SHA-256 of the `sha256sum`-style listing `<hex>  <path>\n`, sorted by path, paths relative to
 * the scan root); for live clouds, the accounts, regions and subscriptions read.
 */
export interface TargetInputs {
  readonly sha256?: string;
  /** How many files `sha256` covers. */
  readonly files?: number;
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  readonly subscriptions?: readonly string[];
}

export interface WaiverReport {
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly source: WaiverSource;
  readonly matched: number;
  readonly state: 'active' | 'expired' | 'stale';
}

/** Everything a scan produced; reporters are pure functions of it. */
export interface ScanResult {
  readonly tool: { readonly name: string; readonly version: string };
  /** When the scan started and finished, as UTC ISO timestamps. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Absolute directory that finding locations are relative to. */
  readonly root: string;
  readonly targets: readonly TargetReport[];
  /** The rules that were evaluated. */
  readonly rules: readonly RuleMeta[];
  /** The profile the rules ran under (absent in results made before profiles existed: `baseline`). */
  readonly profile?: Profile;
  /** The options each rule that has options ran with, by rule id: defaults under the profile, then overrides. */
  readonly ruleOptions?: Readonly<Record<string, RuleOptionValues>>;
  /** All findings, passes included, sorted deterministically. */
  readonly findings: readonly Finding[];
  readonly notifications: readonly Notification[];
  readonly waivers: readonly WaiverReport[];
  readonly summary: Summary;
}
