import path from 'node:path';
import { InputError, type TrustscanConfig } from '@trustscan/core';
import type { EvidenceHistory } from '@trustscan/evidence-reports';
import type { EvidenceActionsCommand, EvidenceReportCommand, EvidenceSummaryCommand } from './cli.js';
import { loadEvidencePackage } from './evidence-settings.js';
import type { Io } from './io.js';
import { importOptionalPackage } from './optional-package.js';
import { displayPath, loadConfig } from './scan-settings.js';

type ViewCommand = EvidenceReportCommand | EvidenceActionsCommand | EvidenceSummaryCommand;

/** What every view starts from: the history of the store, the config file, and the store as the user named it. */
export interface ViewInput {
  readonly history: EvidenceHistory;
  readonly config?: TrustscanConfig;
  readonly store: string;
}

/**
 * Reads the store a view names (or the config file's) up to the as-of time: the chain's verification, the headers and
 * the findings' changes. An empty or missing store is an `InputError`: there is nothing to report on.
 */
export async function readViewInput(command: ViewCommand, io: Io): Promise<ViewInput> {
  const loaded = await loadConfig(command.config, io.cwd);
  const configured = loaded?.config.evidence?.store;
  const store = command.store ?? (configured === undefined ? undefined : configured.startsWith('s3://') ? configured : displayPath(configured, io.cwd));
  const view = command.command.replace('evidence-', '');
  if (store === undefined) throw new InputError(`evidence ${view} needs a store: trustscan evidence ${view} STORE, or evidence.store in the config file.`, { subject: 'evidence' });
  const { loadPublicKey, openEvidenceStore } = await loadEvidencePackage();
  const { readEvidenceHistory } = await loadEvidenceReportsPackage();
  const publicKey = command.publicKey === undefined ? undefined : await loadPublicKey(path.resolve(io.cwd, command.publicKey), displayPath(path.resolve(io.cwd, command.publicKey), io.cwd));
  const opened = await openEvidenceStore(store, { cwd: io.cwd });
  try {
    const history = await readEvidenceHistory(opened, { ...(command.asOf === undefined ? {} : { asOf: command.asOf }), ...(publicKey ? { publicKey } : {}) });
    return { history, ...(loaded ? { config: loaded.config } : {}), store };
  } finally {
    opened.close();
  }
}

/**
 * Says on standard error what the reader of a view must act on, and returns the exit code: 2 when the chain is
 * broken or the findings could not be replayed (the views say so at their top), else 0.
 */
export function reportChain(input: ViewInput, io: Io): number {
  const { history, store } = input;
  let status = 0;
  if (!history.chain.verified) {
    io.stderr.write(`trustscan: ${store}: the evidence chain is broken (${history.chain.problems.length} problem${history.chain.problems.length === 1 ? '' : 's'}, listed at the top of the view); run \`trustscan evidence verify ${store}\`.\n`);
    status = 2;
  }
  if (!history.findings.complete) {
    io.stderr.write(`trustscan: ${history.findings.reason}\n`);
    status = 2;
  }
  return status;
}

/** The evidence views package, imported only when a view is asked for. */
export function loadEvidenceReportsPackage(): Promise<typeof import('@trustscan/evidence-reports')> {
  return importOptionalPackage('@trustscan/evidence-reports', 'The evidence views (trustscan evidence report, actions, summary)', () => import('@trustscan/evidence-reports'));
}
