import { InputError } from '../../../model/errors.js';
import type { SourceContext, SourceOutput } from '../../source.js';

/** Placeholder until the HCL evaluator lands (issue 3). */
export async function loadTerraformDirectory(directory: string, _context: SourceContext): Promise<SourceOutput> {
  throw new InputError(`${directory}: scanning Terraform HCL is not available in this build yet; scan a plan JSON instead.`, { subject: directory });
}
