// Writes the example period report, action plan and summary in this directory from the deterministic history of
// acme-history.mjs: `pnpm run docs` runs it (after a build), and examples/evidence/examples.test.ts fails when the
// committed files differ from what it writes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseConfig } from '@trustscan/core';
import { appendEvidence, DirectoryStore, parseJsonReport } from '@trustscan/evidence';
import * as views from '@trustscan/evidence-reports';
import { rules } from '@trustscan/rules';
import { acmeAsOf, acmeConfig, acmeImportOrder, acmePeriod, acmeReport, acmeRulesRun, acmeSampleSeed, acmeTime } from './acme-history.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** How the store is named in the views. */
export const acmeStoreName = 'acme-evidence';

/**
 * Appends the history to a store (a directory, or any `EvidenceStore`): nightly scans recorded as they ran, except
 * day 18 (imported from a report without passing checks) and day 6 (imported last, out of order). Times,
 * environment and rule lists are fixed, so every record, and its hash, is the same on every run.
 */
export async function appendAcmeHistory(store) {
  const metas = rules.map((rule) => rule.meta);
  for (const day of acmeImportOrder) {
    const file = `reports/2026-03-${String(day).padStart(2, '0')}.json`;
    const imported = day === 6 || day === 18;
    const { scan, imported: source, passes } = parseJsonReport(Buffer.from(JSON.stringify(acmeReport(day), null, 2)), file);
    const ran = new Set(acmeRulesRun(day));
    const recordedAt = new Date(Date.parse(imported ? acmeTime(20) : acmeTime(day)) + (imported ? 3_600_000 + day * 60_000 : 300_000));
    await appendEvidence(store, imported ? scan : { ...scan, rules: metas.filter((meta) => ran.has(meta.id)) }, {
      environment: imported
        ? { provider: 'local', repository: 'https://github.com/acme/infra', host: 'compliance-laptop' }
        : { provider: 'github-actions', repository: 'acme/infra', commit: createCommit(day), ref: 'refs/heads/main', runUrl: `https://github.com/acme/infra/actions/runs/${4200 + day}/attempts/1`, workflow: 'nightly', event: 'schedule' },
      ...(imported ? { imported: source, passes } : {}),
      now: () => recordedAt,
    });
  }
}

/** The history in a directory store named `acme-evidence` in the views. */
export async function writeAcmeStore(directory) {
  const store = new DirectoryStore(acmeStoreName, { directory });
  try {
    await appendAcmeHistory(store);
  } finally {
    store.close();
  }
}

function createCommit(day) {
  return Array.from({ length: 40 }, (_, i) => '0123456789abcdef'[(day * 7 + i * 3) % 16]).join('');
}

/** Every example file, by name, from a fresh store built in a temporary directory (removed afterwards). */
export async function generateEvidenceExamples() {
  const work = mkdtempSync(path.join(tmpdir(), 'trustscan-evidence-examples-'));
  try {
    const directory = path.join(work, acmeStoreName);
    await writeAcmeStore(directory);
    const store = new DirectoryStore(acmeStoreName, { directory });
    let history;
    try {
      history = await views.readEvidenceHistory(store, { asOf: acmeAsOf });
    } finally {
      store.close();
    }
    const config = parseConfig(acmeConfig, path.join(here, 'trustscan.config.yaml'), 'trustscan.config.yaml');
    const metas = rules.map((rule) => rule.meta);
    const report = views.periodReport(history, { ...acmePeriod, cadence: config.evidence.cadence, sample: { size: 5, seed: acmeSampleSeed }, rules: metas });
    const plan = views.actionPlan(history, { owners: config.owners, sla: config.sla, rules: metas });
    const summary = views.executiveSummary(history, { from: acmePeriod.from, cadence: config.evidence.cadence, owners: config.owners, sla: config.sla, rules: metas });
    return new Map([
      ['trustscan.config.yaml', acmeConfig],
      ['period-report.md', views.periodMarkdown(report)],
      ['period-report.html', views.periodHtml(report)],
      ['period-report.json', views.periodJson(report)],
      ['period-report.csv', views.periodCsv(report)],
      ['actions.md', views.actionsMarkdown(plan)],
      ['actions.html', views.actionsHtml(plan)],
      ['actions.json', views.actionsJson(plan)],
      ['actions.csv', views.actionsCsv(plan)],
      ['summary.html', views.summaryHtml(summary)],
      ['summary.md', views.summaryMarkdown(summary)],
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await generateEvidenceExamples();
  for (const [name, text] of files) writeFileSync(path.join(here, name), text);
  console.log(`Wrote ${files.size} example files to examples/evidence/.`);
}
