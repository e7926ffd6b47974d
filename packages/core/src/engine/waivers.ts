import type { Finding, Notification, WaiverReport } from '../model/finding.js';
import type { Waiver } from '../model/waiver.js';
import { matchesGlob } from './glob.js';

export interface WaiverOutcome {
  readonly findings: Finding[];
  readonly reports: WaiverReport[];
  readonly notifications: Notification[];
}

/**
 * Marks failing and unknown findings covered by an active waiver as `waived`. An expired waiver waives nothing
 * and says so; an active waiver that matched nothing is reported as stale.
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], today: string): WaiverOutcome {
  if (waivers.length === 0) return { findings: [...findings], reports: [], notifications: [] };
  const active = waivers.filter((w) => !isExpired(w, today));
  const matched = new Map<Waiver, number>(waivers.map((w) => [w, 0]));
  const result = findings.map((finding) => {
    if (finding.status !== 'fail' && finding.status !== 'unknown') return finding;
    const waiver = active.find((w) => waiverMatches(w, finding));
    if (!waiver) {
      for (const expired of waivers) if (isExpired(expired, today) && waiverMatches(expired, finding)) count(matched, expired);
      return finding;
    }
    count(matched, waiver);
    const { source, reason, owner, expires } = waiver;
    return {
      ...finding,
      status: 'waived' as const,
      waiver: { reason, source, ...(owner === undefined ? {} : { owner }), ...(expires === undefined ? {} : { expires }) },
    };
  });

  const reports: WaiverReport[] = [];
  const notifications: Notification[] = [];
  for (const waiver of waivers) {
    const hits = matched.get(waiver) ?? 0;
    const state = isExpired(waiver, today) ? 'expired' : hits === 0 ? 'stale' : 'active';
    const where = `${waiver.source.file}:${waiver.source.line}`;
    if (state === 'expired') {
      notifications.push({
        level: 'warning',
        code: 'waiver-expired',
        message: `The waiver for ${waiver.rule} at ${where} expired on ${waiver.expires ?? ''} and no longer waives ${hits} finding(s); renew it with a new date or fix the finding.`,
        subject: where,
      });
    } else if (state === 'stale') {
      notifications.push({
        level: 'warning',
        code: 'waiver-stale',
        message: `The waiver for ${waiver.rule} on ${waiver.resources.join(', ')} at ${where} matches no failing finding; remove it.`,
        subject: where,
      });
    }
    const { rule, reason, owner, expires, source } = waiver;
    reports.push({
      rule,
      resource: waiver.resources.join(', '),
      reason,
      source,
      matched: hits,
      state,
      ...(owner === undefined ? {} : { owner }),
      ...(expires === undefined ? {} : { expires }),
    });
  }
  return { findings: result, reports, notifications };
}

/** Whether the waiver covers the finding's rule and resource (address, ARN or Azure id). */
export function waiverMatches(waiver: Waiver, finding: Finding): boolean {
  if (!matchesGlob(waiver.rule, finding.ruleId)) return false;
  const identities = [finding.resource.address, finding.resource.cloudId].filter((x): x is string => x !== undefined);
  return waiver.resources.some((pattern) => identities.some((id) => matchesGlob(pattern, id)));
}

function isExpired(waiver: Waiver, today: string): boolean {
  return waiver.expires !== undefined && waiver.expires < today;
}

function count(map: Map<Waiver, number>, waiver: Waiver): void {
  map.set(waiver, (map.get(waiver) ?? 0) + 1);
}
