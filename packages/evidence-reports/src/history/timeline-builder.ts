import type { EvidenceChange, FindingEntry, RecordHeader } from '@trustscan/evidence';
import type { FindingTimeline, HistoryRecord, Observation, TimelineResource } from './evidence-history.js';

/** What the builder needs of a replay step (`replayEvidence` yields these). */
export interface HistoryStep {
  readonly record: { readonly seq: number; readonly path: string; readonly sha256: string; readonly header: RecordHeader };
  /** The findings the record evidences, by entry key. */
  readonly state: { get(key: string): FindingEntry | undefined; [Symbol.iterator](): Iterator<[string, FindingEntry]> };
  /** What changed since the previous record of the record's stream. */
  readonly changes: readonly EvidenceChange[];
}

interface MutableTimeline {
  key: string;
  target: string;
  fingerprint: string;
  ruleId: string;
  severity: FindingTimeline['severity'];
  tsc: FindingTimeline['tsc'];
  resource: TimelineResource;
  location: { file: string; line: number };
  observations: Observation[];
}

/**
 * Turns replay steps into records and finding timelines, keeping only status changes. Each stream's changes are
 * exact; where several streams read the same target (a target added to a scan starts a new stream), the most recent
 * record that read a target decides its findings' status: keys last set by another stream are checked against the
 * record's own findings, so a finding that the new stream no longer has ends there.
 */
export class TimelineBuilder {
  private readonly records: HistoryRecord[] = [];
  private readonly timelines = new Map<string, MutableTimeline>();
  /** Keys by the stream whose record last decided them, then by target. */
  private readonly decidedBy = new Map<string, Map<string, Set<string>>>();
  private readonly streamOf = new Map<string, string>();
  /**
   * Streams whose last record came from a report without passing checks. The replay reports no passes appearing
   * after it (they were not evidenced before), so the stream's next record that lists passes is compared whole.
   */
  private readonly afterUnlisted = new Set<string>();
  /**
   * Targets the stream's last record could not read. The replay reports no change for them (absence of evidence is
   * not a change), so the next record that reads one is compared with what was last known of its findings.
   */
  private readonly unread = new Map<string, Set<string>>();

  /** Adds the next step, in observation order. */
  add(step: HistoryStep): void {
    const header = step.record.header;
    const index = this.records.length;
    const record: HistoryRecord = {
      index,
      seq: step.record.seq,
      path: step.record.path,
      sha256: step.record.sha256,
      time: Date.parse(header.startedAt),
      header,
      rulesRun: new Set(header.rules.length > 0 ? header.rules.map((rule) => rule.id) : Object.keys(header.summary.rules)),
      targetsRead: new Set(header.targets.filter((target) => target.ok).map((target) => target.name)),
    };
    this.records.push(record);
    const stream = header.stream.id;
    const listsPasses = header.passes === 'recorded';

    for (const change of step.changes) {
      if (change.after) this.observe(change.key, record, change.after);
      else if (change.before) this.observeAbsence(change.key, record, change.before.ruleId);
      this.decide(change.key, stream);
    }
    // Findings another stream decided last, in the targets this record read: this record's findings decide them now.
    for (const [other, byTarget] of this.decidedBy) {
      if (other === stream) continue;
      for (const target of record.targetsRead) {
        const keys = byTarget.get(target);
        if (!keys) continue;
        for (const key of [...keys]) {
          const entry = step.state.get(key);
          if (entry) this.observe(key, record, entry);
          else this.observeAbsence(key, record, this.timelines.get(key)?.ruleId ?? '');
          this.decide(key, stream);
        }
      }
    }
    const unread = this.unread.get(stream) ?? new Set<string>();
    const resync = listsPasses && this.afterUnlisted.has(stream) ? [...record.targetsRead] : [...unread].filter((target) => record.targetsRead.has(target));
    if (resync.length > 0) this.resync(record, step, new Set(resync), stream);
    this.unread.set(stream, new Set(header.targets.filter((target) => !target.ok).map((target) => target.name)));
    if (listsPasses) this.afterUnlisted.delete(stream);
    else this.afterUnlisted.add(stream);
  }

