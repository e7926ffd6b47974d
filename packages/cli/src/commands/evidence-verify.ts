import path from 'node:path';
import type { EvidenceVerifyCommand } from '../cli.js';
import { loadEvidencePackage } from '../evidence-settings.js';
import type { Io } from '../io.js';
import { displayPath } from '../scan-settings.js';

/** Runs `trustscan evidence verify`: 0 when the chain is intact, else 2 with one line per problem. */
export async function runEvidenceVerify(command: EvidenceVerifyCommand, io: Io): Promise<number> {
  const { loadPublicKey, openEvidenceStore, verifyEvidence } = await loadEvidencePackage();
  const publicKey = command.publicKey === undefined ? undefined : await loadPublicKey(path.resolve(io.cwd, command.publicKey), displayPath(path.resolve(io.cwd, command.publicKey), io.cwd));
  const store = await openEvidenceStore(command.store, { cwd: io.cwd });
  try {
    const report = await verifyEvidence(store, publicKey ? { publicKey } : {});
    for (const note of report.notes) io.stderr.write(`trustscan: note: ${command.store}: ${note}.\n`);
    for (const problem of report.problems) io.stderr.write(`trustscan: ${command.store}: ${problem.message}.\n`);
    if (report.problems.length > 0) return 2;
    const signing =
      report.signed === 0
        ? 'unsigned'
        : `${report.signed === report.records ? 'all' : `${report.signed} of ${report.records}`} signed by ${report.signers.map((id) => `key ${id.slice(0, 12)}`).join(', ')}${publicKey ? ' (the given public key)' : ''}`;
    io.stdout.write(`${command.store}: ${report.records} record(s) verified, chain intact from record 1 to ${report.last}, ${signing}.\n`);
    return 0;
  } finally {
    store.close();
  }
}
