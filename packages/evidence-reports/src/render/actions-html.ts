import { severities } from '@trustscan/core';
import { escapeHtml } from '@trustscan/reporters';
import type { ActionPlan, CorrectiveAction, Milestone } from '../actions/action-plan.js';
import { chainBanner, code, htmlPage } from './html-page.js';
import { actionStatusLabels, day, dayAndTime, plural, severityLabels } from './wording.js';

/** The corrective action plan as one self-contained HTML page. */
export function actionsHtml(plan: ActionPlan): string {
  const { summary } = plan;
  const title = `Corrective action plan, as of ${day(plan.asOf)}`;
  const severityRows = severities
    .map((s) => {
      const time = summary.timeToRemediate[s];
      return `<tr><th scope="row"><span class="sev sev-${s}">${severityLabels[s]}</span></th><td class="num">${plan.sla[s]}</td><td class="num">${summary.open[s]}</td><td class="num">${summary.overdue[s]}</td><td class="num">${time.fixed}</td><td class="num">${time.meanDays ?? 'n/a'}</td><td class="num">${time.p90Days ?? 'n/a'}</td></tr>`;
    })
    .join('\n');
  const ownerRows = summary.byOwner.map((row) => `<tr><td>${row.owner === null ? '<em>unassigned</em>' : escapeHtml(row.owner)}</td><td class="num">${row.open}</td><td class="num">${row.overdue}</td></tr>`).join('\n');
  const body = `<main>
<h1>${escapeHtml(title)}</h1>
${chainBanner(plan.chain)}
<p>Every automated control failing on a resource is an action, with an owner (from the config file's <code>owners</code>), a due date (first seen plus the days the <code>sla</code> gives its severity) and a status. Fixed and waived actions since ${day(plan.from)} are listed too. Evidence: ${code(plan.store.location)}, ${plural(plan.store.records, 'record')}, as recorded up to ${escapeHtml(dayAndTime(plan.asOf))}.</p>
${plan.findings.complete ? '' : `<p class="banner">Actions could not be computed: ${escapeHtml(plan.findings.reason)}</p>`}
<p class="lede"><strong>${summary.open.total} open</strong> (${summary.overdue.total} overdue), ${summary.resolved} resolved and ${summary.waived} waived since ${day(plan.from)}.</p>
<div class="two">
<table><thead><tr><th>Severity</th><th class="num">Days to fix (SLA)</th><th class="num">Open</th><th class="num">Overdue</th><th class="num">Fixed since ${day(plan.from)}</th><th class="num">Mean days to fix</th><th class="num">90% fixed within (days)</th></tr></thead><tbody>
${severityRows}
</tbody></table>
${summary.byOwner.length > 0 ? `<table><thead><tr><th>Owner</th><th class="num">Open</th><th class="num">Overdue</th></tr></thead><tbody>\n${ownerRows}\n</tbody></table>` : ''}
</div>
<h2>Actions (${plan.actions.length})</h2>
${plan.actions.length === 0 ? '<p>Nothing to do: no control is failing, and none was fixed or waived in the window.</p>' : `<table class="actions"><colgroup><col class="c-id"><col class="c-status"><col class="c-sev"><col class="c-control"><col class="c-owner"><col class="c-num"><col class="c-milestones"></colgroup><thead><tr><th>ID</th><th>Status</th><th>Severity</th><th>Control and resource</th><th>Owner</th><th class="num">Days open</th><th>Milestones</th></tr></thead><tbody>\n${plan.actions.map(row).join('\n')}\n</tbody></table>`}
<footer>${escapeHtml(`${plan.tool.name} ${plan.tool.version}`)}. The CSV form opens in a spreadsheet; the JSON form carries the evidence records of each action.</footer>
</main>`;
  return htmlPage({ title, generator: `${plan.tool.name} ${plan.tool.version}`, body, styles });
}

function row(a: CorrectiveAction): string {
  const late = a.daysOverdue > 0 && a.status !== 'resolved' ? `, ${plural(a.daysOverdue, 'day')} late` : '';
  const milestones = a.milestones.map((m) => `<li class="${m.done ? 'done' : 'pending'}">${escapeHtml(milestoneText(m))}</li>`).join('');
  return `<tr><td><code>${a.id}</code></td><td class="status-${a.status}">${actionStatusLabels[a.status]}${late}</td><td><span class="sev sev-${a.severity}">${severityLabels[a.severity]}</span></td><td>${a.title ? `${escapeHtml(a.title)}<br>` : ''}${code(a.ruleId)}<div>${code(a.resource.address)} <span class="muted">${escapeHtml(a.resource.target)}</span></div><div class="muted">${escapeHtml(a.message)}</div></td><td>${a.owner === null ? '<em>unassigned</em>' : escapeHtml(a.owner)}</td><td class="num">${a.daysOpen}</td><td><ul class="milestones">${milestones}</ul></td></tr>`;
}

/** A milestone in a few words: the owner and the resolution have their own columns. */
function milestoneText(m: Milestone): string {
  if (m.milestone === 'first-seen') return `first seen ${day(m.date)}`;
  if (m.milestone === 'owner-assigned') return m.done ? 'owner assigned' : 'no owner';
  if (m.milestone === 'due') return `due ${m.date ?? ''}${m.note ? ` (${m.note})` : ''}`;
  if (m.milestone === 'waived') return `waived ${day(m.date)}`;
  return m.date === null ? 'not resolved' : `resolved ${day(m.date)}`;
}

const styles = `
.lede{font-size:15px}
.two{display:grid;grid-template-columns:2fr 1fr;gap:16px;align-items:start}
.milestones{list-style:none;margin:0;padding:0;font-size:12px}
.milestones li::before{content:"○ "}
.milestones li.done::before{content:"✓ ";color:var(--good)}
table.actions{table-layout:fixed}
table.actions col.c-id{width:11%}table.actions col.c-status{width:9%}table.actions col.c-sev{width:7%}table.actions col.c-control{width:34%}
table.actions col.c-owner{width:12%}table.actions col.c-num{width:7%}table.actions col.c-milestones{width:20%}
@media (max-width:900px){.two{grid-template-columns:1fr}}
`;
