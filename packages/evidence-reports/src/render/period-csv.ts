import type { PeriodReport } from '../period/period-report.js';
import { toCsv, type CsvCell } from './csv.js';
import { deviationEndLabels, gapCauseLabels } from './wording.js';

const header = ['kind', 'id', 'control', 'severity', 'criteria', 'resource', 'resource type', 'target', 'from', 'last seen', 'to', 'days', 'outcome', 'open at period end', 'records', 'details'];

/**
 * The period's exceptions as one spreadsheet: the chain's problems first (never hidden), then every deviation and
 * every gap, one per row, with ISO dates and the records that evidence each.
 */
export function periodCsv(report: PeriodReport): string {
  const rows: CsvCell[][] = [];
  for (const problem of report.chain.problems) rows.push(['broken chain', `record ${problem.seq}`, '', '', '', '', '', '', '', '', '', null, problem.kind, '', String(problem.seq), problem.message]);
  if (!report.findings.complete) rows.push(['deviations not computed', '', '', '', '', '', '', '', '', '', '', null, '', '', '', report.findings.reason]);
  for (const d of report.deviations) {
    rows.push([
      'deviation',
      d.id,
      d.ruleId,
      d.severity,
      d.criteria.join(' '),
      d.resource.address,
      d.resource.type,
      d.resource.target,
      d.firstSeen.at,
      d.lastSeen.at,
      d.resolved?.at ?? '',
      d.days,
      deviationEndLabels[d.ended],
      d.openAtPeriodEnd,
      [...new Set([d.firstSeen.seq, d.lastSeen.seq, ...(d.resolved ? [d.resolved.seq] : [])])].join(' '),
      d.note ? `${d.message} (${d.note})` : d.message,
    ]);
  }
  for (const g of report.gaps) {
    rows.push([
      'gap',
      '',
      '',
      '',
      '',
      '',
      '',
      g.target ?? 'every target',
      g.from,
      '',
      g.to,
      g.days,
      gapCauseLabels[g.cause],
      '',
      [g.lastBefore?.seq, g.firstAfter?.seq, ...(g.unreadIn ?? [])].filter((s) => s !== undefined).join(' '),
      `No scan read the target from ${g.from} to ${g.to}.`,
    ]);
  }
  return toCsv(header, rows);
}
