import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan, type ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A real scan of the insecure example plan, with locations relative to the repository root. */
export function scanInsecurePlan(): Promise<ScanResult> {
  return scan({ targets: [{ kind: 'path', path: path.join(repositoryRoot, 'examples/insecure/plan.json') }], rules, root: repositoryRoot, today: '2026-11-26' });
}
