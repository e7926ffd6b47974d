import { randomBytes } from 'node:crypto';
import { rules } from '@trustscan/rules';
import type { PeriodReport } from '@trustscan/evidence-reports';
import type { EvidenceReportCommand, ViewFormat } from '../cli.js';
import { loadEvidenceReportsPackage, readViewInput, reportChain } from '../evidence-views.js';
import type { Io } from '../io.js';
import { writeOutput } from '../write-output.js';

/**
 * Runs `trustscan evidence report`: the period report in every format asked for. Exit 2 when the chain is broken or
 * no scan was recorded in the period (the report is written all the same and says so), else 0.
 */
export async function runEvidenceReport(command: EvidenceReportCommand, io: Io): Promise<number> {
  const input = await readViewInput(command, io);
  const views = await loadEvidenceReportsPackage();
  const seed = command.sample ? (command.sample.seed ?? randomBytes(4).toString('hex')) : undefined;
  const cadence = command.cadence ?? input.config?.evidence?.cadence;
  const report = views.periodReport(input.history, {
    from: command.from,
    to: command.to,
    ...(cadence === undefined ? {} : { cadence }),
    ...(command.sample && seed !== undefined ? { sample: { size: command.sample.size, seed } } : {}),
    rules: rules.map((rule) => rule.meta),
  });
  const renderers: Readonly<Record<ViewFormat, (report: PeriodReport) => string>> = { markdown: views.periodMarkdown, html: views.periodHtml, json: views.periodJson, csv: views.periodCsv };
  for (const output of command.outputs) await writeOutput(renderers[output.format](report), output.output, output.format, io);

  let status = reportChain(input, io);
  const { totals, period } = report;
  if (totals.scans === 0) {
    io.stderr.write(`trustscan: ${input.store}: no scan was recorded from ${period.from.slice(0, 10)} to ${period.to.slice(0, 10)}; the report shows the whole period as a gap.\n`);
    status = 2;
  } else {
    const tested = totals.rules.operatedThroughout + totals.rules.exceptions;
    io.stderr.write(
      `trustscan: ${period.from.slice(0, 10)} to ${period.to.slice(0, 10)}: ${totals.scans} scan(s); of ${tested} control(s) tested, ${totals.rules.operatedThroughout} operated throughout and ${totals.rules.exceptions} had exceptions; ${totals.deviations} deviation(s) (${totals.openAtPeriodEnd} open at the end), ${totals.gaps} gap(s) (${totals.gapDays} day(s) without evidence).\n`,
    );
  }
  if (command.sample && command.sample.seed === undefined) io.stderr.write(`trustscan: the sample was drawn with seed ${seed}; pass --seed ${seed} to draw the same dates again.\n`);
  return status;
}
