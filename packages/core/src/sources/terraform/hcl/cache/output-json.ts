import type { Declaration, Resource, SourceRange } from '../../../../model/resource.js';
import { Unknown, type Value } from '../../../../model/value.js';
import type { SourceOutput } from '../../../source.js';

/**
 * A source output as plain JSON data, made to be read back fast: declarations (shared by every instance of a block,
 * and most of the bytes) are stored once in a table with their ranges as arrays, and the few `Unknown` values are
 * listed by path, so reading needs one `JSON.parse` without a reviver and a patch per unknown value.
 */
export interface StoredOutput {
  readonly output: unknown;
  readonly declarations: readonly StoredDeclaration[];
  /** Paths (keys from the output down) of the values that are `Unknown`, and of non-finite numbers. */
  readonly special: readonly (readonly (string | number)[])[];
}

interface StoredDeclaration {
  readonly file: string;
  readonly range: StoredRange;
  readonly attributes: Readonly<Record<string, StoredRange>>;
}

type StoredRange = readonly [number, number, number, number];

const unknownTag = '\u0000unknown';
const numberTag = '\u0000number';

/** Turns a source output into `StoredOutput`. */
export function storeOutput(output: SourceOutput): StoredOutput {
  const declarations: StoredDeclaration[] = [];
  const declarationIndex = new Map<Declaration, number>();
  const special: (string | number)[][] = [];
  const resources = output.resources.map((resource, i) => {
    const { declaration, attributes, ...rest } = resource;
    let index: number | undefined;
    if (declaration) {
      index = declarationIndex.get(declaration);
      if (index === undefined) {
        index = declarations.length;
        declarations.push({ file: declaration.file, range: toArray(declaration.range), attributes: mapValues(declaration.attributes, toArray) });
        declarationIndex.set(declaration, index);
      }
    }
    return { ...rest, attributes: plain(attributes as Value, ['resources', i, 'attributes'], special), ...(index === undefined ? {} : { declaration: index }) };
  });
  return { output: { ...output, resources }, declarations, special };
}

/** Reads what `storeOutput` wrote. */
export function restoreOutput(stored: StoredOutput): SourceOutput {
  const output = stored.output as { resources: (Omit<Resource, 'declaration'> & { declaration?: number | Declaration })[] };
  // Deepest first, so an unknown inside another's known part is restored before its container.
  for (const path of [...stored.special].sort((a, b) => b.length - a.length)) {
    let parent: Record<string | number, unknown> = output as unknown as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    const tagged = parent[key] as Record<string, unknown>;
    parent[key] = typeof tagged[numberTag] === 'string' ? Number(tagged[numberTag]) : new Unknown(tagged[unknownTag] as string, tagged['partial'] as Value | undefined);
  }
  const declarations = stored.declarations.map((d): Declaration => ({ file: d.file, range: toRange(d.range), attributes: mapValues(d.attributes, toRange) }));
  for (const resource of output.resources) {
    if (typeof resource.declaration === 'number') resource.declaration = declarations[resource.declaration] as Declaration;
  }
  return output as unknown as SourceOutput;
}

/** A copy of a value with `Unknown`s and non-finite numbers tagged, their paths collected (`path` is a working stack). */
function plain(value: Value, path: (string | number)[], special: (string | number)[][]): unknown {
  if (value instanceof Unknown) {
    special.push([...path]);
    if (value.partial === undefined) return { [unknownTag]: value.reason };
    path.push('partial');
    const partial = plain(value.partial, path, special);
    path.pop();
    return { [unknownTag]: value.reason, partial };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    special.push([...path]);
    return { [numberTag]: String(value) };
  }
  if (Array.isArray(value)) {
    const items = value as readonly Value[];
    const copy: unknown[] = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) {
      path.push(i);
      copy[i] = plain(items[i] as Value, path, special);
      path.pop();
    }
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      path.push(key);
      copy[key] = plain((value as Record<string, Value>)[key] as Value, path, special);
      path.pop();
    }
    return copy;
  }
  return value;
}

function toArray(range: SourceRange): StoredRange {
  return [range.startLine, range.startColumn, range.endLine, range.endColumn];
}

function toRange([startLine, startColumn, endLine, endColumn]: StoredRange): SourceRange {
  return { startLine, startColumn, endLine, endColumn };
}

function mapValues<A, B>(record: Readonly<Record<string, A>>, map: (value: A) => B): Record<string, B> {
  const result: Record<string, B> = {};
  for (const key of Object.keys(record)) result[key] = map(record[key] as A);
  return result;
}
