import { InputError } from '@trustscan/core';

export const dayMs = 86_400_000;

/**
 * A point in time from an ISO 8601 date or date-time. A date alone is a UTC day: its first millisecond as a start
 * (`--from`), its last as an end (`--to`, `--as-of`), so `--to 2026-03-31` includes the scans of March 31. A
 * date-time needs its zone. Anything else is an `InputError` naming the option.
 */
export function parseDateBound(value: Date | string, bound: 'start' | 'end', name: string): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw notADate(name, String(value));
    return value.getTime();
  }
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== text) throw notADate(name, text);
    return bound === 'start' ? start : start + dayMs - 1;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const time = Date.parse(text);
    const day = text.slice(0, 10);
    if (!Number.isNaN(time) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day) return time;
  }
  throw notADate(name, text);
}

function notADate(name: string, text: string): InputError {
  return new InputError(`${name} takes an ISO 8601 date or time with its zone, e.g. 2026-03-31 or 2026-03-31T23:59:59Z, not "${text}".`, { subject: name });
}

/** `2026-03-31`: the UTC day of a time. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** UTC midnight of the day of a time. */
export function startOfDay(time: number): number {
  return Math.floor(time / dayMs) * dayMs;
}

/** Calendar days from the day of `from` to the day of `to` (0 for the same day). */
export function calendarDays(from: number, to: number): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / dayMs);
}

/** An ISO 8601 UTC timestamp. */
export function isoOf(time: number): string {
  return new Date(time).toISOString();
}
