import { InputError } from '../../model/errors.js';
import type { SourceContext, SourceOutput } from '../source.js';
import type { Target } from '../target.js';

/** Placeholder until the live AWS source lands (issue 5). */
export async function loadAws(_target: Extract<Target, { kind: 'aws' }>, _context: SourceContext): Promise<SourceOutput> {
  throw new InputError('Live AWS scanning is not available in this build yet.');
}
