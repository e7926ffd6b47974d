import { areas, findCriterion, ruleDocsUrl, severities, type Finding, type RuleMeta, type ScanResult } from '@trustscan/core';
import { driftView, sidePlace, sideText, type DriftView, type SideText } from './drift-view.js';
import { escapeHtml, markdownToHtml } from './markdown-to-html.js';
import {
  areaLabels,
  placeOf,
  plural,
  readinessView,
  resourceOf,
  severityLabels,
  statusLabels,
  targetKind,
  verdictLabels,
  type CriterionRow,
  type ReadinessView,
} from './readiness.js';

export interface HtmlOptions {
  /** The day of the scan (`YYYY-MM-DD`), shown under the title; omitted when not given. */
  readonly date?: string;
}

const statusOrder: readonly Finding['status'][] = ['fail', 'baseline', 'unknown', 'waived', 'pass'];
/** Passing checks are in the table as evidence, but hidden until asked for. */
const statusesShownFirst: ReadonlySet<Finding['status']> = new Set(['fail', 'baseline', 'unknown', 'waived']);

/**
 * The readiness report as one self-contained HTML page (inline CSS, inline SVG chart, a little inline script, no
 * external assets), for auditors and for keeping as evidence: criteria in scope with a chart, every finding in one
 * table with filters by status, severity, area and criterion, how to fix each control, what was not evaluated and
 * why, and the waivers. Every interpolated value is HTML-escaped.
 */
export function toHtml(result: ScanResult, options: HtmlOptions = {}): string {
  const view = readinessView(result);
  const fixIds = new Map<string, string>();
  [...new Set(result.findings.filter((f) => f.status === 'fail' || f.status === 'baseline').map((f) => f.ruleId))]
    .sort()
    .forEach((id, index) => fixIds.set(id, `fix-${index + 1}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`));
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${result.tool.name} ${result.tool.version}`)}">
<title>SOC 2 readiness report · ${escapeHtml(result.tool.name)}</title>
<style>${styles}</style>
</head>
<body>
${header(result, view, options)}
<main>
${criteriaSection(view)}
${driftSection(driftView(result))}
${findingsSection(result, view, fixIds, rules)}
${fixesSection(fixIds, rules)}
${notEvaluatedSection(view)}
${waiversSection(view)}
</main>
<footer><p>${escapeHtml(`${result.tool.name} ${result.tool.version}`)}. The SARIF and JSON reports of the same scan carry every finding with a stable fingerprint.</p></footer>
<script>${script}</script>
</body>
</html>
`;
}

function header(result: ScanResult, view: ReadinessView, options: HtmlOptions): string {
  const { byStatus, failBySeverity, resources, rulesEvaluated } = result.summary;
  const items = result.targets.map((t) => `<li><code>${escapeHtml(t.name)}</code> <span class="muted">${escapeHtml(targetKind(t.kind))}${t.ok ? `, ${plural(t.resources, 'resource')}` : ', could not be read'}</span></li>`).join('');
  // A repository of many roots lists them folded, so the summary stays on the first screen.
  const targets = result.targets.length > 5 ? `<li><details><summary>${plural(result.targets.length, 'target')}</summary><ul>${items}</ul></details></li>` : items;
  const bySeverity = severities
    .filter((s) => failBySeverity[s] > 0)
    .map((s) => `<span class="chip sev-${s}">${failBySeverity[s]} ${severityLabels[s].toLowerCase()}</span>`)
    .join(' ');
  const card = (status: Finding['status'], label: string, extra = '') =>
    `<div class="card status-${status}"><span class="number">${byStatus[status]}</span><span class="label">${label}</span>${extra}</div>`;
  return `<header>
<h1>SOC 2 readiness report</h1>
<p class="lede">${plural(resources, 'resource')} checked by ${plural(rulesEvaluated, 'automated control')}${options.date ? ` on ${escapeHtml(options.date)}` : ''}. The controls that ran support ${view.criteriaInScope} of the ${view.criteriaTotal} Trust Services Criteria.</p>
<ul class="targets">${targets}</ul>
<div class="cards">
${card('fail', 'failing', bySeverity ? `<span class="chips">${bySeverity}</span>` : '')}
${card('baseline', 'in the baseline')}
${card('unknown', 'not determined')}
${card('waived', 'waived')}
${card('pass', 'passing')}
</div>
</header>`;
}

