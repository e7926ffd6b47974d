import type { ParseStatistics } from './parse/parse-files.js';

/** Figures about one HCL load, for benchmarks and debugging output. */
export interface HclLoadStatistics extends ParseStatistics {
  readonly files: number;
  readonly resources: number;
}

let last: HclLoadStatistics | undefined;

/** The statistics of the most recent HCL directory load in this process. */
export function lastHclLoadStatistics(): HclLoadStatistics | undefined {
  return last;
}

/** Records the statistics of a load that just finished. */
export function recordHclLoadStatistics(statistics: HclLoadStatistics): void {
  last = statistics;
}
