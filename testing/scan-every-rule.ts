import { runsInProfile, scan, type Rule, type ScanOptions, type ScanResult } from '../packages/core/src/index.js';

/**
 * Scans with every rule in the profile it runs in: the baseline rules under `baseline`, and the rules that run only
 * under `strict` (customer-managed keys) under `strict`, so example configurations that plant a problem for every
 * rule are measured against all of them. Findings and notifications of both scans are joined.
 */
export async function scanWithEveryRule(options: Omit<ScanOptions, 'profile'>): Promise<Pick<ScanResult, 'findings' | 'notifications'>> {
  const strictOnly = options.rules.filter((rule: Rule) => !runsInProfile(rule.meta, 'baseline'));
  const baseline = await scan({ ...options, profile: 'baseline' });
  if (strictOnly.length === 0) return baseline;
  const strict = await scan({ ...options, rules: strictOnly, profile: 'strict' });
  return { findings: [...baseline.findings, ...strict.findings], notifications: [...baseline.notifications, ...strict.notifications] };
}
