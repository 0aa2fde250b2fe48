/**
 * @file The fixed-seed CI slice of the differential run, cut into two halves that vitest runs in parallel
 * (one per core): 300 random kernels on interp, 2 in 5 of them on wasm (binaryen optimises two module variants
 * per kernel, ~1.7 s), 1 in 10 on webgpu (SwiftShader compiles shaders slowly, ~3 s per kernel), 1 in 10 on cuda
 * (emulated: a host g++ build per kernel) and 1 in 10 on neon (an aarch64 gcc build, run under qemu). Failures are
 * not shrunk here (`npm run test:diff` is the long run and shrinks).
 */
import { expect, it } from 'vitest';
import { runDifferential, type DiffReport } from '../../src/diff/index.js';
import { TARGETS } from '../regressions/run-targets.js';

/** The seed of the CI slice. */
export const SLICE_SEED = 20261204;
/** Kernels in the slice. */
export const SLICE_CASES = 300;
const CHUNK = 50;

/**
 * Cases of the slice that hit a known open failure, by target, each kept in test/regressions/diff-open/ (an
 * `it.fails` test there turns red when it is fixed; then drop the entry here).
 */
export const KNOWN_OPEN: Readonly<Record<string, readonly number[]>> = {};

/** Who runs case i in half `half` (0 or 1). */
export function sliceRuns(half: 0 | 1): (target: string, i: number) => boolean {
  return (target, i) => {
    if (KNOWN_OPEN[target]?.includes(i)) return false;
    if (target === 'interp') return half === 0;
    if (target === 'wasm') return i % 5 === 2 * half;
    if (target === 'webgpu') return half === 1 && i % 10 === 3;
    // NOTE: the C targets take kernels no other compiled target runs; each is one host g++ or aarch64 gcc build.
    if (target === 'cuda') return half === 0 && i % 10 === 1;
    if (target === 'neon') return half === 0 && i % 10 === 4;
    return false;
  };
}

/** Registers the tests of one half: chunks of cases, each failing with the shrunk sources of its failures. */
export function sliceTests(half: 0 | 1): void {
  for (let from = 0; from < SLICE_CASES; from += CHUNK) {
    it(`cases ${from}..${from + CHUNK - 1}`, async () => {
      const report: DiffReport = await runDifferential({ cases: CHUNK, from, seed: SLICE_SEED, targets: TARGETS, runs: sliceRuns(half), shrink: false });
      expect(Object.values(report.perTarget).reduce((n, t) => n + t.run, 0)).toBeGreaterThan(0);
      expect(report.failures.map((f) => `${f.details.join('; ')}\n${f.shrunk}`)).toEqual([]);
    }, 300_000);
  }
}
