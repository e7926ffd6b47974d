import type { WaiverSource } from './finding.js';

/**
 * An accepted risk: findings of `rule` on resources matching one of `resources` are reported as `waived` with the
 * justification. Patterns are globs where `*` matches any run of characters. Inline comments and the config file
 * both produce waivers; the engine applies them the same way to HCL, plan and live findings.
 */
export interface Waiver {
  /** A rule id or a glob over rule ids. */
  readonly rule: string;
  /** Globs over resource addresses, ARNs or Azure ids. */
  readonly resources: readonly string[];
  readonly reason: string;
  readonly owner?: string;
  /** `YYYY-MM-DD`; the waiver stops waiving after this day. */
  readonly expires?: string;
  readonly source: WaiverSource;
}
