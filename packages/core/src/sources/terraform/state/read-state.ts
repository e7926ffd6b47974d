import { InputError } from '../../../model/errors.js';
import { classifyDocument } from '../json/terraform-json.js';
import type { StateDocument } from './state-json.js';

const supportedFormatMajors = new Set(['0', '1']);

/**
 * Checks that parsed JSON is Terraform state of a version trustscan reads: raw state version 4, or `terraform show
 * -json` output of format 0.x or 1.x. Every problem is an `InputError` naming the file and what to do.
 */
export function checkState(file: string, value: unknown): StateDocument {
  const kind = classifyDocument(value);
  const record = value as Record<string, unknown>;
  if (kind === 'raw-state') {
    const version = record['version'];
    if (typeof version === 'number' && Number.isInteger(version) && version >= 0 && version < 4) {
      throw new InputError(
        `${file}: state version ${version} was written by Terraform 0.11 or older; upgrade it by running \`terraform state pull > state.json\` with Terraform 0.12 or newer, then scan that.`,
        { subject: file },
      );
    }
    if (version !== 4) {
      throw new InputError(`${file}: state version ${JSON.stringify(version)} is not supported (trustscan reads version 4, which Terraform 0.12 to 1.x write); upgrade trustscan or pull the state with a matching Terraform.`, { subject: file });
    }
    if (record['resources'] !== undefined && !Array.isArray(record['resources'])) {
      throw new InputError(`${file}: "resources" of the state is not a list; the file is damaged, pull it again with \`terraform state pull > state.json\`.`, { subject: file });
    }
    return value as StateDocument;
  }
  if (kind === 'state') {
    const version = String(record['format_version']);
    if (!supportedFormatMajors.has(version.split('.')[0] ?? '')) {
      throw new InputError(`${file}: state format version ${version} is not supported (trustscan reads 0.x and 1.x of \`terraform show -json\`); upgrade trustscan or use a matching Terraform.`, { subject: file });
    }
    return value as StateDocument;
  }
  throw new InputError(`${file}: JSON but not Terraform state; produce it with \`terraform state pull > state.json\` or \`terraform show -json > state.json\`.`, { subject: file });
}
