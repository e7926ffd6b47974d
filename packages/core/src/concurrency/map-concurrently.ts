import { ScanAbortedError } from '../model/errors.js';

/**
 * Maps `items` through `run` with at most `limit` calls in flight, keeping the input order in the result. Stops
 * starting new work once `signal` is aborted.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < items.length) {
      if (signal?.aborted) throw new ScanAbortedError();
      const index = nextIndex++;
      results[index] = await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
