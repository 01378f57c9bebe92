import fc from 'fast-check';

/**
 * How hard the fuzz suite tries. `npm test` runs a small, fixed number of runs from a fixed seed, so it is quick
 * and the same every time; `npm run fuzz` (or `FUZZ_RUNS=5000 npx vitest run test/fuzz`) runs longer.
 *
 * Replaying a failure: fast-check prints `{ seed: …, path: "…", endOnFailure: true }` with the counterexample.
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/fuzz/<file> -t '<property name>'` runs exactly that case.
 */
export const FUZZ_SEED = intFromEnv('FUZZ_SEED', 20201106);
/** Runs per property. @default 25 */
export const FUZZ_RUNS = intFromEnv('FUZZ_RUNS', 25);
const FUZZ_PATH = process.env.FUZZ_PATH || undefined;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/**
 * The parameters of one property: the shared seed, `FUZZ_RUNS × weight` runs (at least 1), no time limit (the
 * tests assert no wall-clock figure). On failure fast-check's report (seed, path, counterexample) is the error
 * vitest prints.
 */
export function fuzzParams<T>(weight = 1): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(FUZZ_RUNS * weight)),
    ...(FUZZ_PATH ? { path: FUZZ_PATH, endOnFailure: true } : {}),
    // A shrunk counterexample is what a reader needs; a 1 MB body is not, so the report is cut to size.
    reporter: (details) => {
      if (!details.failed) return;
      const report = fc.defaultReportMessage(details) ?? 'property failed';
      const cut = report.length > 6_000 ? `${report.slice(0, 6_000)}… (${report.length - 6_000} more characters)` : report;
      throw new Error(`${cut}\n\nReplay: FUZZ_SEED=${details.seed} FUZZ_PATH=${JSON.stringify(details.counterexamplePath)}`, {
        cause: details.errorInstance,
      });
    },
  };
}

/**
 * Per-test timeout for a property: generous, as runs are bounded by count, not by time. A loaded machine took over
 * 60 s for 25 runs of a property whose runs restart the server; a property cut off by its timeout goes on in the
 * background and breaks the next one's runs, so the bound is far off.
 */
export const FUZZ_TIMEOUT_MS = Math.max(300_000, FUZZ_RUNS * 6_000);
