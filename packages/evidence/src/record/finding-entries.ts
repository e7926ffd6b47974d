import type { Finding, FindingStatus } from '@trustscan/core';
import { entryKey, type FindingEntry } from '../format/record-format.js';

/** The entries of one scan: each finding's line as stored, by entry key (in scan order: see `sortedLines`). */
export interface ScanEntries {
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
  const lines = new Map<string, string>();
  const counts: Record<string, Partial<Record<FindingStatus, number>>> = {};
  let passes = 0;
  const repeats = new Map<string, number>();
  for (const finding of findings) {
    const target = finding.target ?? '';
    let key = `${target}\n${finding.fingerprint}`;
    let line = JSON.stringify(toEntry(finding, target));
    const existing = lines.get(key);
    if (existing !== undefined) {
      if (existing === line) continue;
      const duplicate = (repeats.get(key) ?? 1) + 1;
      repeats.set(key, duplicate);
      key = entryKey({ target, fingerprint: finding.fingerprint, duplicate });
      line = JSON.stringify(toEntry(finding, target, duplicate));
    }
    lines.set(key, line);
    const byStatus = (counts[finding.ruleId] ??= {});
    byStatus[finding.status] = (byStatus[finding.status] ?? 0) + 1;
    if (finding.status === 'pass') passes++;
  }
  return { lines, counts, passes };
}

/** The lines in entry-key order, as a snapshot stores them. Sorting is left to snapshots: deltas sort only what changed. */
export function sortedLines(lines: ReadonlyMap<string, string>): string[] {
  return [...lines.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
}

/**
 * A finding as a record entry: the JSON report's fields in its order, plus the target. Built with assignments rather
 * than spreads, so every entry has the same shape and serializes on V8's fast path (30,000 of them per scan).
 */
function toEntry(finding: Finding, target: string, duplicate?: number): FindingEntry {
  const { resource, location, waiver } = finding;
  const entry: Mutable<FindingEntry> = { type: 'finding', target, fingerprint: finding.fingerprint };
  if (duplicate !== undefined) entry.duplicate = duplicate;
  entry.ruleId = finding.ruleId;
  entry.status = finding.status;
  entry.severity = finding.severity;
  entry.area = finding.area;
  entry.tsc = finding.tsc;
  const subject: Mutable<FindingEntry['resource']> = { address: resource.address, type: resource.type, provider: resource.provider, origin: resource.origin };
  if (resource.cloudId !== undefined) subject.cloudId = resource.cloudId;
  if (resource.tags !== undefined) subject.tags = resource.tags;
  entry.resource = subject as FindingEntry['resource'];
  entry.location = { file: location.file, startLine: location.startLine, endLine: location.endLine, startColumn: location.startColumn, endColumn: location.endColumn };
  entry.message = finding.message;
  if (finding.path !== undefined) entry.attribute = finding.path;
  if (waiver !== undefined) {
    const justification: Mutable<NonNullable<FindingEntry['waiver']>> = { reason: waiver.reason };
    if (waiver.owner !== undefined) justification.owner = waiver.owner;
    if (waiver.expires !== undefined) justification.expires = waiver.expires;
    justification.source = { kind: waiver.source.kind, file: waiver.source.file, line: waiver.source.line };
    entry.waiver = justification as NonNullable<FindingEntry['waiver']>;
  }
  return entry as FindingEntry;
}

/** Writable, and with the fields not set yet allowed, while an entry is being built. */
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };
