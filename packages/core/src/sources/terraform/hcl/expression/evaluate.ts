import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import type { Expr, ForExpr, TemplatePart } from './ast.js';
import {
  EvaluationError,
  asBool,
  asNumber,
  asString,
  checkCollectionLength,
  checkStringLength,
  computedOf,
  describeValue,
  setKey,
  sortedKeys,
  typeName,
  valuesEqual,
} from './values.js';

/** What an evaluation read besides plain values: sensitive inputs, and the managed resources it referred to. */
export interface Trace {
  sensitive: boolean;
  readonly references: Set<string>;
  /** Whether anything was referred to, without creating the set. */
  readonly hasReferences: boolean;
}

/** A trace whose reference set exists only once something is referred to (most values refer to nothing). */
class LazyTrace implements Trace {
  sensitive = false;
  private set: Set<string> | undefined;

  get references(): Set<string> {
    this.set ??= new Set();
    return this.set;
  }

  get hasReferences(): boolean {
    return this.set !== undefined && this.set.size > 0;
  }
}

export function newTrace(): Trace {
  return new LazyTrace();
}

/** Adds what `from` read to `into`. */
export function mergeTrace(into: Trace, from: Trace): void {
  if (from.sensitive) into.sensitive = true;
  if (from.hasReferences) for (const reference of from.references) into.references.add(reference);
}

/** One step of a traversal after its root name: `.name` or `[key]` (the key already evaluated). */
export type Step = { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: Value };

/**
 * Resolves names the expression does not bind itself (`var`, `local`, `module`, `data`, resource types, `path`, …).
 * It may use several steps (`aws_s3_bucket.b[0]`) and says how many; the evaluator applies the rest.
 */
export interface NameResolver {
  resolve(root: string, steps: readonly Step[], trace: Trace): { readonly value: Value; readonly consumed: number };
}

/**
 * Evaluated arguments. Typed as at least three so that functions can destructure what `minArgs` guarantees;
 * an optional argument that was not given is `undefined` at run time, so such functions check `args.length`.
 */
export type Arguments = readonly [Value, Value, Value, ...Value[]];

/** A Terraform function: receives evaluated arguments. */
export interface FunctionDefinition {
  readonly call: (args: Arguments, context: FunctionContext) => Value;
  /** Whether the function handles `Unknown` arguments itself; otherwise any unknown argument makes the result unknown. */
  readonly acceptsUnknown?: boolean;
  readonly minArgs?: number;
  readonly maxArgs?: number;
}

/**
 * The files `file()`, `templatefile()`, `filebase64()`, `fileexists()` and `fileset()` read. A read trustscan does
 * not make (outside the repository) is `Unknown`; a file that cannot be read throws `EvaluationError`.
 */
export interface ConfigurationFileAccess {
  read(path: string): string | Unknown;
  exists(path: string): boolean | Unknown;
  /** `fileset(path, pattern)` called in the module whose directory is `moduleDirectory`. */
  fileset(path: string, pattern: string, moduleDirectory: string): readonly string[] | Unknown;
}

/** For evaluations that may read no file (variable files, tests): every read is an error. */
export const noConfigurationFiles: ConfigurationFileAccess = {
  read: () => {
    throw new EvaluationError('no files can be read here');
  },
  exists: () => {
    throw new EvaluationError('no files can be read here');
  },
  fileset: () => {
    throw new EvaluationError('no files can be read here');
  },
};

export interface FunctionContext {
  readonly trace: Trace;
  /** Directory that relative paths in `file()` and friends are resolved from (where Terraform would run). */
  readonly baseDirectory: string;
  /** The directory of the module whose expression calls the function. */
  readonly moduleDirectory: string;
  readonly files: ConfigurationFileAccess;
  /** Evaluates a template text with the given variables (for `templatefile`). */
  readonly renderTemplate: (text: string, variables: { readonly [name: string]: Value }) => Value;
}

/** Names bound inside an expression: `for` variables, `each`, `count`, dynamic block iterators. */
export class Bindings {
  constructor(
    private readonly values: ReadonlyMap<string, Value>,
    private readonly parent?: Bindings,
  ) {}

  static of(entries: Readonly<Record<string, Value>>): Bindings {
    return new Bindings(new Map(Object.entries(entries)));
  }