  /** Observes every finding of the given targets in the record, and the absence of those it no longer has. */
  private resync(record: HistoryRecord, step: HistoryStep, targets: ReadonlySet<string>, stream: string): void {
    const present = new Set<string>();
    for (const [key, entry] of step.state) {
      if (!targets.has(entry.target)) continue;
      present.add(key);
      this.observe(key, record, entry);
      this.decide(key, stream);
    }
    for (const target of targets) {
      for (const key of [...(this.decidedBy.get(stream)?.get(target) ?? [])]) {
        if (present.has(key)) continue;
        const timeline = this.timelines.get(key);
        if (timeline) this.observeAbsence(key, record, timeline.ruleId);
      }
    }
  }

  /** The records and timelines so far. */
  result(): { records: HistoryRecord[]; timelines: FindingTimeline[] } {
    return { records: this.records, timelines: [...this.timelines.values()] };
  }

  private observe(key: string, record: HistoryRecord, entry: FindingEntry): void {
    let timeline = this.timelines.get(key);
    if (!timeline) {
      timeline = {
        key,
        target: entry.target,
        fingerprint: entry.duplicate === undefined ? entry.fingerprint : `${entry.fingerprint}#${entry.duplicate}`,
        ruleId: entry.ruleId,
        severity: entry.severity,
        tsc: entry.tsc,
        resource: resourceOf(entry),
        location: { file: entry.location.file, line: entry.location.startLine },
        observations: [],
      };
      this.timelines.set(key, timeline);
    } else {
      // The latest details win; most changes are of status only, so the objects are kept when equal.
      timeline.severity = entry.severity;
      timeline.tsc = entry.tsc;
      if (!sameResource(timeline.resource, entry.resource)) timeline.resource = resourceOf(entry);
      if (timeline.location.file !== entry.location.file || timeline.location.line !== entry.location.startLine) timeline.location = { file: entry.location.file, line: entry.location.startLine };
    }
    const observation: Observation = {
      at: record.index,
      status: entry.status,
      ...(entry.status === 'fail' || entry.status === 'baseline' ? { message: entry.message } : {}),
      ...(entry.status === 'waived' && entry.waiver
        ? {
            waiver: {
              reason: entry.waiver.reason,
              ...(entry.waiver.owner === undefined ? {} : { owner: entry.waiver.owner }),
              ...(entry.waiver.expires === undefined ? {} : { expires: entry.waiver.expires }),
            },
          }
        : {}),
    };
    this.push(timeline, observation);
  }

  /**
   * A finding the record does not have. Not a change when the rule did not run in that record (it was disabled, or an
   * imported report has nothing of it); `not-listed` when the record lists no passing checks.
   */
  private observeAbsence(key: string, record: HistoryRecord, ruleId: string): void {
    const timeline = this.timelines.get(key);
    if (!timeline) return;
    // A report without passing checks names no rule that found nothing failing: a failure it does not list ended.
    if (record.header.passes === 'omitted') {
      const last = timeline.observations.at(-1)?.status;
      if (last === 'pass' || last === 'absent' || last === 'not-listed') return;
      this.push(timeline, { at: record.index, status: 'not-listed' });
      return;
    }
    if (!record.rulesRun.has(ruleId)) return;
    this.push(timeline, { at: record.index, status: 'absent' });
  }

  /** Adds an observation when the status changed; a failure's latest message replaces the one it started with otherwise. */
  private push(timeline: MutableTimeline, observation: Observation): void {
    const last = timeline.observations.at(-1);
    if (last?.status === observation.status && last.waiver?.expires === observation.waiver?.expires) return;
    timeline.observations.push(observation);
  }

  private decide(key: string, stream: string): void {
    const previous = this.streamOf.get(key);
    if (previous === stream) return;
    const timeline = this.timelines.get(key);
    if (!timeline) return;
    if (previous !== undefined) this.decidedBy.get(previous)?.get(timeline.target)?.delete(key);
    this.streamOf.set(key, stream);
    let byTarget = this.decidedBy.get(stream);
    if (!byTarget) this.decidedBy.set(stream, (byTarget = new Map()));
    let keys = byTarget.get(timeline.target);
    if (!keys) byTarget.set(timeline.target, (keys = new Set()));
    keys.add(key);
  }
}

function sameResource(held: TimelineResource, recorded: FindingEntry['resource']): boolean {
  return held.address === recorded.address && held.type === recorded.type && held.cloudId === recorded.cloudId && JSON.stringify(held.tags) === JSON.stringify(recorded.tags);
}

function resourceOf(entry: FindingEntry): TimelineResource {
  const { address, type, provider, cloudId, tags } = entry.resource;
  return { address, type, provider, ...(cloudId === undefined ? {} : { cloudId }), ...(tags === undefined ? {} : { tags }) };
}
