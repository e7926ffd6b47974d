import { severities, type DriftSide, type Finding, type ScanResult } from '@trustscan/core';

/**
 * What the drift rules found, arranged for the text, Markdown and HTML reports: controls that drifted (with both
 * copies side by side), unmanaged resources counted per type, and missing ones. Only failing findings are listed;
 * comparisons that agreed or could not be decided are counted.
 */
export interface DriftView {
  /** `drift-control` failures: most severe first, then by place. */
  readonly drifted: readonly DriftedControl[];
  readonly unmanaged: readonly Finding[];
  /** Unmanaged resources per Terraform type, most first. */
  readonly unmanagedByType: readonly { readonly type: string; readonly count: number }[];
  readonly missing: readonly Finding[];
  /** Control verdicts compared on both copies, whatever the outcome. */
  readonly compared: number;
  /** Comparisons that could not be decided (a copy's verdict is unknown). */
  readonly undetermined: number;
  /** Drift findings waived or recorded in a baseline. */
  readonly setAside: number;
}

export interface DriftedControl {
  readonly finding: Finding;
  /** The rule id of the control that drifted. */
  readonly control: string;
  readonly declared: DriftSide;
  readonly live: DriftSide;
}

/** Whether a finding comes from a drift rule. */
export function isDriftFinding(finding: Finding): boolean {
  return finding.drift !== undefined;
}

/** The drift view of a scan; `undefined` when the scan compared nothing (no drift finding at all). */
export function driftView(result: ScanResult): DriftView | undefined {
  const drift = result.findings.filter(isDriftFinding);
  if (drift.length === 0) return undefined;
  const failing = drift.filter((f) => f.status === 'fail');
  const drifted = failing
    .filter((f) => f.drift?.kind === 'control' && f.drift.declared && f.drift.live)
    .sort(bySeverityThenPlace)
    .map((finding) => ({ finding, control: finding.drift?.control ?? finding.ruleId, declared: finding.drift?.declared as DriftSide, live: finding.drift?.live as DriftSide }));
  const unmanaged = failing.filter((f) => f.drift?.kind === 'unmanaged').sort((a, b) => compare(a.resource.type, b.resource.type) || compare(a.resource.address, b.resource.address));
  const counts = new Map<string, number>();
  for (const finding of unmanaged) counts.set(finding.resource.type, (counts.get(finding.resource.type) ?? 0) + 1);
  return {
    drifted,
    unmanaged,
    unmanagedByType: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || compare(a.type, b.type)),
    missing: failing.filter((f) => f.drift?.kind === 'missing').sort((a, b) => compare(a.location.file, b.location.file) || a.location.startLine - b.location.startLine || compare(a.resource.address, b.resource.address)),
    compared: drift.filter((f) => f.drift?.kind === 'control').length,
    undetermined: drift.filter((f) => f.drift?.kind === 'control' && f.status === 'unknown').length,
    setAside: drift.filter((f) => f.status === 'waived' || f.status === 'baseline').length,
  };
}

const longValue = 60;

/** What a report shows for one copy of a drifted control: the value that decided, or the control's message there. */
export interface SideText {
  /** `value`: an attribute and its value, to show as code; `message`: a sentence. */
  readonly kind: 'value' | 'message';
  readonly text: string;
}

/**
 * `versioning_configuration.0.status = "Enabled"`, or what a copy has instead of a value. A long value (a policy
 * document) says less than the control's own message on that copy, which is shown instead.
 */
export function sideText(drift: { readonly attribute?: string }, side: DriftSide): SideText {
  if (drift.attribute === undefined || (side.value !== undefined && side.value.length > longValue)) return { kind: 'message', text: side.message ?? side.status ?? '' };
  return { kind: 'value', text: side.value === undefined ? `${drift.attribute} not set` : `${drift.attribute} = ${side.value}` };
}

/** `file:line` of a location. */
export function sidePlace(side: DriftSide): string {
  return `${side.location.file}:${side.location.startLine}`;
}

function bySeverityThenPlace(a: Finding, b: Finding): number {
  return (
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    compare(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    compare(a.drift?.control ?? '', b.drift?.control ?? '') ||
    compare(a.resource.address, b.resource.address)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
