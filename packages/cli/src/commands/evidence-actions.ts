import { rules } from '@trustscan/rules';
import type { ActionPlan } from '@trustscan/evidence-reports';
import type { EvidenceActionsCommand, ViewFormat } from '../cli.js';
import { loadEvidenceReportsPackage, readViewInput, reportChain } from '../evidence-views.js';
import type { Io } from '../io.js';
import { writeOutput } from '../write-output.js';

/** Runs `trustscan evidence actions`: the corrective action plan. Exit 2 when the chain is broken or the store has no scan up to as-of. */
export async function runEvidenceActions(command: EvidenceActionsCommand, io: Io): Promise<number> {
  const input = await readViewInput(command, io);
  const views = await loadEvidenceReportsPackage();
  const plan = views.actionPlan(input.history, {
    ...(command.from === undefined ? {} : { from: command.from }),
    ...(input.config?.owners ? { owners: input.config.owners } : {}),
    ...(input.config?.sla ? { sla: input.config.sla } : {}),
    rules: rules.map((rule) => rule.meta),
  });
  const renderers: Readonly<Record<ViewFormat, (plan: ActionPlan) => string>> = { markdown: views.actionsMarkdown, html: views.actionsHtml, json: views.actionsJson, csv: views.actionsCsv };
  for (const output of command.outputs) await writeOutput(renderers[output.format](plan), output.output, output.format, io);

  let status = reportChain(input, io);
  if (input.history.records.length === 0) {
    io.stderr.write(`trustscan: ${input.store}: no scan was recorded up to ${plan.asOf}; there is nothing to act on yet.\n`);
    status = 2;
  } else {
    const { summary } = plan;
    io.stderr.write(`trustscan: as of ${plan.asOf.slice(0, 10)}: ${summary.open.total} open action(s), ${summary.overdue.total} overdue; ${summary.resolved} resolved and ${summary.waived} waived since ${plan.from.slice(0, 10)}.\n`);
  }
  return status;
}
