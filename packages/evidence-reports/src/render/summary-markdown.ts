import { escapeMarkdown, markdownCode } from '@trustscan/reporters';
import type { ExecutiveSummary } from '../summary/executive-summary.js';
import { chainMarkdown } from './chain-markdown.js';
import { rangesText } from '../period/record-ref.js';
import { coverageText, limitsText, readinessStatusLabels } from './summary-wording.js';
import { trendBlocks, trendText } from './trend-chart.js';
import { day, percent, plural, severityLabels } from './wording.js';

/** The executive summary in Markdown, with the same content as the one-page HTML form. */
export function summaryMarkdown(summary: ExecutiveSummary): string {
  const { actions, evidence, overall } = summary;
  const out: string[] = [`# SOC 2 readiness summary, ${day(summary.asOf)}`, ''];
  out.push(...chainMarkdown(summary.chain));
  out.push(`Automated configuration checks of the cloud and its Terraform, recorded as tamper-evident evidence from ${day(summary.from)} to ${day(summary.asOf)}.`, '');
  if (!summary.findings.complete) out.push(`> Readiness could not be computed from the findings: ${escapeMarkdown(summary.findings.reason)}`, '');
  out.push(
    `- **${percent(overall.readiness)}** of ${overall.checks.pass + overall.checks.fail + overall.checks.baseline} decided checks pass today (one check per control and resource).`,
    `- **${actions.open.total}** open corrective actions, **${actions.overdue.total}** overdue.`,
    `- **${evidence.gapDays}** days without a scan (scans are expected every ${evidence.cadence}).`,
    `- Evidence chain of ${plural(evidence.records, 'record')}: **${summary.chain.verified ? 'intact' : 'broken'}**.`,
    '',
    '## Readiness by Trust Services category',
    '',
    `| Category | Status | Passing | Trend since ${day(summary.from)} | Criteria covered |`,
    '|---|---|---:|---|---:|',
  );
  for (const c of summary.categories) {
    const trend = c.status === 'not-covered' ? 'no automated control' : `\`${trendBlocks(c.trend)}\` ${trendText(c.trend)}`;
    out.push(`| ${c.category} | ${readinessStatusLabels[c.status]} | ${c.status === 'not-covered' ? '' : percent(c.readiness)} | ${trend} | ${c.criteriaCovered} of ${c.criteriaTotal} |`);
  }
  out.push('', '## What this covers, and what it cannot', '', coverageText(summary), '', `**Not covered:** ${limitsText}`, '', '## Top risks', '');
  if (summary.topRisks.length === 0) out.push('No control is failing today.', '');
  else {
    out.push('| Severity | What fails, where | Owner | Days open | Due |', '|---|---|---|---:|---|');
    for (const a of summary.topRisks) {
      out.push(`| ${severityLabels[a.severity]} | ${escapeMarkdown(a.title ?? a.ruleId)}: ${markdownCode(a.resource.address, true)} | ${a.owner === null ? '_unassigned_' : escapeMarkdown(a.owner)} | ${a.daysOpen} | ${a.due}${a.status === 'overdue' ? ' (overdue)' : ''} |`);
    }
    if (actions.open.total > summary.topRisks.length) out.push('', `${actions.open.total - summary.topRisks.length} more open actions: see the corrective action plan (\`trustscan evidence actions\`).`);
    out.push('');
  }
  out.push('## Overdue actions', '');
  if (actions.overdue.total === 0) out.push(`No action is past its due date${actions.open.total > 0 ? `; ${plural(actions.open.total, 'open action')} ${actions.open.total === 1 ? 'is' : 'are'} within its time to fix` : ''}.`, '');
  else {
    const owners = actions.byOwner.filter((o) => o.overdue > 0).map((o) => `${o.owner === null ? 'unassigned' : escapeMarkdown(o.owner)} ${o.overdue}`);
    out.push(`**${plural(actions.overdue.total, 'action')}** past the time to fix that the SLA gives ${actions.overdue.total === 1 ? 'its' : 'their'} severity, by owner: ${owners.join(', ')}.`, '');
    for (const a of summary.overdue) out.push(`- ${escapeMarkdown(a.title ?? a.ruleId)} on ${markdownCode(a.resource.address)}: due ${a.due}, ${plural(a.daysOverdue, 'day')} late (${a.owner === null ? 'unassigned' : escapeMarkdown(a.owner)})`);
    out.push('');
  }
  out.push(
    '## Evidence trail',
    '',
    `Store ${markdownCode(evidence.location)}: ${plural(evidence.records, 'record')} in all, ${evidence.recordsInWindow} from ${day(summary.from)} to ${day(summary.asOf)}${evidence.seqs.length > 0 ? ` (records ${rangesText(evidence.seqs)})` : ''}. ` +
      `${summary.chain.verified ? 'Chain verified: every record names the SHA-256 of the one before, and none was changed, removed or reordered.' : `Chain **not** verified: ${summary.chain.problems.length} problem(s), listed above.`} ` +
      `${summary.chain.signed > 0 ? `${summary.chain.signed} of ${summary.chain.records} records signed.` : 'Records are not signed.'}${summary.chain.head ? ` Head: record ${summary.chain.head.seq}, SHA-256 ${markdownCode(summary.chain.head.sha256)}.` : ''}`,
    '',
    `_${escapeMarkdown(`${summary.tool.name} ${summary.tool.version}`)}, as of ${summary.asOf}._`,
  );
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
