import { escapeHtml } from '@trustscan/reporters';
import type { CorrectiveAction } from '../actions/action-plan.js';
import type { ExecutiveSummary } from '../summary/executive-summary.js';
import { chainBanner, code, htmlPage } from './html-page.js';
import { rangesText } from '../period/record-ref.js';
import { coverageText, limitsText, readinessStatusLabels } from './summary-wording.js';
import { trendSvg } from './trend-chart.js';
import { day, percent, plural, severityLabels } from './wording.js';

/**
 * The executive summary as one self-contained HTML page that prints on one A4 or Letter page: readiness per Trust
 * Services category with its trend, what automated controls cover and cannot, the top risks, the overdue actions and
 * the evidence trail. Lists are capped so the page never grows past one sheet.
 */
export function summaryHtml(summary: ExecutiveSummary): string {
  const title = `SOC 2 readiness summary, ${day(summary.asOf)}`;
  const { actions, evidence } = summary;
  const card = (value: string, label: string, tone: string) => `<div class="figure ${tone}"><span class="value">${value}</span><span class="label">${label}</span></div>`;
  const categories = summary.categories
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(c.category)}</th><td class="status-${c.status}">${readinessStatusLabels[c.status]}</td><td class="num">${c.status === 'not-covered' ? '' : percent(c.readiness)}</td><td>${c.status === 'not-covered' ? '<span class="muted">no automated control</span>' : trendSvg(c.trend)}</td><td class="num">${c.criteriaCovered} of ${c.criteriaTotal}</td></tr>`,
    )
    .join('\n');
  const body = `<main class="page">
