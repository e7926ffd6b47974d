/**
 * Property-based tests (fast-check) run two ways from the same `*.property.test.ts` files:
 *
 * - under `pnpm test`: a fixed seed per property (derived from its name) and a modest number of runs, so the run is
 *   repeatable and quick;
 * - under `pnpm fuzz` (scripts/fuzz.mjs sets TRUSTSCAN_FUZZ_MS): a random seed (or `--seed`), as many runs as fit in
 *   the time each property is given, and one JSON line per property appended to TRUSTSCAN_FUZZ_REPORT, which the fuzz
 *   script prints as what it tried.
 *
 * A property test calls `checkProperty(target, name, property)`; `target` is the file's name without
 * `.property.test.ts`, so `pnpm fuzz TARGET` selects it.
 */
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fc from 'fast-check';

/** The settings `pnpm fuzz` passes to the test processes. */
const fuzzMs = Number(process.env['TRUSTSCAN_FUZZ_MS'] ?? 0);
const fuzzSeed = process.env['TRUSTSCAN_FUZZ_SEED'];
const fuzzReplay = process.env['TRUSTSCAN_FUZZ_REPLAY'];
const fuzzReport = process.env['TRUSTSCAN_FUZZ_REPORT'];

/** Whether this run explores (`pnpm fuzz`) rather than checks with fixed seeds (`pnpm test`). */
export const fuzzing = fuzzMs > 0;

/** How many runs a property gets under `pnpm test` unless it asks for fewer (slow properties, e.g. whole scans). */
export const defaultRuns = 100;

/** The fixed seed of a property under `pnpm test`: stable per name, different between properties. */
export function fixedSeed(name: string): number {
  return createHash('sha256').update(name).digest().readInt32LE(0);
}

/** The fast-check parameters for one property, by mode. */
export function propertyParameters<T>(name: string, runs: number = defaultRuns, share = 1): fc.Parameters<T> {
  if (!fuzzing) return { seed: fixedSeed(name), numRuns: runs };
  if (fuzzReplay) {
    const [seed, path] = fuzzReplay.split(':');
    return { seed: Number(seed), ...(path ? { path } : {}), numRuns: Number.MAX_SAFE_INTEGER, endOnFailure: true };
  }
  return {
    seed: fuzzSeed === undefined ? (Math.random() * 2 ** 31) | 0 : Number(fuzzSeed),
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: Math.max(200, Math.round(fuzzMs * share)),
    markInterruptAsFailure: false,
  };
}

/** The time a test needs for a property: what `pnpm fuzz` gives it plus room to shrink a counterexample. */
export function propertyTimeout(runs: number = defaultRuns, msPerRun = 50): number {
  return fuzzing ? fuzzMs + 120_000 : Math.max(30_000, runs * msPerRun);
}

/** How a property runs: its number of runs under `pnpm test`, and its share of a `checkProperty` call's fuzzing time. */
export interface PropertyOptions {
  readonly runs?: number;
  /** For properties checked in a loop by one `checkProperty` call site: 1 / the number of them (default 1). */
  readonly share?: number;
}

/**
 * Checks a property, failing the test with fast-check's report (counterexample, seed and path to replay) when it
 * does not hold. Under `pnpm fuzz`, also records what was tried. `pnpm fuzz` divides its time by the number of
 * `checkProperty(` call sites in the selected files.
 */
export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  target: string,
  name: string,
  property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>,
  { runs = defaultRuns, share = 1 }: PropertyOptions = {},
): Promise<void> {
  const parameters = propertyParameters<Ts>(`${target}: ${name}`, runs, share);
  const started = Date.now();
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, parameters);
  if (fuzzing && fuzzReport) {
    const record = {
      target,
      property: name,
      runs: details.numRuns,
      skipped: details.numSkips,
      seed: details.seed,
      ms: Date.now() - started,
      failed: details.failed,
      ...(details.failed
        ? {
            counterexample: fc.stringify(details.counterexample),
            error: details.errorInstance instanceof Error ? details.errorInstance.message.split('\n')[0] : String(details.errorInstance),
            replay: `${details.seed}:${details.counterexamplePath ?? ''}`,
          }
        : {}),
    };
    appendFileSync(fuzzReport, `${JSON.stringify(record)}\n`);
  }
  if (details.failed) {
    const cause = details.errorInstance;
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw new Error(`${target}: ${name} does not hold: ${reason}\n${fc.defaultReportMessage(details) ?? ''}`, { cause });
  }
}
