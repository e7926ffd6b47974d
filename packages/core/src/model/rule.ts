import type { TscId } from '../tsc/criteria.js';
import type { Resource } from './resource.js';
import type { AttributePath } from './value.js';

export const severities = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];

export const areas = [
  'encryption-at-rest',
  'encryption-in-transit',
  'logging-monitoring',
  'backup-recovery',
  'least-privilege',
] as const;
export type Area = (typeof areas)[number];

/** How a rule maps to the Trust Services Criteria: primary criteria first, and why. */
export interface CriteriaMapping {
  readonly primary: readonly TscId[];
  readonly secondary?: readonly TscId[];
  /** The evidence for the mapping (which anchors map the equivalent check where, or the point of focus). */
  readonly basis: string;
}

/** Where a live scan reads the settings a rule needs. */
export interface LiveSource {
  readonly aws?: { readonly configType: string; readonly fields: readonly string[]; readonly api?: string };
  readonly azure?: { readonly armType: string; readonly fields: readonly string[] };
}

export interface RuleMeta<MessageId extends string = string> {
  /** Stable, never reused; also the rule's file name, SARIF `ruleId`, waiver key and docs anchor. */
  readonly id: string;
  /** A short sentence stating what compliant looks like, e.g. `S3 buckets block public access`. */
  readonly title: string;
  /** Why it matters for SOC 2, in plain words. */
  readonly description: string;
  /** How to fix it, in Markdown, with a Terraform example. */
  readonly remediation: string;
  readonly severity: Severity;
  readonly area: Area;
  readonly criteria: CriteriaMapping;
  /** The Terraform resource types the rule evaluates; the engine calls it only for these. */
  readonly resourceTypes: readonly string[];
  /** Other resource types the rule reads through relations (documentation only). */
  readonly relatedTypes?: readonly string[];
  readonly live?: LiveSource;
  /** The rule can only be decided against live cloud configuration; Terraform input yields `unknown`. */
  readonly liveOnly?: boolean;
  /** Message templates keyed by id; `{{name}}` placeholders are filled from verdict data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  /** Terraform that passes (`good`) and fails (`bad`) the rule; scanned by the tests and shown in the docs. */
  readonly examples?: { readonly good: string; readonly bad: string };
  /** Provider defaults the rule relies on when an attribute is absent, stated for the docs. */
  readonly defaults?: readonly string[];
  /** Equivalent checks in other scanners, e.g. `{ checkov: ['CKV_AWS_19'] }`. */
  readonly equivalents?: Readonly<Record<string, readonly string[]>>;
  /** Where the rule came from: the built-in pack, or a user's rules directory. */
  readonly pack?: string;
}

export type VerdictStatus = 'pass' | 'fail' | 'unknown';

/** One decision of a rule about one resource. */
export interface Verdict<MessageId extends string = string> {
  readonly status: VerdictStatus;
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number | boolean>>;
  /** The attribute path that decided the verdict; the finding points at it. */
  readonly path?: AttributePath;
  /** The resource holding `path` when it is not the evaluated one (e.g. an S3 bucket's split versioning resource). */
  readonly at?: Resource;
}

/** What a rule may ask while it evaluates. Rules never look at HCL, plan JSON or SDK shapes. */
export interface RuleContext {
  /** Resources of `type` related to `resource` (in either direction), resolved once by the inventory. */
  related(resource: Resource, type: string): readonly Resource[];
  /** Every resource of `type` in the scan, for rules about coverage across resources. */
  resourcesOfType(type: string): readonly Resource[];
  /**
   * Whether the target's source looked for every resource of `type`: always for Terraform input, which declares
   * everything it has; for a live scan, only for the types it read. A rule that would decide on the absence of a
   * resource of a type not observed (no backup selection, no flow log) reports `unknown`, never a pass or a fail.
   */
  observed(type: string): boolean;
}

export interface Rule<MessageId extends string = string> {
  readonly meta: RuleMeta<MessageId>;
  evaluate(resource: Resource, context: RuleContext): Verdict<MessageId> | readonly Verdict<MessageId>[];
}

/** Declares a rule with its message ids checked by the compiler. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
