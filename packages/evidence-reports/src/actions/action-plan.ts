import { createHash } from 'node:crypto';
import { severities, toolName, toolVersion, type OwnerRule, type RuleMeta, type Severity, type TscId } from '@trustscan/core';
import type { EvidenceHistory } from '../history/evidence-history.js';
import { chainSummary, type ChainSummary } from '../history/chain-summary.js';
import { compareText } from '../compare-text.js';
import { calendarDays, dayMs, dayOf, isoOf, parseDateBound, startOfDay } from '../period/dates.js';
import { findDeviations, type Deviation, type DeviationEnd, type DeviationResource } from '../period/deviations.js';
import { timeOf, type RecordRef } from '../period/record-ref.js';
import { findOwner } from './owners.js';

/** The version of the action plan's JSON shape (docs/period-report.md); it changes only when a field is removed or changes meaning. */
export const actionPlanSchemaVersion = 1;

/** Days to fix a failing check, by severity, when the configuration does not say. */
export const defaultSla: Readonly<Record<Severity, number>> = { critical: 7, high: 30, medium: 90, low: 180 };

/** Resolved and waived actions stay on the list this long (unless `from` says otherwise). */
const defaultLookbackDays = 90;

export interface ActionPlanOptions {
  /** Actions resolved or waived since this time are listed, and times to remediate are measured over it (default: 90 days before as-of). */
  readonly from?: Date | string;
  /** Who fixes what (config `owners:`); the first matching rule wins. */
  readonly owners?: readonly OwnerRule[];
  /** Days to fix by severity (config `sla:`), over the defaults critical 7, high 30, medium 90, low 180. */
  readonly sla?: Readonly<Partial<Record<Severity, number>>>;
  /** Rule metadata, for titles. */
  readonly rules?: readonly RuleMeta[];
}

/** `overdue`: open past its due date. `waived`: the risk was accepted (a waiver applies now). */
export type ActionStatus = 'open' | 'overdue' | 'resolved' | 'waived';

export interface Milestone {
  readonly milestone: 'first-seen' | 'owner-assigned' | 'due' | 'resolved' | 'waived';
  /** ISO date-time for what happened, `YYYY-MM-DD` for the due date; null while it has not happened. */
  readonly date: string | null;
  readonly done: boolean;
  readonly note?: string;
}

/** One failing control on one resource, tracked until it is fixed or formally accepted. */
export interface CorrectiveAction {
  /** `A-` and 12 hex digits of the rule, target and resource: stable from one run to the next. */
  readonly id: string;
  readonly ruleId: string;
  readonly title?: string;
  readonly severity: Severity;
  readonly criteria: readonly TscId[];
  readonly resource: DeviationResource;
  readonly location: { readonly file: string; readonly line: number };
  /** What is wrong, as the last failing scan said it. */
  readonly message: string;
  readonly owner: string | null;
  /** The owners rule that assigned it (`file:line`). */
  readonly ownerSource: string | null;
  readonly status: ActionStatus;
  readonly firstSeen: string;
  readonly slaDays: number;
  /** First seen + SLA days (`YYYY-MM-DD`): the last day to fix it. */
  readonly due: string;
  readonly resolvedAt: string | null;
  readonly ended: DeviationEnd;
  /** Calendar days from first seen to resolution, or to the as-of time while open. */
  readonly daysOpen: number;
  /** Days past due (open or fixed late); 0 when on time. */
  readonly daysOverdue: number;
  readonly milestones: readonly Milestone[];
  /** The deviations behind it (a finding per attribute the rule judges, fixed and failing again). */
  readonly deviations: readonly string[];
  /** Earlier times the same control failed on the same resource and was fixed. */
  readonly recurrences: number;
  readonly evidence: { readonly firstSeen: RecordRef; readonly lastSeen: RecordRef; readonly resolved: RecordRef | null };
}

export interface SeverityCounts {
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly total: number;
}

export interface RemediationTime {
  /** Failures fixed (or whose resource was removed) in the window. */
  readonly fixed: number;
  /** Days from first seen to fixed; null when nothing was fixed. */
  readonly meanDays: number | null;
  readonly p90Days: number | null;
}

export interface ActionPlan {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string;
  /** Resolved and waived actions, and times to remediate, cover `from` to `asOf`. */
  readonly from: string;
  readonly chain: ChainSummary;
  readonly store: { readonly location: string; readonly records: number };
  readonly findings: EvidenceHistory['findings'];
  readonly sla: Readonly<Record<Severity, number>>;
  readonly summary: {
    readonly open: SeverityCounts;
    readonly overdue: SeverityCounts;
    readonly resolved: number;
    readonly waived: number;
    /** Open and overdue actions per owner (`null`: unassigned), most overdue first. */
    readonly byOwner: readonly { readonly owner: string | null; readonly open: number; readonly overdue: number }[];
    readonly timeToRemediate: Readonly<Record<Severity, RemediationTime>>;
  };
  /** Overdue first, then open, waived and resolved; most severe and oldest first within each. */
  readonly actions: readonly CorrectiveAction[];
}

