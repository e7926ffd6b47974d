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

  // One pass over the findings, by rule; each criterion then adds up the rules that map to it.
  const byRule = new Map<string, { counts: Record<FindingStatus, number>; resources: Set<string> }>();
  for (const finding of findings) {
    let entry = byRule.get(finding.ruleId);
    if (!entry) byRule.set(finding.ruleId, (entry = { counts: { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 }, resources: new Set() }));
    entry.counts[finding.status]++;
    entry.resources.add(finding.resource.address);
  }

  const criteria: CriterionSummary[] = [...rulesByCriterion.keys()].sort(compareCriteria).map((id) => {
    const ruleIds = rulesByCriterion.get(id) ?? new Set<string>();
    const counts = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
    const resources = new Set<string>();
    for (const ruleId of ruleIds) {
      const entry = byRule.get(ruleId);
      if (!entry) continue;
      for (const status of Object.keys(counts) as FindingStatus[]) counts[status] += entry.counts[status];
      for (const address of entry.resources) resources.add(address);
    }
    const criterion = findCriterion(id);
    return {
      id,
      title: criterion?.title ?? id,
      category: criterion?.category ?? '',
      rules: ruleIds.size,
      resources: resources.size,
      ...counts,
      status: counts.fail > 0 ? 'fail' : counts.unknown > 0 ? 'unknown' : 'pass',
    };
  });

  return { resources, rulesEvaluated: rules.length, byStatus, failBySeverity, criteria };
}