  with(entries: Readonly<Record<string, Value>>): Bindings {
    return new Bindings(new Map(Object.entries(entries)), this);
  }

  get(name: string): Value | undefined {
    for (let frame: Bindings | undefined = this; frame; frame = frame.parent) {
      if (frame.values.has(name)) return frame.values.get(name);
    }
    return undefined;
  }
}

const noBindings = new Bindings(new Map());

export interface EvaluatorOptions {
  readonly resolver: NameResolver;
  readonly functions: ReadonlyMap<string, FunctionDefinition>;
  readonly baseDirectory: string;
  /** The module's own directory (for `fileset()`); the base directory when not given. */
  readonly moduleDirectory?: string;
  readonly files: ConfigurationFileAccess;
  /** Parses a template text into an expression (for `templatefile`). */
  readonly parseTemplate: (text: string) => Expr;
  /** Counts every expression evaluated, and stops an evaluation over its time or memory (see EvaluationBudget). */
  readonly budget?: { tick(): void };
}

/** Evaluates expressions against a module's names; errors become `EvaluationError`. */
export class Evaluator {
  constructor(private readonly options: EvaluatorOptions) {}

  evaluate(expr: Expr, trace: Trace, bindings: Bindings = noBindings): Value {
    return this.eval(expr, bindings, trace, undefined);
  }

