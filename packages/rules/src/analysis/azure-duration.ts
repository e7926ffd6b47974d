/**
 * The number of days an ISO 8601 duration (`P90D`, `P1Y`, `P2M15D`, `P1W`, `PT12H`) spans, counting a year as 365 days
 * and a month as 30, as Key Vault does when it schedules rotations. `undefined` when the text is not a duration.
 */
export function durationInDays(text: string): number | undefined {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().length <= 1 || /T$/i.test(text.trim())) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? '0'));
  return (years ?? 0) * 365 + (months ?? 0) * 30 + (weeks ?? 0) * 7 + (days ?? 0) + ((hours ?? 0) + ((minutes ?? 0) + (seconds ?? 0) / 60) / 60) / 24;
}
