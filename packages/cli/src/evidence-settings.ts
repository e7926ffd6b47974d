import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, sha256Hex, type Baseline, type TrustscanConfig } from '@trustscan/core';
import type { BaselineInForce, SigningKey } from '@trustscan/evidence';
import { importOptionalPackage } from './optional-package.js';
import { displayPath } from './scan-settings.js';

/** Where and how a command records evidence, once the command line and the config file are merged. */
export interface EvidenceSettings {
  /** The store as the user wrote it (shown in messages). */
  readonly store: string;
  /** Directory that a relative directory store is resolved against. */
  readonly cwd: string;
  /** Absolute path of the signing key. */
  readonly key?: string;
  readonly retainDays?: number;
}

/** The command line wins over the config file; `--no-evidence` turns recording off. Undefined: nothing to record. */
export function resolveEvidenceSettings(
  command: { readonly evidence?: string | false; readonly evidenceKey?: string; readonly evidenceRetainDays?: number },
  config: TrustscanConfig | undefined,
  cwd: string,
): EvidenceSettings | undefined {
  if (command.evidence === false) return undefined;
  const store = command.evidence ?? (config?.evidence?.store === undefined ? undefined : shownStore(config.evidence.store, cwd));
  const key = command.evidenceKey === undefined ? config?.evidence?.key : path.resolve(cwd, command.evidenceKey);
  const retainDays = command.evidenceRetainDays ?? config?.evidence?.retainDays;
  if (store === undefined) {
    if (command.evidenceKey !== undefined || command.evidenceRetainDays !== undefined) {
      throw new InputError('--evidence-key and --evidence-retain-days need a store: add --evidence STORE, or evidence.store to the config file.', { subject: 'evidence' });
    }
    return undefined;
  }
  return { store, cwd, ...(key === undefined ? {} : { key }), ...(retainDays === undefined ? {} : { retainDays }) };
}

/** Loads the signing key of the settings, so a bad key file stops the command before any work is done. */
export async function loadEvidenceKey(settings: EvidenceSettings): Promise<SigningKey | undefined> {
  if (settings.key === undefined) return undefined;
  const { loadSigningKey } = await loadEvidencePackage();
  return loadSigningKey(settings.key, displayPath(settings.key, settings.cwd));
}

/** The baseline a scan applied, as a record names it: the file, its hash, when it was made and how many failures. */
export async function baselineInForce(file: string, baseline: Baseline, cwd: string): Promise<BaselineInForce> {
  const bytes = await readFile(file).catch(() => undefined);
  return {
    file: displayPath(file, cwd),
    ...(bytes ? { sha256: sha256Hex(bytes) } : {}),
    ...(baseline.createdAt ? { createdAt: baseline.createdAt } : {}),
    failures: baseline.failures.length,
  };
}

/** A directory store from the config file, as the user in `cwd` would type it; S3 locations as they are. */
function shownStore(store: string, cwd: string): string {
  return store.startsWith('s3://') ? store : displayPath(store, cwd);
}

/** The evidence ledger package, imported only when evidence is asked for: a plain scan never loads it. */
export function loadEvidencePackage(): Promise<typeof import('@trustscan/evidence')> {
  return importOptionalPackage('@trustscan/evidence', 'Evidence (--evidence, trustscan evidence)', () => import('@trustscan/evidence'));
}
