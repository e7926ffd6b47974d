import type { SourceRange } from '../../../../model/resource.js';
import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import { ExpressionSyntaxError } from '../expression/parser.js';
import { Bindings, iterate, newTrace, type Trace } from '../expression/evaluate.js';
import { EvaluationError, asString, setKey } from '../expression/values.js';
import type { RawBody } from '../config/module-config.js';

/** Evaluates one hcl2json string (a template or a `${…}` expression) with bindings, recording what it read. */
export type LeafEvaluator = (text: string, bindings: Bindings, trace: Trace) => Value;

/** The evaluated arguments of a block, with what each read. */
export interface EvaluatedBody {
  readonly attributes: Record<string, Value>;
  /** Managed resources referred to, by top-level argument name. */
  readonly references: Map<string, Set<string>>;
  /** Dotted paths of values derived from sensitive inputs. */
  readonly sensitivePaths: string[];
  /** Arguments that could not be evaluated, with the reason; they are `Unknown` in `attributes`. */
  readonly problems: { readonly path: string; readonly message: string }[];
}

/** Arguments of resource blocks that configure Terraform itself rather than the resource. */
export const resourceMetaArguments: ReadonlySet<string> = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

const maxBlockDepth = 64;

/** Where the blocks of a body are written (`SyntaxBlock.attributes`), to keep static and dynamic blocks in order. */
export type BlockPositions = Readonly<Record<string, SourceRange>>;

/**
 * Evaluates a block body into the provider schema's shape: nested blocks as arrays of objects, `dynamic` blocks
 * expanded (with their `iterator`, nested dynamic blocks included) where they are written among the static blocks
 * of the same type, as Terraform expands them (after the static ones when the positions are not known).
 */
export function evaluateBody(body: RawBody, evaluateLeaf: LeafEvaluator, bindings: Bindings, skip: ReadonlySet<string> = resourceMetaArguments, positions?: BlockPositions): EvaluatedBody {
  const result: EvaluatedBody = { attributes: {}, references: new Map(), sensitivePaths: [], problems: [] };
  const walker = new BodyWalker(evaluateLeaf, result);
  for (const [key, raw] of Object.entries(body)) {
    if (skip.has(key) || key === 'dynamic') continue;
    setKey(result.attributes, key, walker.attribute(raw, key, key, bindings, 1, positions));
  }
  if (body['dynamic'] !== undefined) walker.dynamicBlocks(body['dynamic'], '', result.attributes, bindings, 1, undefined, positions);
  return result;
}

class BodyWalker {
  constructor(
    private readonly evaluateLeaf: LeafEvaluator,
    private readonly result: EvaluatedBody,
  ) {}

  /** An argument value, or nested blocks (arrays of bodies) under a body key. */
  attribute(raw: unknown, path: string, top: string, bindings: Bindings, depth: number, positions: BlockPositions | undefined): Value {
    if (Array.isArray(raw) && raw.length > 0 && raw.every(isBody)) {
      if (depth > maxBlockDepth) return this.problem(path, 'blocks nest too deeply');
      return raw.map((item, index) => this.nestedBody(item as RawBody, `${path}.${index}`, top, bindings, depth + 1, positions));
    }
    return this.value(raw, path, top, bindings, depth);
  }

  private nestedBody(body: RawBody, path: string, top: string, bindings: Bindings, depth: number, positions: BlockPositions | undefined): Value {
    const attributes: Record<string, Value> = {};
    for (const [key, raw] of Object.entries(body)) {
      if (key === 'dynamic') continue;
      setKey(attributes, key, this.attribute(raw, `${path}.${key}`, top, bindings, depth, positions));
    }
    if (body['dynamic'] !== undefined) this.dynamicBlocks(body['dynamic'], `${path}.`, attributes, bindings, depth, top, positions);
    return attributes;
  }

  /** A value written as a constructor: strings are templates, object keys may be templates too. */
  private value(raw: unknown, path: string, top: string, bindings: Bindings, depth: number): Value {
    if (typeof raw === 'string') return this.leaf(raw, path, top, bindings);
    if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (depth > maxBlockDepth * 4) return this.problem(path, 'the value nests too deeply');
    if (Array.isArray(raw)) return raw.map((item, index) => this.value(item, `${path}.${index}`, top, bindings, depth + 1));
    if (isBody(raw)) {
      const object: Record<string, Value> = {};
      for (const [rawKey, item] of Object.entries(raw)) {
        let key = rawKey;
        if (rawKey.includes('${')) {
          const evaluated = this.leaf(rawKey, path, top, bindings);
          if (evaluated instanceof Unknown) return evaluated;
          try {
            key = asString(evaluated, 'object key');
          } catch (error) {
            return this.problem(path, (error as Error).message);
          }
        }
        setKey(object, key, this.value(item, `${path}.${key}`, top, bindings, depth + 1));
      }
      return object;
    }
    return null;
  }

