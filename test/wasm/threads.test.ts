/** @file The wasm target with worker threads (shared memory, work split round-robin) and the relaxed-SIMD choice. */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { createWasmTarget } from '../../src/targets/wasm/target.js';
import { compileWasmModules } from '../../src/targets/wasm/module.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { WasmKernel, relaxedSimdAvailable } from '../../src/runtime/wasm/kernel.js';
import { causalKernel, documentKernel, gemmKernels } from '../harness/kernels.js';

describe('wasm threads', () => {
  it('three threads give results that pass the reference', async () => {
    const target = createWasmTarget({ threads: 3 });
    const report = await verifyKernels([causalKernel, documentKernel, gemmKernels[0]!], [target], { seed: 3 });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(3);
  });

  it('loads workers only for parallel kernels and reports the variant it picked', async () => {
    const mods = compileWasmModules(runPipeline(causalKernel, 'wasm').final);
    expect(mods.abi.parallel).toBe(true);
    const k = await WasmKernel.load(mods, { threads: 2 });
    expect(k.threads).toBe(2);
    expect(k.variant).toBe(relaxedSimdAvailable(mods.relaxed) ? 'relaxed' : 'simd');
    await k.dispose();
    const forced = await WasmKernel.load(mods, { relaxed: false });
    expect(forced.variant).toBe('simd');
  });
});
