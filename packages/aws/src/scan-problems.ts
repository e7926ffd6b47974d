import type { Notification, NotificationLevel } from '@trustscan/core';

interface Problem {
  level: NotificationLevel;
  code: string;
  subject: string;
  /** Message given how many resources the problem touched. */
  message: (count: number) => string;
  count: number;
}

/**
 * The problems of a live scan, merged by code, subject and cause, so that a permission missing for 1,000 buckets
 * gives one notification that says 1,000 rather than 1,000 notifications.
 */
export class ScanProblems {
  private readonly problems = new Map<string, Problem>();

  /** Records one occurrence; `key` tells which occurrences are the same problem. */
  add(key: string, problem: Omit<Problem, 'count'>): void {
    const existing = this.problems.get(key);
    if (existing) existing.count++;
    else this.problems.set(key, { ...problem, count: 1 });
  }

  /** Whether a problem with this code was recorded. */
  has(code: string): boolean {
    for (const problem of this.problems.values()) if (problem.code === code) return true;
    return false;
  }

  /** The notifications, sorted by code, subject and message. */
  notifications(): Notification[] {
    return [...this.problems.values()]
      .map((p) => ({ level: p.level, code: p.code, message: p.message(p.count), subject: p.subject }))
      .sort((a, b) => compare(a.code, b.code) || compare(a.subject, b.subject) || compare(a.message, b.message));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `1 bucket`, `12 buckets`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}
