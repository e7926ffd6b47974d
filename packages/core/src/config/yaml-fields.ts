import { isMap, isNode, isScalar, isSeq, type LineCounter, type Node, type Pair, type Scalar } from 'yaml';
import { ConfigError } from './config-error.js';

/** A key of a YAML mapping with its value node (null for `key:` with nothing after it). */
export interface Entry {
  readonly key: string;
  readonly keyNode: Scalar;
  readonly value: Node | null;
}

/**
 * Reads typed values out of a parsed YAML (or JSON) document and turns every mistake into a `ConfigError` naming the
 * file, the line and the dotted field, so a user can go straight to it.
 */
export class YamlFields {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  /** The 1-based line where a node starts. */
  line(node: Node | null | undefined, fallback = 1): number {
    const range = node?.range;
    return range ? this.lines.linePos(range[0]).line : fallback;
  }

  fail(node: Node | null | undefined, field: string, problem: string, fallbackLine = 1): never {
    throw new ConfigError(this.file, this.line(node, fallbackLine), field, problem);
  }

  /** The entries of a mapping, rejecting keys other than `allowed` with a suggestion for a near miss. */
  mapping(node: Node | null, field: string, allowed: readonly string[], fallbackLine = 1): Map<string, Entry> {
    if (!isMap(node)) this.fail(node, field, `must be a mapping of ${allowed.join(', ')}`, fallbackLine);
    const entries = new Map<string, Entry>();
    for (const pair of node.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') this.fail(keyOf(pair), field, 'keys must be plain names', fallbackLine);
      const key = keyNode.value;
      if (!allowed.includes(key)) {
        const guess = closest(key, allowed);
        this.fail(keyNode, join(field, key), `unknown setting${guess ? `; did you mean "${guess}"?` : `; the settings here are ${allowed.join(', ')}`}`);
      }
      entries.set(key, { key, keyNode, value: (pair.value as Node | null) ?? null });
    }
    return entries;
  }

  /** The entries of a mapping whose keys are free-form names (variables, severity overrides). */
  namedEntries(node: Node | null, field: string, what: string, fallbackLine = 1): Entry[] {
    if (!isMap(node)) this.fail(node, field, `must be a mapping of ${what}`, fallbackLine);
    return node.items.map((pair) => {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) this.fail(keyOf(pair), field, 'keys must be plain names', fallbackLine);
      return { key: String(keyNode.value), keyNode, value: (pair.value as Node | null) ?? null };
    });
  }

  list(node: Node | null, field: string, fallbackLine = 1): Node[] {
    if (node === null) return [];
    if (!isSeq(node)) this.fail(node, field, 'must be a list', fallbackLine);
    return node.items.map((item, index) => {
      if (item === null || !(isScalar(item) || isMap(item) || isSeq(item))) this.fail(node, `${field}[${index}]`, 'must not be empty');
      return item;
    });
  }

  string(node: Node | null, field: string, fallbackLine = 1): string {
    if (!isScalar(node) || typeof node.value !== 'string') this.fail(node, field, node === null ? 'needs a value' : 'must be text', fallbackLine);
    const text = node.value.trim();
    if (text === '') this.fail(node, field, 'must not be empty', fallbackLine);
    return text;
  }

  /** A string, or a list of strings. */
  strings(node: Node | null, field: string, fallbackLine = 1): string[] {
    if (isSeq(node)) {
      const items = node.items.map((item, index) => this.string(item as Node | null, `${field}[${index}]`, this.line(node, fallbackLine)));
      if (items.length === 0) this.fail(node, field, 'must list at least one value');
      return items;
    }
    return [this.string(node, field, fallbackLine)];
  }

  boolean(node: Node | null, field: string, fallbackLine = 1): boolean {
    if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(node, field, 'must be true or false', fallbackLine);
    return node.value;
  }

  oneOf<T extends string>(node: Node | null, field: string, options: readonly T[], fallbackLine = 1): T {
    const value = isScalar(node) ? String(node.value) : undefined;
    if (value === undefined || !options.includes(value as T)) {
      this.fail(node, field, `must be one of ${options.join(', ')}${value === undefined ? '' : `, not "${value}"`}`, fallbackLine);
    }
    return value as T;
  }
}

function keyOf(pair: Pair): Node | undefined {
  return isNode(pair.key) ? pair.key : undefined;
}

/** `waivers[2]` + `expires` → `waivers[2].expires`. */
export function join(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

/** The allowed word closest to a mistyped one (edit distance at most 2), for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
