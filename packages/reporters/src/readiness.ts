import {
  compareCriteria,
  criteria as allCriteria,
  findCriterion,
  severities,
  type Area,
  type CriterionSummary,
  type Finding,
  type Notification,
  type RuleMeta,
  type ScanResult,
  type Severity,
  type WaiverReport,
} from '@trustscan/core';

/**
 * The content the Markdown summary and the HTML report share, arranged for a reader who has never seen the tool:
 * criteria in scope with a plain status, failing checks grouped by criterion and severity, what was not evaluated,
 * and the waivers. Both renderers draw from this one view so they never disagree.
 */

/** How a criterion stands, in words an auditor reads without knowing the tool. */
export type CriterionVerdict = 'gaps' | 'known-gaps' | 'not-determined' | 'no-gaps';

export const verdictLabels: Readonly<Record<CriterionVerdict, string>> = {
  gaps: 'Gaps found',
  'known-gaps': 'Known gaps (baseline)',
  'not-determined': 'Not determined',
  'no-gaps': 'No gaps found',
};

export const severityLabels: Readonly<Record<Severity, string>> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export const statusLabels: Readonly<Record<Finding['status'], string>> = {
  fail: 'Fail',
  unknown: 'Not determined',
  waived: 'Waived',
  baseline: 'Baseline',
  pass: 'Pass',
};

export const areaLabels: Readonly<Record<Area, string>> = {
  'encryption-at-rest': 'Encryption at rest',
  'encryption-in-transit': 'Encryption in transit',
  'logging-monitoring': 'Logging and monitoring',
  'backup-recovery': 'Backup and recovery',
  'least-privilege': 'Least privilege',
  'change-management': 'Change management',
};

export interface CriterionRow extends CriterionSummary {
  readonly verdict: CriterionVerdict;
}

