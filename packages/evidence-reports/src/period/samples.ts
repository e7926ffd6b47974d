import type { HistoryRecord } from '../history/evidence-history.js';
import { upperBound } from '../history/target-reads.js';
import { dayMs, dayOf, startOfDay } from './dates.js';
import type { Deviation } from './deviations.js';
import { recordRef, timeOf, type RecordRef } from './record-ref.js';

/** A record as a sample's evidence: what it scanned, where it ran, what it counted. */
export interface SampleRecord extends RecordRef {
  readonly path: string;
  readonly stream: string;
  /** Targets read, and the inputs that identify them (plan hash, tree hash, accounts). */
  readonly targets: readonly { readonly name: string; readonly kind: string; readonly ok: boolean; readonly inputs?: unknown }[];
  readonly environment: { readonly provider: string; readonly commit?: string; readonly runUrl?: string };
  /** Checks by status, as the scan counted them. */
  readonly checks: { readonly pass: number; readonly fail: number; readonly unknown: number; readonly waived: number; readonly baseline: number };
  readonly imported: boolean;
}

export interface SampledDate {
  /** `YYYY-MM-DD` (UTC). */
  readonly date: string;
  /** The records of scans that ran that day; empty when none did. */
  readonly records: readonly SampleRecord[];
  /** When no scan ran that day: the last record before it, the evidence in force. */
  readonly inForce: SampleRecord | null;
  /** Deviations open at some time that day (ids). */
  readonly openDeviations: readonly string[];
}

export interface Sample {
  /** The seed the dates were drawn with: the same seed, period and size draw the same dates. */
  readonly seed: string;
  /** Days the dates were drawn from: every day of the period up to the as-of time. */
  readonly population: { readonly from: string; readonly to: string; readonly days: number };
  readonly size: number;
  readonly dates: readonly SampledDate[];
}

/**
 * Draws `size` distinct days of the period at random with a seeded generator (the same seed draws the same days),
 * as an auditor samples the occurrences of a daily control, and gives the evidence of each: the records of that day
 * with their hashes, or, for a day without a scan, the record in force and the fact that none ran.
 */
export function drawSample(records: readonly HistoryRecord[], deviations: readonly Deviation[], bounds: { start: number; end: number }, size: number, seed: string): Sample {
  const firstDay = startOfDay(bounds.start);
  const days = Math.max(0, Math.floor((startOfDay(bounds.end) - firstDay) / dayMs) + 1);
  const random = seededRandom(seed);
  // A partial Fisher–Yates shuffle of the day numbers: `size` distinct days, each equally likely.
  const pool = Array.from({ length: days }, (_, i) => i);
  const count = Math.min(size, days);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (days - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  const picked = pool.slice(0, count).sort((a, b) => a - b);
  const times = records.map((record) => record.time);
  const spans = deviations.map((d) => ({ id: d.id, from: timeOf(d.firstSeen), to: d.resolved === null ? Infinity : timeOf(d.resolved) }));
  return {
    seed,
    population: { from: dayOf(firstDay), to: dayOf(firstDay + Math.max(0, days - 1) * dayMs), days },
    size: count,
    dates: picked.map((day) => {
      const from = firstDay + day * dayMs;
      const to = from + dayMs;
      const first = upperBound(times, from - 1);
      const last = upperBound(times, to - 1);
      const ofDay = records.slice(first, last);
      const before = first > 0 ? records[first - 1] : undefined;
      return {
        date: dayOf(from),
        records: ofDay.map(sampleRecord),
        inForce: ofDay.length === 0 && before ? sampleRecord(before) : null,
        openDeviations: spans.filter((span) => span.from < to && span.to >= from).map((span) => span.id),
      };
    }),
  };
}

function sampleRecord(record: HistoryRecord): SampleRecord {
  const { header } = record;
  const { pass, fail, unknown, waived, baseline } = header.summary.byStatus;
  return {
    ...recordRef(record),
    path: record.path,
    stream: header.stream.id,
    targets: header.targets.map((t) => ({ name: t.name, kind: t.kind, ok: t.ok, ...(t.inputs ? { inputs: t.inputs } : {}) })),
    environment: {
      provider: header.environment.provider,
      ...(header.environment.commit ? { commit: header.environment.commit } : {}),
      ...(header.environment.runUrl ? { runUrl: header.environment.runUrl } : {}),
    },
    checks: { pass, fail, unknown, waived, baseline },
    imported: header.imported !== undefined,
  };
}

/** mulberry32, seeded by the FNV-1a hash of the seed text: small, fast, and the same on every machine. */
export function seededRandom(seed: string): () => number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let state = hash;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
