/** Brackets may nest this deep in a file before the deeper part is cut out. Real configurations nest about ten. */
export const maxBracketDepth = 100;

/** The call that replaces a cut-out part; the evaluator reads it as `Unknown`. */
export const tooDeepMarker = 'trustscan_nested_too_deep()';

/**
 * Replaces every bracketed part of `text` that opens deeper than `maxDepth` with `trustscan_nested_too_deep()`
 * (keeping its newlines, so line numbers stay right). hcl2json turns nested tuples and objects into nested JSON
 * and parses that with a recursive `JSON.parse`, which overflows the stack on a few thousand levels; the cut keeps
 * the file scannable. Strings, heredocs and comments are skipped. Also returns the 1-based lines where parts were cut.
 */
export function limitNesting(text: string, maxDepth = maxBracketDepth): { text: string; cutLines: number[] } {
  const cutLines: number[] = [];
  const result = (value: string): { text: string; cutLines: number[] } => ({ text: value, cutLines });
  let depth = 0;
  let i = 0;
  let out: string[] | undefined;
  let copiedUpTo = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '"') {
      i = skipString(text, i);
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '<' && text[i + 1] === '<') {
      i = skipHeredoc(text, i);
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > maxDepth) {
        const end = matchingClose(text, i);
        if (end === -1) return result(out ? out.join('') + text.slice(copiedUpTo) : text);
        out ??= [];
        cutLines.push(text.slice(0, i).split('\n').length);
        out.push(text.slice(copiedUpTo, i), tooDeepMarker, text.slice(i, end + 1).replace(/[^\n]/g, ''));
        copiedUpTo = end + 1;
        depth--;
        i = end + 1;
        continue;
      }
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      i++;
    } else {
      i++;
    }
  }
  return result(out ? out.join('') + text.slice(copiedUpTo) : text);
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"' || c === '\n') return i + 1;
    else i++;
  }
  return i;
}

function skipHeredoc(text: string, start: number): number {
  const match = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(start, start + 300));
  if (!match) return start + 2;
  const marker = match[1] as string;
  let lineStart = start + match[0].length;
  while (lineStart < text.length) {
    const end = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, end === -1 ? text.length : end);
    if (line.trim() === marker) return end === -1 ? text.length : end;
    if (end === -1) return text.length;
    lineStart = end + 1;
  }
  return text.length;
}

/** The index of the bracket closing the one at `open`, or -1. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      i = skipHeredoc(text, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}
