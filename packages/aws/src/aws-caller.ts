import { setMaxListeners } from 'node:events';
import { ScanAbortedError } from '@trustscan/core';
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
 * Makes every AWS call of a scan: at most `concurrency` at a time per service, each given the scan's abort signal,
 * with jittered back-off on throttling on top of the SDK's adaptive retry, and counted by operation.
 */
export class AwsCaller {
  private readonly limiters = new Map<string, Limiter>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly options: CallerOptions = {}) {
    // Every call in flight listens to the scan's signal, `concurrency` per service across several services at once:
    // more than Node's default of 10 listeners, which would otherwise print a leak warning on every live scan.
    if (options.signal) setMaxListeners(Math.max(100, (options.concurrency ?? 8) * 16), options.signal);
  }

  /** Calls `operation` of `service` through `send`, which receives the abort signal to pass to the SDK. */
  async call<T>(service: string, operation: string, send: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const limiter = this.limiterFor(service);
    const retries = this.options.throttleRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      this.throwIfAborted();
      const key = `${service}:${operation}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      try {
        return await limiter(() => {
          this.throwIfAborted();
          return send(this.options.signal);
        });
      } catch (error) {
        if (this.options.signal?.aborted || error instanceof ScanAbortedError) throw new ScanAbortedError();
        if (classifyAwsError(error) !== 'throttled' || attempt >= retries) throw error;
        await this.backoff(attempt);
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

  private backoff(attempt: number): Promise<void> {
    const base = this.options.retryBaseDelayMs ?? 1000;
    const delay = Math.random() * base * 2 ** attempt;
    return new Promise((resolve, reject) => {
      const signal = this.options.signal;
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
