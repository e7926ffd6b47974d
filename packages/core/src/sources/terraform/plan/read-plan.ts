import { InputError } from '../../../model/errors.js';
import { classifyDocument, parseJsonText, readJsonText } from '../json/terraform-json.js';
import type { PlanDocument } from './plan-json.js';
import { checkPlanShape } from './plan-shape.js';

export { decodeText } from '../json/terraform-json.js';

const supportedMajors = new Set(['0', '1']);

/** Reads and validates a plan file; every problem is an `InputError` naming the file and what to do. */
export async function readPlanFile(file: string, bytes?: Uint8Array): Promise<PlanDocument> {
  return parsePlanText(file, await readJsonText(file, bytes));
}

/** Parses and validates plan JSON text read from `file`. */
export function parsePlanText(file: string, text: string): PlanDocument {
  const value = parseJsonText(file, text, 'regenerate it with `terraform show -json plan.out > plan.json`');
  return checkPlan(file, value);
}

/** Checks that parsed JSON is a plan of a supported format version, in the shape the loader reads (see `checkPlanShape`). */
export function checkPlan(file: string, value: unknown): PlanDocument {
  const kind = classifyDocument(value);
  if (kind === 'state' || kind === 'raw-state') {
    throw new InputError(`${file}: this is Terraform state JSON, not a plan; scan it as a path (trustscan recognises state), or scan a plan from \`terraform show -json plan.out\`.`, { subject: file });
  }
  if (kind === 'other') {
    throw new InputError(`${file}: JSON but not a Terraform plan (no format_version and resource_changes); produce one with \`terraform show -json plan.out > plan.json\`.`, { subject: file });
  }
  const plan = value as PlanDocument;
  const major = plan.format_version.split('.')[0] ?? '';
  if (!supportedMajors.has(major)) {
    throw new InputError(`${file}: plan format version ${plan.format_version} is not supported (trustscan reads 0.x and 1.x); upgrade trustscan or use a matching Terraform.`, { subject: file });
  }
  return checkPlanShape(file, plan);
}
