import { severities } from '@trustscan/core';
import { escapeMarkdown, markdownCode } from '@trustscan/reporters';
import type { ActionPlan, CorrectiveAction, Milestone } from '../actions/action-plan.js';
import { chainMarkdown } from './chain-markdown.js';
import { actionStatusLabels, day, dayAndTime, plural, severityLabels } from './wording.js';

/** The corrective action plan in Markdown: the figures, then one row per action with its owner, due date and milestones. */
export function actionsMarkdown(plan: ActionPlan): string {
  const out: string[] = [];
  const { summary } = plan;
  out.push(`# Corrective action plan, as of ${day(plan.asOf)}`, '');
  out.push(...chainMarkdown(plan.chain));
  out.push(
    `Every automated control failing on a resource is an action, with an owner (from the config file's \`owners\`), a due date (first seen plus the days the \`sla\` gives its severity) and a status. ` +
      `Fixed and waived actions since ${day(plan.from)} are listed too. Evidence: ${markdownCode(plan.store.location)}, ${plural(plan.store.records, 'record')}, as recorded up to ${dayAndTime(plan.asOf)}.`,
    '',
  );
  if (!plan.findings.complete) out.push(`> Actions could not be computed: ${escapeMarkdown(plan.findings.reason)}`, '');
  out.push(
    `**${summary.open.total} open** (${summary.overdue.total} overdue), ${summary.resolved} resolved and ${summary.waived} waived since ${day(plan.from)}.`,
    '',
    '| Severity | Days to fix (SLA) | Open | Overdue | Fixed since ' + day(plan.from) + ' | Mean days to fix | 90% fixed within (days) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const severity of severities) {
    const time = summary.timeToRemediate[severity];
    out.push(`| ${severityLabels[severity]} | ${plan.sla[severity]} | ${summary.open[severity]} | ${summary.overdue[severity]} | ${time.fixed} | ${time.meanDays ?? 'n/a'} | ${time.p90Days ?? 'n/a'} |`);
  }
  out.push('');
  if (summary.byOwner.length > 0) {
    out.push('| Owner | Open | Overdue |', '|---|---:|---:|');
    for (const row of summary.byOwner) out.push(`| ${row.owner === null ? '_unassigned_' : escapeMarkdown(row.owner)} | ${row.open} | ${row.overdue} |`);
    out.push('');
  }
  out.push(`## Actions (${plan.actions.length})`, '');
  if (plan.actions.length === 0) out.push('Nothing to do: no control is failing, and none was fixed or waived in the window.', '');
  else {
    out.push('| ID | Status | Severity | Control | Resource | Owner | First seen | Due | Resolved | Days open | Milestones |', '|---|---|---|---|---|---|---|---|---|---:|---|');
    for (const a of plan.actions) out.push(row(a));
    out.push('', '<details><summary>What is wrong, per action</summary>', '');
    for (const a of plan.actions) out.push(`- **${a.id}** ${markdownCode(`${a.location.file}:${a.location.line}`)}: ${escapeMarkdown(a.message)}${a.recurrences > 0 ? ` (failed and was fixed ${plural(a.recurrences, 'time')} before)` : ''}`);
    out.push('', '</details>', '');
  }
  out.push(`_${escapeMarkdown(`${plan.tool.name} ${plan.tool.version}`)}. The CSV form (\`--format csv\`) opens in a spreadsheet; the JSON form carries the evidence records of each action._`, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function row(a: CorrectiveAction): string {
  const status = `${a.status === 'overdue' ? '**' : ''}${actionStatusLabels[a.status]}${a.daysOverdue > 0 && a.status !== 'resolved' ? `, ${plural(a.daysOverdue, 'day')} late` : ''}${a.status === 'overdue' ? '**' : ''}`;
  const control = `${a.title ? `${escapeMarkdown(a.title)}<br>` : ''}${markdownCode(a.ruleId, true)}`;
  return `| ${a.id} | ${status} | ${severityLabels[a.severity]} | ${control} | ${markdownCode(a.resource.address, true)}<br>${escapeMarkdown(a.resource.target)} | ${a.owner === null ? '_unassigned_' : escapeMarkdown(a.owner)} | ${day(a.firstSeen)} | ${a.due} | ${a.resolvedAt ? day(a.resolvedAt) : ''} | ${a.daysOpen} | ${a.milestones.map(milestoneText).join(' · ')} |`;
}

function milestoneText(m: Milestone): string {
  const names: Readonly<Record<Milestone['milestone'], string>> = { 'first-seen': 'first seen', 'owner-assigned': 'owner assigned', due: 'due', resolved: 'resolved', waived: 'waived' };
  if (m.milestone === 'owner-assigned' && m.date === null) return '○ no owner assigned';
  const when = m.date === null ? 'pending' : day(m.date);
  return `${m.done ? '✓' : '○'} ${names[m.milestone]} ${when}${m.milestone === 'due' && m.note ? ` (${escapeMarkdown(m.note)})` : ''}`;
}
