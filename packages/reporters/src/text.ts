import { randomUUID } from 'node:crypto';
import { compareCriteria, findCriterion, severities, type Finding, type ScanResult, type Severity, visibleText } from '@trustscan/core';
import { driftView, isDriftFinding } from './drift-view.js';
import { criterionVerdict, plural, verdictLabels, type CriterionVerdict } from './readiness.js';
import { driftSectionText } from './text-drift.js';

export interface TextOptions {
  /** Use ANSI colours (the CLI turns them on for a TTY unless NO_COLOR is set). */
  readonly color?: boolean;
  readonly includePassed?: boolean;
  /** The `--fail-on` threshold, to say in the last line how many failures gate the build. */
  readonly failOn?: Severity | 'never';
}

/** Notes listed in the text report before the rest are only counted. */
const maxNotes = 30;

const marks: Readonly<Record<Finding['status'], string>> = { fail: '✗', unknown: '?', waived: '~', baseline: '=', pass: '✓' };
const verdictMarks: Readonly<Record<CriterionVerdict, string>> = { gaps: '✗', 'known-gaps': '=', 'not-determined': '?', 'no-gaps': '✓' };

/**
 * A report for terminals: where each criterion in scope stands, then the findings grouped by the criterion their
 * control primarily supports (failing first, most severe first) and, when several targets were scanned (the roots
 * of a repository), by target first; then what could not be evaluated, then one summary line. Baseline failures are
 * counted, not listed, so adopting a baseline quiets the output.
 */
export function toText(result: ScanResult, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const { summary } = result;
  const lines: string[] = [];
  lines.push(
    paint.bold(`${result.tool.name} ${result.tool.version}`) +
      paint.dim(` · ${plural(result.targets.length, 'target')}, ${plural(summary.resources, 'resource')}, ${plural(summary.rulesEvaluated, 'control')} evaluated`),
  );

  if (summary.criteria.length > 0) {
    lines.push('', paint.bold('SOC 2 criteria'));
    for (const criterion of summary.criteria) {
      const verdict = criterionVerdict(criterion);
      const counts = (['fail', 'unknown', 'waived', 'baseline', 'pass'] as const)
        .filter((s) => criterion[s] > 0)
        .map((s) => `${criterion[s]} ${s === 'unknown' ? 'unknown' : s}`)
        .join(', ');
      lines.push(`  ${paintVerdict(paint, verdict, verdictMarks[verdict])} ${criterion.id.padEnd(6)} ${paintVerdict(paint, verdict, verdictLabels[verdict].padEnd(22))} ${paint.dim(counts.padEnd(30))} ${criterion.title}`);
    }
  }

  const drift = driftView(result);
  if (drift) lines.push(...driftSectionText(drift, paint));

  // Failing drift findings have their own section above, and agreeing comparisons are only counted there.
  const listed = result.findings.filter((f) => f.status !== 'baseline' && (options.includePassed || f.status !== 'pass') && !(isDriftFinding(f) && (f.status === 'fail' || f.status === 'pass')));
  const isListed = new Set(listed);
  // Several targets (the roots of a repository, a plan and a live account): findings grouped by target first.
  const byTarget = groupBy(result.findings, (f) => f.target ?? '');
  if (result.targets.length > 1 && byTarget.size > 0) {
    const reports = new Map(result.targets.map((t) => [t.name, t]));
    const quiet: string[] = [];
    for (const target of [...byTarget.keys()].sort(compareText)) {
      const findings = byTarget.get(target) ?? [];
      const shown = findings.filter((f) => isListed.has(f));
      const baselined = findings.filter((f) => f.status === 'baseline').length;
      if (shown.length === 0 && baselined === 0) {
        quiet.push(target);
        continue;
      }
      const report = reports.get(target);
      const failed = findings.filter((f) => f.status === 'fail').length;
      const undecided = findings.filter((f) => f.status === 'unknown').length;
      const counts = [...(report ? [plural(report.resources, 'resource')] : []), `${failed} failed`, `${undecided} unknown`].join(', ');
      lines.push('', `${paint.bold(`▸ ${target === '' ? '(no target)' : target}`)}  ${paint.dim(counts)}`);
      lines.push(...criterionGroups(shown, findings, paint, '  '));
    }
    if (quiet.length > 0) lines.push('', paint.dim(`${plural(quiet.length, 'other target')} with nothing failed or undecided: ${quiet.slice(0, 10).join(', ')}${quiet.length > 10 ? ', …' : ''}`));
  } else {
    lines.push(...criterionGroups(listed, result.findings, paint, ''));
  }

  if (result.notifications.length > 0) {
    lines.push('', paint.bold('Not evaluated, or worth knowing'));
    const order = { error: 0, warning: 1, note: 2 } as const;
    const sorted = [...result.notifications].sort((a, b) => order[a.level] - order[b.level]);
    // Errors and warnings are all listed; notes, which a repository of many roots has by the hundred, up to a point.
    const notes = sorted.filter((n) => n.level === 'note');
    const shown = [...sorted.filter((n) => n.level !== 'note'), ...notes.slice(0, maxNotes)];
    for (const n of shown) {
      const level = n.level === 'error' ? paint.red('error  ') : n.level === 'warning' ? paint.yellow('warning') : paint.dim('note   ');
      lines.push(`  ${level} ${n.message}`);
    }
    if (notes.length > maxNotes) lines.push(paint.dim(`  …and ${plural(notes.length - maxNotes, 'more note')}; the JSON, SARIF and HTML reports list them all.`));
  }

  lines.push('', summaryLine(result, options, paint));
  return `${paint.finish(lines)}\n`;
}

