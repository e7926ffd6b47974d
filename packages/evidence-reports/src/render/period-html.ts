import { escapeHtml } from '@trustscan/reporters';
import type { PeriodReport } from '../period/period-report.js';
import { rangesText } from '../period/record-ref.js';
import { chainBanner, code, htmlPage } from './html-page.js';
import { controlStatusLabels, day, dayAndTime, deviationEndLabels, gapCauseLabels, percent, plural, severityLabels, waiverEventLabels } from './wording.js';

/** The period report as one self-contained HTML page, with the same content as the Markdown form. */
export function periodHtml(report: PeriodReport): string {
  const { period, totals } = report;
  const title = `SOC 2 Type II period report: ${day(period.from)} to ${day(period.to)}`;
  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    chainBanner(report.chain),
    `<p class="lede">Observation period <strong>${day(period.from)} to ${day(period.to)}</strong> (${plural(period.days, 'day')}), as recorded up to ${escapeHtml(dayAndTime(period.asOf))}. Evidence: ${plural(totals.scans, 'scan')} recorded in ${code(report.store.location)}${report.store.seqs.length > 0 ? ` (records ${rangesText(report.store.seqs)} of ${report.store.records})` : ''}; ${report.chain.verified ? 'the chain of records is intact (no record was changed, removed or reordered after it was written)' : 'the chain of records has problems (above)'}${report.chain.signed > 0 ? `, ${report.chain.signed} of ${report.chain.records} records signed` : ''}. Scans are expected every ${escapeHtml(period.cadence)}.</p>`,
    figures(report),
    report.notes.length > 0 ? `<ul class="notes">${report.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>` : '',
    criteriaSection(report),
    rulesSection(report),
    deviationsSection(report),
    driftSection(report),
    gapsSection(report),
    waiversSection(report),
    sampleSection(report),
    recordsSection(report),
    `<footer>${escapeHtml(`${report.tool.name} ${report.tool.version}`)}. The JSON form of this report carries every figure and full hashes.${report.chain.head ? ` The store's head is record ${report.chain.head.seq}, SHA-256 ${code(report.chain.head.sha256)}: keep it in your workpapers to tell later whether records were added or rewritten.` : ''}</footer>`,
  ];
  return htmlPage({ title, generator: `${report.tool.name} ${report.tool.version}`, body: `<main>\n${sections.filter(Boolean).join('\n')}\n</main>`, styles });
}

function figures(report: PeriodReport): string {
  const { totals, period } = report;
  const card = (value: string, label: string, tone: string) => `<div class="figure ${tone}"><span class="value">${value}</span><span class="label">${label}</span></div>`;
  return `<div class="figures">
${card(`${totals.rules.operatedThroughout} of ${report.rules.length}`, 'controls operated throughout the period', totals.rules.exceptions > 0 ? 'warn' : 'good')}
${card(percent(totals.passingShare), `of ${totals.checks.toLocaleString('en')} checks passed (${plural(totals.scans, 'scan')})`, 'plain')}
${card(String(totals.deviations), `deviations: ${totals.remediatedWithinPeriod} remediated within the period, ${totals.openAtPeriodEnd} open at its end`, totals.openAtPeriodEnd > 0 ? 'bad' : totals.deviations > 0 ? 'warn' : 'good')}
${card(String(totals.gapDays), `days without evidence (${plural(totals.gaps, 'gap')} of at least ${escapeHtml(period.cadence)})`, totals.gaps > 0 ? 'bad' : 'good')}
${card(String(totals.drift), 'drift events: controls that passed, then failed', totals.drift > 0 ? 'warn' : 'good')}
</div>`;
}

