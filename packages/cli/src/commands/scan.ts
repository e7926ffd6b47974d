import path from 'node:path';
import { InputError, applyBaseline, visibleText, createBaseline, readBaseline, scan, severities, writeBaseline, type Baseline, type ScanResult } from '@trustscan/core';
import type { FailOn, ScanCommand } from '../cli.js';
import { baselineInForce, loadEvidenceKey, loadEvidencePackage, resolveEvidenceSettings, type EvidenceSettings } from '../evidence-settings.js';
import { useColor, type Io } from '../io.js';
import { ProgressLine } from '../progress.js';
import { writeReports } from '../reports.js';
import { liveSourcesFor } from '../live-sources.js';
import { displayPath, resolveScanSettings } from '../scan-settings.js';

/** Runs `trustscan scan`: one scan, every requested report, and the exit code. */
export async function runScan(command: ScanCommand, io: Io): Promise<number> {
  const settings = await resolveScanSettings(command, io.cwd);
  const sources = await liveSourcesFor(settings.targets);
  const evidence = resolveEvidenceSettings(command, settings.config, io.cwd);
  // A bad key file stops the command before the scan: nothing has been found yet, so nothing is lost.
  const signingKey = evidence ? await loadEvidenceKey(evidence) : undefined;
  const progress = new ProgressLine(io.stderr);
  let result: ScanResult;
  try {
    result = await scan({
      targets: settings.targets,
      sources,
      rules: settings.rules,
      profile: settings.profile,
      ruleOptions: settings.ruleOptions,
      drift: command.drift,
      root: path.resolve(io.cwd, command.root ?? '.'),
      waivers: settings.waivers,
      terraform: {
        vars: settings.vars,
        varFiles: settings.varFiles,
        exclude: settings.exclude,
        ...(command.cacheDirectory === undefined ? {} : { cacheDirectory: command.cacheDirectory === false ? false : path.resolve(io.cwd, command.cacheDirectory) }),
      },
      rulesIdentity: settings.rulesIdentity,
      ...(settings.tfDir === undefined ? {} : { tfDir: settings.tfDir }),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (event) => progress.update(event),
    });
  } finally {
    progress.clear();
  }

  let applied: { file: string; baseline: Baseline } | undefined;
  if (settings.baseline !== undefined) {
    const shown = displayPath(settings.baseline, io.cwd);
    applied = { file: settings.baseline, baseline: await readBaseline(settings.baseline, shown) };
    result = applyBaseline(result, applied.baseline, shown);
  }
  if (command.writeBaseline !== undefined) {
    // The file just written is this run's baseline too, so the reports and the exit code agree with it.
    const file = path.resolve(io.cwd, command.writeBaseline);
    const baseline = createBaseline(result, new Date());
    await writeBaseline(file, baseline);
    applied = { file, baseline };
    result = applyBaseline(result, baseline, displayPath(file, io.cwd));
    if (!command.quiet) io.stderr.write(`trustscan: recorded ${baseline.failures.length} failure(s) in ${command.writeBaseline}.\n`);
  }

  const color = useColor(io.stdout, io.env, !command.color);
  await writeReports(
    result,
    command.reports,
    {
      includePassed: command.includePassed,
      color,
      failOn: settings.failOn,
      date: new Date().toISOString().slice(0, 10),
      ...(command.sarifCategory === undefined ? {} : { sarifCategory: command.sarifCategory }),
    },
    io,
  );

  for (const notification of result.notifications) {
    if (notification.level === 'error') io.stderr.write(`trustscan: ${visibleText(notification.message)}\n`);
    // How many root modules a directory held, in one line, whatever the report format.
    else if (notification.code === 'roots-found' && !command.quiet) io.stderr.write(`trustscan: ${visibleText(notification.message)}\n`);
  }
  const textOnTerminal = command.reports.some((r) => r.format === 'text' && r.output === undefined && io.stdout.isTTY);
  if (!command.quiet && !textOnTerminal) io.stderr.write(`${summaryLine(result, settings.failOn, settings.failOnUnknown)}\n`);
  if (evidence && !(await recordEvidence(result, evidence, signingKey, applied, command.quiet, io))) return 2;
  return exitCode(result, settings.failOn, settings.failOnUnknown);
}

/**
 * Appends the scan to the evidence store, after the reports are written: a store that cannot take the record costs
 * the record, never the reports. Returns false (exit code 2) when the record could not be made.
 */
async function recordEvidence(
  result: ScanResult,
  evidence: EvidenceSettings,
  signingKey: Awaited<ReturnType<typeof loadEvidenceKey>>,
  applied: { file: string; baseline: Baseline } | undefined,
  quiet: boolean,
  io: Io,
): Promise<boolean> {
  try {
    const { appendEvidence, openEvidenceStore } = await loadEvidencePackage();
    const store = await openEvidenceStore(evidence.store, { cwd: evidence.cwd, ...(evidence.retainDays === undefined ? {} : { retainDays: evidence.retainDays }) });
    try {
      const record = await appendEvidence(store, result, {
        ...(signingKey ? { signingKey } : {}),
        ...(applied ? { baseline: await baselineInForce(applied.file, applied.baseline, io.cwd) } : {}),
      });
      if (!quiet) {
        io.stderr.write(
          `trustscan: recorded the scan in ${evidence.store} as record ${record.seq} (${record.kind}, ${record.findings} finding(s), ${formatBytes(record.bytes)}${record.signed ? ', signed' : ''}).\n`,
        );
      }
      if (record.note) io.stderr.write(`trustscan: note: ${record.note}\n`);
      return true;
    } finally {
      store.close();
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`trustscan: the scan was not recorded as evidence (its reports were written): ${error.message}\n`);
    return false;
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 2 when a target could not be read, else 1 when a finding fails at or above `failOn` (or, with `failOnUnknown`,
 * when a check could not be decided), else 0. Waived and baseline findings never count.
 */
export function exitCode(result: ScanResult, failOn: FailOn, failOnUnknown = false): number {
  if (result.notifications.some((n) => n.level === 'error')) return 2;
  if (failOnUnknown && result.findings.some((f) => f.status === 'unknown')) return 1;
  if (failOn === 'never') return 0;
  const threshold = severities.indexOf(failOn);
  return result.findings.some((f) => f.status === 'fail' && severities.indexOf(f.severity) <= threshold) ? 1 : 0;
}

function summaryLine(result: ScanResult, failOn: FailOn, failOnUnknown: boolean): string {
  const { byStatus, failBySeverity, resources } = result.summary;
  const failing = severities.filter((s) => failBySeverity[s] > 0).map((s) => `${failBySeverity[s]} ${s}`).join(', ');
  return (
    `trustscan: ${result.targets.length} target(s), ${resources} resource(s): ${byStatus.fail} failed${failing ? ` (${failing})` : ''}, ` +
    `${byStatus.unknown} unknown, ${byStatus.waived} waived, ${byStatus.baseline > 0 ? `${byStatus.baseline} in the baseline, ` : ''}${byStatus.pass} passed; ` +
    `fail-on ${failOn}${failOnUnknown ? ' and unknown' : ''}.`
  );
}
