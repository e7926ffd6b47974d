import { RecordFormatError } from '../format/decode-record.js';
import { entryKey, type EntryLine } from '../format/record-format.js';

/** The kind and key of an entry line, from its first fields (as the writer orders them), else by parsing it. */
export function lineKey(line: string): { readonly type: 'finding' | 'removed'; readonly key: string } {
  const match = /^\{"type":"(finding|removed)","target":("(?:[^"\\]|\\.)*"),"fingerprint":"([0-9a-f]+)"(?:,"duplicate":(\d+))?[,}]/.exec(line);
  if (match) {
    const duplicate = match[4] === undefined ? undefined : Number(match[4]);
    return { type: match[1] as 'finding' | 'removed', key: entryKey({ target: JSON.parse(match[2] as string) as string, fingerprint: match[3] as string, ...(duplicate === undefined ? {} : { duplicate }) }) };
  }
  const entry = parseEntry(line);
  return { type: entry.type, key: entryKey(entry) };
}

/** An entry line parsed and checked for the fields that identify it. */
export function parseEntry(line: string): EntryLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new RecordFormatError('unreadable', `an entry line is not JSON (${(error as Error).message})`);
  }
  const entry = value as Partial<EntryLine> | null;
  if (!entry || (entry.type !== 'finding' && entry.type !== 'removed') || typeof entry.target !== 'string' || typeof entry.fingerprint !== 'string') {
    throw new RecordFormatError('unreadable', 'an entry line is neither a finding nor a removal');
  }
  return entry as EntryLine;
}

/**
 * Applies a record's entry lines to a stream state (entry key to line): a snapshot replaces it, a delta updates it
 * in place. Returns the state.
 */
export function applyLines(state: Map<string, string>, kind: 'snapshot' | 'delta', lines: readonly string[]): Map<string, string> {
  if (kind === 'snapshot') state.clear();
  for (const line of lines) {
    const { type, key } = lineKey(line);
    if (type === 'finding') state.set(key, line);
    else state.delete(key);
  }
  return state;
}