/**
 * The corrective action plan at a point in time: one action per rule and resource that is failing, or was fixed or
 * waived since `from`. Pure: a function of the history, the as-of time it was read at, and the options.
 */
export function actionPlan(history: EvidenceHistory, options: ActionPlanOptions = {}): ActionPlan {
  const asOf = Date.parse(history.asOf);
  const from = options.from === undefined ? startOfDay(asOf) - defaultLookbackDays * dayMs : parseDateBound(options.from, 'start', 'from');
  const sla: Record<Severity, number> = { ...defaultSla, ...options.sla };
  const titles = new Map((options.rules ?? []).map((rule) => [rule.id, rule.title]));
  const groups = new Map<string, Deviation[]>();
  for (const deviation of findDeviations(history)) {
    const key = `${deviation.ruleId}\n${deviation.resource.target}\n${deviation.resource.address}`;
    (groups.get(key) ?? groups.set(key, []).get(key))?.push(deviation);
  }
  const actions: CorrectiveAction[] = [];
  const remediated: { severity: Severity; days: number }[] = [];
  for (const [key, deviations] of groups) {
    const episodes = episodesOf(deviations);
    for (const episode of episodes) {
      const end = episode.resolvedAt;
      if (end !== null && end >= from && (episode.ended === 'fixed' || episode.ended === 'resource-removed')) {
        remediated.push({ severity: episode.severity, days: (end - episode.firstSeen) / dayMs });
      }
    }
    const latest = episodes.at(-1) as Episode;
    if (latest.resolvedAt !== null && latest.resolvedAt < from) continue;
    actions.push(action(key, latest, episodes.length - 1, { asOf, sla, owners: options.owners ?? [], titles }));
  }
  const statusOrder: Readonly<Record<ActionStatus, number>> = { overdue: 0, open: 1, waived: 2, resolved: 3 };
  actions.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
      compareText(a.firstSeen, b.firstSeen) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.resource.address, b.resource.address),
  );
  return {
    schemaVersion: actionPlanSchemaVersion,
    tool: { name: toolName, version: toolVersion },
    asOf: history.asOf,
    from: isoOf(from),
    chain: chainSummary(history.chain),
    store: { location: history.location, records: history.chain.records },
    findings: history.findings,
    sla,
    summary: {
      open: countBySeverity(actions.filter((a) => a.status === 'open' || a.status === 'overdue')),
      overdue: countBySeverity(actions.filter((a) => a.status === 'overdue')),
      resolved: actions.filter((a) => a.status === 'resolved').length,
      waived: actions.filter((a) => a.status === 'waived').length,
      byOwner: byOwner(actions),
      timeToRemediate: Object.fromEntries(severities.map((severity) => [severity, remediationTime(remediated.filter((r) => r.severity === severity).map((r) => r.days))])) as Record<Severity, RemediationTime>,
    },
    actions,
  };
}

/** Overlapping deviations of one rule on one resource (one per judged attribute), as one failure. */
interface Episode {
  readonly deviations: readonly Deviation[];
  readonly severity: Severity;
  readonly firstSeen: number;
  readonly resolvedAt: number | null;
  readonly ended: DeviationEnd;
}

function episodesOf(deviations: readonly Deviation[]): Episode[] {
  const episodes: { deviations: Deviation[]; firstSeen: number; resolvedAt: number | null }[] = [];
  for (const deviation of [...deviations].sort((a, b) => compareText(a.firstSeen.at, b.firstSeen.at))) {
    const start = timeOf(deviation.firstSeen);
    const end = deviation.resolved === null ? null : timeOf(deviation.resolved);
    const last = episodes.at(-1);
    if (last && (last.resolvedAt === null || start < last.resolvedAt)) {
      last.deviations.push(deviation);
      last.resolvedAt = last.resolvedAt === null || end === null ? null : Math.max(last.resolvedAt, end);
    } else {
      episodes.push({ deviations: [deviation], firstSeen: start, resolvedAt: end });
    }
  }
  return episodes.map((episode) => {
    const open = episode.deviations.find((d) => d.resolved === null);
    const lastEnded = [...episode.deviations].sort((a, b) => compareText(a.resolved?.at ?? '', b.resolved?.at ?? '')).at(-1) as Deviation;
    return {
      ...episode,
      severity: episode.deviations.map((d) => d.severity).sort((a, b) => severities.indexOf(a) - severities.indexOf(b))[0] as Severity,
      ended: open ? 'still-open' : lastEnded.ended,
    };
  });
}