<header><h1>${escapeHtml(title)}</h1>
<p class="muted">Automated configuration checks of the cloud and its Terraform, recorded as tamper-evident evidence from ${day(summary.from)} to ${day(summary.asOf)}.</p></header>
${chainBanner(summary.chain)}
${summary.findings.complete ? '' : `<p class="banner">Readiness could not be computed from the findings: ${escapeHtml(summary.findings.reason)}</p>`}
<div class="figures">
${card(percent(summary.overall.readiness), `of ${summary.overall.checks.pass + summary.overall.checks.fail + summary.overall.checks.baseline} decided checks pass today`, summary.overall.readiness === 1 ? 'good' : 'warn')}
${card(String(actions.open.total), `open corrective actions, ${actions.overdue.total} overdue`, actions.overdue.total > 0 ? 'bad' : actions.open.total > 0 ? 'warn' : 'good')}
${card(String(evidence.gapDays), `days without a scan (expected every ${escapeHtml(evidence.cadence)})`, evidence.gapDays > 0 ? 'bad' : 'good')}
${card(summary.chain.verified ? 'Intact' : 'Broken', `evidence chain of ${plural(evidence.records, 'record')}`, summary.chain.verified ? 'good' : 'bad')}
</div>
<section><h2>Readiness by Trust Services category</h2>
<table class="categories"><thead><tr><th>Category</th><th>Status</th><th class="num">Passing</th><th>Trend since ${day(summary.from)}</th><th class="num">Criteria covered</th></tr></thead><tbody>
${categories}
</tbody></table>
<p class="muted small">Passing: the share of today's checks (one per control and resource) that pass, among those decided. Criteria covered: criteria of the category that at least one automated control supports.</p></section>
<section class="coverage"><h2>What this covers, and what it cannot</h2>
<p>${escapeHtml(coverageText(summary))}</p>
<p><strong>Not covered:</strong> ${escapeHtml(limitsText)}</p></section>
<section><h2>Top risks</h2>
${summary.topRisks.length === 0 ? '<p>No control is failing today.</p>' : risksTable(summary.topRisks)}
${actions.open.total > summary.topRisks.length ? `<p class="muted small">${actions.open.total - summary.topRisks.length} more open actions: see the corrective action plan (<code>trustscan evidence actions</code>).</p>` : ''}</section>
<section><h2>Overdue actions</h2>
${overdueText(summary)}</section>
<section><h2>Evidence trail</h2>
<p class="small">Store ${code(evidence.location)}: ${plural(evidence.records, 'record')} in all, ${evidence.recordsInWindow} from ${day(summary.from)} to ${day(summary.asOf)}${evidence.seqs.length > 0 ? ` (records ${rangesText(evidence.seqs)})` : ''}. ${summary.chain.verified ? 'Chain verified: every record names the SHA-256 of the one before, and none was changed, removed or reordered.' : `Chain <strong>not</strong> verified: ${summary.chain.problems.length} problem(s), listed above.`} ${summary.chain.signed > 0 ? `${summary.chain.signed} of ${summary.chain.records} records signed (key ${escapeHtml(summary.chain.signers.map((s) => s.slice(0, 12)).join(', '))}).` : 'Records are not signed.'}${summary.chain.head ? ` Head: record ${summary.chain.head.seq}, SHA-256 ${code(summary.chain.head.sha256)}.` : ''}</p></section>
<footer>${escapeHtml(`${summary.tool.name} ${summary.tool.version}`)} · as of ${escapeHtml(summary.asOf)}</footer>
</main>`;
  return htmlPage({ title, generator: `${summary.tool.name} ${summary.tool.version}`, body, styles });
}

/** A resource name cut to fit one line of the page; the whole name is its tooltip and in the action plan. */
function shortCode(text: string, max = 56): string {
  if (text.length <= max) return code(text);
  return `<code title="${escapeHtml(text)}">${escapeHtml(`${text.slice(0, max - 1)}…`)}</code>`;
}

function risksTable(risks: readonly CorrectiveAction[]): string {
  const rows = risks
    .map(
      (a) =>
        `<tr><td><span class="sev sev-${a.severity}">${severityLabels[a.severity]}</span></td><td>${escapeHtml(a.title ?? a.ruleId)}<div class="muted">${shortCode(a.resource.address)}</div></td><td>${a.owner === null ? '<em>unassigned</em>' : escapeHtml(a.owner)}</td><td class="num">${a.daysOpen}</td><td class="nowrap status-${a.status}">${a.due}${a.status === 'overdue' ? ' (overdue)' : ''}</td></tr>`,
    )
    .join('\n');
  return `<table class="risks"><thead><tr><th>Severity</th><th>What fails, where</th><th>Owner</th><th class="num">Days open</th><th>Due</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function overdueText(summary: ExecutiveSummary): string {
  const { actions } = summary;
  if (actions.overdue.total === 0) return `<p>No action is past its due date${actions.open.total > 0 ? `; ${plural(actions.open.total, 'open action')} ${actions.open.total === 1 ? 'is' : 'are'} within its time to fix` : ''}.</p>`;
  const owners = actions.byOwner.filter((o) => o.overdue > 0).map((o) => `${o.owner === null ? 'unassigned' : escapeHtml(o.owner)} ${o.overdue}`);
  const shown = summary.overdue.slice(0, 3);
  const list = shown.map((a) => `<li>${escapeHtml(a.title ?? a.ruleId)} on ${shortCode(a.resource.address)}: due ${a.due}, ${plural(a.daysOverdue, 'day')} late (${a.owner === null ? 'unassigned' : escapeHtml(a.owner)})</li>`).join('');
  const more = actions.overdue.total > shown.length ? `<li class="muted">and ${actions.overdue.total - shown.length} more in the corrective action plan</li>` : '';
  return `<p><strong>${plural(actions.overdue.total, 'action')}</strong> past the time to fix that the SLA gives ${actions.overdue.total === 1 ? 'its' : 'their'} severity, by owner: ${owners.slice(0, 6).join(', ')}${owners.length > 6 ? ` and ${owners.length - 6} more` : ''}.</p><ul class="small">${list}${more}</ul>`;
}

const styles = `
@page{size:auto;margin:12mm}
.page{max-width:820px;padding:18px 24px}
header h1{font-size:21px}
h2{font-size:14px;margin:12px 0 4px;padding-bottom:2px}
.figures{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:8px;margin:10px 0}
.figure{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:6px 10px;background:var(--soft)}
.figure .value{display:block;font-size:20px;font-weight:650;line-height:1.2}
.figure .label{color:var(--muted);font-size:11px;line-height:1.3;display:block}
.figure.good{border-left-color:var(--good)}.figure.warn{border-left-color:var(--warn)}.figure.bad{border-left-color:var(--bad)}
.small{font-size:11.5px}
th,td{padding:3px 6px}
.trend{display:block}
.trend polyline{fill:none;stroke:var(--accent);stroke-width:1.5}
.trend circle{fill:var(--accent)}
.trend .axis{stroke:var(--line);stroke-width:1}
.coverage p{font-size:12.5px}
table.risks td:nth-child(3){overflow-wrap:normal}
ul.small{margin:4px 0;padding-left:18px}
@media print{body{font-size:10.5px;line-height:1.35}.page{max-width:none;padding:0}h1{font-size:17px}h2{font-size:12.5px;margin:9px 0 3px}.figures{margin:6px 0;gap:6px}.figure{padding:4px 8px}.figure .value{font-size:16px}.figure .label{font-size:10px}th,td{padding:2px 5px}thead th{font-size:10px}code{font-size:10px}.small,.coverage p{font-size:10px}p{margin:4px 0}.trend{height:20px}}
`;