  private leaf(text: string, path: string, top: string, bindings: Bindings): Value {
    // Most strings are plain text: no template to parse, nothing read.
    if (!text.includes('${') && !text.includes('%{')) return text;
    const trace = newTrace();
    let value: Value;
    try {
      value = this.evaluateLeaf(text, bindings, trace);
    } catch (error) {
      if (!(error instanceof EvaluationError) && !(error instanceof ExpressionSyntaxError)) throw error;
      value = this.problem(path, error.message);
    }
    if (trace.hasReferences) {
      const set = this.result.references.get(top) ?? new Set<string>();
      for (const reference of trace.references) set.add(reference);
      this.result.references.set(top, set);
    }
    if (trace.sensitive) this.result.sensitivePaths.push(path);
    return value;
  }

  /**
   * Expands `dynamic "name" { for_each … content { … } }` into `into[name]`, each where it is written among the
   * static blocks of that name (after them when the positions are not known).
   */
  dynamicBlocks(raw: unknown, prefix: string, into: Record<string, Value>, bindings: Bindings, depth: number, top: string | undefined, positions: BlockPositions | undefined): void {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
    for (const [name, specs] of Object.entries(raw as Record<string, unknown>)) {
      const path = `${prefix}${name}`;
      const topName = top ?? name;
      const existing = into[name];
      // A static block written as one JSON object beside a dynamic block of its name is one block.
      const statics: Value[] = Array.isArray(existing) ? [...(existing as readonly Value[])] : isRecord(existing) ? [existing] : [];
      const expanded: Value[][] = [];
      let unknown: Unknown | undefined;
      for (const spec of Array.isArray(specs) ? specs : [specs]) {
        const blocks: Value[] = [];
        expanded.push(blocks);
        if (!isBody(spec)) continue;
        const collection = this.value(spec['for_each'] ?? [], `${path}.for_each`, topName, bindings, depth);
        if (collection instanceof Unknown) {
          unknown ??= new Unknown(`the dynamic block ${name} repeats over an unknown value (${collection.reason})`);
          continue;
        }
        const iterator = iteratorName(spec['iterator']) ?? name;
        const content = Array.isArray(spec['content']) ? spec['content'][0] : spec['content'];
        if (!isBody(content)) continue;
        let entries: [Value, Value][];
        try {
          entries = iterate(collection, `dynamic block ${name}`);
        } catch (error) {
          unknown ??= this.problem(path, (error as Error).message);
          continue;
        }
        for (const [key, value] of entries) {
          const frame = bindings.with({ [iterator]: { key, value } });
          // Positions inside dynamic content are not recorded: the content is read without them.
          blocks.push(this.nestedBody(content, `${path}.${statics.length + blocks.length}`, topName, frame, depth + 1, undefined));
        }
      }
      const blocks = inWrittenOrder(statics, expanded, `${prefix}${name}`, `${prefix}dynamic.${name}`, positions);
      // Sensitive paths were recorded with the indexes before ordering: when the order changed, the whole list is.
      if (blocks.some((block, i) => block !== [...statics, ...expanded.flat()][i]) && this.result.sensitivePaths.some((p) => p.startsWith(`${path}.`))) {
        this.result.sensitivePaths.push(path);
      }
      // The blocks that are known stay, and an unknown element stands for those an unknown for_each may add.
      into[name] = unknown === undefined ? blocks : blocks.length > 0 ? [...blocks, unknown] : unknown;
    }
  }

  private problem(path: string, message: string): Unknown {
    this.result.problems.push({ path, message });
    return new Unknown(message);
  }
}

/**
 * Static blocks and the expansions of the dynamic blocks of one name, ordered by where each is written: static block
 * `i` at `<path>.<i>`, dynamic block `j` at `<dynamicPath>.<j>`. Without positions, static blocks come first.
 */
function inWrittenOrder(statics: readonly Value[], expanded: readonly (readonly Value[])[], path: string, dynamicPath: string, positions: BlockPositions | undefined): Value[] {
  const entries: { range: SourceRange | undefined; blocks: readonly Value[] }[] = [
    ...statics.map((block, i) => ({ range: positions?.[`${path}.${i}`], blocks: [block] })),
    ...expanded.map((blocks, j) => ({ range: positions?.[`${dynamicPath}.${j}`], blocks })),
  ];
  if (entries.some((entry) => entry.range === undefined)) return entries.flatMap((entry) => entry.blocks);
  return entries
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => (a.range as SourceRange).startLine - (b.range as SourceRange).startLine || (a.range as SourceRange).startColumn - (b.range as SourceRange).startColumn || a.index - b.index)
    .flatMap((entry) => entry.blocks);
}

/** hcl2json writes `iterator = it` as the string `${it}`. */
function iteratorName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = /^\$\{\s*([\p{L}_][\p{L}\p{N}_-]*)\s*\}$/u.exec(raw) ?? /^([\p{L}_][\p{L}\p{N}_-]*)$/u.exec(raw);
  return match?.[1];
}

function isBody(value: unknown): value is RawBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
