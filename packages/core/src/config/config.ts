import type { Area, Profile, Severity } from '../model/rule.js';
import type { Waiver } from '../model/waiver.js';
import type { Target } from '../sources/target.js';
import type { TscId } from '../tsc/criteria.js';

/** The file names looked for, in this order, in each directory from the working directory up. */
export const configFileNames = ['trustscan.config.yaml', 'trustscan.config.yml', 'trustscan.config.json'] as const;

/** Where a setting was written: the config file and the 1-based line. */
export interface ConfigSource {
  readonly file: string;
  readonly line: number;
}

/**
 * Which rules a selector picks: an id or a glob over ids (`aws-s3-*`), or every rule of an area, a severity or a
 * criterion (`area:logging-monitoring`, `severity:low`, `criterion:CC7.2`).
 */
export type RuleSelector = (
  | { readonly kind: 'id'; readonly pattern: string }
  | { readonly kind: 'area'; readonly area: Area }
  | { readonly kind: 'severity'; readonly severity: Severity }
  | { readonly kind: 'criterion'; readonly criterion: TscId }
) & { readonly text: string; readonly source: ConfigSource };

export interface SeverityOverride {
  readonly selector: RuleSelector;
  readonly severity: Severity;
}

/** One option value written under a rule id, e.g. `minDays: 90`; checked against the rule's schema once rules load. */
export interface RuleOptionSetting {
  /** The name as written (declared, or its kebab-case spelling). */
  readonly name: string;
  /** The value as YAML/JSON gave it. */
  readonly value: unknown;
  readonly source: ConfigSource;
}

/** The settings written under one rule id in the `rules` section: its options, and optionally severity and `enabled`. */
export interface RuleEntry {
  readonly ruleId: string;
  readonly source: ConfigSource;
  readonly options: readonly RuleOptionSetting[];
  /** `false` turns the rule off, `true` on, whatever `enable`/`disable` select. */
  readonly enabled?: boolean;
}

/** The `rules` section: extra rule directories, which rules run, and severities the team decided differently. */
export interface RuleSettings {
  /** Directories of declarative rules, absolute. */
  readonly directories: readonly string[];
  /** When given, only the rules matching one of these run. */
  readonly enable?: readonly RuleSelector[];
  /** Rules matching one of these do not run, even when enabled. */
  readonly disable: readonly RuleSelector[];
  /** In file order; for a rule matched by several, an exact id wins, else the last one written. */
  readonly severity: readonly SeverityOverride[];
  /** Settings written under rule ids (`rules: { aws-…: { minDays: 90 } }`), in file order. */
  readonly entries?: readonly RuleEntry[];
}

/** A validated `trustscan.config.yaml` / `.json`. Paths are absolute, resolved against the file's directory. */
export interface TrustscanConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  readonly targets?: readonly Target[];
  readonly tfDir?: string;
  /** Terraform variables as `-var` would give them: strings, lists and maps written as HCL/JSON literals. */
  readonly variables: readonly (readonly [name: string, value: string])[];
  readonly varFiles: readonly string[];
  /** `exclude:` patterns, `.gitignore`-style, relative to each directory target (as `--exclude`). */
  readonly exclude?: readonly string[];
  readonly rules: RuleSettings;
  /** `baseline` or `strict`; the command line's `--profile` wins. */
  readonly profile?: Profile;
  readonly failOn?: Severity | 'never';
  readonly failOnUnknown?: boolean;
  /** Baseline file to apply, absolute. */
  readonly baseline?: string;
  /** Waivers with `source: { kind: 'config', file, line }`. */
  readonly waivers: readonly Waiver[];
  /** Where every scan is recorded as evidence, and how. */
  readonly evidence?: EvidenceSettings;
  /** Who fixes what: the first rule whose resources, paths, tags or targets match a finding names its owner. */
  readonly owners?: readonly OwnerRule[];
  /** Days to fix a failing check, by severity, as written (the corrective action tracker fills in the rest). */
  readonly sla?: Readonly<Partial<Record<Severity, number>>>;
}

/**
 * One entry of `owners`: a finding belongs to `owner` when any of the given lists matches it (globs where `*`
 * matches any run of characters, `/` included): its resource address or cloud id, the file it points at, its
 * target, or every tag given (key and value).
 */
export interface OwnerRule {
  readonly owner: string;
  readonly resources?: readonly string[];
  readonly paths?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly targets?: readonly string[];
  readonly source: ConfigSource;
}

/** The `evidence` section: the ledger store, the signing key and the retention of new records. */
export interface EvidenceSettings {
  /** A directory (absolute) or `s3://bucket/prefix`. */
  readonly store?: string;
  /** Ed25519 private key file (absolute) that signs each record. */
  readonly key?: string;
  /** Days each new record is locked (S3 Object Lock). */
  readonly retainDays?: number;
  /** How often the scans are expected to run, e.g. `1d`: a longer stretch without a record is a gap in the evidence. */
  readonly cadence?: Cadence;
}

/** An expected interval between scans: `12h`, `1d`, `7d`, `1w`. */
export interface Cadence {
  /** As written, e.g. `1d`. */
  readonly text: string;
  readonly milliseconds: number;
}

const cadenceUnits: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Parses a cadence such as `1d`, `12h` or `1w`; undefined when the text is not one. */
export function parseCadence(text: string): Cadence | undefined {
  const match = /^([1-9]\d{0,3})([hdw])$/.exec(text.trim());
  if (!match) return undefined;
  return { text: text.trim(), milliseconds: Number(match[1]) * (cadenceUnits[match[2] as string] as number) };
}
