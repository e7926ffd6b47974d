/** Figures about one HCL root load, for benchmarks and debugging output. */
export interface HclLoadStatistics {
  /** Files parsed for this root (a file several roots read is parsed by the first). */
  readonly parsed: number;
  /** Terraform files the root and its modules hold (0 when served from the result cache). */
  readonly files: number;
  readonly resources: number;
  /** Whether the evaluated root came from the result cache. */
  readonly cached: boolean;
}

let last: HclLoadStatistics | undefined;

/** The statistics of the most recent HCL root load in this process. */
export function lastHclLoadStatistics(): HclLoadStatistics | undefined {
  return last;
}

/** Records the statistics of a load that just finished. */
export function recordHclLoadStatistics(statistics: HclLoadStatistics): void {
  last = statistics;
}
