import type { CriterionSummary, Finding, FindingStatus, Summary } from '../model/finding.js';
import { severities, type RuleMeta, type Severity } from '../model/rule.js';
import { compareCriteria, findCriterion, type TscId } from '../tsc/criteria.js';

/** Counts by status and severity, and per criterion in scope, from the findings of a scan. */
export function summarize(findings: readonly Finding[], rules: readonly RuleMeta[], resources: number): Summary {
  const byStatus: Record<FindingStatus, number> = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
  const failBySeverity = Object.fromEntries(severities.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    byStatus[finding.status]++;
    if (finding.status === 'fail') failBySeverity[finding.severity]++;
  }

  const rulesByCriterion = new Map<TscId, Set<string>>();
  for (const rule of rules) {
    for (const id of [...rule.criteria.primary, ...(rule.criteria.secondary ?? [])]) {
      let set = rulesByCriterion.get(id);
      if (!set) rulesByCriterion.set(id, (set = new Set()));
      set.add(rule.id);
    }
  }

  const criteria: CriterionSummary[] = [...rulesByCriterion.keys()].sort(compareCriteria).map((id) => {
    const ruleIds = rulesByCriterion.get(id) ?? new Set<string>();
    const relevant = findings.filter((f) => ruleIds.has(f.ruleId));
    const counts = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
    for (const finding of relevant) counts[finding.status]++;
    const criterion = findCriterion(id);
    return {
      id,
      title: criterion?.title ?? id,
      category: criterion?.category ?? '',
      rules: ruleIds.size,
      resources: new Set(relevant.map((f) => f.resource.address)).size,
      ...counts,
      status: counts.fail > 0 ? 'fail' : counts.unknown > 0 ? 'unknown' : 'pass',
    };
  });

  return { resources, rulesEvaluated: rules.length, byStatus, failBySeverity, criteria };
}