function criteriaSection(report: PeriodReport): string {
  const rows = report.criteria
    .map(
      (c) =>
        `<tr><th scope="row" class="nowrap">${escapeHtml(c.id)}</th><td>${escapeHtml(c.title)}</td><td class="status-${c.status}">${controlStatusLabels[c.status]}</td><td class="num">${c.rules.length}</td><td class="num">${c.scans}</td><td class="num">${c.checks.toLocaleString('en')}</td><td class="num">${percent(c.passingShare)}</td><td class="num">${c.deviations}</td><td class="num">${c.gapDays}</td><td>${escapeHtml(rangesText(c.evidence.records))}</td></tr>`,
    )
    .join('\n');
  return `<section id="criteria"><h2>Trust Services Criteria</h2>
<p>Each criterion supported by at least one automated control, with the controls counted together. A criterion operated throughout the period when every control supporting it did. A control counts towards every criterion it supports. “Checks” are the checks the scans made (one per control, resource and scan); “passing” is the share that passed; “records” are the records that evidence it, by position in the chain.</p>
${report.criteria.length === 0 ? '<p>No automated control ran in this period.</p>' : `<table><thead><tr><th>Criterion</th><th>Title</th><th>Status</th><th class="num">Controls</th><th class="num">Scans</th><th class="num">Checks</th><th class="num">Passing</th><th class="num">Deviations</th><th class="num">Days without evidence</th><th>Records</th></tr></thead><tbody>
${rows}
</tbody></table>`}</section>`;
}

