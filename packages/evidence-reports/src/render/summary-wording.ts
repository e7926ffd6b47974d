import type { CategoryReadiness, ExecutiveSummary } from '../summary/executive-summary.js';

/** The summary's sentences, shared by its HTML and Markdown forms. */

export const readinessStatusLabels: Readonly<Record<CategoryReadiness['status'], string>> = {
  ready: 'No failing check',
  gaps: 'Failing checks',
  'not-covered': 'Not covered',
};

/** What automated controls check, with the numbers of this estate. */
export function coverageText(summary: ExecutiveSummary): string {
  const covered = summary.categories.filter((c) => c.status !== 'not-covered').map((c) => c.category);
  return (
    `Automated controls check how the cloud and its Terraform are configured: encryption at rest and in transit, logging and monitoring, backups and recovery, and least-privilege access. ` +
    `Here they support ${summary.criteriaCovered} of the ${summary.criteriaTotal} Trust Services Criteria${covered.length > 0 ? `, in ${listOf(covered)}` : ''}, and they run on every scan, so a failure shows within a day.`
  );
}

/** What configuration checks cannot show, said plainly. */
export const limitsText =
  'people and processes. Governance and oversight, hiring and training, risk assessment, policies, vendor management, incident response, approval of changes and physical security are out of reach of configuration checks; they need their own evidence (policies, reviews, tickets, training records). A passing configuration is evidence for a criterion, not proof that it is met.';

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
