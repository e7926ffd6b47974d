import type { SyntaxBlock, SyntaxFile } from '../../syntax/blocks.js';

/** A `trustscan:ignore` comment, read but not yet tied to resource addresses. */
export interface WaiverComment {
  readonly line: number;
  readonly rule: string;
  readonly reason: string;
  readonly expires?: string;
  readonly owner?: string;
}

/** A `trustscan:ignore` comment that cannot be used, with why. */
export interface WaiverCommentProblem {
  readonly line: number;
  readonly message: string;
}

const marker = /trustscan:ignore\b(.*)$/s;
const pair = /([A-Za-z_][A-Za-z0-9_-]*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))/gy;

/**
 * Reads `# trustscan:ignore RULE-ID reason="…" expires=YYYY-MM-DD owner="…"` (also with `//` or `/* … *\/`).
 * Returns `undefined` for other comments.
 */
export function readWaiverComment(line: number, text: string): WaiverComment | WaiverCommentProblem | undefined {
  const body = text.replace(/^(#|\/\/|\/\*)/, '').replace(/\*\/\s*$/, '');
  const match = marker.exec(body);
  if (!match) return undefined;
  const rest = (match[1] ?? '').trim();
  const rule = /^[^\s=]+(?=\s|$)/.exec(rest)?.[0];
  if (!rule) return { line, message: 'the waiver names no rule; write `trustscan:ignore RULE-ID reason="why"`' };
  // A Map: a field named __proto__ must be reported as unknown, not swallowed by the object's prototype.
  const fields = new Map<string, string>();
  let remainder = rest.slice(rule.length).trim();
  while (remainder !== '') {
    pair.lastIndex = 0;
    const field = pair.exec(remainder);
    if (!field) return { line, message: `cannot read ${JSON.stringify(remainder.split(/\s/)[0])} in the waiver; write key="value" pairs` };
    const key = field[1] as string;
    fields.set(key, field[2] !== undefined ? field[2].replace(/\\(.)/g, '$1') : (field[3] ?? field[4] ?? ''));
    remainder = remainder.slice(field[0].length).trim();
  }
  const unknownKeys = [...fields.keys()].filter((k) => k !== 'reason' && k !== 'expires' && k !== 'owner');
  if (unknownKeys.length > 0) return { line, message: `unknown waiver field ${unknownKeys.join(', ')}; use reason, expires and owner` };
  const reason = fields.get('reason')?.trim() ?? '';
  if (reason === '') return { line, message: `the waiver for ${rule} has no reason; add reason="why the risk is accepted"` };
  const expires = fields.get('expires');
  if (expires !== undefined && !isDate(expires)) return { line, message: `the waiver for ${rule} expires on ${JSON.stringify(expires)}, which is not a date; write expires=YYYY-MM-DD` };
  return {
    line,
    rule,
    reason,
    ...(expires === undefined ? {} : { expires }),
    ...(fields.get('owner') === undefined ? {} : { owner: fields.get('owner') as string }),
  };
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A block's waiver comments: those inside it, and the run of comment lines directly above it. */
export function commentsOfBlock(file: SyntaxFile, block: SyntaxBlock): { line: number; text: string }[] {
  const above: { line: number; text: string }[] = [];
  const outside = new Map(file.comments.map((c) => [c.line, c]));
  for (let line = block.range.startLine - 1; outside.has(line); line--) above.unshift(outside.get(line) as { line: number; text: string });
  return [...above, ...block.comments];
}

/** Whether the comment is one of the waiver comments attached to some resource or module block of the file. */
export function attachedLines(file: SyntaxFile): Set<number> {
  const lines = new Set<number>();
  for (const block of file.blocks) {
    if (!isWaivable(block)) continue;
    for (const comment of commentsOfBlock(file, block)) lines.add(comment.line);
  }
  return lines;
}

/** Waivers attach to managed resources and to module calls. */
export function isWaivable(block: SyntaxBlock): boolean {
  return (block.kind === 'resource' && block.labels.length === 2) || (block.kind === 'module' && block.labels.length === 1);
}
