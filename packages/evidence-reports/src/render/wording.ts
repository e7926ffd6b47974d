import type { Severity } from '@trustscan/core';
import type { ActionStatus } from '../actions/action-plan.js';
import type { ControlStatus } from '../period/control-figures.js';
import type { DeviationEnd } from '../period/deviations.js';
import type { GapCause } from '../period/gaps.js';
import type { WaiverEventKind } from '../period/waiver-events.js';

/** The words every format uses, so that a figure reads the same in Markdown, HTML and CSV. */

export const controlStatusLabels: Readonly<Record<ControlStatus, string>> = {
  'operated-throughout': 'Operated throughout',
  exceptions: 'Exceptions',
  'not-tested': 'Not tested',
};

export const deviationEndLabels: Readonly<Record<DeviationEnd, string>> = {
  fixed: 'Fixed',
  'resource-removed': 'Resource removed',
  waived: 'Waived (risk accepted)',
  'still-open': 'Still open',
};

export const gapCauseLabels: Readonly<Record<GapCause, string>> = {
  'no-record': 'No scan recorded',
  'not-read': 'Scans could not read it',
  stopped: 'No longer scanned',
};

export const waiverEventLabels: Readonly<Record<WaiverEventKind, string>> = {
  granted: 'Granted (first recorded)',
  renewed: 'Renewed',
  expired: 'Expired',
  removed: 'Removed from the configuration',
};

export const actionStatusLabels: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  overdue: 'Overdue',
  resolved: 'Resolved',
  waived: 'Waived',
};

export const severityLabels: Readonly<Record<Severity, string>> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/**
 * A share as a percentage with one decimal, rounded down so that 100% means every check and 0.04% of failures is not
 * hidden; `n/a` without any.
 */
export function percent(share: number | null): string {
  if (share === null) return 'n/a';
  return `${(Math.floor(share * 1000) / 10).toFixed(share === 1 ? 0 : 1)}%`;
}

/** `2026-03-31` of an ISO time. */
export function day(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 10);
}

/** `2026-03-31 02:00 UTC`. */
export function dayAndTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `1 day`, `3 days`, `0.5 days`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The first 12 hex digits of a hash, for tables; full hashes are in the JSON form and the records list. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}
