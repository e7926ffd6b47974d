/** AWS Backup's schedule when a plan rule leaves `schedule` out: every day at 05:00 UTC. */
export const defaultBackupSchedule = 'cron(0 5 ? * * *)';

/**
 * Whether a backup schedule runs at least once a day: a cron expression whose day-of-month, month and
 * day-of-week fields are all wildcards (any hour and minute), or a rate of at most 24 hours. `undefined` when the
 * expression cannot be read.
 */
export function runsDaily(expression: string): boolean | undefined {
  const cron = /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/i.exec(expression.trim());
  if (cron) {
    const [, , , dayOfMonth, month, dayOfWeek] = cron;
    const every = (field: string | undefined): boolean => field === '*' || field === '?' || field === '*/1';
    return every(dayOfMonth) && every(month) && every(dayOfWeek);
  }
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(expression.trim());
  if (rate) {
    const amount = Number(rate[1]);
    const unit = (rate[2] ?? '').toLowerCase();
    const hours = unit.startsWith('minute') ? amount / 60 : unit.startsWith('hour') ? amount : amount * 24;
    return hours <= 24;
  }
  return undefined;
}
