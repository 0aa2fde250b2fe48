/** @file Summary statistics of timing samples: median and interpolated percentiles. */

/** The p-th percentile (0..100) of `samples`, linearly interpolated between order statistics (numpy's default). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is outside [0, 100]`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction;
}

/** The median: the middle sample, or the mean of the two middle samples for an even count. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds to a fixed number of decimals, for printing and JSON rows. */
export function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale;
}
