import { CallSignals, ScanAbortedError } from '@trustscan/core';
import { classifyAwsError } from './aws-errors.js';
import { createLimiter, type Limiter } from './limit-concurrency.js';

/** Options of the calls a live scan makes. */
export interface CallerOptions {
  readonly signal?: AbortSignal;
  /** Concurrent calls per service (default 8). */
  readonly concurrency?: number;
  /** Extra attempts on throttling after the SDK's own retries gave up (default 3). */
  readonly throttleRetries?: number;
  /** Base of the jittered back-off between those attempts, in ms (default 1000). */
  readonly retryBaseDelayMs?: number;
}

/**
 * Makes every AWS call of a scan: at most `concurrency` at a time per service, each given an abort signal of its own
 * that the scan's signal aborts,
 * with jittered back-off on throttling on top of the SDK's adaptive retry, and counted by operation.
 */
export class AwsCaller {
  private readonly limiters = new Map<string, Limiter>();
  private readonly counts = new Map<string, number>();
  private readonly signals: CallSignals;

  constructor(private readonly options: CallerOptions = {}) {
    this.signals = new CallSignals(options.signal);
  }

  /** Calls `operation` of `service` through `send`, which receives the abort signal to pass to the SDK. */
  async call<T>(service: string, operation: string, send: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    return this.signals.run((signal) => this.attempt(service, operation, send, signal));
  }

  private async attempt<T>(service: string, operation: string, send: (abortSignal: AbortSignal | undefined) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const limiter = this.limiterFor(service);
    const retries = this.options.throttleRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      this.throwIfAborted();
      const key = `${service}:${operation}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      try {
        return await limiter(() => {
          this.throwIfAborted();
          return send(signal);
        });
      } catch (error) {
        if (this.options.signal?.aborted || error instanceof ScanAbortedError) throw new ScanAbortedError();
        if (classifyAwsError(error) !== 'throttled' || attempt >= retries) throw error;
        await this.backoff(attempt, signal);
      }
    }
  }

  /** Calls made so far, by `service:operation`, sorted. */
  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** All calls made so far, or those of one service. */
  total(service?: string): number {
    let sum = 0;
    for (const [key, count] of this.counts) if (service === undefined || key.startsWith(`${service}:`)) sum += count;
    return sum;
  }

  throwIfAborted(): void {
    if (this.options.signal?.aborted) throw new ScanAbortedError();
  }

  private limiterFor(service: string): Limiter {
    let limiter = this.limiters.get(service);
    if (!limiter) {
      limiter = createLimiter(this.options.concurrency ?? 8);
      this.limiters.set(service, limiter);
    }
    return limiter;
  }

  private backoff(attempt: number, signal: AbortSignal | undefined): Promise<void> {
    const base = this.options.retryBaseDelayMs ?? 1000;
    const delay = Math.random() * base * 2 ** attempt;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(new ScanAbortedError());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, delay);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
