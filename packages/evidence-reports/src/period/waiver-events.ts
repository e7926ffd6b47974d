import type { WaiverReport } from '@trustscan/core';
import type { HistoryRecord } from '../history/evidence-history.js';
import { compareText } from '../compare-text.js';
import { recordRef, type RecordRef } from './record-ref.js';

/** What happened to a waiver: first recorded, given a later expiry, expired, or taken out of the configuration. */
export type WaiverEventKind = 'granted' | 'renewed' | 'expired' | 'removed';

export interface WaiverFacts {
  /** The rule id or glob. */
  readonly rule: string;
  /** The resources it covers, as written. */
  readonly resource: string;
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  /** Where it is written: the config file or the inline comment, and the line. */
  readonly source: string;
}

export interface WaiverEvent extends WaiverFacts {
  readonly kind: WaiverEventKind;
  /** For a renewal: the expiry it replaced. */
  readonly previousExpires?: string;
  /** The first record that showed it. */
  readonly record: RecordRef;
}

export interface WaiverInForce extends WaiverFacts {
  /** As the last record of the period that carried it said: active, expired, or stale (it matched nothing). */
  readonly state: WaiverReport['state'];
  /** Findings it waived in that record. */
  readonly matched: number;
}

export interface WaiverHistory {
  readonly events: readonly WaiverEvent[];
  readonly inForce: readonly WaiverInForce[];
}

/**
 * The waiver events of a period, from the waivers each record carries. A waiver is known by its rule and resources.
 * Each stream (scans of the same targets) is followed on its own, so two pipelines with different configurations do
 * not make waivers appear and disappear; the same event seen by several streams is listed once.
 */
export function waiverHistory(records: readonly HistoryRecord[], start: number, end: number): WaiverHistory {
  const seen = new Set<string>();
  const lastByStream = new Map<string, Map<string, WaiverReport>>();
  const events = new Map<string, WaiverEvent>();
  const inForce = new Map<string, WaiverInForce>();
  for (const record of records) {
    const stream = record.header.stream.id;
    const previous = lastByStream.get(stream);
    const current = new Map(record.header.waivers.map((waiver) => [identity(waiver), waiver]));
    const within = record.time >= start && record.time <= end;
    const add = (kind: WaiverEventKind, waiver: WaiverReport, extra: { previousExpires?: string } = {}): void => {
      const key = `${kind}\n${identity(waiver)}\n${waiver.expires ?? ''}`;
      if (within && !events.has(key)) events.set(key, { kind, ...facts(waiver), ...extra, record: recordRef(record) });
    };
    for (const [id, waiver] of current) {
      const before = previous?.get(id);
      if (!seen.has(id)) add('granted', waiver);
      else if (before && before.expires !== waiver.expires && (waiver.expires === undefined || (before.expires !== undefined && waiver.expires > before.expires))) {
        add('renewed', waiver, before.expires === undefined ? {} : { previousExpires: before.expires });
      }
      if (waiver.state === 'expired' && before?.state !== 'expired') add('expired', waiver);
      seen.add(id);
      if (within) inForce.set(id, { ...facts(waiver), state: waiver.state, matched: waiver.matched });
    }
    for (const [id, waiver] of previous ?? []) if (!current.has(id)) add('removed', waiver);
    lastByStream.set(stream, current);
  }
  const order: Readonly<Record<WaiverEventKind, number>> = { granted: 0, renewed: 1, expired: 2, removed: 3 };
  return {
    events: [...events.values()].sort((a, b) => compareText(a.record.at, b.record.at) || order[a.kind] - order[b.kind] || compareText(a.rule, b.rule) || compareText(a.resource, b.resource)),
    inForce: [...inForce.values()].sort((a, b) => compareText(a.rule, b.rule) || compareText(a.resource, b.resource)),
  };
}

function identity(waiver: WaiverReport): string {
  return `${waiver.rule}\n${waiver.resource}`;
}

function facts(waiver: WaiverReport): WaiverFacts {
  return {
    rule: waiver.rule,
    resource: waiver.resource,
    reason: waiver.reason,
    ...(waiver.owner === undefined ? {} : { owner: waiver.owner }),
    ...(waiver.expires === undefined ? {} : { expires: waiver.expires }),
    source: `${waiver.source.file}:${waiver.source.line}`,
  };
}
