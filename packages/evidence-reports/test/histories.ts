import { createHash } from 'node:crypto';
import type { FindingStatus } from '@trustscan/core';
import { appendEvidence, DirectoryStore, parseJsonReport } from '@trustscan/evidence';
import { readEvidenceHistory, type EvidenceHistory } from '@trustscan/evidence-reports';

/** A finding of a small test history: a rule on a resource of a target, with its status. */
export interface Check {
  readonly rule: string;
  readonly address: string;
  readonly status: FindingStatus;
  readonly target?: string;
  readonly message?: string;
  readonly file?: string;
}

export interface Scan {
  /** ISO time of the scan. */
  readonly at: string;
  readonly checks: readonly Check[];
  /** The targets scanned (default: those of the checks, else `infra`); listed as unreadable in `unread`. */
  readonly targets?: readonly string[];
  readonly unread?: readonly string[];
  /** A report written without passing checks. */
  readonly withoutPasses?: boolean;
}

/** A JSON report of a scan, as `trustscan scan --format json` writes it (with passes unless `withoutPasses`). */
export function jsonReport(scan: Scan): Record<string, unknown> {
  const targets = scan.targets ?? [...new Set(scan.checks.map((c) => c.target ?? 'infra'))];
  const unread = new Set(scan.unread ?? []);
  const checks = scan.checks.filter((c) => !unread.has(c.target ?? 'infra'));
  const byStatus = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
  for (const check of checks) byStatus[check.status]++;
  return {
    schemaVersion: 1,
    tool: { name: 'trustscan', version: '0.1.0' },
    startedAt: scan.at,
    finishedAt: scan.at,
    targets: (targets.length > 0 ? targets : ['infra']).map((name) => ({ name, kind: 'terraform-hcl', resources: checks.filter((c) => (c.target ?? 'infra') === name).length, ok: !unread.has(name) })),
    findings: checks
      .filter((c) => !scan.withoutPasses || c.status !== 'pass')
      .map((c) => ({
        ruleId: c.rule,
        status: c.status,
        severity: 'high',
        area: 'encryption-at-rest',
        tsc: ['CC6.1'],
        resource: { address: c.address, type: c.address.split('.')[0] ?? 'aws_s3_bucket', provider: 'aws', origin: 'hcl' },
        target: c.target ?? 'infra',
        location: { file: c.file ?? 'infra/main.tf', startLine: 1, endLine: 3, startColumn: 1, endColumn: 2 },
        message: c.message ?? `${c.address} ${c.status === 'pass' ? 'complies' : 'does not comply'}.`,
        fingerprint: createHash('sha256').update(`${c.rule}\n${c.address}`).digest('hex').slice(0, 32),
      })),
    summary: { resources: checks.length, byStatus, failBySeverity: { critical: 0, high: byStatus.fail, medium: 0, low: 0 }, criteria: [] },
    notifications: [],
    waivers: [],
  };
}

/** Appends the scans to a directory store as imported reports, in the order given, and reads the history. */
export async function historyOf(directory: string, scans: readonly Scan[], asOf?: string): Promise<EvidenceHistory> {
  const store = new DirectoryStore('store', { directory });
  try {
    for (const [index, scan] of scans.entries()) {
      const report = parseJsonReport(Buffer.from(JSON.stringify(jsonReport(scan))), `report-${index + 1}.json`);
      await appendEvidence(store, report.scan, { imported: report.imported, passes: report.passes, environment: { provider: 'local' } });
    }
    return await readEvidenceHistory(store, { asOf: asOf ?? scans.map((s) => s.at).sort().at(-1) ?? new Date().toISOString() });
  } finally {
    store.close();
  }
}

/** `2026-03-0N` at 02:00 UTC. */
export function day(n: number): string {
  return new Date(Date.UTC(2026, 2, n, 2)).toISOString();
}
