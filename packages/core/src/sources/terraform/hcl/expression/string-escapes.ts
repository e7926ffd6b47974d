/**
 * What one backslash escape in a quoted HCL string stands for, read by both parsers (the native-syntax reader and the
 * expression parser), which word their own errors: the text and how many characters the escape takes, or why it is
 * not an escape.
 */
export type StringEscape =
  | { readonly kind: 'text'; readonly text: string; readonly length: number }
  | { readonly kind: 'bad-selector'; readonly selector: string }
  | { readonly kind: 'bad-hex'; readonly selector: 'u' | 'U'; readonly digits: number; readonly hex: string }
  | { readonly kind: 'bad-code-point'; readonly selector: 'u' | 'U'; readonly hex: string };

const simple: ReadonlyMap<string, string> = new Map([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['"', '"'],
  ['\\', '\\'],
]);

/** Reads the escape whose backslash is at `at` in `src`. */
export function readStringEscape(src: string, at: number): StringEscape {
  const selector = src[at + 1] ?? '';
  const plain = simple.get(selector);
  if (plain !== undefined) return { kind: 'text', text: plain, length: 2 };
  if (selector !== 'u' && selector !== 'U') return { kind: 'bad-selector', selector };
  const digits = selector === 'u' ? 4 : 8;
  const hex = src.slice(at + 2, at + 2 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return { kind: 'bad-hex', selector, digits, hex };
  const code = parseInt(hex, 16);
  // Beyond the last code point: String.fromCodePoint would throw a RangeError, not a syntax error.
  if (code > 0x10ffff) return { kind: 'bad-code-point', selector, hex };
  return { kind: 'text', text: String.fromCodePoint(code), length: 2 + digits };
}
