/**
 * The fast-check settings of the HCL property tests: a fixed seed, so a failure is the same on every run, and few
 * enough runs for the normal test run. Kept in one place to move to a shared testing module later.
 */
export const propertySettings = { seed: 16_2026, numRuns: 300 } as const;

/** Fewer runs for properties that call the WASM oracle, which costs a few milliseconds a call. */
export const oracleSettings = { seed: 16_2026, numRuns: 60 } as const;
