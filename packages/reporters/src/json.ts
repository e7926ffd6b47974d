import type { Finding, ScanResult } from '@trustscan/core';

/** The version of the JSON report's shape; it changes only when a field is removed or changes meaning. */
export const jsonSchemaVersion = 1;

export interface JsonOptions {
  /** Also list passing checks (by default only fail, unknown, waived and baseline findings). */
  readonly includePassed?: boolean;
}

/**
 * Renders the documented JSON report (`docs/json-report.md`, schema `packages/reporters/schema/report.schema.json`):
 * `{ schemaVersion, tool, startedAt, finishedAt, profile, ruleOptions, targets, findings, summary, notifications, waivers }`.
 */
export function toJson(result: ScanResult, options: JsonOptions = {}): string {
  const findings = result.findings.filter((f) => options.includePassed || f.status !== 'pass').map(toJsonFinding);
  const report = {
    schemaVersion: jsonSchemaVersion,
    tool: result.tool,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    profile: result.profile ?? 'baseline',
    ruleOptions: result.ruleOptions ?? {},
    targets: result.targets,
    findings,
    summary: result.summary,
    notifications: result.notifications,
    waivers: result.waivers,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function toJsonFinding(finding: Finding): Record<string, unknown> {
  const { resource, location } = finding;
  return {
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
      ...(resource.tags === undefined ? {} : { tags: resource.tags }),
    },
    ...(finding.target === undefined ? {} : { target: finding.target }),
    location: { file: location.file, startLine: location.startLine, endLine: location.endLine, startColumn: location.startColumn, endColumn: location.endColumn },
    message: finding.message,
    ...(finding.path === undefined ? {} : { attribute: finding.path }),
    fingerprint: finding.fingerprint,
    ...(finding.waiver === undefined ? {} : { waiver: finding.waiver }),
    ...(finding.drift === undefined ? {} : { drift: finding.drift }),
  };
}
