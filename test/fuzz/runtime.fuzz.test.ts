/**
 * @file Runtime fuzzing of generated kernels: hostile inputs (wrong lengths, array types and keys, sizes 0, -1, 1.5
 * and 2^31, out-of-range runtime values, broken lists, forged plans and packed weights, bad output arrays) through
 * the generated library on wasm and webgpu. Every call either rejects with an Error naming the kernel before
 * anything runs (the output array handed in stays poisoned) or, for values that are merely unusual, runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/reference/random.js';
import { importLibrary, type AnyHandle } from '../library/library-target.js';
import { HAS_ADAPTER } from '../webgpu/helpers.js';
import { skipTarget } from '../support/targets.js';
import { FUZZ_KERNELS, hostileCalls, validCall } from './fuzz-kernels.mjs';
import { buildFuzzLibrary, hostileVariant } from './fuzz-library.js';

const TARGETS = ['wasm', ...(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter') ? [] : ['webgpu'])];
const CALLS: Record<string, number> = { wasm: 1000, webgpu: 300 };

let lib: Record<string, AnyHandle>;
beforeAll(async () => {
  lib = await importLibrary(await buildFuzzLibrary(TARGETS));
}, 180_000);

for (const target of TARGETS) {
  describe(`${target}: hostile runtime inputs`, () => {
    it(`${CALLS[target]} hostile calls: a clear error before the kernel runs, or a run`, async () => {
      const rng = new Rng(target === 'wasm' ? 11 : 12);
      const loaded: Record<string, any> = {};
      for (const k of FUZZ_KERNELS) loaded[k] = await lib[k]!.load(target);
      const tally = await hostileCalls(loaded, CALLS[target]!, (_i: number, name: string) => hostileVariant(validCall(name, loaded[name]), rng));
      for (const k of FUZZ_KERNELS) await loaded[k].dispose();
      expect(tally.problems).toEqual([]);
      expect(tally.rejected).toBeGreaterThan(CALLS[target]! / 2);
      console.log(`${target}: ${CALLS[target]} hostile calls, ${tally.rejected} rejected with a clear error, ${tally.ran} ran`);
    }, 600_000);
  });
}
