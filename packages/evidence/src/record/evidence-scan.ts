import { createHash } from 'node:crypto';
import type { Finding, FindingStatus, Notification, Profile, RuleMeta, RuleOptionValues, Severity, TargetReport, WaiverReport } from '@trustscan/core';

/**
 * What a record is made of: a `ScanResult` fits as it is; an imported JSON report is turned into one (without rule
 * metadata, which reports do not carry).
 */
export interface EvidenceScan {
  readonly tool: { readonly name: string; readonly version: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The scan root, where `git` is asked about the checkout when the environment is detected. */
  readonly root?: string;
  readonly targets: readonly TargetReport[];
  readonly rules?: readonly RuleMeta[];
  /** The profile and rule options the verdicts were measured against (absent in reports made before they existed). */
  readonly profile?: Profile;
  readonly ruleOptions?: Readonly<Record<string, RuleOptionValues>>;
  /** Every finding, passes included. */
  readonly findings: readonly Finding[];
  readonly notifications: readonly Notification[];
  readonly waivers: readonly WaiverReport[];
  readonly summary: {
    readonly resources: number;
    readonly byStatus: Readonly<Record<FindingStatus, number>>;
    readonly failBySeverity: Readonly<Record<Severity, number>>;
  };
}

/** The stream of a scan: the first 16 hex digits of the SHA-256 of its sorted target names, one per line. */
export function streamIdOf(targets: readonly { readonly name: string }[]): string {
  const names = [...new Set(targets.map((t) => t.name))].sort();
  return createHash('sha256').update(names.map((name) => `${name}\n`).join('')).digest('hex').slice(0, 16);
}