  private eval(expr: Expr, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    this.options.budget?.tick();
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr.parts, bindings, trace, splatItem);
      case 'variable':
      case 'getattr':
      case 'index':
        return this.traversal(expr, bindings, trace, splatItem);
      case 'splat-item':
        if (splatItem === undefined) throw new EvaluationError('a splat step outside a splat expression');
        return splatItem;
      case 'splat':
        return this.splat(expr.source, expr.each, bindings, trace, splatItem);
      case 'tuple':
        return checkCollectionLength(expr.items.map((item) => this.eval(item, bindings, trace, splatItem)));
      case 'object':
        return this.object(expr, bindings, trace, splatItem);
      case 'call':
        return this.call(expr, bindings, trace, splatItem);
      case 'unary':
        return this.unary(expr.operator, this.eval(expr.operand, bindings, trace, splatItem));
      case 'binary':
        return this.binary(expr, bindings, trace, splatItem);
      case 'conditional':
        return this.conditional(expr, bindings, trace, splatItem);
      case 'for':
        return this.forExpression(expr, bindings, trace, splatItem);
    }
  }

  private traversal(expr: Expr, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    // Flatten `root.a[b].c` into the root and its steps (once per node), evaluating index keys on the way.
    const { root: node, chain } = flattened(expr);
    const steps: Step[] = chain.map((step) =>
      step.kind === 'getattr' ? { kind: 'attr', name: step.name } : { kind: 'index', key: this.eval((step as { key: Expr }).key, bindings, trace, splatItem) },
    );
    let value: Value;
    let consumed = 0;
    if (node.kind === 'variable') {
      const bound = bindings.get(node.name);
      if (bound !== undefined) {
        value = bound;
      } else {
        const resolved = this.options.resolver.resolve(node.name, steps, trace);
        value = resolved.value;
        consumed = resolved.consumed;
      }
    } else {
      value = this.eval(node, bindings, trace, splatItem);
    }
    for (let i = consumed; i < steps.length; i++) {
      // Reading an attribute of a resource instance however it was reached (`each.value.id`, `[for b in …]`,
      // a local holding the instance) refers to that instance.
      if (isRecord(value)) {
        const computed = computedOf(value);
        if (computed?.managed) trace.references.add(computed.address);
      }
      value = applyStep(value, steps[i] as Step);
    }
    return value;
  }

  private splat(source: Expr, each: Expr, bindings: Bindings, trace: Trace, outer: Value | undefined): Value {
    const value = this.eval(source, bindings, trace, outer);
    if (value instanceof Unknown) return value;
    if (value === null) return [];
    const items = Array.isArray(value) ? (value as readonly Value[]) : [value];
    return items.map((item) => this.eval(each, bindings, trace, item));
  }

  private object(expr: Extract<Expr, { kind: 'object' }>, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    const result: Record<string, Value> = {};
    for (const item of expr.items) {
      const key = this.eval(item.key, bindings, trace, splatItem);
      if (key instanceof Unknown) return key;
      setKey(result, asString(key, 'object key'), this.eval(item.value, bindings, trace, splatItem));
    }
    return result;
  }

  private call(expr: Extract<Expr, { kind: 'call' }>, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    if (expr.name === 'try') return this.tryCall(expr.args, bindings, trace, splatItem);
    if (expr.name === 'can') return this.canCall(expr.args, bindings, trace, splatItem);
    const definition = this.options.functions.get(expr.name);
    if (!definition) {
      // Evaluate the arguments anyway: their references still link resources.
      for (const arg of expr.args) this.tryEvaluate(arg, bindings, trace, splatItem);
      return new Unknown(`the function ${expr.name}() is not evaluated offline`);
    }
    let args = expr.args.map((arg) => this.eval(arg, bindings, trace, splatItem));
    if (expr.expandFinal) {
      const last = args.at(-1);
      if (last instanceof Unknown) return last;
      if (!Array.isArray(last)) throw new EvaluationError(`the last argument of ${expr.name}() expanded with ... is not a list`);
      args = [...args.slice(0, -1), ...(last as readonly Value[])];
    }
    if (definition.minArgs !== undefined && args.length < definition.minArgs) {
      throw new EvaluationError(`${expr.name}() needs at least ${definition.minArgs} argument(s), got ${args.length}`);
    }
    if (definition.maxArgs !== undefined && args.length > definition.maxArgs) {
      throw new EvaluationError(`${expr.name}() takes at most ${definition.maxArgs} argument(s), got ${args.length}`);
    }
    if (!definition.acceptsUnknown) {
      for (const arg of args) {
        const unknown = deepUnknown(arg);
        if (unknown) return unknown;
      }
    }
    try {
      return definition.call(args as unknown as Arguments, this.functionContext(trace));
    } catch (error) {
      if (error instanceof EvaluationError) throw new EvaluationError(`${expr.name}(): ${error.message}`);
      throw error;
    }
  }

  private functionContext(trace: Trace): FunctionContext {
    return {
      trace,
      baseDirectory: this.options.baseDirectory,
      moduleDirectory: this.options.moduleDirectory ?? this.options.baseDirectory,
      files: this.options.files,
      renderTemplate: (text, variables) => this.eval(this.options.parseTemplate(text), Bindings.of(variables), trace, undefined),
    };
  }

  /** `try(a, b, …)`: the first argument that evaluates without an error; an unknown one makes the result unknown. */
  private tryCall(args: readonly Expr[], bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    if (args.length === 0) throw new EvaluationError('try() needs at least one argument');
    const errors: string[] = [];
    for (const arg of args) {
      try {
        const value = this.eval(arg, bindings, trace, splatItem);
        if (value instanceof Unknown) return value;
        return value;
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        errors.push(error.message);
      }
    }
    throw new EvaluationError(`no argument of try() could be evaluated (${errors[0] ?? ''})`);
  }

  private canCall(args: readonly Expr[], bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    if (args.length !== 1) throw new EvaluationError('can() takes one argument');
    try {
      const value = this.eval(args[0] as Expr, bindings, trace, splatItem);
      return value instanceof Unknown ? value : true;
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      return false;
    }
  }

  private tryEvaluate(expr: Expr, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    try {
      return this.eval(expr, bindings, trace, splatItem);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      return new Unknown(error.message);
    }
  }

  private unary(operator: '!' | '-', operand: Value): Value {
    if (operand instanceof Unknown) return operand;
    return operator === '!' ? !asBool(operand, 'operand of !') : -asNumber(operand, 'operand of -');
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    const left = this.eval(expr.left, bindings, trace, splatItem);
    if (expr.operator === '&&' || expr.operator === '||') {
      // A known left side decides when it can (`false && x`, `true || x`), so guards such as
      // `var.x != null && var.x.enabled` work; the right side is still read for references.
      const shortCircuit = expr.operator === '&&' ? false : true;
      if (!(left instanceof Unknown) && asBool(left, `left operand of ${expr.operator}`) === shortCircuit) {
        this.tryEvaluate(expr.right, bindings, trace, splatItem);
        return shortCircuit;
      }
      const right = this.eval(expr.right, bindings, trace, splatItem);
      if (!(right instanceof Unknown) && asBool(right, `right operand of ${expr.operator}`) === shortCircuit) return shortCircuit;
      if (left instanceof Unknown) return left;
      if (right instanceof Unknown) return right;
      return !shortCircuit;
    }
    const right = this.eval(expr.right, bindings, trace, splatItem);
    if (expr.operator === '==' || expr.operator === '!=') {
      if (left instanceof Unknown) return left;
      if (right instanceof Unknown) return right;
      const equal = valuesEqual(left, right);
      return expr.operator === '==' ? equal : !equal;
    }
    if (left instanceof Unknown) return left;
    if (right instanceof Unknown) return right;
    const a = asNumber(left, `left operand of ${expr.operator}`);
    const b = asNumber(right, `right operand of ${expr.operator}`);
    switch (expr.operator) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new EvaluationError('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new EvaluationError('modulo by zero');
        return a % b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
    }
  }

  private conditional(expr: Extract<Expr, { kind: 'conditional' }>, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    const condition = this.eval(expr.condition, bindings, trace, splatItem);
    if (condition instanceof Unknown) {
      // Both branches are read so their references still count; the result is unknown unless they agree.
      const then = this.tryEvaluate(expr.then, bindings, trace, splatItem);
      const otherwise = this.tryEvaluate(expr.else, bindings, trace, splatItem);
      if (!(then instanceof Unknown) && !(otherwise instanceof Unknown) && valuesEqual(then, otherwise)) return then;
      return condition;
    }
    if (condition === null) throw new EvaluationError('the condition is null');
    return asBool(condition, 'condition')
      ? this.eval(expr.then, bindings, trace, splatItem)
      : this.eval(expr.else, bindings, trace, splatItem);
  }

  private forExpression(expr: ForExpr, bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    const collection = this.eval(expr.collection, bindings, trace, splatItem);
    if (collection instanceof Unknown) return collection;
    const entries = iterate(collection, 'for expression');
    const list: Value[] = [];
    const object: Record<string, Value> = {};
    const groups = new Map<string, Value[]>();
    let unknown: Unknown | undefined;
    for (const [key, value] of entries) {
      const frame = bindings.with(expr.keyVariable === undefined ? { [expr.valueVariable]: value } : { [expr.keyVariable]: key, [expr.valueVariable]: value });
      if (expr.condition) {
        const keep = this.eval(expr.condition, frame, trace, splatItem);
        if (keep instanceof Unknown) {
          unknown ??= keep;
          continue;
        }
        if (!asBool(keep, 'for expression condition')) continue;
      }
      if (expr.keyExpr) {
        const keyValue = this.eval(expr.keyExpr, frame, trace, splatItem);
        if (keyValue instanceof Unknown) {
          unknown ??= keyValue;
          continue;
        }
        const name = asString(keyValue, 'for expression key');
        const item = this.eval(expr.valueExpr, frame, trace, splatItem);
        if (expr.grouping) {
          const group = groups.get(name) ?? [];
          group.push(item);
          groups.set(name, group);
        } else {
          if (Object.hasOwn(object, name)) throw new EvaluationError(`the for expression produces the key ${JSON.stringify(name)} twice; add ... to group values`);
          setKey(object, name, item);
        }
      } else {
        list.push(this.eval(expr.valueExpr, frame, trace, splatItem));
      }
      checkCollectionLength(list);
    }
    if (unknown) return unknown;
    if (!expr.keyExpr) return list;
    if (expr.grouping) for (const [name, group] of groups) setKey(object, name, group);
    return object;
  }

  private template(parts: readonly TemplatePart[], bindings: Bindings, trace: Trace, splatItem: Value | undefined): Value {
    let text = '';
    let unknown: Unknown | undefined;
    for (const part of parts) {
      const piece = this.templatePart(part, bindings, trace, splatItem);
      if (piece instanceof Unknown) unknown ??= piece;
      else if (!unknown) text = checkStringLength(text + piece);
    }
    return unknown ?? text;
  }

  private templatePart(part: TemplatePart, bindings: Bindings, trace: Trace, splatItem: Value | undefined): string | Unknown {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'interpolation': {
        const value = this.eval(part.expr, bindings, trace, splatItem);
        if (value instanceof Unknown) return value;
        if (value === null) throw new EvaluationError('a template interpolates a null value');
        return asString(value, 'interpolated value');
      }
      case 'if': {
        const condition = this.eval(part.condition, bindings, trace, splatItem);
        if (condition instanceof Unknown) return condition;
        const chosen = asBool(condition, 'template condition') ? part.then : part.else;
        return asTemplateText(this.template(chosen, bindings, trace, splatItem));
      }
      case 'for': {
        const collection = this.eval(part.collection, bindings, trace, splatItem);
        if (collection instanceof Unknown) return collection;
        let text = '';
        for (const [key, value] of iterate(collection, 'template for')) {
          const frame = bindings.with(part.keyVariable === undefined ? { [part.valueVariable]: value } : { [part.keyVariable]: key, [part.valueVariable]: value });
          const piece = asTemplateText(this.template(part.body, frame, trace, splatItem));
          if (piece instanceof Unknown) return piece;
          text = checkStringLength(text + piece);
        }
        return text;
      }
    }
  }
}

