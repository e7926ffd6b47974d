import type { Verdict } from '@trustscan/core';

/**
 * The verdict that decides for a resource made of several parts (volumes, listeners, ingress rules): the first
 * failure, else the first unknown, else the first pass.
 */
export function decisive<T extends Verdict>(verdicts: readonly T[]): T | undefined {
  return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
}
