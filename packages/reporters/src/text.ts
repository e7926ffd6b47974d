import { compareCriteria, findCriterion, severities, type Finding, type ScanResult } from '@trustscan/core';

export interface TextOptions {
  /** Use ANSI colours (the CLI turns them on for a TTY unless NO_COLOR is set). */
  readonly color?: boolean;
  readonly includePassed?: boolean;
}

const marks: Readonly<Record<Finding['status'], string>> = { fail: '✗', unknown: '?', waived: '~', baseline: '=', pass: '✓' };

/**
 * A report for terminals: findings grouped by their primary Trust Services Criterion, failing first, then what
 * was not evaluated, then one summary line.
 */
export function toText(result: ScanResult, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const lines: string[] = [];
  const { summary } = result;
  lines.push(paint.bold(`${result.tool.name} ${result.tool.version}`) + paint.dim(` · ${result.targets.length} target(s), ${summary.resources} resource(s), ${summary.rulesEvaluated} rule(s) evaluated`));

  const shown = result.findings.filter((f) => options.includePassed || f.status !== 'pass');
  const byCriterion = new Map<string, Finding[]>();
  for (const finding of shown) {
    const key = finding.tsc[0] ?? 'other';
    const list = byCriterion.get(key);
    if (list) list.push(finding);
    else byCriterion.set(key, [finding]);
  }
  for (const id of [...byCriterion.keys()].sort(compareCriteria)) {
    const findings = (byCriterion.get(id) ?? []).sort(bySeverityThenLocation);
    const counts = summary.criteria.find((c) => c.id === id);
    const status = counts?.status ?? 'pass';
    const label = status === 'fail' ? paint.red('FAIL') : status === 'unknown' ? paint.yellow('UNKNOWN') : paint.green('PASS');
    lines.push('', `${paint.bold(id)}  ${findCriterion(id)?.title ?? ''}  ${label}` + (counts ? paint.dim(`  (${counts.fail} fail, ${counts.unknown} unknown, ${counts.waived} waived, ${counts.pass} pass)`) : ''));
    for (const finding of findings) {
      const mark = finding.status === 'fail' ? paint.red(marks.fail) : finding.status === 'unknown' ? paint.yellow(marks.unknown) : paint.dim(marks[finding.status]);
      const where = `${finding.location.file}:${finding.location.startLine}`;
      lines.push(`  ${mark} ${finding.severity.padEnd(8)} ${finding.ruleId}  ${paint.dim(where)}`);
      lines.push(`      ${finding.message}`);
      if (finding.waiver) lines.push(paint.dim(`      waived: ${finding.waiver.reason}${finding.waiver.owner ? ` (owner ${finding.waiver.owner})` : ''}${finding.waiver.expires ? `, until ${finding.waiver.expires}` : ''}`));
    }
  }

  if (result.notifications.length > 0) {
    lines.push('', paint.bold('Not evaluated or worth knowing'));
    for (const n of result.notifications) {
      const level = n.level === 'error' ? paint.red('error') : n.level === 'warning' ? paint.yellow('warning') : paint.dim('note');
      lines.push(`  ${level} ${n.message}`);
    }
  }

  const fails = severities.filter((s) => summary.failBySeverity[s] > 0).map((s) => `${summary.failBySeverity[s]} ${s}`);
  lines.push(
    '',
    `${paint.bold('Summary:')} ${summary.byStatus.fail} failed${fails.length > 0 ? ` (${fails.join(', ')})` : ''}, ${summary.byStatus.unknown} unknown, ${summary.byStatus.waived} waived, ${summary.byStatus.pass} passed.`,
  );
  return `${lines.join('\n')}\n`;
}

function bySeverityThenLocation(a: Finding, b: Finding): number {
  const order = (f: Finding) => (f.status === 'fail' ? 0 : f.status === 'unknown' ? 1 : 2) * 10 + severities.indexOf(f.severity);
  return order(a) - order(b) || a.location.file.localeCompare(b.location.file) || a.location.startLine - b.location.startLine;
}

function painter(enabled: boolean) {
  const wrap = (code: string) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), green: wrap('32'), yellow: wrap('33') };
}