function asTemplateText(value: Value): string | Unknown {
  if (value instanceof Unknown) return value;
  return asString(value, 'template');
}

const flattenedChains = new WeakMap<Expr, { readonly root: Expr; readonly chain: readonly Expr[] }>();

/** `root.a[b].c` as its root and its steps in order. */
function flattened(expr: Expr): { readonly root: Expr; readonly chain: readonly Expr[] } {
  let result = flattenedChains.get(expr);
  if (!result) {
    const chain: Expr[] = [];
    let node = expr;
    while (node.kind === 'getattr' || node.kind === 'index') {
      chain.push(node);
      node = node.object;
    }
    result = { root: node, chain: chain.reverse() };
    flattenedChains.set(expr, result);
  }
  return result;
}

/** Applies `.name` or `[key]` to a value, the way Terraform does. */
export function applyStep(value: Value, step: Step): Value {
  if (value instanceof Unknown) return value;
  if (step.kind === 'index' && step.key instanceof Unknown) return step.key;
  if (value === null) throw new EvaluationError(`cannot read ${describeStep(step)} of a null value`);
  if (Array.isArray(value)) {
    const list = value as readonly Value[];
    const raw = step.kind === 'attr' ? step.name : step.key;
    const index = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(index)) throw new EvaluationError(`a list cannot be indexed with ${describeStep(step)}`);
    if (index < 0 || index >= list.length) throw new EvaluationError(`index ${index} is out of range for a list of ${list.length} element(s)`);
    return list[index] as Value;
  }
  if (isRecord(value)) {
    const key = step.kind === 'attr' ? step.name : step.key;
    if (typeof key !== 'string' && typeof key !== 'number') throw new EvaluationError(`an object cannot be indexed with ${describeValue(key)}`);
    const name = String(key);
    if (Object.hasOwn(value, name)) return value[name] as Value;
    const computed = computedOf(value);
    if (computed) return new Unknown(`${computed.address}.${name} ${computed.reason}`);
    throw new EvaluationError(`the object has no attribute or key ${JSON.stringify(name)}`);
  }
  throw new EvaluationError(`cannot read ${describeStep(step)} of a ${typeName(value)}`);
}

function describeStep(step: Step): string {
  return step.kind === 'attr' ? `.${step.name}` : `[${describeValue(step.key)}]`;
}

/** Key/value pairs of a collection in Terraform's iteration order: list order, or lexical key order. */
export function iterate(collection: Value, what: string): [Value, Value][] {
  if (Array.isArray(collection)) return (collection as readonly Value[]).map((value, index) => [index, value]);
  if (isRecord(collection)) return sortedKeys(collection).map((key) => [key, collection[key] as Value]);
  throw new EvaluationError(`the ${what} iterates over ${describeValue(collection)}, which is not a collection`);
}

/** The first `Unknown` anywhere in a value, for functions that need fully known arguments. */
function deepUnknown(value: Value): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    for (const item of value as readonly Value[]) {
      const found = deepUnknown(item);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const key in value) {
      const found = deepUnknown(value[key] as Value);
      if (found) return found;
    }
  }
  return undefined;
}
