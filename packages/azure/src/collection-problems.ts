import type { Notification } from '@trustscan/core';
import type { ArmFailure } from './arm-failure.js';

/** One call that failed during collection, and for how many resources its data is therefore unknown. */
export interface CollectionProblem {
  readonly subscription: string;
  /** ARM type of what could not be read: `Microsoft.Storage/storageAccounts/blobServices`. */
  readonly armType: string;
  readonly failure: ArmFailure;
}

/**
 * Turns failed calls into notifications, one per subscription, type and cause: a 403 is an `access-denied` warning
 * naming the missing permission, anything else an `api-error` warning. Sorted, so reports are stable.
 */
export function problemNotifications(problems: readonly CollectionProblem[]): Notification[] {
  const groups = new Map<string, { problem: CollectionProblem; count: number }>();
  for (const problem of problems) {
    const f = problem.failure;
    const key = [problem.subscription, problem.armType.toLowerCase(), f.status, f.status === 403 ? (f.permission ?? '') : f.code].join('|');
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { problem, count: 1 });
  }
  const notifications = [...groups.values()].map(({ problem, count }): Notification => {
    const { subscription, armType, failure } = problem;
    const what = `${count} ${count === 1 ? 'read' : 'reads'} of ${armType}`;
    if (failure.status === 403) {
      return {
        level: 'warning',
        code: 'access-denied',
        message: `Azure subscription ${subscription}: the credentials may not read ${armType} (${what} denied), so the checks that need it are unknown; grant ${failure.permission ?? `${armType}/read`} (the Reader role has it).`,
        subject: `/subscriptions/${subscription}`,
      };
    }
    const cause = failure.status === 0 ? failure.code : `HTTP ${failure.status} ${failure.code}`;
    return {
      level: 'warning',
      code: 'api-error',
      message: `Azure subscription ${subscription}: ${what} failed (${cause}: ${failure.message}), so the checks that need it are unknown.`,
      subject: `/subscriptions/${subscription}`,
    };
  });
  return notifications.sort((a, b) => (a.subject ?? '').localeCompare(b.subject ?? '') || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}
