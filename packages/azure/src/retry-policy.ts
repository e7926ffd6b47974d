import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';

/** How ARM calls are retried: 408, 429 and 5xx (and dropped connections), honouring `Retry-After`, bounded. */
export interface RetryOptions {
  readonly maxRetries: number;
  /** First back-off when the response names no delay; doubled on each retry. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this, whatever `Retry-After` says. */
  readonly maxDelayMs: number;
  /** Called before each wait, for progress reports. */
  readonly onRetry?: (info: { readonly status: number; readonly delayMs: number; readonly attempt: number }) => void;
}

export const defaultRetryOptions: RetryOptions = { maxRetries: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);
const retryableNetworkCodes = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ESOCKETTIMEDOUT', 'EAI_AGAIN']);

/**
 * Replaces the pipeline's default retry policy, whose throttling strategy waits as long as `Retry-After` says with
 * no upper bound: here every wait is capped and the number of retries is fixed, so a scan never hangs.
 */
export function armRetryPolicy(options: RetryOptions = defaultRetryOptions): PipelinePolicy {
  return {
    name: 'trustscanArmRetryPolicy',
    async sendRequest(request, next) {
      for (let attempt = 1; ; attempt++) {
        let response: PipelineResponse | undefined;
        let thrown: unknown;
        try {
          response = await next(request);
        } catch (error) {
          thrown = error;
        }
        const retryable = response ? retryableStatuses.has(response.status) : isRetryableNetworkError(thrown);
        if (!retryable || attempt > options.maxRetries || request.abortSignal?.aborted) {
          if (response) return response;
          throw thrown;
        }
        const named = response ? retryAfterMs(response) : undefined;
        const delayMs = Math.min(named ?? options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
        options.onRetry?.({ status: response?.status ?? 0, delayMs, attempt });
        await sleep(delayMs, request.abortSignal as AbortSignal | undefined);
      }
    },
  };
}

/** The delay a response asks for: `retry-after-ms`, `x-ms-retry-after-ms`, or `Retry-After` in seconds or as a date. */
export function retryAfterMs(response: PipelineResponse): number | undefined {
  for (const header of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(response.headers.get(header));
    if (response.headers.get(header) !== undefined && Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function isRetryableNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && retryableNetworkCodes.has(code);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
