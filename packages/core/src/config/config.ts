import type { Area, Severity } from '../model/rule.js';
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
  readonly failOn?: Severity | 'never';
  readonly failOnUnknown?: boolean;
  /** Baseline file to apply, absolute. */
  readonly baseline?: string;
  /** Waivers with `source: { kind: 'config', file, line }`. */
  readonly waivers: readonly Waiver[];
}
