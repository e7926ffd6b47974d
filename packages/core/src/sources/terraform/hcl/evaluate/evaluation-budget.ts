import { getHeapStatistics } from 'node:v8';
import { InputError } from '../../../../model/errors.js';

/** Seconds one root module's evaluation may take: `TRUSTSCAN_MAX_EVAL_SECONDS`, else the default. */
export const maxEvalSecondsVariable = 'TRUSTSCAN_MAX_EVAL_SECONDS';
/** Heap (MB) a root module's evaluation may bring the process to: `TRUSTSCAN_MAX_HEAP_MB`, else the default. */
export const maxHeapVariable = 'TRUSTSCAN_MAX_HEAP_MB';

/** Generous: the largest real roots evaluate in seconds; only an exploding expression takes minutes. */
export const defaultMaxEvalSeconds = 300;
/** Of Node's heap limit: past this, the next allocation may end the whole process instead of one root. */
const defaultHeapShare = 0.85;

/** Expressions evaluated between two looks at the clock and the heap: cheap enough, often enough. */
const checkEvery = 4096;

/**
 * The time and memory one root module's evaluation may use. Expressions can explode (nested `for` over `range()`,
 * fan-out through modules) where no single construct is over its own limit; the evaluator ticks the budget for every
 * expression, and a root over it stops with one line naming the root, the limit and how to raise it, so the other
 * roots are still scanned and the process lives on.
 */
export class EvaluationBudget {
  private ticks = 0;
  private readonly deadline: number;
  private readonly seconds: Limit;
  private readonly heap: Limit;

  constructor(
    /** The root module, as messages name it. */
    private readonly root: string,
    environment: NodeJS.ProcessEnv = process.env,
    start = Date.now(),
  ) {
    this.seconds = limitFrom(root, environment, maxEvalSecondsVariable, defaultMaxEvalSeconds);
    this.heap = limitFrom(root, environment, maxHeapVariable, Math.floor((getHeapStatistics().heap_size_limit * defaultHeapShare) / 1024 / 1024));
    this.deadline = start + this.seconds.value * 1000;
  }

  /** Counts one expression; every few thousand, checks the clock and the heap and stops the root when over. */
  tick(): void {
    if (++this.ticks % checkEvery !== 0) return;
    if (Date.now() > this.deadline) {
      throw new InputError(
        `${this.root}: evaluating the root module took longer than ${this.seconds.value} s${this.seconds.fromEnvironment ? ` (${maxEvalSecondsVariable})` : ''}, so it was stopped and not scanned; an expression probably explodes (nested for over range(), module fan-out): simplify it, leave the root out with --exclude, or raise ${maxEvalSecondsVariable}=<seconds>.`,
        { subject: this.root },
      );
    }
    const usedMegabytes = process.memoryUsage().heapUsed / 1024 / 1024;
    if (usedMegabytes > this.heap.value) {
      throw new InputError(
        `${this.root}: evaluating the root module brought the heap to ${Math.round(usedMegabytes)} MB, over the ${this.heap.value} MB limit${this.heap.fromEnvironment ? ` (${maxHeapVariable})` : ''}, so it was stopped and not scanned; an expression probably builds huge collections: simplify it, leave the root out with --exclude, or raise ${maxHeapVariable}=<MB> with NODE_OPTIONS=--max-old-space-size=<MB>.`,
        { subject: this.root },
      );
    }
  }
}

interface Limit {
  readonly value: number;
  readonly fromEnvironment: boolean;
}

/** A positive number from the environment, else the default (a value that is not one is a clear error). */
function limitFrom(root: string, environment: NodeJS.ProcessEnv, variable: string, fallback: number): Limit {
  const text = environment[variable];
  if (text === undefined || text.trim() === '') return { value: fallback, fromEnvironment: false };
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InputError(`${root}: not scanned, because ${variable} must be a positive number, not "${text}"; unset it for the default (${fallback}).`, { subject: variable });
  return { value, fromEnvironment: true };
}
