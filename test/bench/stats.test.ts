import { describe, it, expect } from 'vitest';
import { median, percentile, roundTo } from '../../src/bench/framework/stats.js';
import { summarize, timeIt } from '../../src/bench/framework/timing.js';

describe('median and percentiles', () => {
  it('takes the middle sample of an odd count, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([9, 2, 7, 4, 1])).toBe(4);
  });
  it('averages the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('interpolates percentiles between order statistics', () => {
    const xs = [11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 10)).toBe(2);
    expect(percentile(xs, 90)).toBe(10);
    expect(percentile([0, 10], 25)).toBe(2.5);
    expect(percentile([7], 90)).toBe(7);
  });
  it('rejects empty samples and percentiles outside [0, 100]', () => {
    expect(() => median([])).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
  it('rounds to decimals', () => {
    expect(roundTo(1.23456, 2)).toBe(1.23);
  });
  it('summarises p10, median, p90 together', () => {
    const s = summarize([3, 1, 2]);
    expect([s.p10, s.median, s.p90]).toEqual([1.2, 2, 2.8]);
  });
});

describe('timeIt', () => {
  /** A fake clock that advances by the given durations, one per timed run. */
  function fakeClock(durations: number[]): { clock: () => number; advance: () => void } {
    let now = 0;
    let i = 0;
    return { clock: () => now, advance: () => { now += durations[i++ % durations.length]!; } };
  }

  it('runs warm-ups untimed, then at least minRuns timed runs', async () => {
    const { clock, advance } = fakeClock([10, 30, 20]);
    let calls = 0;
    const r = await timeIt(() => { calls++; if (calls > 2) advance(); }, { warmup: 2, minRuns: 3, minMs: 0 }, clock);
    expect(calls).toBe(5);
    expect(r.samples).toEqual([10, 30, 20]);
    expect(r.median).toBe(20);
  });

  it('keeps sampling until minMs is reached, capped by maxRuns', async () => {
    const { clock, advance } = fakeClock([10]);
    const r = await timeIt(advance, { warmup: 0, minRuns: 1, minMs: 45 }, clock);
    expect(r.samples.length).toBe(5);
    const capped = await timeIt(advance, { warmup: 0, minRuns: 1, minMs: 1e9, maxRuns: 7 }, clock);
    expect(capped.samples.length).toBe(7);
  });

  it('awaits asynchronous bodies', async () => {
    let done = 0;
    const r = await timeIt(async () => { await new Promise((ok) => setTimeout(ok, 1)); done++; }, { warmup: 1, minRuns: 2, minMs: 0 });
    expect(done).toBe(3);
    expect(r.samples.length).toBe(2);
    expect(r.median).toBeGreaterThan(0);
  });
});
