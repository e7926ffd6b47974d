import type { ActionPlan } from '../actions/action-plan.js';
import { toCsv, type CsvCell } from './csv.js';
import { actionStatusLabels } from './wording.js';

const header = [
  'id',
  'status',
  'severity',
  'control',
  'title',
  'criteria',
  'resource',
  'resource type',
  'target',
  'file',
  'line',
  'owner',
  'first seen',
  'sla days',
  'due',
  'resolved',
  'how it ended',
  'days open',
  'days overdue',
  'recurrences',
  'first seen record',
  'resolved record',
  'what is wrong',
];

/**
 * The action plan as a spreadsheet: one row per action with a header row, ISO dates, numbers as numbers, and every
 * text cell safe to open (see `toCsv`). A broken chain is the first row, so it cannot go unnoticed.
 */
export function actionsCsv(plan: ActionPlan): string {
  const rows: CsvCell[][] = [];
  for (const problem of plan.chain.problems) rows.push([`record ${problem.seq}`, 'broken chain', '', '', '', '', '', '', '', '', null, '', '', null, '', '', problem.kind, null, null, null, problem.seq, null, problem.message]);
  for (const a of plan.actions) {
    rows.push([
      a.id,
      actionStatusLabels[a.status],
      a.severity,
      a.ruleId,
      a.title ?? '',
      a.criteria.join(' '),
      a.resource.address,
      a.resource.type,
      a.resource.target,
      a.location.file,
      a.location.line,
      a.owner ?? 'unassigned',
      a.firstSeen,
      a.slaDays,
      a.due,
      a.resolvedAt ?? '',
      a.ended,
      a.daysOpen,
      a.daysOverdue,
      a.recurrences,
      a.evidence.firstSeen.seq,
      a.evidence.resolved?.seq ?? null,
      a.message,
    ]);
  }
  return toCsv(header, rows);
}
