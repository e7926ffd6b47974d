import { readFile } from 'node:fs/promises';
import { InputError, describeError } from '../../../model/errors.js';

/** Decodes a file that may be UTF-8 (with or without a BOM) or UTF-16 with a BOM, as PowerShell writes. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
}

/**
 * What a Terraform JSON document is, by its content: a plan (`terraform show -json plan.out`), a state as `terraform
 * show -json` prints it (`format_version` and `values`, or nothing at all for an empty state), the raw state of
 * `terraform state pull` or a `.tfstate` file (`version`, `serial`, `lineage`, `resources`), or something else.
 */
export type JsonDocumentKind = 'plan' | 'state' | 'raw-state' | 'other';

const planSections = ['resource_changes', 'planned_values', 'configuration', 'prior_state'];
const showStateKeys = new Set(['format_version', 'terraform_version', 'values']);
const rawStateKeys = ['lineage', 'serial', 'resources', 'terraform_version'];

/** Tells plans and states from other JSON by their content, whatever the file is called. */
export function classifyDocument(value: unknown): JsonDocumentKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'other';
  const record = value as Record<string, unknown>;
  if (typeof record['format_version'] === 'string') {
    if (planSections.some((key) => key in record)) return 'plan';
    // `terraform show -json` of an empty state prints `{"format_version":"1.0"}` and nothing else.
    if ('values' in record || Object.keys(record).every((key) => showStateKeys.has(key))) return 'state';
    return 'other';
  }
  if ('version' in record && rawStateKeys.some((key) => key in record)) return 'raw-state';
  return 'other';
}

/** Reads a JSON file of Terraform's; an unreadable file is an `InputError` naming it. */
export async function readJsonText(file: string, bytes?: Uint8Array): Promise<string> {
  return decodeText(bytes ?? (await readJsonBytes(file)));
}

/** The bytes of a JSON file (a plan's or a state's SHA-256 is taken over them); an unreadable file is an `InputError`. */
export async function readJsonBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the file (${describeError(error)}).`, { subject: file });
  }
}

/**
 * Parses JSON text of `file`. A syntax error is an `InputError` that says where, never what: V8 quotes the text around
 * the error (`..."password": hunt"...`), and plans and states hold secrets, so the quote is cut. `regenerate` says how
 * to make the file again.
 */
export function parseJsonText(file: string, text: string, regenerate: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = describeError(error);
    const truncated = /end of (JSON )?input|Unterminated/i.test(reason);
    throw new InputError(`${file}: ${truncated ? 'the JSON is truncated' : 'not valid JSON'} (${withoutQuotedText(reason, text)}); ${regenerate}.`, { subject: file });
  }
}

/** A JSON.parse message without the excerpt of the text it may quote, with the line and column when it gives a position. */
function withoutQuotedText(reason: string, text: string): string {
  const quoted = reason.search(/[,:]?\s*(\.\.\.)?"/);
  const kept = quoted < 0 ? reason : reason.slice(0, quoted).trimEnd();
  const position = /at position (\d+)/.exec(kept);
  if (!position) return kept;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${kept}, line ${line} column ${column}`;
}