function action(
  key: string,
  episode: Episode,
  recurrences: number,
  context: { asOf: number; sla: Readonly<Record<Severity, number>>; owners: readonly OwnerRule[]; titles: ReadonlyMap<string, string> },
): CorrectiveAction {
  const deviations = episode.deviations;
  const latest = [...deviations].sort((a, b) => compareText(a.lastSeen.at, b.lastSeen.at)).at(-1) as Deviation;
  const first = deviations[0] as Deviation;
  const { resource } = latest;
  const owner = findOwner({ address: resource.address, ...(resource.cloudId ? { cloudId: resource.cloudId } : {}), ...(resource.tags ? { tags: resource.tags } : {}), file: latest.location.file, target: resource.target }, context.owners);
  const slaDays = context.sla[episode.severity];
  const dueStart = startOfDay(episode.firstSeen) + slaDays * dayMs;
  const due = dayOf(dueStart);
  const resolvedAt = episode.resolvedAt;
  const status: ActionStatus = resolvedAt === null ? (startOfDay(context.asOf) > dueStart ? 'overdue' : 'open') : episode.ended === 'waived' ? 'waived' : 'resolved';
  const finished = resolvedAt ?? context.asOf;
  const daysOverdue = status === 'waived' ? 0 : Math.max(0, calendarDays(dueStart, finished));
  const firstSeen = isoOf(episode.firstSeen);
  const milestones: Milestone[] = [
    { milestone: 'first-seen', date: firstSeen, done: true },
    owner
      ? { milestone: 'owner-assigned', date: firstSeen, done: true, note: `${owner.owner}, by the owners rule at ${owner.source.file}:${owner.source.line}` }
      : { milestone: 'owner-assigned', date: null, done: false, note: 'no owners rule matches: add one to the config file' },
    { milestone: 'due', date: due, done: resolvedAt !== null && startOfDay(resolvedAt) <= dueStart, ...(daysOverdue > 0 ? { note: `${daysOverdue} day${daysOverdue === 1 ? '' : 's'} late` } : {}) },
    episode.ended === 'waived'
      ? { milestone: 'waived', date: resolvedAt === null ? null : isoOf(resolvedAt), done: true, note: 'the risk was accepted with a waiver' }
      : { milestone: 'resolved', date: resolvedAt === null ? null : isoOf(resolvedAt), done: resolvedAt !== null, ...(episode.ended === 'resource-removed' ? { note: 'the resource was removed' } : {}) },
  ];
  return {
    id: `A-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`,
    ruleId: latest.ruleId,
    ...(context.titles.has(latest.ruleId) ? { title: context.titles.get(latest.ruleId) as string } : {}),
    severity: episode.severity,
    criteria: latest.criteria,
    resource,
    location: latest.location,
    message: latest.message,
    owner: owner?.owner ?? null,
    ownerSource: owner ? `${owner.source.file}:${owner.source.line}` : null,
    status,
    firstSeen,
    slaDays,
    due,
    resolvedAt: resolvedAt === null ? null : isoOf(resolvedAt),
    ended: episode.ended,
    daysOpen: calendarDays(episode.firstSeen, finished),
    daysOverdue,
    milestones,
    deviations: deviations.map((d) => d.id),
    recurrences,
    evidence: { firstSeen: first.firstSeen, lastSeen: latest.lastSeen, resolved: resolvedAt === null ? null : (latest.resolved ?? null) },
  };
}

function countBySeverity(actions: readonly CorrectiveAction[]): SeverityCounts {
  const count = (severity: Severity) => actions.filter((a) => a.severity === severity).length;
  return { critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low'), total: actions.length };
}

function byOwner(actions: readonly CorrectiveAction[]): { owner: string | null; open: number; overdue: number }[] {
  const owners = new Map<string | null, { owner: string | null; open: number; overdue: number }>();
  for (const a of actions) {
    if (a.status !== 'open' && a.status !== 'overdue') continue;
    const row = owners.get(a.owner) ?? owners.set(a.owner, { owner: a.owner, open: 0, overdue: 0 }).get(a.owner);
    if (!row) continue;
    row.open++;
    if (a.status === 'overdue') row.overdue++;
  }
  return [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || compareText(a.owner ?? '\uffff', b.owner ?? '\uffff'));
}

/** Mean and 90th percentile (nearest rank) of days to remediate, to one decimal. */
export function remediationTime(days: readonly number[]): RemediationTime {
  if (days.length === 0) return { fixed: 0, meanDays: null, p90Days: null };
  const sorted = [...days].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { fixed: days.length, meanDays: round(days.reduce((sum, d) => sum + d, 0) / days.length), p90Days: round(sorted[Math.ceil(0.9 * sorted.length) - 1] as number) };
}