function rulesSection(report: PeriodReport): string {
  if (report.rules.length === 0) return '';
  const rows = report.rules
    .map(
      (r) =>
        `<tr><td>${r.title ? `${escapeHtml(r.title)}<br>` : ''}${code(r.id)}</td><td><span class="sev sev-${r.severity}">${severityLabels[r.severity]}</span></td><td>${escapeHtml(r.criteria.join(', '))}</td><td class="status-${r.status}">${controlStatusLabels[r.status]}</td><td class="num">${r.scans}</td><td class="num">${r.checks.toLocaleString('en')}</td><td class="num">${percent(r.passingShare)}</td><td class="num">${r.deviations}</td><td class="num">${r.openAtEnd}</td><td>${escapeHtml(rangesText(r.evidence.records))}</td></tr>`,
    )
    .join('\n');
  return `<section id="controls"><h2>Controls</h2>
<p>Each automated control (a rule), with the scans that ran it in the period and what they found.</p>
<table><thead><tr><th>Control</th><th>Severity</th><th>Criteria</th><th>Status</th><th class="num">Scans</th><th class="num">Checks</th><th class="num">Passing</th><th class="num">Deviations</th><th class="num">Open at end</th><th>Records</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function deviationsSection(report: PeriodReport): string {
  const head = `<section id="deviations"><h2>Deviations (${report.deviations.length})</h2>`;
  if (!report.findings.complete) return `${head}<p>Deviations could not be computed: ${escapeHtml(report.findings.reason)}</p></section>`;
  if (report.deviations.length === 0) return `${head}<p>No control failed on any resource during the period.</p></section>`;
  const rows = report.deviations
    .map((d) => {
      const records = [...new Set([d.firstSeen.seq, d.lastSeen.seq, ...(d.resolved ? [d.resolved.seq] : [])])].join(', ');
      const ended = `${deviationEndLabels[d.ended]}${d.ended !== 'still-open' && d.openAtPeriodEnd ? ' (after the period)' : ''}${d.startedBeforePeriod ? '; began before the period' : ''}`;
      return `<tr><td class="nowrap">${d.id}</td><td>${code(d.ruleId)}</td><td>${code(d.resource.address)}<div class="muted">${escapeHtml(d.resource.target)} · ${code(`${d.location.file}:${d.location.line}`)}</div><div>${escapeHtml(d.message)}</div></td><td><span class="sev sev-${d.severity}">${severityLabels[d.severity]}</span></td><td class="nowrap">${day(d.firstSeen.at)}</td><td class="nowrap">${day(d.lastSeen.at)}</td><td class="nowrap">${d.resolved ? day(d.resolved.at) : 'open'}</td><td class="num">${d.days}</td><td class="status-${d.ended}">${escapeHtml(ended)}${d.note ? `<div class="muted">${escapeHtml(d.note)}</div>` : ''}</td><td>${records}</td></tr>`;
    })
    .join('\n');
  return `${head}
<p>One row per continuous failure of one control on one resource. “First seen” and “last seen” are the first and last scans that showed the failure; “resolved” is the first scan that no longer did. A failure stays open through scans that could not decide the check or could not read the target. Days are calendar days to the resolution, or to the as-of time while open.</p>
<table><thead><tr><th>ID</th><th>Control</th><th>Resource and what was wrong</th><th>Severity</th><th>First seen</th><th>Last seen</th><th>Resolved</th><th class="num">Days</th><th>How it ended</th><th>Records</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function driftSection(report: PeriodReport): string {
  const head = `<section id="drift"><h2>Drift (${report.drift.length})</h2>`;
  if (report.drift.length === 0) return `${head}<p>${report.findings.complete ? 'No control passed and then failed during the period.' : 'Drift could not be computed (see Deviations).'}</p></section>`;
  const rows = report.drift
    .map(
      (e) =>
        `<tr><td>${e.deviation}</td><td>${e.kind === 'passed-then-failed' ? 'Passed, then failed' : 'Terraform and cloud differ'}</td><td>${code(e.ruleId)}</td><td>${code(e.resource.address)}</td><td>${e.lastPassed ? `${day(e.lastPassed.at)} (record ${e.lastPassed.seq})` : ''}</td><td>${day(e.failed.at)} (record ${e.failed.seq})</td></tr>`,
    )
    .join('\n');
  return `${head}<p>Controls that passed and then failed (a configuration that changed for the worse), and findings of drift rules (Terraform and the cloud disagree).</p>
<table><thead><tr><th>Deviation</th><th>Kind</th><th>Control</th><th>Resource</th><th>Last passed</th><th>Failed</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function gapsSection(report: PeriodReport): string {
  const head = `<section id="gaps"><h2>Gaps in the evidence (${report.gaps.length})</h2>`;
  if (report.gaps.length === 0) return `${head}<p>Every target was scanned at least once every ${escapeHtml(report.period.cadence)} of the period.</p></section>`;
  const rows = report.gaps
    .map(
      (g) =>
        `<tr><td>${g.target === null ? 'every target' : code(g.target)}</td><td>${day(g.from)}</td><td>${day(g.to)}</td><td class="num">${g.days}</td><td>${gapCauseLabels[g.cause]}${g.unreadIn ? ` (records ${g.unreadIn.join(', ')})` : ''}</td><td>${g.lastBefore ? `${day(g.lastBefore.at)} (record ${g.lastBefore.seq})` : ''}</td><td>${g.firstAfter ? `${day(g.firstAfter.at)} (record ${g.firstAfter.seq})` : 'none'}</td></tr>`,
    )
    .join('\n');
  return `${head}<p>A gap is a stretch of at least ${escapeHtml(report.period.cadence)} in which no scan read a target: for those days there is no evidence that any control operated on it, which is an exception too.</p>
<table><thead><tr><th>Target</th><th>From</th><th>To</th><th class="num">Days</th><th>Why</th><th>Last scan before</th><th>Next scan after</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function waiversSection(report: PeriodReport): string {
  const { events, inForce } = report.waivers;
  const head = `<section id="waivers"><h2>Waivers (${events.length} events)</h2>`;
  if (events.length === 0 && inForce.length === 0) return `${head}<p>No waiver was in force during the period.</p></section>`;
  const rows = events
    .map(
      (e) =>
        `<tr><td>${day(e.record.at)}</td><td>${waiverEventLabels[e.kind]}${e.previousExpires ? ` (was ${escapeHtml(e.previousExpires)})` : ''}</td><td>${code(e.rule)}</td><td>${code(e.resource)}</td><td>${escapeHtml(e.expires ?? 'never')}</td><td>${escapeHtml(e.owner ?? '')}</td><td>${escapeHtml(e.reason)}</td><td>${e.record.seq}</td></tr>`,
    )
    .join('\n');
  return `${head}<p>Waivers accept a known risk for a time: a waived check is not a deviation while the waiver is in force.</p>
${events.length > 0 ? `<table><thead><tr><th>Date</th><th>Event</th><th>Control</th><th>Resources</th><th>Expires</th><th>Owner</th><th>Reason</th><th>Record</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : ''}</section>`;
}

function sampleSection(report: PeriodReport): string {
  const sample = report.sample;
  if (!sample) return '';
  const rows = sample.dates
    .flatMap((date) => {
      const open = date.openDeviations.length === 0 ? 'none' : date.openDeviations.join(', ');
      if (date.records.length === 0) {
        const inForce = date.inForce ? `No scan that day (a gap); in force: record ${date.inForce.seq} of ${day(date.inForce.at)}` : 'No scan that day, and none before it';
        return [`<tr><td>${date.date}</td><td colspan="4">${inForce}</td><td>${open}</td></tr>`];
      }
      return date.records.map(
        (r) =>
          `<tr><td>${date.date}</td><td class="num">${r.seq}</td><td>${escapeHtml(dayAndTime(r.at))}</td><td>${code(r.sha256)}</td><td class="num">${r.checks.pass} / ${r.checks.fail + r.checks.baseline}</td><td>${open}</td></tr>`,
      );
    })
    .join('\n');
  return `<section id="sample"><h2>Sample of ${plural(sample.size, 'date')}</h2>
<p>Dates drawn at random from the ${sample.population.days} days of the period (${sample.population.from} to ${sample.population.to}) with seed ${code(sample.seed)}; the same seed draws the same dates. For each date, the records of the scans that ran that day, with their SHA-256.</p>
<table><thead><tr><th>Date</th><th class="num">Record</th><th>Scan time</th><th>SHA-256</th><th class="num">Checks pass / fail</th><th>Deviations open that day</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function recordsSection(report: PeriodReport): string {
  if (report.records.length === 0) return '';
  const rows = report.records
    .map((r) => {
      const source = r.imported ? `imported from ${code(r.imported.file)}${r.passes === 'omitted' ? ', no passing checks listed' : ''}` : `${escapeHtml(r.environment.provider)}${r.environment.commit ? ` ${code(r.environment.commit.slice(0, 12))}` : ''}`;
      return `<tr><td class="num">${r.seq}</td><td class="nowrap">${escapeHtml(dayAndTime(r.at))}</td><td>${code(r.sha256)}</td><td>${r.kind}</td><td>${r.targets.map((t) => `${code(t.name)}${t.ok ? '' : ' (not read)'}`).join(', ')}</td><td>${source}</td></tr>`;
    })
    .join('\n');
  return `<section id="records"><h2>Records (${report.records.length})</h2>
<p>The population: every record of the period, in the order the scans ran. Each record names the SHA-256 of the one before it, so none can be changed, removed or reordered without breaking the chain.</p>
<table class="records"><thead><tr><th class="num">Record</th><th>Scan time</th><th>SHA-256</th><th>Kind</th><th>Targets</th><th>Source</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

const styles = `
.lede{font-size:15px}
.figures{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:10px;margin:14px 0}
.figure{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:8px 12px;background:var(--soft)}
.figure .value{display:block;font-size:22px;font-weight:650}
.figure .label{color:var(--muted);font-size:12px}
.figure.good{border-left-color:var(--good)}.figure.warn{border-left-color:var(--warn)}.figure.bad{border-left-color:var(--bad)}
.notes{color:var(--muted)}
table.records code{font-size:11px}
@media (max-width:900px){.figures{grid-template-columns:repeat(2,minmax(0,1fr))}}
`;
