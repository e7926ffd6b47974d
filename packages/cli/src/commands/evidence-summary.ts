import { rules } from '@trustscan/rules';
import type { ExecutiveSummary } from '@trustscan/evidence-reports';
import type { EvidenceSummaryCommand, ViewFormat } from '../cli.js';
import { loadEvidenceReportsPackage, readViewInput, reportChain } from '../evidence-views.js';
import type { Io } from '../io.js';
import { writeOutput } from '../write-output.js';

/** Runs `trustscan evidence summary`: the one-page executive summary. Exit 2 when the chain is broken or the store has no scan up to as-of. */
export async function runEvidenceSummary(command: EvidenceSummaryCommand, io: Io): Promise<number> {
  const input = await readViewInput(command, io);
  const views = await loadEvidenceReportsPackage();
  const cadence = command.cadence ?? input.config?.evidence?.cadence;
  const summary = views.executiveSummary(input.history, {
    ...(command.from === undefined ? {} : { from: command.from }),
    ...(cadence === undefined ? {} : { cadence }),
    ...(input.config?.owners ? { owners: input.config.owners } : {}),
    ...(input.config?.sla ? { sla: input.config.sla } : {}),
    rules: rules.map((rule) => rule.meta),
  });
  const renderers: Partial<Record<ViewFormat, (summary: ExecutiveSummary) => string>> = { html: views.summaryHtml, markdown: views.summaryMarkdown };
  for (const output of command.outputs) await writeOutput((renderers[output.format] ?? views.summaryHtml)(summary), output.output, output.format, io);

  let status = reportChain(input, io);
  if (input.history.records.length === 0) {
    io.stderr.write(`trustscan: ${input.store}: no scan was recorded up to ${summary.asOf}; the summary has nothing to show yet.\n`);
    status = 2;
  }
  return status;
}