/** One control's failing findings under one criterion and severity. */
export interface RuleGroup {
  readonly ruleId: string;
  readonly rule: RuleMeta | undefined;
  readonly severity: Severity;
  /** Criteria the control also supports, beside the one it is listed under. */
  readonly alsoSupports: readonly string[];
  readonly findings: readonly Finding[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly rules: readonly RuleGroup[];
}

export interface CriterionGroup {
  readonly id: string;
  readonly title: string;
  readonly count: number;
  readonly severities: readonly SeverityGroup[];
}

/** A rule that ran on nothing: no resource of its types was in the scanned targets. */
export interface IdleRule {
  readonly rule: RuleMeta;
}

/** One scanned target (a root of a repository, a plan, an account) with its failing checks, when there are several. */
export interface TargetGroup {
  readonly name: string;
  readonly kind: string;
  readonly resources: number;
  readonly ok: boolean;
  readonly failingCount: number;
  readonly unknownCount: number;
  /** Its failing findings, grouped as `ReadinessView.failing`. */
  readonly failing: readonly CriterionGroup[];
}

export interface ReadinessView {
  readonly criteria: readonly CriterionRow[];
  /** The targets, sorted by name, when the scan had several (otherwise empty): reports then group by target. */
  readonly targets: readonly TargetGroup[];
  /** Failing findings (status `fail`) by primary criterion, then severity (most severe first), then control. */
  readonly failing: readonly CriterionGroup[];
  readonly failingCount: number;
  /** Failures recorded in a baseline, grouped the same way. */
  readonly baseline: readonly CriterionGroup[];
  readonly baselineCount: number;
  readonly unknown: readonly Finding[];
  readonly waived: readonly Finding[];
  /** Errors first, then warnings, then notes. */
  readonly notifications: readonly Notification[];
  readonly waivers: readonly WaiverReport[];
  readonly idleRules: readonly IdleRule[];
  /** How many of the 61 criteria at least one evaluated control maps to. */
  readonly criteriaInScope: number;
  readonly criteriaTotal: number;
}

/** Arranges a scan result for the readiness reports. Deterministic: everything is sorted. */
export function readinessView(result: ScanResult): ReadinessView {
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const evaluated = new Set(result.findings.map((f) => f.ruleId));
  // Failing drift findings are shown in the reports' drift section, beside both copies of the resource.
  const listedAsFailing = (f: Finding): boolean => f.status === 'fail' && f.drift === undefined;
  const failing = result.findings.filter(listedAsFailing);
  const baseline = result.findings.filter((f) => f.status === 'baseline');
  const byTarget = new Map<string, Finding[]>();
  if (result.targets.length > 1) {
    for (const finding of result.findings) {
      const list = byTarget.get(finding.target ?? '');
      if (list) list.push(finding);
      else byTarget.set(finding.target ?? '', [finding]);
    }
  }
  const targets =
    result.targets.length > 1
      ? [...result.targets]
          .sort((a, b) => compare(a.name, b.name))
          .map((target): TargetGroup => {
            const own = byTarget.get(target.name) ?? [];
            const ownFailing = own.filter(listedAsFailing);
            return {
              name: target.name,
              kind: target.kind,
              resources: target.resources,
              ok: target.ok,
              failingCount: ownFailing.length,
              unknownCount: own.filter((f) => f.status === 'unknown').length,
              failing: groupByCriterion(ownFailing, rules),
            };
          })
      : [];
  return {
    criteria: result.summary.criteria.map((c) => ({ ...c, verdict: criterionVerdict(c) })),
    targets,
    failing: groupByCriterion(failing, rules),
    failingCount: failing.length,
    baseline: groupByCriterion(baseline, rules),
    baselineCount: baseline.length,
    unknown: result.findings.filter((f) => f.status === 'unknown').sort(bySeverityThenPlace),
    waived: result.findings.filter((f) => f.status === 'waived').sort(bySeverityThenPlace),
    notifications: [...result.notifications].sort((a, b) => levelOrder[a.level] - levelOrder[b.level]),
    waivers: [...result.waivers].sort((a, b) => waiverOrder[a.state] - waiverOrder[b.state] || compare(a.source.file, b.source.file) || a.source.line - b.source.line),
    // Drift rules check no resource type: they run when a scan reads both Terraform and the cloud.
    idleRules: result.rules.filter((r) => !evaluated.has(r.id) && r.drift === undefined).sort((a, b) => compare(a.id, b.id)).map((rule) => ({ rule })),
    criteriaInScope: result.summary.criteria.length,
    criteriaTotal: allCriteria.length,
  };
}

/**
 * Failing checks make a criterion show gaps; failures only in the baseline are known gaps (the engine's status
 * counts them as passing, but an auditor must not read them as met); unknowns leave it undetermined.
 */
export function criterionVerdict(criterion: CriterionSummary): CriterionVerdict {
  if (criterion.fail > 0) return 'gaps';
  if (criterion.baseline > 0) return 'known-gaps';
  if (criterion.unknown > 0) return 'not-determined';
  return 'no-gaps';
}

function groupByCriterion(findings: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>): CriterionGroup[] {
  const byCriterion = new Map<string, Finding[]>();
  for (const finding of findings) {
    const id = finding.tsc[0] ?? 'none';
    const list = byCriterion.get(id);
    if (list) list.push(finding);
    else byCriterion.set(id, [finding]);
  }
  return [...byCriterion.keys()].sort(compareCriteria).map((id) => {
    const members = byCriterion.get(id) ?? [];
    const groups = severities
      .map((severity): SeverityGroup => {
        const byRule = new Map<string, Finding[]>();
        for (const finding of members.filter((f) => f.severity === severity)) {
          const list = byRule.get(finding.ruleId);
          if (list) list.push(finding);
          else byRule.set(finding.ruleId, [finding]);
        }
        return {
          severity,
          rules: [...byRule.keys()].sort(compare).map((ruleId) => {
            const list = (byRule.get(ruleId) ?? []).sort(byPlace);
            return { ruleId, rule: rules.get(ruleId), severity, alsoSupports: (list[0]?.tsc ?? []).slice(1), findings: list };
          }),
        };
      })
      .filter((group) => group.rules.length > 0);
    return { id, title: findCriterion(id)?.title ?? 'Not mapped to a criterion', count: members.length, severities: groups };
  });
}

const levelOrder: Readonly<Record<Notification['level'], number>> = { error: 0, warning: 1, note: 2 };
const waiverOrder: Readonly<Record<WaiverReport['state'], number>> = { expired: 0, stale: 1, active: 2 };

/** Most severe first, then by file and line, rule and resource. */
export function bySeverityThenPlace(a: Finding, b: Finding): number {
  return severities.indexOf(a.severity) - severities.indexOf(b.severity) || byPlace(a, b);
}

function byPlace(a: Finding, b: Finding): number {
  return (
    compare(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.resource.address, b.resource.address) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

/** `file:line`, or `file:start-end` for a range of lines. */
export function placeOf(finding: Finding): string {
  const { file, startLine, endLine } = finding.location;
  return endLine > startLine ? `${file}:${startLine}-${endLine}` : `${file}:${startLine}`;
}

/** The resource as a person would look it up: the Terraform address, and the cloud id when it differs. */
export function resourceOf(finding: Finding): string {
  const { address, cloudId } = finding.resource;
  return cloudId && cloudId !== address ? `${address} (${cloudId})` : address;
}

/** A target's kind in words: `Terraform plan`, `AWS`. */
export function targetKind(kind: string): string {
  const names: Readonly<Record<string, string>> = { 'terraform-plan': 'Terraform plan', 'terraform-state': 'Terraform state', 'terraform-hcl': 'Terraform configuration', aws: 'AWS', azure: 'Azure' };
  return names[kind] ?? kind;
}

/** `1 resource`, `3 resources`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
