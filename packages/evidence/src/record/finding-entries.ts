import type { Finding, FindingStatus } from '@trustscan/core';
import { entryKey, type FindingEntry } from '../format/record-format.js';

/** The entries of one scan: each finding's line as stored, by entry key, sorted by key. */
export interface ScanEntries {
  /** Entry key to line, in key order. */
  readonly lines: ReadonlyMap<string, string>;
  /** Findings by rule and status, for the header. */
  readonly counts: Readonly<Record<string, Partial<Record<FindingStatus, number>>>>;
  readonly passes: number;
}

/**
 * Turns findings into record lines. Only the fields the JSON report prints enter a record, and finding messages are
 * already redacted by the engine, so no sensitive value can reach the ledger. A finding repeated with the same
 * target and fingerprint is stored once when identical, else numbered (`duplicate: 2`).
 */
export function findingEntries(findings: readonly Finding[]): ScanEntries {
  const entries: [key: string, line: string][] = [];
  const index = new Map<string, number>();
  const counts: Record<string, Partial<Record<FindingStatus, number>>> = {};
  let passes = 0;
  const repeats = new Map<string, number>();
  for (const finding of findings) {
    const target = finding.target ?? '';
    let key = entryKey({ target, fingerprint: finding.fingerprint });
    let line = JSON.stringify(toEntry(finding, target));
    const existing = index.get(key);
    if (existing !== undefined) {
      if (entries[existing]?.[1] === line) continue;
      const duplicate = (repeats.get(key) ?? 1) + 1;
      repeats.set(key, duplicate);
      key = entryKey({ target, fingerprint: finding.fingerprint, duplicate });
      line = JSON.stringify(toEntry(finding, target, duplicate));
    }
    index.set(key, entries.length);
    entries.push([key, line]);
    const byStatus = (counts[finding.ruleId] ??= {});
    byStatus[finding.status] = (byStatus[finding.status] ?? 0) + 1;
    if (finding.status === 'pass') passes++;
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { lines: new Map(entries), counts, passes };
}

/** A finding as a record entry: the JSON report's fields in its order, plus the target. */
function toEntry(finding: Finding, target: string, duplicate?: number): FindingEntry {
  const { resource, location } = finding;
  // Built field by field, in a fixed order, so the same finding always serializes to the same line.
  return {
    type: 'finding',
    target,
    fingerprint: finding.fingerprint,
    ...(duplicate === undefined ? {} : { duplicate }),
    ruleId: finding.ruleId,
    status: finding.status,
    severity: finding.severity,
    area: finding.area,
    tsc: finding.tsc,
    resource: {
      address: resource.address,
      type: resource.type,
      provider: resource.provider,
      origin: resource.origin,
      ...(resource.cloudId === undefined ? {} : { cloudId: resource.cloudId }),
    },
    location: { file: location.file, startLine: location.startLine, endLine: location.endLine, startColumn: location.startColumn, endColumn: location.endColumn },
    message: finding.message,
    ...(finding.path === undefined ? {} : { attribute: finding.path }),
    ...(finding.waiver === undefined
      ? {}
      : {
          waiver: {
            reason: finding.waiver.reason,
            ...(finding.waiver.owner === undefined ? {} : { owner: finding.waiver.owner }),
            ...(finding.waiver.expires === undefined ? {} : { expires: finding.waiver.expires }),
            source: { kind: finding.waiver.source.kind, file: finding.waiver.source.file, line: finding.waiver.source.line },
          },
        }),
  };
}
