import type { Value } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { EvaluationError, asList, asNumber, asString, checkStringLength, describeValue } from '../expression/values.js';
import { formatValues } from './format.js';

function text(value: Value | undefined, what = 'argument'): string {
  return asString(value ?? null, what);
}

/** RE2 patterns as JavaScript regular expressions: named groups and leading inline flags translated. */
export function compileRegex(pattern: string, global = false): RegExp {
  let source = pattern.replace(/\(\?P</g, '(?<');
  let flags = global ? 'gu' : 'u';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1] ?? '') if (flag !== 'U' && !flags.includes(flag)) flags += flag;
  }
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new EvaluationError(`invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

function matchResult(match: RegExpExecArray): Value {
  if (match.groups && Object.keys(match.groups).length > 0) {
    return Object.fromEntries(Object.entries(match.groups).map(([name, value]) => [name, value ?? null]));
  }
  if (match.length > 1) return match.slice(1).map((group) => group ?? null);
  return match[0];
}

/** String functions. */
export const stringFunctions: Readonly<Record<string, FunctionDefinition>> = {
  format: { minArgs: 1, call: ([spec, ...args]) => checkStringLength(formatValues(text(spec, 'format'), args)) },
  formatlist: {
    minArgs: 1,
    call: ([spec, ...args]) => {
      const lists = args.filter((arg) => Array.isArray(arg)).map((arg) => (arg as readonly Value[]).length);
      const length = lists.length === 0 ? 1 : Math.min(...lists);
      if (lists.some((n) => n !== length)) throw new EvaluationError('all list arguments must have the same length');
      return Array.from({ length }, (_, i) =>
        formatValues(text(spec, 'format'), args.map((arg) => (Array.isArray(arg) ? ((arg as readonly Value[])[i] as Value) : arg))),
      );
    },
  },
  join: {
    minArgs: 2,
    call: ([separator, ...lists]) =>
      checkStringLength(lists.flatMap((list) => asList(list, 'list')).map((item) => text(item, 'element')).join(text(separator, 'separator'))),
  },
  split: {
    minArgs: 2,
    maxArgs: 2,
    call: ([separator, value]) => {
      const s = text(value);
      return s === '' ? [] : s.split(text(separator, 'separator'));
    },
  },
  lower: { minArgs: 1, maxArgs: 1, call: ([s]) => text(s).toLowerCase() },
  upper: { minArgs: 1, maxArgs: 1, call: ([s]) => text(s).toUpperCase() },
  title: { minArgs: 1, maxArgs: 1, call: ([s]) => text(s).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()) },
  replace: {
    minArgs: 3,
    maxArgs: 3,
    call: ([s, search, replacement]) => {
      const subject = text(s);
      const pattern = text(search, 'search');
      const by = text(replacement, 'replacement');
      if (pattern.length > 1 && pattern.startsWith('/') && pattern.endsWith('/')) {
        const regex = compileRegex(pattern.slice(1, -1), true);
        return checkStringLength(subject.replace(regex, by.replace(/\$\{(\w+)\}/g, '$<$1>').replace(/\$(\d+)/g, '$$$1')));
      }
      return checkStringLength(subject.split(pattern).join(by));
    },
  },
  trimspace: { minArgs: 1, maxArgs: 1, call: ([s]) => text(s).trim() },
  trim: {
    minArgs: 2,
    maxArgs: 2,
    call: ([s, cutset]) => {
      const chars = new Set(text(cutset, 'characters'));
      const value = [...text(s)];
      let start = 0;
      let end = value.length;
      while (start < end && chars.has(value[start] as string)) start++;
      while (end > start && chars.has(value[end - 1] as string)) end--;
      return value.slice(start, end).join('');
    },
  },
  trimprefix: { minArgs: 2, maxArgs: 2, call: ([s, prefix]) => (text(s).startsWith(text(prefix)) ? text(s).slice(text(prefix).length) : text(s)) },
  trimsuffix: { minArgs: 2, maxArgs: 2, call: ([s, suffix]) => (text(s).endsWith(text(suffix)) && text(suffix) !== '' ? text(s).slice(0, -text(suffix).length) : text(s)) },
  chomp: { minArgs: 1, maxArgs: 1, call: ([s]) => text(s).replace(/(\r\n|\n|\r)+$/, '') },
  indent: {
    minArgs: 2,
    maxArgs: 2,
    call: ([spaces, s]) => text(s).split('\n').map((line, i) => (i === 0 ? line : ' '.repeat(asNumber(spaces ?? null)) + line)).join('\n'),
  },
  substr: {
    minArgs: 3,
    maxArgs: 3,
    call: ([s, offset, length]) => {
      const chars = [...text(s)];
      let start = asNumber(offset ?? null, 'offset');
      if (start < 0) start = Math.max(0, chars.length + start);
      const count = asNumber(length ?? null, 'length');
      return chars.slice(start, count < 0 ? undefined : start + count).join('');
    },
  },
  strrev: { minArgs: 1, maxArgs: 1, call: ([s]) => [...text(s)].reverse().join('') },
  startswith: { minArgs: 2, maxArgs: 2, call: ([s, prefix]) => text(s).startsWith(text(prefix)) },
  endswith: { minArgs: 2, maxArgs: 2, call: ([s, suffix]) => text(s).endsWith(text(suffix)) },
  strcontains: { minArgs: 2, maxArgs: 2, call: ([s, part]) => text(s).includes(text(part)) },
  regex: {
    minArgs: 2,
    maxArgs: 2,
    call: ([pattern, s]) => {
      const match = compileRegex(text(pattern, 'pattern')).exec(text(s));
      if (!match) throw new EvaluationError(`the pattern does not match ${describeValue(s ?? null)}`);
      return matchResult(match);
    },
  },
  regexall: {
    minArgs: 2,
    maxArgs: 2,
    call: ([pattern, s]) => [...text(s).matchAll(compileRegex(text(pattern, 'pattern'), true))].map((m) => matchResult(m as RegExpExecArray)),
  },
};