function criteriaSection(view: ReadinessView): string {
  if (view.criteria.length === 0) {
    return '<section id="criteria"><h2>Trust Services Criteria in scope</h2><p>No control was evaluated: no resource in the scanned targets is of a type the controls check.</p></section>';
  }
  const rows = view.criteria
    .map(
      (c) => `<tr class="verdict-${c.verdict}">
<th scope="row"><a href="#findings" data-criterion-filter="${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></th>
<td>${escapeHtml(c.title)}</td>
<td><span class="verdict">${verdictLabels[c.verdict]}</span></td>
<td class="num">${c.rules}</td><td class="num">${c.resources}</td><td class="num">${c.pass}</td><td class="num">${c.fail}</td><td class="num">${c.unknown}</td><td class="num">${c.waived}</td><td class="num">${c.baseline}</td>
</tr>`,
    )
    .join('\n');
  return `<section id="criteria">
<h2>Trust Services Criteria in scope</h2>
<p>Each criterion below is supported by at least one automated control. A control counts towards every criterion it supports, so one finding can count in several rows. “No gaps found” means every check passed or was waived: evidence for the criterion, not proof of it, since SOC 2 criteria also cover people and processes that configuration cannot show. Select a criterion to filter the findings.</p>
${chart(view.criteria)}
<div class="table-wrap"><table class="criteria">
<colgroup><col class="c-id"><col class="c-title"><col class="c-verdict"><col span="7" class="c-count"></colgroup>
<thead><tr><th scope="col">Criterion</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col" class="num">Controls</th><th scope="col" class="num">Resources</th><th scope="col" class="num">Pass</th><th scope="col" class="num">Fail</th><th scope="col" class="num">Not determined</th><th scope="col" class="num">Waived</th><th scope="col" class="num">Baseline</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>`;
}

const chartStatuses = ['fail', 'baseline', 'unknown', 'waived', 'pass'] as const;

