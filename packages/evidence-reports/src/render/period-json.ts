import type { PeriodReport } from '../period/period-report.js';

/** The period report as JSON (docs/period-report.md; schema `@trustscan/evidence-reports/schema/period-report.schema.json`). */
export function periodJson(report: PeriodReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
