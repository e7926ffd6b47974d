import path from 'node:path';
import { InputError, loadRulesDirectory, scan, severities, type Rule, type ScanResult, type Target } from '@trustscan/core';
import { rules as builtInRules } from '@trustscan/rules';
import type { FailOn, ScanCommand } from '../cli.js';
import { useColor, type Io } from '../io.js';
import { ProgressLine } from '../progress.js';
import { writeReports } from '../reports.js';

/** Runs `trustscan scan`: one scan, every requested report, and the exit code. */
export async function runScan(command: ScanCommand, io: Io): Promise<number> {
  const rules = await loadRules(command.rulesDirectories, io.cwd);
  const targets: Target[] = [
    ...command.paths.map((p): Target => ({ kind: 'path', path: path.resolve(io.cwd, p) })),
    ...(command.aws ? [{ kind: 'aws' as const, ...command.aws }] : []),
    ...(command.azure ? [{ kind: 'azure' as const, ...command.azure }] : []),
  ];
  const progress = new ProgressLine(io.stderr);
  let result: ScanResult;
  try {
    result = await scan({
      targets,
      rules,
      root: path.resolve(io.cwd, command.root ?? '.'),
      terraform: {
        vars: command.vars,
        varFiles: command.varFiles.map((file) => path.resolve(io.cwd, file)),
        ...(command.cacheDirectory === undefined ? {} : { cacheDirectory: command.cacheDirectory === false ? false : path.resolve(io.cwd, command.cacheDirectory) }),
      },
      ...(command.tfDir === undefined ? {} : { tfDir: path.resolve(io.cwd, command.tfDir) }),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (event) => progress.update(event),
    });
  } finally {
    progress.clear();
  }

  const color = useColor(io.stdout, io.env, !command.color);
  await writeReports(result, command.reports, { includePassed: command.includePassed, color, ...(command.sarifCategory === undefined ? {} : { sarifCategory: command.sarifCategory }) }, io);

  for (const notification of result.notifications) {
    if (notification.level === 'error') io.stderr.write(`trustscan: ${notification.message}\n`);
  }
  const textOnTerminal = command.reports.some((r) => r.format === 'text' && r.output === undefined && io.stdout.isTTY);
  if (!command.quiet && !textOnTerminal) io.stderr.write(`${summaryLine(result, command.failOn)}\n`);
  return exitCode(result, command.failOn);
}

/** 2 when a target could not be read, else 1 when a finding fails at or above `failOn`, else 0. */
export function exitCode(result: ScanResult, failOn: FailOn): number {
  if (result.notifications.some((n) => n.level === 'error')) return 2;
  if (failOn === 'never') return 0;
  const threshold = severities.indexOf(failOn);
  return result.findings.some((f) => f.status === 'fail' && severities.indexOf(f.severity) <= threshold) ? 1 : 0;
}

function summaryLine(result: ScanResult, failOn: FailOn): string {
  const { byStatus, failBySeverity, resources } = result.summary;
  const failing = severities.filter((s) => failBySeverity[s] > 0).map((s) => `${failBySeverity[s]} ${s}`).join(', ');
  return (
    `trustscan: ${result.targets.length} target(s), ${resources} resource(s): ${byStatus.fail} failed${failing ? ` (${failing})` : ''}, ` +
    `${byStatus.unknown} unknown, ${byStatus.waived} waived, ${byStatus.pass} passed; fail-on ${failOn}.`
  );
}

/** The built-in pack plus the user's declarative rules; a user rule may not reuse a built-in id. */
export async function loadRules(directories: readonly string[], cwd: string): Promise<Rule[]> {
  const rules: Rule[] = [...builtInRules];
  const ids = new Set(rules.map((r) => r.meta.id));
  for (const directory of directories) {
    for (const rule of await loadRulesDirectory(path.resolve(cwd, directory))) {
      if (ids.has(rule.meta.id)) throw new InputError(`${directory}: rule id "${rule.meta.id}" is already used by another rule; choose a new id.`, { subject: directory });
      ids.add(rule.meta.id);
      rules.push(rule);
    }
  }
  return rules;
}
