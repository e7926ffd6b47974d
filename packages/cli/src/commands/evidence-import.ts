import path from 'node:path';
import { InputError } from '@trustscan/core';
import type { ImportedReport } from '@trustscan/evidence';
import type { EvidenceImportCommand } from '../cli.js';
import { loadEvidenceKey, loadEvidencePackage, resolveEvidenceSettings } from '../evidence-settings.js';
import type { Io } from '../io.js';
import { displayPath, loadConfig } from '../scan-settings.js';

/**
 * Runs `trustscan evidence import`: each report becomes a record marked as imported, oldest scan first. A report
 * already in the store (same file hash) is skipped; a report that cannot be read is named and the others are still
 * imported (exit code 2).
 */
export async function runEvidenceImport(command: EvidenceImportCommand, io: Io): Promise<number> {
  const loaded = await loadConfig(command.config, io.cwd);
  const settings = resolveEvidenceSettings({ evidence: command.store, ...pick(command) }, loaded?.config, io.cwd);
  if (!settings) throw new InputError('evidence import needs a store.', { subject: 'evidence' });
  const signingKey = await loadEvidenceKey(settings);
  const { appendEvidence, listEvidence, openEvidenceStore, readJsonReport } = await loadEvidencePackage();

  let failed = false;
  const reports: ImportedReport[] = [];
  for (const file of command.reports) {
    try {
      reports.push(await readJsonReport(path.resolve(io.cwd, file), displayPath(path.resolve(io.cwd, file), io.cwd), command.time));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr.write(`trustscan: ${error.message}\n`);
      failed = true;
    }
  }
  reports.sort((a, b) => Date.parse(a.scan.startedAt) - Date.parse(b.scan.startedAt));

  const store = await openEvidenceStore(settings.store, { cwd: io.cwd, ...(settings.retainDays === undefined ? {} : { retainDays: settings.retainDays }) });
  try {
    if (reports.length > 0) await store.prepareAppend();
    const already = new Map<string, number>();
    if (reports.length > 0) for (const record of (await listEvidence(store)).records) if (record.header.imported) already.set(record.header.imported.sha256, record.seq);
    for (const report of reports) {
      const previous = already.get(report.imported.sha256);
      if (previous !== undefined) {
        io.stderr.write(`trustscan: note: ${report.imported.file} is already in ${settings.store} as record ${previous}; skipped.\n`);
        continue;
      }
      const record = await appendEvidence(store, report.scan, {
        imported: report.imported,
        passes: report.passes,
        ...(signingKey ? { signingKey } : {}),
      });
      already.set(report.imported.sha256, record.seq);
      io.stderr.write(`trustscan: imported ${report.imported.file} (scan of ${report.scan.startedAt}) as record ${record.seq} of ${settings.store}${record.signed ? ', signed' : ''}.\n`);
      if (report.passes === 'omitted') {
        io.stderr.write(
          `trustscan: note: ${report.imported.file} lists no passing checks (written without --include-passed): its ${report.passesMissing} pass(es) are counted in the record but not evidenced.\n`,
        );
      }
    }
  } finally {
    store.close();
  }
  return failed ? 2 : 0;
}

function pick(command: EvidenceImportCommand): { evidenceKey?: string; evidenceRetainDays?: number } {
  return {
    ...(command.evidenceKey === undefined ? {} : { evidenceKey: command.evidenceKey }),
    ...(command.evidenceRetainDays === undefined ? {} : { evidenceRetainDays: command.evidenceRetainDays }),
  };
}
