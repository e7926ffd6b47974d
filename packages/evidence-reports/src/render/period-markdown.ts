import { escapeMarkdown, markdownCode } from '@trustscan/reporters';
import type { PeriodReport } from '../period/period-report.js';
import { rangesText } from '../period/record-ref.js';
import { controlStatusLabels, day, dayAndTime, deviationEndLabels, gapCauseLabels, percent, plural, severityLabels, waiverEventLabels } from './wording.js';
import { chainMarkdown } from './chain-markdown.js';

/**
 * The period report in Markdown, for auditors and the people preparing an audit: the chain's state first, then the
 * figures in short, per criterion and per control, the deviations, drift, gaps, waivers, the sample and the records.
 */
export function periodMarkdown(report: PeriodReport): string {
  const out: string[] = [];
  const { period, totals } = report;
  out.push(`# SOC 2 Type II period report: ${day(period.from)} to ${day(period.to)}`, '');
  out.push(...chainMarkdown(report.chain));
  out.push(
    `Observation period **${day(period.from)} to ${day(period.to)}** (${plural(period.days, 'day')}), as recorded up to ${dayAndTime(period.asOf)}. ` +
      `Evidence: ${plural(totals.scans, 'scan')} recorded in ${markdownCode(report.store.location)}${report.store.seqs.length > 0 ? ` (records ${rangesText(report.store.seqs)} of ${report.store.records})` : ''}; ` +
      `${report.chain.verified ? 'the chain of records is intact (no record was changed, removed or reordered after it was written)' : 'the chain of records has problems (above)'}` +
      `${report.chain.signed > 0 ? `, ${report.chain.signed} of ${report.chain.records} records signed` : ''}. Scans are expected every ${period.cadence}.`,
    '',
  );
  out.push('## In short', '');
  out.push(
    `- **Controls**: ${totals.rules.operatedThroughout} of ${report.rules.length} automated controls operated throughout the period, ${totals.rules.exceptions} had exceptions and ${totals.rules.notTested} ${totals.rules.notTested === 1 ? 'was' : 'were'} not tested.`,
    `- **Population**: ${plural(totals.scans, 'scan')} made ${plural(totals.checks, 'check')} (one per control, resource and scan); ${percent(totals.passingShare)} passed.`,
    `- **Deviations** (a control failing on one resource, from the first scan that showed it to the first that did not): ${totals.deviations}; ${totals.remediatedWithinPeriod} remediated within the period, ${totals.openAtPeriodEnd} still open at its end.`,
    `- **Gaps** (stretches of at least ${period.cadence} without a scan of a target): ${totals.gaps}, ${plural(totals.gapDays, 'day')} in all.`,
    `- **Drift** (a control that passed and then failed): ${plural(totals.drift, 'event')}.`,
    `- **Waivers**: ${waiverCounts(report)}.`,
    '',
  );
  for (const note of report.notes) out.push(`> ${escapeMarkdown(note)}`, '');

  out.push('## Trust Services Criteria', '');
  out.push(
    'Each criterion supported by at least one automated control, with the controls counted together. A criterion operated throughout the period when every control supporting it did. A control counts towards every criterion it supports. "Checks" are the checks the scans made (one per control, resource and scan); "passing" is the share of them that passed.',
    '',
  );
  if (report.criteria.length === 0) out.push('No automated control ran in this period.', '');
  else {
    out.push('| Criterion | Status | Controls | Scans | Checks | Passing | Deviations | Days without evidence | Records |', '|---|---|---:|---:|---:|---:|---:|---:|---|');
    for (const c of report.criteria) {
      out.push(`| **${c.id}** ${escapeMarkdown(c.title)} | ${controlStatusLabels[c.status]} | ${c.rules.length} | ${c.scans} | ${c.checks} | ${percent(c.passingShare)} | ${c.deviations} | ${c.gapDays} | ${rangesText(c.evidence.records)} |`);
    }
    out.push('');
  }

  out.push('## Controls', '');
  out.push('Each automated control (a rule), with the scans that ran it in the period and what they found. The records column lists the records (by position in the chain) that evidence it; their hashes are under Records.', '');
  if (report.rules.length > 0) {
    out.push('| Control | Severity | Criteria | Status | Scans | Checks | Passing | Deviations | Open at end | Records |', '|---|---|---|---|---:|---:|---:|---:|---:|---|');
    for (const r of report.rules) {
      out.push(
        `| ${r.title ? `${escapeMarkdown(r.title)}<br>` : ''}${markdownCode(r.id, true)} | ${severityLabels[r.severity]} | ${r.criteria.join(', ')} | ${controlStatusLabels[r.status]} | ${r.scans} | ${r.checks} | ${percent(r.passingShare)} | ${r.deviations} | ${r.openAtEnd} | ${rangesText(r.evidence.records)} |`,
      );
    }
    out.push('');
  }

  out.push(`## Deviations (${report.deviations.length})`, '');
  if (!report.findings.complete) out.push(`Deviations could not be computed: ${escapeMarkdown(report.findings.reason)}`, '');
  else if (report.deviations.length === 0) out.push('No control failed on any resource during the period.', '');
  else {
    out.push(
      'One row per continuous failure of one control on one resource. "First seen" and "last seen" are the first and last scans that showed the failure; "resolved" is the first scan that no longer did. A failure stays open through scans that could not decide the check or could not read the target. Days are calendar days to the resolution, or to the as-of time while open.',
      '',
      '| ID | Control | Resource | Severity | First seen | Last seen | Resolved | Days | How it ended | Records |',
      '|---|---|---|---|---|---|---|---:|---|---|',
    );
    for (const d of report.deviations) {
      const ended = `${deviationEndLabels[d.ended]}${d.ended !== 'still-open' && d.openAtPeriodEnd ? ' (after the period)' : ''}${d.startedBeforePeriod ? '; began before the period' : ''}`;
      const records = [d.firstSeen.seq, d.lastSeen.seq, ...(d.resolved ? [d.resolved.seq] : [])];
      out.push(
        `| ${d.id} | ${markdownCode(d.ruleId, true)} | ${markdownCode(d.resource.address, true)}<br>${escapeMarkdown(d.resource.target)} | ${severityLabels[d.severity]} | ${day(d.firstSeen.at)} | ${day(d.lastSeen.at)} | ${d.resolved ? day(d.resolved.at) : 'open'} | ${d.days} | ${escapeMarkdown(ended)}${d.note ? ` (${escapeMarkdown(d.note)})` : ''} | ${[...new Set(records)].join(', ')} |`,
      );
    }
    out.push('', '<details><summary>What was wrong, per deviation</summary>', '');
    for (const d of report.deviations) out.push(`- **${d.id}** ${markdownCode(d.location.file)}:${d.location.line}: ${escapeMarkdown(d.message)}`);
    out.push('', '</details>', '');
  }

  out.push(`## Drift (${report.drift.length})`, '');
  if (report.drift.length === 0) out.push(report.findings.complete ? 'No control passed and then failed during the period.' : 'Drift could not be computed (see Deviations).', '');
  else {
    out.push('Controls that passed and then failed (a configuration that changed for the worse), and findings of drift rules (Terraform and the cloud disagree).', '');
    out.push('| Deviation | Kind | Control | Resource | Last passed | Failed |', '|---|---|---|---|---|---|');
    for (const e of report.drift) {
      out.push(`| ${e.deviation} | ${e.kind === 'passed-then-failed' ? 'Passed, then failed' : 'Terraform and cloud differ'} | ${markdownCode(e.ruleId, true)} | ${markdownCode(e.resource.address, true)} | ${e.lastPassed ? `${day(e.lastPassed.at)} (record ${e.lastPassed.seq})` : ''} | ${day(e.failed.at)} (record ${e.failed.seq}) |`);
    }
    out.push('');
  }

  out.push(`## Gaps in the evidence (${report.gaps.length})`, '');
  if (report.gaps.length === 0) out.push(`Every target was scanned at least once every ${report.period.cadence} of the period.`, '');
  else {
    out.push(`A gap is a stretch of at least ${report.period.cadence} in which no scan read a target: for those days there is no evidence that any control operated on it, which is an exception too.`, '');
    out.push('| Target | From | To | Days | Why | Last scan before | Next scan after |', '|---|---|---|---:|---|---|---|');
    for (const g of report.gaps) {
      out.push(
        `| ${g.target === null ? 'every target' : markdownCode(g.target, true)} | ${day(g.from)} | ${day(g.to)} | ${g.days} | ${gapCauseLabels[g.cause]}${g.unreadIn ? ` (records ${g.unreadIn.join(', ')})` : ''} | ${g.lastBefore ? `${day(g.lastBefore.at)} (record ${g.lastBefore.seq})` : ''} | ${g.firstAfter ? `${day(g.firstAfter.at)} (record ${g.firstAfter.seq})` : 'none'} |`,
      );
    }
    out.push('');
  }

  out.push(`## Waivers (${report.waivers.events.length} events)`, '');
  if (report.waivers.events.length === 0 && report.waivers.inForce.length === 0) out.push('No waiver was in force during the period.', '');
  else {
    out.push('Waivers accept a known risk for a time: a waived check is not a deviation while the waiver is in force.', '');
    if (report.waivers.events.length > 0) {
      out.push('| Date | Event | Control | Resources | Expires | Owner | Reason | Record |', '|---|---|---|---|---|---|---|---|');
      for (const e of report.waivers.events) {
        out.push(
          `| ${day(e.record.at)} | ${waiverEventLabels[e.kind]}${e.previousExpires ? ` (was ${e.previousExpires})` : ''} | ${markdownCode(e.rule, true)} | ${markdownCode(e.resource, true)} | ${e.expires ?? 'never'} | ${escapeMarkdown(e.owner ?? '')} | ${escapeMarkdown(e.reason)} | ${e.record.seq} |`,
        );
      }
      out.push('');
    }
  }

  if (report.sample) {
    const sample = report.sample;
    out.push(`## Sample of ${plural(sample.size, 'date')}`, '');
    out.push(
      `Dates drawn at random from the ${sample.population.days} days of the period (${sample.population.from} to ${sample.population.to}) with seed ${markdownCode(sample.seed)}; the same seed draws the same dates. For each date, the records of the scans that ran that day, with their SHA-256: rebuild any of them with \`zcat\` and check it with \`trustscan evidence verify\` (docs/evidence-format.md).`,
      '',
    );
    out.push('| Date | Record | Scan time | SHA-256 | Targets | Checks (pass / fail) | Deviations open that day |', '|---|---:|---|---|---|---|---|');
    for (const date of sample.dates) {
      const open = date.openDeviations.length === 0 ? 'none' : date.openDeviations.join(', ');
      if (date.records.length === 0) {
        const inForce = date.inForce ? `no scan that day (a gap); in force: record ${date.inForce.seq} of ${day(date.inForce.at)}` : 'no scan that day, and none before it';
        out.push(`| ${date.date} | | | | ${inForce} | | ${open} |`);
        continue;
      }
      for (const r of date.records) {
        out.push(`| ${date.date} | ${r.seq} | ${dayAndTime(r.at)} | ${markdownCode(r.sha256, true)} | ${r.targets.map((t) => `${markdownCode(t.name, true)}${t.ok ? '' : ' (not read)'}`).join(', ')} | ${r.checks.pass} / ${r.checks.fail + r.checks.baseline} | ${open} |`);
      }
    }
    out.push('');
  }

  out.push(`## Records (${report.records.length})`, '');
  out.push('The population: every record of the period, in the order the scans ran. Each record names the SHA-256 of the one before it, so none can be changed, removed or reordered without breaking the chain.', '');
  if (report.records.length > 0) {
    out.push('<details><summary>Every record of the period, with its SHA-256</summary>', '', '| Record | Scan time | SHA-256 | Kind | Targets | Source |', '|---:|---|---|---|---|---|');
    for (const r of report.records) {
      const source = r.imported ? `imported from ${markdownCode(r.imported.file, true)}${r.passes === 'omitted' ? ', no passing checks listed' : ''}` : `${escapeMarkdown(r.environment.provider)}${r.environment.commit ? ` ${markdownCode(r.environment.commit.slice(0, 12), true)}` : ''}`;
      out.push(`| ${r.seq} | ${dayAndTime(r.at)} | ${markdownCode(r.sha256, true)} | ${r.kind} | ${r.targets.map((t) => `${markdownCode(t.name, true)}${t.ok ? '' : ' (not read)'}`).join(', ')} | ${source} |`);
    }
    out.push('', '</details>', '');
  }
  const head = report.chain.head ? ` The store's head is record ${report.chain.head.seq} (SHA-256 ${markdownCode(report.chain.head.sha256)}): keep it in your workpapers to tell later whether records were added or rewritten.` : '';
  out.push(`_${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)}. The JSON form of this report (\`--format json\`) carries every figure and full hashes.${head}_`, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function waiverCounts(report: PeriodReport): string {
  const count = (kind: string) => report.waivers.events.filter((e) => e.kind === kind).length;
  return `${count('granted')} granted, ${count('renewed')} renewed, ${count('expired')} expired, ${count('removed')} removed; ${report.waivers.inForce.length} in force during the period`;
}

