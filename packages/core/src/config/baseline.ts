import { readFile, writeFile } from 'node:fs/promises';
import { makeDirectories } from '../files/make-directories.js';
import path from 'node:path';
import { summarize } from '../engine/summary.js';
import { InputError, describeError } from '../model/errors.js';
import type { Finding, Notification, ScanResult } from '../model/finding.js';

/** The version of the baseline file's shape. */
export const baselineVersion = 1;

/** One recorded failure. The fingerprint identifies it; rule and resource are there for people reading the file. */
export interface BaselineEntry {
  readonly ruleId: string;
  readonly resource: string;
  readonly fingerprint: string;
}

/** A baseline file: the failures a team accepted as known when it adopted trustscan, by fingerprint. */
export interface Baseline {
  readonly version: typeof baselineVersion;
  /** `trustscan <version>`. */
  readonly tool: string;
  /** When it was recorded, as an ISO timestamp. */
  readonly createdAt: string;
  readonly failures: readonly BaselineEntry[];
}

/**
 * A baseline of the scan's current failures: findings that fail, and those already in a baseline. Waived findings
 * are left out (their waiver covers them and says until when), and so are unknowns (they are not failures).
 */
export function createBaseline(result: ScanResult, createdAt: Date): Baseline {
  const seen = new Set<string>();
  const failures: BaselineEntry[] = [];
  for (const finding of result.findings) {
    if ((finding.status !== 'fail' && finding.status !== 'baseline') || seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    failures.push({ ruleId: finding.ruleId, resource: finding.resource.address, fingerprint: finding.fingerprint });
  }
  failures.sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.resource, b.resource) || compare(a.fingerprint, b.fingerprint));
  return { version: baselineVersion, tool: `${result.tool.name} ${result.tool.version}`, createdAt: createdAt.toISOString(), failures };
}

/** Writes a baseline as indented JSON, one failure per entry, so it reviews well in a pull request. */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  try {
    await makeDirectories(path.dirname(path.resolve(file)));
    await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new InputError(`${file}: cannot write the baseline (${describeError(error)}).`, { subject: file });
  }
}

/** Reads and checks a baseline file; a missing or malformed one is an `InputError` saying how to make it. */
export async function readBaseline(file: string, displayPath: string = file): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(
      missing
        ? `${displayPath}: no such baseline file; record one with \`trustscan scan --write-baseline ${displayPath}\`.`
        : `${displayPath}: cannot read the baseline (${describeError(error)}).`,
      { subject: displayPath },
    );
  }
  const invalid = (problem: string): never => {
    throw new InputError(`${displayPath}: not a trustscan baseline (${problem}); record it again with --write-baseline.`, { subject: displayPath });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return invalid(`invalid JSON: ${describeError(error)}`);
  }
  if (!isRecord(raw)) return invalid('the file must hold a JSON object');
  if (raw['version'] !== baselineVersion) return invalid(`version ${JSON.stringify(raw['version'])} is not ${baselineVersion}`);
  const failures = raw['failures'];
  if (!Array.isArray(failures)) return invalid('"failures" must be a list');
  const entries = failures.map((entry: unknown, index): BaselineEntry => {
    if (!isRecord(entry) || typeof entry['fingerprint'] !== 'string' || entry['fingerprint'] === '') return invalid(`failures[${index}] has no fingerprint`);
    return { ruleId: String(entry['ruleId'] ?? ''), resource: String(entry['resource'] ?? ''), fingerprint: entry['fingerprint'] };
  });
  return {
    version: baselineVersion,
    tool: typeof raw['tool'] === 'string' ? raw['tool'] : '',
    createdAt: typeof raw['createdAt'] === 'string' ? raw['createdAt'] : '',
    failures: entries,
  };
}

/**
 * Reports failures recorded in the baseline as `baseline` instead of `fail`, so only new failures gate, and
 * recomputes the summary. Says how many matched and how many recorded failures no longer occur.
 */
export function applyBaseline(result: ScanResult, baseline: Baseline, displayPath: string): ScanResult {
  const known = new Set(baseline.failures.map((f) => f.fingerprint));
  const matched = new Set<string>();
  const findings = result.findings.map((finding): Finding => {
    if (finding.status !== 'fail' || !known.has(finding.fingerprint)) return finding;
    matched.add(finding.fingerprint);
    return { ...finding, status: 'baseline' };
  });
  const stillFailing = new Set(result.findings.filter((f) => f.status === 'fail' || f.status === 'baseline' || f.status === 'waived').map((f) => f.fingerprint));
  const gone = [...known].filter((fingerprint) => !stillFailing.has(fingerprint)).length;
  const notifications: Notification[] = [
    {
      level: 'note',
      code: 'baseline-applied',
      message: `${matched.size} failure(s) recorded in the baseline ${displayPath} (${baseline.createdAt || 'undated'}) are reported as baseline and do not fail the scan.`,
      subject: displayPath,
    },
  ];
  if (gone > 0) {
    notifications.push({
      level: 'note',
      code: 'baseline-resolved',
      message: `${gone} failure(s) recorded in the baseline ${displayPath} no longer occur; record the baseline again with --write-baseline to drop them.`,
      subject: displayPath,
    });
  }
  const evaluated = new Set(findings.map((f) => f.ruleId));
  return {
    ...result,
    findings,
    notifications: [...result.notifications, ...notifications],
    summary: summarize(findings, result.rules.filter((r) => evaluated.has(r.id)), result.summary.resources),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
