import type { ActionPlan } from '../actions/action-plan.js';

/** The action plan as JSON (docs/period-report.md; schema `@trustscan/evidence-reports/schema/action-plan.schema.json`). */
export function actionsJson(plan: ActionPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
