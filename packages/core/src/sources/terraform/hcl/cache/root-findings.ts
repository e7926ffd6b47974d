import { hash } from 'node:crypto';
import type { Finding } from '../../../../model/finding.js';
import type { SourceContext } from '../../../source.js';
import type { Target } from '../../../target.js';
import type { TerraformSession } from '../../terraform-session.js';
import { describeRoot } from '../load-directory.js';
import type { CachedSummary } from './result-cache.js';

/**
 * The key of a rule set's findings beside an evaluated root: the caller's identity of its rules, and what else
 * shapes findings (the scan root that locations are relative to; `settings`: extra relations, profile, rule options).
 */
export function rulesKey(rulesIdentity: string, root: string, settings: unknown): string {
  return hash('sha256', JSON.stringify([rulesIdentity, root, settings ?? null]), 'hex');
}

/**
 * The findings an unchanged root had with the same rule set, without reading its resources, or `undefined` when the
 * root changed or these rules never ran on it.
 */
export async function cachedRootFindings(
  target: Extract<Target, { kind: 'terraform-hcl' }>,
  context: SourceContext,
  session: TerraformSession,
  key: string,
): Promise<{ summary: CachedSummary; findings: Finding[] } | undefined> {
  const cache = session.cache;
  if (!cache) return undefined;
  const root = await describeRoot(target.path, context, session, target.discoveredIn === undefined ? {} : { discoveredIn: target.discoveredIn }).catch(() => undefined);
  if (root?.key === undefined) return undefined;
  const summary = cache.check(root.key, session.texts);
  if (!summary) return undefined;
  const findings = cache.findings<Finding[]>(root.key, key);
  return Array.isArray(findings) ? { summary, findings } : undefined;
}