/** Horizontal stacked bars, one per criterion, of its checks by status, as inline SVG. */
function chart(criteria: readonly CriterionRow[]): string {
  const rowHeight = 26;
  const labelWidth = 70;
  const width = 900;
  const barWidth = width - labelWidth - 60;
  const max = Math.max(1, ...criteria.map((c) => chartStatuses.reduce((sum, s) => sum + c[s], 0)));
  const bars = criteria
    .map((c, index) => {
      const y = index * rowHeight;
      const total = chartStatuses.reduce((sum, s) => sum + c[s], 0);
      let x = labelWidth;
      const segments = chartStatuses
        .filter((s) => c[s] > 0)
        .map((s) => {
          const w = (c[s] / max) * barWidth;
          const rect = `<rect class="bar-${s}" x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(w, 1).toFixed(1)}" height="${rowHeight - 8}"><title>${escapeHtml(`${c.id}: ${c[s]} ${statusLabels[s].toLowerCase()}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return `<g class="chart-row" data-criterion-filter="${escapeHtml(c.id)}" role="listitem" aria-label="${escapeHtml(`${c.id} ${verdictLabels[c.verdict]}: ${chartStatuses.map((s) => `${c[s]} ${statusLabels[s].toLowerCase()}`).join(', ')}`)}"><text x="0" y="${y + rowHeight / 2 + 5}">${escapeHtml(c.id)}</text>${segments}<text class="total" x="${(x + 6).toFixed(1)}" y="${y + rowHeight / 2 + 5}">${total}</text></g>`;
    })
    .join('\n');
  const legend = chartStatuses.map((s) => `<li><span class="swatch bar-${s}"></span>${statusLabels[s]}</li>`).join('');
  return `<figure class="chart" id="criteria-chart">
<svg viewBox="0 0 ${width} ${criteria.length * rowHeight}" width="100%" role="list" aria-label="Checks per criterion by status">
${bars}
</svg>
<figcaption><ul class="legend">${legend}</ul></figcaption>
</figure>`;
}

/** Drifted controls with both copies side by side, unmanaged resources per type, and missing ones. */
function driftSection(view: DriftView | undefined): string {
  if (!view) return '';
  const parts: string[] = [];
  if (view.drifted.length > 0) {
    const rows = view.drifted
      .map(({ finding, control, declared, live }) => {
        const drift = finding.drift ?? { kind: 'control' as const };
        return `<tr><td><span class="chip sev-${finding.severity}">${severityLabels[finding.severity]}</span></td><td><code>${escapeHtml(control)}</code></td><td><code>${escapeHtml(finding.resource.address)}</code></td><td><span class="status status-${declared.status ?? 'unknown'}">${escapeHtml(declared.status ?? '')}</span> ${sideHtml(sideText(drift, declared))}<div class="muted">${escapeHtml(sidePlace(declared))}</div></td><td><span class="status status-${live.status ?? 'unknown'}">${escapeHtml(live.status ?? '')}</span> ${sideHtml(sideText(drift, live))}<div class="muted">${escapeHtml(live.cloudId ?? live.address)}</div></td></tr>`;
      })
      .join('\n');
    parts.push(`<h3>Drifted controls (${view.drifted.length})</h3>
<div class="table-wrap"><table class="drift"><thead><tr><th scope="col">Severity</th><th scope="col">Control</th><th scope="col">Resource</th><th scope="col">Terraform declares</th><th scope="col">The cloud runs</th></tr></thead><tbody>
${rows}
</tbody></table></div>`);
  }
  if (view.unmanaged.length > 0) {
    const rows = view.unmanaged.map((f) => `<tr><td><code>${escapeHtml(f.resource.type)}</code></td><td><code>${escapeHtml(f.resource.cloudId ?? f.resource.address)}</code></td><td><code>${escapeHtml(f.target ?? '')}</code></td></tr>`).join('\n');
    parts.push(`<h3>Unmanaged resources (${view.unmanaged.length})</h3>
<p>Live resources no Terraform configuration of this scan declares, by type: ${view.unmanagedByType.map((t) => `<code>${escapeHtml(t.type)}</code> ${t.count}`).join(' · ')}.</p>
<div class="table-wrap"><table class="drift"><thead><tr><th scope="col">Type</th><th scope="col">Resource</th><th scope="col">Where</th></tr></thead><tbody>
${rows}
</tbody></table></div>`);
  }
  if (view.missing.length > 0) {
    const rows = view.missing.map((f) => `<tr><td><code>${escapeHtml(resourceOf(f))}</code></td><td><code>${escapeHtml(placeOf(f))}</code></td><td>${escapeHtml(f.message)}</td></tr>`).join('\n');
    parts.push(`<h3>Missing resources (${view.missing.length})</h3>
<div class="table-wrap"><table class="drift"><thead><tr><th scope="col">Resource</th><th scope="col">Declared at</th><th scope="col">Finding</th></tr></thead><tbody>
${rows}
</tbody></table></div>`);
  }
  return `<section id="drift">
<h2>Drift: Terraform against the cloud</h2>
<p>${plural(view.compared, 'control verdict')} compared between the Terraform declaration and the live resource: ${plural(view.drifted.length, 'drifted control')}, ${plural(view.unmanaged.length, 'unmanaged resource')}, ${plural(view.missing.length, 'missing resource')}${view.undetermined > 0 ? `, ${view.undetermined} not determined` : ''}.</p>
${parts.join('\n')}
</section>`;
}

function sideHtml(side: SideText): string {
  return side.kind === 'value' ? `<code>${escapeHtml(side.text)}</code>` : escapeHtml(side.text);
}

function findingsSection(result: ScanResult, view: ReadinessView, fixIds: ReadonlyMap<string, string>, rules: ReadonlyMap<string, RuleMeta>): string {
  const findings = [...result.findings].sort(
    (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || severities.indexOf(a.severity) - severities.indexOf(b.severity) || compareText(placeOf(a), placeOf(b)) || compareText(a.ruleId, b.ruleId),
  );
  const body = view.targets.length === 0 ? `<tbody>\n${findings.map((f) => findingRow(f, fixIds, rules)).join('\n')}\n</tbody>` : targetBodies(findings, view, fixIds, rules);
  const checkbox = (name: string, value: string, label: string, checked: boolean) =>
    `<label><input type="checkbox" name="${name}" value="${escapeHtml(value)}"${checked ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const criterionOptions = view.criteria.map((c) => `<option value="${escapeHtml(c.id)}">${escapeHtml(`${c.id} ${c.title}`)}</option>`).join('');
  const initiallyShown = findings.filter((f) => statusesShownFirst.has(f.status)).length;
  return `<section id="findings">
<h2>Findings</h2>
<form class="filters" id="filters" aria-controls="findings-table">
<fieldset><legend>Status</legend>${statusOrder.map((s) => checkbox('status', s, statusLabels[s], statusesShownFirst.has(s))).join('')}</fieldset>
<fieldset><legend>Severity</legend>${severities.map((s) => checkbox('severity', s, severityLabels[s], true)).join('')}</fieldset>
<fieldset><legend>Area</legend>${areas.map((a) => checkbox('area', a, areaLabels[a], true)).join('')}</fieldset>
<fieldset class="narrow"><legend>Criterion${view.targets.length > 0 ? ', target' : ''} and text</legend><select name="criterion" aria-label="Criterion"><option value="">All criteria</option>${criterionOptions}</select>${targetSelect(view)}<input type="search" name="q" placeholder="Resource, control or file" aria-label="Search findings"><button type="reset">Reset filters</button></fieldset>
</form>
<p class="shown" id="shown-count" aria-live="polite">Showing ${initiallyShown} of ${findings.length} findings.</p>
<div class="table-wrap"><table class="findings" id="findings-table">
<colgroup><col class="c-sev"><col class="c-status"><col class="c-control"><col class="c-resource"><col class="c-location"><col class="c-message"></colgroup>
<thead><tr><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Control</th><th scope="col">Resource</th><th scope="col">Location</th><th scope="col">Finding</th></tr></thead>
${body}
</table></div>
<p class="empty" id="no-rows"${initiallyShown > 0 ? ' hidden' : ''}>No finding matches these filters.</p>
</section>`;
}

/** Several targets (the roots of a repository): one row group per target, headed by its name and counts. */
function targetBodies(findings: readonly Finding[], view: ReadinessView, fixIds: ReadonlyMap<string, string>, rules: ReadonlyMap<string, RuleMeta>): string {
  const byTarget = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byTarget.get(finding.target ?? '');
    if (list) list.push(finding);
    else byTarget.set(finding.target ?? '', [finding]);
  }
  return view.targets
    .filter((t) => byTarget.has(t.name))
    .map((t) => {
      const own = byTarget.get(t.name) ?? [];
      const counts = `${targetKind(t.kind)} · ${plural(t.resources, 'resource')} · ${t.failingCount} failing · ${t.unknownCount} not determined`;
      return `<tbody class="target-group" data-target="${escapeHtml(t.name)}">
<tr class="group-row"><th colspan="6" scope="rowgroup"><code>${escapeHtml(t.name)}</code> <span class="muted">${escapeHtml(counts)}</span></th></tr>
${own.map((f) => findingRow(f, fixIds, rules)).join('\n')}
</tbody>`;
    })
    .join('\n');
}

function targetSelect(view: ReadinessView): string {
  if (view.targets.length === 0) return '';
  const options = view.targets.map((t) => `<option value="${escapeHtml(t.name)}">${escapeHtml(t.name)}</option>`).join('');
  return `<select name="target" aria-label="Target"><option value="">All targets</option>${options}</select>`;
}

function findingRow(f: Finding, fixIds: ReadonlyMap<string, string>, rules: ReadonlyMap<string, RuleMeta>): string {
  const fix = fixIds.get(f.ruleId);
  const title = rules.get(f.ruleId)?.title;
  const waiver = f.waiver
    ? `<div class="waiver">Waived: ${escapeHtml(f.waiver.reason)}${f.waiver.owner ? ` · owner ${escapeHtml(f.waiver.owner)}` : ''}${f.waiver.expires ? ` · until ${escapeHtml(f.waiver.expires)}` : ''}</div>`
    : '';
  const fixLink = fix && (f.status === 'fail' || f.status === 'baseline') ? ` <a class="fix" href="#${fix}">How to fix</a>` : '';
  return `<tr data-status="${f.status}" data-severity="${f.severity}" data-area="${f.area}" data-criteria="${escapeHtml(f.tsc.join(' '))}" data-target="${escapeHtml(f.target ?? '')}"${statusesShownFirst.has(f.status) ? '' : ' hidden'}>
<td><span class="chip sev-${f.severity}">${severityLabels[f.severity]}</span></td>
<td><span class="status status-${f.status}">${statusLabels[f.status]}</span></td>
<td>${title ? `${escapeHtml(title)}<br>` : ''}<code>${escapeHtml(f.ruleId)}</code><div class="muted">${escapeHtml(f.tsc.join(', '))} · ${areaLabels[f.area]}</div></td>
<td><code>${escapeHtml(resourceOf(f))}</code><div class="muted">${escapeHtml(f.resource.type)}</div></td>
<td><code>${escapeHtml(placeOf(f))}</code></td>
<td>${escapeHtml(f.message)}${waiver}${fixLink}</td>
</tr>`;
}

function fixesSection(fixIds: ReadonlyMap<string, string>, rules: ReadonlyMap<string, RuleMeta>): string {
  if (fixIds.size === 0) return '';
  const articles = [...fixIds]
    .map(([id, anchor]) => {
      const rule = rules.get(id);
      if (!rule) return '';
      const criteria = [...rule.criteria.primary, ...(rule.criteria.secondary ?? [])].map((c) => `${c} ${findCriterion(c)?.title ?? ''}`.trim());
      const docs = rule.pack === 'custom' ? '' : `<p><a href="${escapeHtml(ruleDocsUrl(rule.id))}">Rule documentation</a></p>`;
      return `<article id="${anchor}">
<h3>${escapeHtml(rule.title)} <code>${escapeHtml(rule.id)}</code></h3>
<p class="muted">${severityLabels[rule.severity]} · ${areaLabels[rule.area]} · supports ${escapeHtml(criteria.join('; '))}</p>
<p>${escapeHtml(rule.description)}</p>
<div class="remediation">${markdownToHtml(rule.remediation)}</div>
<p class="muted">Why this control maps to these criteria: ${escapeHtml(rule.criteria.basis)}</p>
${docs}
</article>`;
    })
    .join('\n');
  return `<section id="fixes">
<h2>How to fix</h2>
<p>One entry per control with failing checks, with a Terraform example.</p>
${articles}
</section>`;
}

function notEvaluatedSection(view: ReadinessView): string {
  const parts: string[] = [];
  if (view.notifications.length > 0) {
    const rows = view.notifications
      .map((n) => `<tr><td><span class="level level-${n.level}">${n.level}</span></td><td>${n.subject ? `<code>${escapeHtml(n.subject)}</code>` : ''}</td><td>${escapeHtml(n.message)}</td></tr>`)
      .join('\n');
    parts.push(`<h3>Problems and notes from the scan (${view.notifications.length})</h3>
<div class="table-wrap"><table class="notes"><colgroup><col class="c-level"><col class="c-about"><col></colgroup><thead><tr><th scope="col">Level</th><th scope="col">About</th><th scope="col">Message</th></tr></thead><tbody>
${rows}
</tbody></table></div>`);
  }
  if (view.unknown.length > 0) {
    const rows = view.unknown
      .map((f) => `<tr><td><code>${escapeHtml(f.ruleId)}</code></td><td><code>${escapeHtml(resourceOf(f))}</code></td><td><code>${escapeHtml(placeOf(f))}</code></td><td>${escapeHtml(f.message)}</td></tr>`)
      .join('\n');
    parts.push(`<h3>Checks that could not be decided (${view.unknown.length})</h3>
<p>A value known only after apply, a variable without a value, or a setting the scan was not allowed to read: these are neither passes nor failures.</p>
<div class="table-wrap"><table class="unknowns"><thead><tr><th scope="col">Control</th><th scope="col">Resource</th><th scope="col">Location</th><th scope="col">Why it could not be decided</th></tr></thead><tbody>
${rows}
</tbody></table></div>`);
  }
  if (view.idleRules.length > 0) {
    const items = view.idleRules.map(({ rule }) => `<li><code>${escapeHtml(rule.id)}</code> ${escapeHtml(rule.title)} <span class="muted">(looks for ${escapeHtml(rule.resourceTypes.join(', '))})</span></li>`).join('');
    parts.push(`<h3>Controls with nothing to check (${view.idleRules.length})</h3>
<p>No resource of the types these controls check was in the scanned targets. If such resources exist elsewhere, scan them too.</p>
<ul class="idle">${items}</ul>`);
  }
  if (parts.length === 0) parts.push('<p>Every control ran, and every check it made was decided.</p>');
  return `<section id="not-evaluated">
<h2>Not evaluated, and why</h2>
${parts.join('\n')}
</section>`;
}

function waiversSection(view: ReadinessView): string {
  if (view.waivers.length === 0) return '';
  const states = { active: 'Active', expired: 'Expired', stale: 'Stale: matches nothing' } as const;
  const rows = view.waivers
    .map(
      (w) => `<tr class="waiver-${w.state}"><td><code>${escapeHtml(w.rule)}</code></td><td><code>${escapeHtml(w.resource)}</code></td><td>${escapeHtml(w.reason)}</td><td>${w.owner ? escapeHtml(w.owner) : '<span class="muted">not given</span>'}</td><td>${escapeHtml(w.expires ?? 'never')}</td><td><span class="state state-${w.state}">${states[w.state]}</span></td><td class="num">${w.matched}</td><td><code>${escapeHtml(`${w.source.file}:${w.source.line}`)}</code></td></tr>`,
    )
    .join('\n');
  return `<section id="waivers">
<h2>Waivers (${view.waivers.length})</h2>
<p>Accepted risks, each with a reason, an owner and an expiry date. An expired waiver no longer waives anything; a stale one matched no finding and should be removed.</p>
<div class="table-wrap"><table class="waivers"><thead><tr><th scope="col">Control</th><th scope="col">Resources</th><th scope="col">Reason</th><th scope="col">Owner</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col" class="num">Waived</th><th scope="col">Written at</th></tr></thead><tbody>
${rows}
</tbody></table></div>
</section>`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const styles = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;
--fail:#cf222e;--baseline:#bc4c00;--unknown:#9a6700;--waived:#6e7781;--pass:#1a7f37;
--critical:#82071e;--high:#cf222e;--medium:#bc4c00;--low:#0969da;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--accent:#4493f8;
--fail:#f85149;--baseline:#db6d28;--unknown:#d29922;--waived:#9198a1;--pass:#3fb950;--critical:#ff7b72;--high:#f85149;--medium:#db6d28;--low:#4493f8}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 24px}
header{padding-top:28px}
h1{font-size:28px;margin:0 0 6px}
h2{font-size:21px;margin:36px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:22px 0 8px}
p{margin:8px 0}
a{color:var(--accent)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
code{overflow-wrap:anywhere}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow-x:auto;max-width:100%}
.lede{font-size:16px}
.muted{color:var(--muted);font-size:13px}
.targets{margin:6px 0 14px;padding-left:20px}
.cards{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:12px;margin:14px 0 4px}
.card{border:1px solid var(--line);border-left-width:5px;border-radius:8px;padding:10px 14px;background:var(--soft)}
.card .number{display:block;font-size:28px;font-weight:650;line-height:1.2}
.card .label{color:var(--muted)}
.card .chips{display:block;margin-top:6px}
.card.status-fail{border-left-color:var(--fail)}.card.status-baseline{border-left-color:var(--baseline)}.card.status-unknown{border-left-color:var(--unknown)}.card.status-waived{border-left-color:var(--waived)}.card.status-pass{border-left-color:var(--pass)}
.chip{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
.status{font-weight:600;font-size:13px}
.status-fail{color:var(--fail)}.status-baseline{color:var(--baseline)}.status-unknown{color:var(--unknown)}.status-waived{color:var(--waived)}.status-pass{color:var(--pass)}
.table-wrap{max-width:100%}
table{width:100%;border-collapse:collapse;table-layout:fixed;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:var(--soft);font-size:13px;position:sticky;top:0}
.num{text-align:right;font-variant-numeric:tabular-nums}
table.criteria col.c-id{width:7%}table.criteria col.c-title{width:27%}table.criteria col.c-verdict{width:12%}table.criteria col.c-count{width:7.7%}
thead th{overflow-wrap:normal;font-size:12px;padding:6px}
.verdict-gaps .verdict{color:var(--fail);font-weight:600}.verdict-known-gaps .verdict{color:var(--baseline);font-weight:600}.verdict-not-determined .verdict{color:var(--unknown);font-weight:600}.verdict-no-gaps .verdict{color:var(--pass);font-weight:600}
.chart{margin:12px 0;padding:12px;border:1px solid var(--line);border-radius:8px}
.chart svg{display:block;max-width:100%;height:auto;font:13px system-ui,sans-serif}
.chart text{fill:var(--fg)}
.chart .total{fill:var(--muted)}
.chart-row{cursor:pointer}
.chart-row:hover rect{opacity:.8}
.bar-fail{fill:var(--fail);background:var(--fail)}.bar-baseline{fill:var(--baseline);background:var(--baseline)}.bar-unknown{fill:var(--unknown);background:var(--unknown)}.bar-waived{fill:var(--waived);background:var(--waived)}.bar-pass{fill:var(--pass);background:var(--pass)}
.legend{display:flex;flex-wrap:wrap;gap:16px;list-style:none;margin:8px 0 0;padding:0;font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.filters{display:grid;grid-template-columns:1.1fr .9fr 1.3fr 1.2fr;gap:12px;margin:10px 0;padding:12px;border:1px solid var(--line);border-radius:8px;background:var(--soft)}
.filters fieldset{border:0;margin:0;padding:0;min-width:0}
.filters legend{font-weight:600;font-size:13px;margin-bottom:4px}
.filters label{display:block;font-size:14px}
.filters select,.filters input[type=search]{display:block;width:100%;margin:2px 0 6px;font:inherit;padding:3px 6px}
.filters button{font:inherit;padding:2px 10px}
.shown{color:var(--muted)}
table.findings col.c-sev{width:8%}table.findings col.c-status{width:9%}table.findings col.c-control{width:19%}table.findings col.c-resource{width:20%}table.findings col.c-location{width:14%}table.findings col.c-message{width:30%}
.group-row th{background:var(--soft);font-size:14px;padding-top:10px}
.waiver{margin-top:4px;color:var(--muted);font-size:13px}
.fix{display:inline-block;margin-top:4px;font-size:13px}
table.notes col.c-level{width:9%}table.notes col.c-about{width:24%}
.level{font-weight:600}.level-error{color:var(--fail)}.level-warning{color:var(--unknown)}.level-note{color:var(--muted)}
.state-expired,.state-stale{color:var(--unknown);font-weight:600}
article{border:1px solid var(--line);border-radius:8px;padding:4px 16px 8px;margin:12px 0}
article h3 code{font-weight:400;color:var(--muted)}
.empty{padding:12px;color:var(--muted)}
footer{padding:24px;color:var(--muted);font-size:13px}
@media (max-width:900px){.cards{grid-template-columns:repeat(2,minmax(0,1fr))}.filters{grid-template-columns:1fr 1fr}}
@media print{.filters,.fix{display:none}thead th{position:static}a{color:inherit;text-decoration:none}article{break-inside:avoid}}
`;

/** Filters the findings table by the checked statuses, severities and areas, the chosen criterion and the search text. */
const script = `
(function () {
  var form = document.getElementById('filters');
  var table = document.getElementById('findings-table');
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-status]'));
  var groups = Array.prototype.slice.call(table.querySelectorAll('tbody.target-group'));
  var count = document.getElementById('shown-count');
  var empty = document.getElementById('no-rows');
  function checked(name) {
    var values = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (input) { values[input.value] = true; });
    return values;
  }
  function apply() {
    var status = checked('status'), severity = checked('severity'), area = checked('area');
    var criterion = form.elements.criterion.value;
    var target = form.elements.target ? form.elements.target.value : '';
    var text = form.elements.q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var visible = status[d.status] === true && severity[d.severity] === true && area[d.area] === true &&
        (criterion === '' || (' ' + d.criteria + ' ').indexOf(' ' + criterion + ' ') >= 0) &&
        (target === '' || d.target === target) &&
        (text === '' || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !visible;
      if (visible) shown++;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector('tr[data-status]:not([hidden])'); });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings.';
    empty.hidden = shown > 0;
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-criterion-filter]'), function (element) {
    element.addEventListener('click', function (event) {
      event.preventDefault();
      form.elements.criterion.value = element.getAttribute('data-criterion-filter');
      apply();
      document.getElementById('findings').scrollIntoView();
    });
  });
  apply();
})();
`;
