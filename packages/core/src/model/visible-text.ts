/**
 * Characters that change how the text around them is shown rather than showing themselves: C0 and C1 controls
 * (the terminal's ESC sequences, BEL, carriage returns, OSC 8 links), DEL, the bidirectional overrides and isolates
 * of "Trojan Source", zero-width spaces, byte-order marks and the line and paragraph separators. Zero-width
 * (non-)joiners stay: scripts and emoji need them.
 */
const invisible = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const invisibleKeepingNewlines = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * `text` with every character that would act on a terminal or reorder what a reader sees written as a visible
 * escape (`\u001b`, `\u202e`), so a file name, resource address or value from a scanned repository is shown as
 * what it is. Tabs stay, and newlines too with `keepNewlines`.
 */
export function visibleText(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? invisibleKeepingNewlines : invisible, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
