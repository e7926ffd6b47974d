import { readFile, stat } from 'node:fs/promises';
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
  const limit = maxJsonBytes();
  try {
    const size = (await stat(file)).size;
    if (size > limit.bytes) {
      throw new InputError(
        `${file}: the file is ${megabytes(size)} MB, over the ${megabytes(limit.bytes)} MB limit for plans and states${limit.fromEnvironment ? ` set by ${maxJsonVariable}` : ''}; raise it with ${maxJsonVariable}=<MB> (and Node's memory with NODE_OPTIONS=--max-old-space-size=<MB>, about ten times the file).`,
        { subject: file },
      );
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot read the file (${describeError(error)}).`, { subject: file });
  }
}

/**
 * Parses JSON text of `file`. A syntax error is an `InputError` that says where, never what: V8 quotes the text around
 * the error (`..."password": hunt"...`), and plans and states hold secrets, so the quote is cut. `regenerate` says how
 * to make the file again.
 */
export function parseJsonText(file: string, text: string, regenerate: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = describeError(error);
    const truncated = /end of (JSON )?input|Unterminated/i.test(reason);
    throw new InputError(`${file}: ${truncated ? 'the JSON is truncated' : 'not valid JSON'} (${withoutQuotedText(reason, text)}); ${regenerate}.`, { subject: file });
  }
  if (nestsDeeperThan(value, maxJsonDepth)) {
    throw new InputError(`${file}: the JSON nests more than ${maxJsonDepth} levels deep, which no Terraform plan or state does; ${regenerate}.`, { subject: file });
  }
  return value;
}

/** Plans and states nest a few dozen levels; the readers recurse, so deeper JSON is refused before they see it. */
export const maxJsonDepth = 1000;

/** The environment variable that raises the size limit for plans and states, in MB. */
export const maxJsonVariable = 'TRUSTSCAN_MAX_JSON_MB';

/** Plans and states larger than this are refused (a 50,000-resource plan is about 35 MB; parsed, ten times that). */
export const defaultMaxJsonMegabytes = 256;

/** The size limit for plans and states: `TRUSTSCAN_MAX_JSON_MB`, else the default. */
function maxJsonBytes(): { bytes: number; fromEnvironment: boolean } {
  const given = Number(process.env[maxJsonVariable]);
  if (process.env[maxJsonVariable] !== undefined && Number.isFinite(given) && given > 0) return { bytes: given * 1024 * 1024, fromEnvironment: true };
  return { bytes: defaultMaxJsonMegabytes * 1024 * 1024, fromEnvironment: false };
}

function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(value < 1 ? 2 : 1);
}

/** Whether a parsed JSON value nests deeper than `limit`, measured without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
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
