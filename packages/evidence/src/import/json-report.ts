import { readFile } from 'node:fs/promises';
import { InputError, describeError, sha256Hex, type Finding, type FindingStatus, type RuleOptionValues } from '@trustscan/core';
import type { ImportedFrom } from '../format/record-format.js';
import type { EvidenceScan } from '../record/evidence-scan.js';

/** A past JSON report, ready to append: the scan it describes and where it came from. */
export interface ImportedReport {
  readonly scan: EvidenceScan;
  readonly imported: ImportedFrom;
  /** `omitted` when the report was written without `--include-passed`: its passes are counted but not listed. */
  readonly passes: 'recorded' | 'omitted';
  /** Passes the report counted but does not list. */
  readonly passesMissing: number;
}

const statuses = new Set<FindingStatus>(['pass', 'fail', 'unknown', 'waived', 'baseline']);

/** Reads a JSON report file written by `trustscan scan --format json`; `time` replaces the report's own times. */
export async function readJsonReport(file: string, displayPath: string = file, time?: string): Promise<ImportedReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`${displayPath}: cannot read the report (${missing ? 'no such file' : describeError(error)}).`, { subject: displayPath });
  }
  return parseJsonReport(bytes, displayPath, time);
}

/**
 * Checks a JSON report's shape (schema version 1) and turns it into a scan. Each problem is an `InputError` naming
 * the file and the field. A report without times needs `time`; one written without passes is accepted, and says so.
 */
export function parseJsonReport(bytes: Uint8Array, displayPath: string, time?: string): ImportedReport {
  const fail = (problem: string): never => {
    throw new InputError(`${displayPath}: ${problem}.`, { subject: displayPath });
  };
  let report: Record<string, unknown>;
  try {
    const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return fail('not a trustscan JSON report (the file must hold a JSON object)');
    report = value;
  } catch (error) {
    if (error instanceof InputError) throw error;
    return fail(`not valid JSON (${describeError(error)}); import the file \`trustscan scan --format json\` wrote`);
  }
  if (report['schemaVersion'] !== 1) {
    fail(
      report['schemaVersion'] === undefined
        ? 'not a trustscan JSON report (no schemaVersion); import the file `trustscan scan --format json` wrote'
        : `JSON report schema ${JSON.stringify(report['schemaVersion'])} is not one this trustscan reads (1); import it with the trustscan that wrote it`,
    );
  }
  const tool = report['tool'];
  if (!isObject(tool) || typeof tool['name'] !== 'string' || typeof tool['version'] !== 'string') return fail('not a trustscan JSON report (no tool name and version)');
  for (const field of ['targets', 'findings', 'notifications', 'waivers'] as const) {
    if (!Array.isArray(report[field])) fail(`not a trustscan JSON report ("${field}" must be a list)`);
  }
  for (const [index, target] of (report['targets'] as unknown[]).entries()) {
    if (!isObject(target) || typeof target['name'] !== 'string' || typeof target['ok'] !== 'boolean') fail(`targets[${index}] has no name or ok; this is not a trustscan JSON report`);
  }
  const summary = report['summary'];
  if (!isObject(summary) || typeof summary['resources'] !== 'number' || !isObject(summary['byStatus']) || !isObject(summary['failBySeverity'])) {
    return fail('not a trustscan JSON report (no summary with resources, byStatus and failBySeverity)');
  }
  const findings = (report['findings'] as unknown[]).map((raw, index) => toFinding(raw, `findings[${index}]`, fail));
  const startedAt = time ?? timestamp(report['startedAt']);
  const finishedAt = time ?? timestamp(report['finishedAt']) ?? startedAt;
  if (startedAt === undefined || finishedAt === undefined) {
    return fail('the report does not say when the scan ran (reports before trustscan 0.2 lack startedAt); pass --time with the time of the scan, e.g. --time 2026-03-31T02:00:00Z');
  }
  const byStatus = summary['byStatus'] as Record<FindingStatus, number>;
  const listedPasses = findings.filter((f) => f.status === 'pass').length;
  const passesMissing = Math.max(0, (typeof byStatus.pass === 'number' ? byStatus.pass : 0) - listedPasses);
  const reportStartedAt = timestamp(report['startedAt']);
  const reportFinishedAt = timestamp(report['finishedAt']);
  return {
    scan: {
      tool: { name: tool['name'], version: tool['version'] },
      startedAt,
      finishedAt,
      ...(report['profile'] === 'baseline' || report['profile'] === 'strict' ? { profile: report['profile'] } : {}),
      ...(isObject(report['ruleOptions']) ? { ruleOptions: report['ruleOptions'] as Readonly<Record<string, RuleOptionValues>> } : {}),
      targets: report['targets'] as EvidenceScan['targets'],
      findings,
      notifications: report['notifications'] as EvidenceScan['notifications'],
      waivers: report['waivers'] as EvidenceScan['waivers'],
      summary: { resources: summary['resources'], byStatus, failBySeverity: summary['failBySeverity'] as EvidenceScan['summary']['failBySeverity'] },
    },
    imported: {
      file: displayPath,
      sha256: sha256Hex(bytes),
      ...(reportStartedAt === undefined ? {} : { reportStartedAt }),
      ...(reportFinishedAt === undefined ? {} : { reportFinishedAt }),
    },
    passes: passesMissing > 0 ? 'omitted' : 'recorded',
    passesMissing,
  };
}

/** A report finding as the engine's `Finding` (the report calls the deciding path `attribute`). */
function toFinding(raw: unknown, field: string, fail: (problem: string) => never): Finding {
  if (!isObject(raw)) return fail(`${field} is not an object`);
  const missing = (name: string) => fail(`${field} has no ${name}; this is not a trustscan JSON report`);
  if (typeof raw['ruleId'] !== 'string') missing('ruleId');
  if (!statuses.has(raw['status'] as FindingStatus)) missing('valid status');
  if (typeof raw['fingerprint'] !== 'string') missing('fingerprint');
  if (typeof raw['message'] !== 'string') missing('message');
  const resource = raw['resource'];
  if (!isObject(resource) || typeof resource['address'] !== 'string') return missing('resource address');
  const location = raw['location'];
  if (!isObject(location) || typeof location['file'] !== 'string') return missing('location');
  const { attribute, ...rest } = raw;
  return { ...(rest as unknown as Finding), ...(typeof attribute === 'string' ? { path: attribute } : {}) };
}

function timestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value).toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
