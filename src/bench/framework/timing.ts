/** @file Timing of one benchmark body: warm-up runs, then repeated timed runs until enough samples are taken. */
import { median, percentile } from './stats.js';

/** How long to measure: warm-up runs are untimed; timing stops once both `minRuns` and `minMs` are met. */
export interface TimingOptions {
  readonly warmup: number;
  readonly minRuns: number;
  /** Keep sampling until the timed runs add up to this many milliseconds (and `minRuns` is met). */
  readonly minMs: number;
  /** Hard cap on timed runs (default 1000), so a very fast body cannot loop for long. */
  readonly maxRuns?: number;
}

/** Timing samples (milliseconds per run) with their summary. */
export interface TimingResult {
  readonly samples: readonly number[];
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
}

/** Defaults for full benchmark runs: 2 warm-ups, then at least 5 runs and 2 s of samples (fast bodies run more). */
export const FULL_TIMING: TimingOptions = { warmup: 2, minRuns: 5, minMs: 2000, maxRuns: 2000 };
/** Defaults for `--quick` runs (tests, CI): 1 warm-up, then at least 3 runs and 100 ms of samples. */
export const QUICK_TIMING: TimingOptions = { warmup: 1, minRuns: 3, minMs: 100, maxRuns: 200 };

/** A clock in milliseconds; injectable so tests can check the loop without real time. */
export type Clock = () => number;

/** Summarises a list of samples (milliseconds). */
export function summarize(samples: readonly number[]): TimingResult {
  return { samples, median: median(samples), p10: percentile(samples, 10), p90: percentile(samples, 90) };
}

/** Runs `run` `warmup` times untimed, then times it until `minRuns` and `minMs` are both reached (or `maxRuns`). */
export async function timeIt(
  run: () => Promise<void> | void,
  options: TimingOptions,
  clock: Clock = () => performance.now(),
): Promise<TimingResult> {
  const maxRuns = Math.max(1, options.maxRuns ?? 1000);
  const minRuns = Math.max(1, Math.min(options.minRuns, maxRuns));
  for (let i = 0; i < options.warmup; i++) await run();
  const samples: number[] = [];
  let total = 0;
  while (samples.length < maxRuns && (samples.length < minRuns || total < options.minMs)) {
    const start = clock();
    await run();
    const elapsed = clock() - start;
    samples.push(elapsed);
    total += elapsed;
  }
  return summarize(samples);
}
