import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DirectoryStore } from '@trustscan/evidence';
import { readEvidenceHistory, type EvidenceHistory } from '@trustscan/evidence-reports';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
// @ts-expect-error: a plain ES module shared with the example generator
import { acmeImportOrder, acmeTime } from '../../../examples/evidence/acme-history.mjs';
// @ts-expect-error: a plain ES module shared with the example generator
import { acmeStoreName, writeAcmeStore } from '../../../examples/evidence/generate.mjs';

export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A directory for the whole test file (made when the file loads, removed after its tests). */
const work = temporaryDirectory('evidence-reports');

/** The store of the example history (examples/evidence/acme-history.mjs), built once per test file. */
let acme: Promise<string> | undefined;
export function acmeStore(): Promise<string> {
  acme ??= (async () => {
    const directory = path.join(work, acmeStoreName);
    await (writeAcmeStore as (directory: string) => Promise<void>)(directory);
    return directory;
  })();
  return acme;
}

/** The example history read up to an as-of date. */
export async function acmeHistory(asOf = '2026-03-20'): Promise<EvidenceHistory> {
  const directory = await acmeStore();
  const store = new DirectoryStore(acmeStoreName, { directory });
  try {
    return await readEvidenceHistory(store, { asOf });
  } finally {
    store.close();
  }
}

/** The chain position of a day's record: the reports were appended in `acmeImportOrder`. */
export function seqOf(day: number): number {
  const position = (acmeImportOrder as number[]).indexOf(day);
  if (position < 0) throw new Error(`no scan on day ${day}`);
  return position + 1;
}

/** The scan time of a day (02:00 UTC). */
export function timeOf(day: number): string {
  return (acmeTime as (day: number) => string)(day);
}
