/**
 * The store's `HEAD`: the last record and, per stream, the records from its last snapshot to its tip, so an append
 * finds its delta base without reading every header. Only a hint: every claim is checked against the records, and a
 * missing or wrong head is rebuilt from them.
 */
export interface Head {
  readonly seq: number;
  readonly sha256: string;
  readonly updatedAt: string;
  readonly streams: Readonly<Record<string, StreamTip>>;
}

/** A stream's records from its last snapshot to its tip, with the tip's hash. */
export interface StreamTip {
  readonly records: readonly number[];
  readonly sha256: string;
}

/** How many streams the head remembers; a stream left out gets a fresh snapshot on its next append. */
export const headStreamLimit = 1000;

export function encodeHead(head: Head): Uint8Array {
  return Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
}

/** The head's content, or `undefined` when it is not a head (damaged or foreign). */
export function decodeHead(bytes: Uint8Array | undefined): Head | undefined {
  if (bytes === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const head = value as Record<string, unknown>;
  if (typeof head['seq'] !== 'number' || !Number.isInteger(head['seq']) || head['seq'] < 1 || typeof head['sha256'] !== 'string') return undefined;
  const streams: Record<string, StreamTip> = {};
  if (typeof head['streams'] === 'object' && head['streams'] !== null) {
    for (const [id, tip] of Object.entries(head['streams'] as Record<string, unknown>)) {
      const candidate = tip as Partial<StreamTip> | null;
      if (candidate && Array.isArray(candidate.records) && candidate.records.every((n) => Number.isInteger(n)) && typeof candidate.sha256 === 'string') {
        streams[id] = { records: candidate.records, sha256: candidate.sha256 };
      }
    }
  }
  return { seq: head['seq'], sha256: head['sha256'], updatedAt: typeof head['updatedAt'] === 'string' ? head['updatedAt'] : '', streams };
}
