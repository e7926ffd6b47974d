import { Unknown, type Value } from '../../../../model/value.js';
import type { Expr } from '../expression/ast.js';
import type { ConfigurationFileAccess, FunctionDefinition } from '../expression/evaluate.js';
import { ExpressionSyntaxError, parseTemplate } from '../expression/parser.js';
import type { ModuleCallConfig, ModuleConfig } from '../config/module-config.js';
import { EvaluationBudget } from './evaluation-budget.js';

/** A memoised value with what it read: whether it is sensitive, and the managed resources it refers to. */
export interface Cell {
  readonly value: Value;
  readonly sensitive: boolean;
  readonly references: ReadonlySet<string>;
}

export const emptyReferences: ReadonlySet<string> = new Set();

/** Where a module call's source leads. */
export type ModuleSource =
  | { readonly kind: 'loaded'; readonly config: ModuleConfig }
  | { readonly kind: 'not-scanned'; readonly reason: string };

/** A value given for a root module variable, before conversion to the variable's type. */
export type GivenValue =
  | { readonly kind: 'value'; readonly value: Value; readonly origin: string }
  /** `--var` and `TF_VAR_*` text: a literal for primitive types, an HCL expression for the others. */
  | { readonly kind: 'text'; readonly text: string; readonly origin: string };

/** Something worth telling the user about the evaluation, attached to a file position when there is one. */
export interface EvaluationProblem {
  readonly level: 'error' | 'warning' | 'note';
  readonly code: string;
  readonly message: string;
  readonly subject?: string;
}

/** How deeply evaluations of named values may nest (a chain of locals, module outputs, resources). */
export const maxEvaluationDepth = 150;
/** How many resource and module instances one scan expands at most. */
export const maxInstances = 100_000;

/** What every module instance of one scan shares. */
export class EvaluationServices {
  private readonly expressions = new Map<string, Expr | ExpressionSyntaxError>();
  private depth = 0;
  instances = 0;
  readonly problems: EvaluationProblem[] = [];
  private readonly problemKeys = new Set<string>();
  /** The root's time and memory: one budget for every module instance of the root. */
  readonly budget: EvaluationBudget;

  constructor(
    readonly rootDirectory: string,
    readonly functions: ReadonlyMap<string, FunctionDefinition>,
    readonly files: ConfigurationFileAccess,
    readonly rootValue: (name: string) => GivenValue | undefined,
    readonly moduleSource: (call: ModuleCallConfig, callerDirectory: string, callPath: readonly string[]) => ModuleSource,
    readonly workspace: string,
    /** A path relative to the scan root, for messages. */
    readonly relative: (file: string) => string,
  ) {
    this.budget = new EvaluationBudget(relative(rootDirectory) || '.');
  }

  /** The parsed form of an hcl2json template string, parsed once per distinct text. */
  template(text: string): Expr {
    let parsed = this.expressions.get(text);
    if (parsed === undefined) {
      try {
        parsed = parseTemplate(text);
      } catch (error) {
        if (!(error instanceof ExpressionSyntaxError)) throw error;
        parsed = error;
      }
      this.expressions.set(text, parsed);
    }
    if (parsed instanceof ExpressionSyntaxError) throw parsed;
    return parsed;
  }

  /** Runs `body` one level deeper, or returns `Unknown` when the nesting limit is reached. */
  nested<T>(body: () => T, tooDeep: () => T): T {
    if (this.depth >= maxEvaluationDepth) return tooDeep();
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }

  report(problem: EvaluationProblem): void {
    const key = `${problem.code}\0${problem.message}`;
    if (this.problemKeys.has(key)) return;
    this.problemKeys.add(key);
    this.problems.push(problem);
  }
}

const pending = Symbol('pending');

/** Memoised cells with cycle detection: asking for a value while it is being computed yields the cycle result. */
export class Memo<V> {
  private readonly values = new Map<string, V | typeof pending>();

  /** The finished value for `key`, if there is one (no closures needed on this common path). */
  done(key: string): V | undefined {
    const existing = this.values.get(key);
    return existing === pending ? undefined : existing;
  }

  get(key: string, compute: () => V, onCycle: () => V): V {
    const existing = this.values.get(key);
    if (existing === pending) return onCycle();
    if (existing !== undefined) return existing;
    this.values.set(key, pending);
    let result: V;
    try {
      result = compute();
    } catch (error) {
      this.values.delete(key);
      throw error;
    }
    this.values.set(key, result);
    return result;
  }
}

/** An `Unknown` cell for a value that depends on itself. */
export function cycleCell(what: string): Cell {
  return { value: new Unknown(`${what} depends on itself`), sensitive: false, references: emptyReferences };
}

export function tooDeepCell(what: string): Cell {
  return { value: new Unknown(`${what} is nested too deeply to evaluate`), sensitive: false, references: emptyReferences };
}