/** Findings grouped by the criterion their control primarily supports, with baseline failures counted, not listed. */
function criterionGroups(listed: readonly Finding[], all: readonly Finding[], paint: Painter, indent: string): string[] {
  const lines: string[] = [];
  const baselineByCriterion = new Map<string, number>();
  for (const finding of all) {
    if (finding.status === 'baseline') baselineByCriterion.set(primary(finding), (baselineByCriterion.get(primary(finding)) ?? 0) + 1);
  }
  const byCriterion = groupBy(listed, primary);
  const groups = [...new Set([...byCriterion.keys(), ...baselineByCriterion.keys()])].sort(compareCriteria);
  for (const id of groups) {
    const findings = [...(byCriterion.get(id) ?? [])].sort(byStatusSeverityPlace);
    lines.push('', `${indent}${paint.bold(id)}  ${findCriterion(id)?.title ?? 'Not mapped to a criterion'}`);
    for (const finding of findings) lines.push(...findingLines(finding, paint).map((line) => indent + line));
    const known = baselineByCriterion.get(id) ?? 0;
    if (known > 0) lines.push(paint.dim(`${indent}  ${marks.baseline} ${plural(known, 'known failure')} recorded in the baseline, not listed`));
  }
  return lines;
}

function groupBy<K>(findings: readonly Finding[], key: (finding: Finding) => K): Map<K, Finding[]> {
  const groups = new Map<K, Finding[]>();
  for (const finding of findings) {
    const k = key(finding);
    const list = groups.get(k);
    if (list) list.push(finding);
    else groups.set(k, [finding]);
  }
  return groups;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findingLines(finding: Finding, paint: Painter): string[] {
  const mark =
    finding.status === 'fail' ? paint.red(marks.fail) : finding.status === 'unknown' ? paint.yellow(marks.unknown) : finding.status === 'pass' ? paint.green(marks.pass) : paint.dim(marks[finding.status]);
  const severity = finding.status === 'fail' ? paintSeverity(paint, finding.severity) : paint.dim(finding.severity.padEnd(8));
  const where = `${finding.location.file}:${finding.location.startLine}`;
  const label = finding.status === 'unknown' ? paint.yellow(' not determined') : finding.status === 'waived' ? paint.dim(' waived') : '';
  const lines = [`  ${mark} ${severity} ${finding.ruleId}${label}  ${paint.dim(where)}`];
  // The message names the resource in most rules; say it when it does not, so every line can be acted on.
  const resource = finding.message.includes(finding.resource.address) ? '' : `${finding.resource.address}: `;
  const text = `      ${resource}${finding.message}`;
  lines.push(finding.status === 'fail' || finding.status === 'unknown' ? text : paint.dim(text));
  if (finding.waiver) {
    const { reason, owner, expires, source } = finding.waiver;
    lines.push(paint.dim(`      waived: ${reason}${owner ? ` (owner ${owner}` : ''}${owner && expires ? `, until ${expires})` : owner ? ')' : expires ? ` (until ${expires})` : ''} [${source.file}:${source.line}]`));
  }
  return lines;
}

function summaryLine(result: ScanResult, options: TextOptions, paint: Painter): string {
  const { byStatus, failBySeverity } = result.summary;
  const fails = severities.filter((s) => failBySeverity[s] > 0).map((s) => `${failBySeverity[s]} ${s}`);
  const parts = [
    `${byStatus.fail} failed${fails.length > 0 ? ` (${fails.join(', ')})` : ''}`,
    `${byStatus.unknown} unknown`,
    `${byStatus.waived} waived`,
    ...(byStatus.baseline > 0 ? [`${byStatus.baseline} in the baseline`] : []),
    `${byStatus.pass} passed`,
  ];
  let gate = '';
  if (options.failOn !== undefined) {
    const threshold = options.failOn === 'never' ? -1 : severities.indexOf(options.failOn);
    const gating = severities.filter((s, i) => i <= threshold).reduce((sum, s) => sum + failBySeverity[s], 0);
    gate = options.failOn === 'never' ? ' Nothing fails the build (--fail-on never).' : ` ${gating} at or above ${options.failOn}.`;
  }
  const label = byStatus.fail > 0 ? paint.red(paint.bold('Summary:')) : paint.bold('Summary:');
  return `${label} ${parts.join(', ')}.${gate}`;
}

function primary(finding: Finding): string {
  return finding.tsc[0] ?? 'other';
}

const statusRank: Readonly<Record<Finding['status'], number>> = { fail: 0, unknown: 1, waived: 2, baseline: 3, pass: 4 };

function byStatusSeverityPlace(a: Finding, b: Finding): number {
  return (
    statusRank[a.status] - statusRank[b.status] ||
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
    a.location.startLine - b.location.startLine ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

function paintSeverity(paint: Painter, severity: Severity): string {
  const text = severity.padEnd(8);
  return severity === 'critical' ? paint.bold(paint.red(text)) : severity === 'high' ? paint.red(text) : severity === 'medium' ? paint.yellow(text) : text;
}

function paintVerdict(paint: Painter, verdict: CriterionVerdict, text: string): string {
  return verdict === 'gaps' ? paint.red(text) : verdict === 'no-gaps' ? paint.green(text) : paint.yellow(text);
}

type Painter = ReturnType<typeof painter>;

function painter(enabled: boolean) {
  // Colours are marked with a token no input can hold and become escape sequences only after every control
  // character the scanned input brought (an ESC in a file name or a for_each key) has been made visible.
  const token = `\uE000${randomUUID()}:`;
  const wrap = (code: string) => (text: string) => (enabled ? `${token}${code};${text}${token}0;` : text);
  return {
    bold: wrap('1'),
    dim: wrap('2'),
    red: wrap('31'),
    green: wrap('32'),
    yellow: wrap('33'),
    /** The report's lines, each one line of visible text, with the colours applied. */
    finish: (lines: readonly string[]): string => lines.map((line) => visibleText(line)).join('\n').replaceAll(token, '\u001b[').replace(/\u001b\[(\d+);/g, '\u001b[$1m'),
  };
}
