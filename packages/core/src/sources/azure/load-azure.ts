import { InputError } from '../../model/errors.js';
import type { SourceContext, SourceOutput } from '../source.js';
import type { Target } from '../target.js';

/** Placeholder until the live Azure source lands (issue 6). */
export async function loadAzure(_target: Extract<Target, { kind: 'azure' }>, _context: SourceContext): Promise<SourceOutput> {
  throw new InputError('Live Azure scanning is not available in this build yet.');
}
