import { InputError } from '../../../model/errors.js';
import type { SourceContext, SourceOutput } from '../../source.js';
import { classifyDocument, decodeText, parseJsonText, readJsonBytes } from './terraform-json.js';

/**
 * Loads a JSON file of Terraform's, read and parsed once, by what it holds: a plan goes to the plan source, a state
 * (raw, or as `terraform show -json` prints it) to the state source.
 */
export async function loadTerraformJson(file: string, context: SourceContext): Promise<SourceOutput> {
  const bytes = await readJsonBytes(file);
  const text = decodeText(bytes);
  const value = parseJsonText(file, text, 'regenerate it with `terraform show -json plan.out > plan.json` (a plan) or `terraform state pull > state.json` (a state)');
  const kind = classifyDocument(value);
  if (kind === 'plan') {
    const [{ loadPlan }, { checkPlan }] = await Promise.all([import('../plan/load-plan.js'), import('../plan/read-plan.js')]);
    return loadPlan(file, context, { document: checkPlan(file, value), bytes });
  }
  if (kind === 'state' || kind === 'raw-state') {
    const [{ loadState }, { checkState }] = await Promise.all([import('../state/load-state.js'), import('../state/read-state.js')]);
    return loadState(file, context, { document: checkState(file, value), text, bytes });
  }
  throw new InputError(
    `${file}: JSON but not a Terraform plan or state (no format_version with resource_changes or values, nor a state version with resources); produce a plan with \`terraform show -json plan.out > plan.json\` or a state with \`terraform state pull > state.json\`.`,
    { subject: file },
  );
}
