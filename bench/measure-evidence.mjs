// One evidence measurement in its own process, printed as JSON ({ ms, rssMb, ... }):
//   append STORE DAYS         build the history's scan of day DAYS (not timed), then load the ledger and append it
//   verify STORE              verifyEvidence over the whole store
//   list STORE                every record's header (what period views read first)
//   replay STORE              every record in time order with its state and changes
//   materialize STORE SEQ     every finding of one record (an auditor's sample)
//   cli ARGS...               `trustscan ARGS...` in this process (the evidence views), output to files
import { performance } from 'node:perf_hooks';
import { history } from './evidence-history.mjs';

const [kind, store, argument] = process.argv.slice(2);
const cliArgs = process.argv.slice(3);
let scan;
if (kind === 'append') for (const day of history({ days: Number(argument) + 1 })) scan = day;
const start = performance.now();
const evidence = await import('../packages/evidence/dist/index.js');
const result = {};
if (kind === 'append') {
  const record = await evidence.appendEvidence(store, scan, { environment: { provider: 'local' } });
  Object.assign(result, { kind: record.kind, seq: record.seq });
} else if (kind === 'verify') {
  const report = await evidence.verifyEvidence(store);
  Object.assign(result, { records: report.records, problems: report.problems.length });
} else if (kind === 'list') {
  Object.assign(result, { records: (await evidence.listEvidence(store)).records.length });
} else if (kind === 'replay') {
  let records = 0;
  let changes = 0;
  for await (const step of evidence.replayEvidence(store)) {
    records++;
    if (step.previous) changes += step.changes.length;
  }
  Object.assign(result, { records, changes });
} else if (kind === 'materialize') {
  Object.assign(result, { findings: (await evidence.materializeEvidence(store, Number(argument))).findings.length });
} else if (kind === 'cli') {
  const { main } = await import('../packages/cli/dist/main.js');
  let stderr = '';
  const status = await main(cliArgs, { cwd: process.cwd(), env: process.env, stdout: { write: () => true }, stderr: { write: (text) => (stderr += text) } });
  if (status !== 0) throw new Error(`trustscan ${cliArgs.join(' ')} exited ${status}: ${stderr}`);
  Object.assign(result, { status, stderr });
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, ...result }));
