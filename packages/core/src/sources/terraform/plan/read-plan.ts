import { readFile } from 'node:fs/promises';
import { InputError, describeError } from '../../../model/errors.js';
import type { PlanDocument } from './plan-json.js';

/** Decodes a file that may be UTF-8 (with or without a BOM) or UTF-16 with a BOM, as PowerShell writes. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
}

export type JsonDocumentKind = 'plan' | 'state' | 'other';

/** Tells a plan from other JSON by its content: a format version and plan sections, whatever the file is called. */
export function classifyDocument(value: unknown): JsonDocumentKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'other';
  const record = value as Record<string, unknown>;
  if (typeof record['format_version'] !== 'string') return 'other';
  if ('resource_changes' in record || 'planned_values' in record || 'configuration' in record) return 'plan';
  if ('values' in record) return 'state';
  return 'other';
}

const supportedMajors = new Set(['0', '1']);

/** Reads and validates a plan file; every problem is an `InputError` naming the file and what to do. */
export async function readPlanFile(file: string, bytes?: Uint8Array): Promise<PlanDocument> {
  return parsePlanText(file, decodeText(bytes ?? (await readPlanBytes(file))));
}

/** The bytes of a plan file; an unreadable file is an `InputError` naming it. */
export async function readPlanBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the file (${describeError(error)}).`, { subject: file, cause: error });
  }
}

/** Parses and validates plan JSON text read from `file`. */
export function parsePlanText(file: string, text: string): PlanDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const truncated = /end of (JSON )?input|Unterminated/i.test(describeError(error));
    throw new InputError(
      `${file}: ${truncated ? 'the JSON is truncated' : 'not valid JSON'} (${describeError(error)}); regenerate it with \`terraform show -json plan.out > plan.json\`.`,
      { subject: file, cause: error },
    );
  }
  const kind = classifyDocument(value);
  if (kind === 'state') {
    throw new InputError(`${file}: this is Terraform state JSON, not a plan; scan a plan from \`terraform show -json plan.out\` or the configuration directory.`, { subject: file });
  }
  if (kind === 'other') {
    throw new InputError(`${file}: JSON but not a Terraform plan (no format_version and resource_changes); produce one with \`terraform show -json plan.out > plan.json\`.`, { subject: file });
  }
  const plan = value as PlanDocument;
  const major = plan.format_version.split('.')[0] ?? '';
  if (!supportedMajors.has(major)) {
    throw new InputError(`${file}: plan format version ${plan.format_version} is not supported (trustscan reads 0.x and 1.x); upgrade trustscan or use a matching Terraform.`, { subject: file });
  }
  return plan;
}
