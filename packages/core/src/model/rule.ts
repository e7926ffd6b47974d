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
  'change-management',
] as const;
export type Area = (typeof areas)[number];

/**
 * What a scan asks for: `baseline` (the default) is what a SOC 2 auditor requires; `strict` is best practice
 * beyond it (customer-managed keys, AWS Backup coverage of every data store, longer retention).
 */
export const profiles = ['baseline', 'strict'] as const;
export type Profile = (typeof profiles)[number];

/** A value a rule option may take. */
export type RuleOptionValue = boolean | number | string | readonly string[] | readonly number[];

export const ruleOptionTypes = ['boolean', 'integer', 'number', 'string', 'string-list', 'integer-list'] as const;
export type RuleOptionType = (typeof ruleOptionTypes)[number];

/**
 * One option a rule accepts (`rules: { <rule-id>: { <option>: <value> } }` in the config file), with its default
 * under each profile. The engine validates values against it and hands the resolved ones to the rule.
 */
export interface RuleOption<T extends RuleOptionValue = RuleOptionValue> {
  readonly type: RuleOptionType;
  /** What the option controls, in one sentence. */
  readonly description: string;
  /** The value under the `baseline` profile, and under `strict` unless `strict` says otherwise. */
  readonly default: T;
  /** The value under the `strict` profile, when it differs. */
  readonly strict?: T;
  /** Bounds of a number, or of each number in a list. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** The values a string (or each string of a list) may take. */
  readonly enum?: readonly string[];
}

/** The options of a rule, by name, with their values typed. */
export type RuleOptionSchema<Options extends RuleOptionValues> = { readonly [K in keyof Options]: RuleOption<Options[K]> };

/** Resolved option values, by option name. */
export type RuleOptionValues = { readonly [name: string]: RuleOptionValue };

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
  /** Message templates keyed by id; `{{name}}` placeholders are filled from verdict data, then from the rule's options (`{{minDays}}`). */
  readonly messages: Readonly<Record<MessageId, string>>;
  /** Terraform that passes (`good`) and fails (`bad`) the rule; scanned by the tests and shown in the docs. */
  readonly examples?: { readonly good: string; readonly bad: string };
  /** Provider defaults the rule relies on when an attribute is absent, stated for the docs. */
  readonly defaults?: readonly string[];
  /** Equivalent checks in other scanners, e.g. `{ checkov: ['CKV_AWS_19'] }`. */
  readonly equivalents?: Readonly<Record<string, readonly string[]>>;
  /** Where the rule came from: the built-in pack, or a user's rules directory. */
  readonly pack?: string;
  /** Options the rule accepts, with their defaults per profile; the config file sets them per rule. */
  readonly options?: { readonly [name: string]: RuleOption };
  /** The profiles the rule runs in; every profile when absent (e.g. `['strict']` for customer-managed keys). */
  readonly profiles?: readonly Profile[];
  /**
   * What each profile requires, in one sentence each, when the rule decides differently under them (beyond an
   * option's strict value, which the docs show on their own).
   */
  readonly requires?: { readonly [P in Profile]?: string };
  /**
   * Marks a drift rule: it is not evaluated per resource but decided by comparing the declared (Terraform) and the live
   * copies of resources after the other rules ran (`compareDrift`).
   */
  readonly drift?: DriftKind;
}

/**
 * The three drift rules: `control` compares one control's verdicts on the declared and the live copy of a resource;
 * `unmanaged` reports live resources no Terraform configuration of the scan declares; `missing` reports declared
 * resources the live scan did not find.
 */
export const driftKinds = ['control', 'unmanaged', 'missing'] as const;
export type DriftKind = (typeof driftKinds)[number];

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
export interface RuleContext<Options extends RuleOptionValues = RuleOptionValues> {
  /** The scan's profile. */
  readonly profile: Profile;
  /** The rule's options: its defaults under the profile, overridden by the config file or the `scan()` caller. */
  readonly options: Options;
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

/** A rule as written: its options declared in `meta.options` and typed in `evaluate`. */
export interface RuleDefinition<MessageId extends string, Options extends RuleOptionValues> {
  readonly meta: RuleMeta<MessageId> & { readonly options?: RuleOptionSchema<Options> };
  evaluate(resource: Resource, context: RuleContext<Options>): Verdict<MessageId> | readonly Verdict<MessageId>[];
}

/** Declares a rule with its message ids and option types checked by the compiler. */
export function defineRule<MessageId extends string, Options extends RuleOptionValues = RuleOptionValues>(rule: RuleDefinition<MessageId, Options>): Rule<MessageId> {
  // The engine hands every rule the options its schema declares, resolved and validated, so the cast holds.
  return rule as unknown as Rule<MessageId>;
}

/**
 * Declares a drift rule: metadata and messages only. `compareDrift` decides it after the other rules ran, from their
 * findings on the declared and the live copies of resources; it applies to no resource type, so the engine never
 * calls it per resource.
 */
export function defineDriftRule<MessageId extends string>(meta: RuleMeta<MessageId> & { readonly drift: DriftKind; readonly resourceTypes: readonly [] }): Rule<MessageId> {
  return { meta, evaluate: () => [] };
}
