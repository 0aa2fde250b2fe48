/**
 * @file The register-blocked a @ b^T product (2 rows x 4 columns, shuffle-summed): used for Q K^T and gemm tiles
 * whose k is a multiple of 4 (no transposed tile is built), correct with an odd row count; and bind-once runs.
 */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { WasmKernel } from '../../src/runtime/wasm/kernel.js';
import { compileWasmModules, kernelWat } from '../../src/targets/wasm/module.js';
import { createWasmTarget } from '../../src/targets/wasm/target.js';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { causalKernel, gemmKernels } from '../harness/kernels.js';

const shuffles = (wat: string): number => wat.split('i8x16.shuffle').length - 1;

describe('wasm a @ b^T with k a multiple of 4', () => {
  it('Q K^T of attention reads K in place with the shuffle-summed form', () => {
    const { wat } = kernelWat(runPipeline(causalKernel, 'wasm').final, false);
    expect(shuffles(wat)).toBeGreaterThanOrEqual(6);
  });

  it('odd tile row counts (3 rows: one 2-row block and one single row) pass the reference', async () => {
    const target = createWasmTarget({ schedule: { tile_m: 3, tile_q: 3 } });
    const report = await verifyKernels([causalKernel, gemmKernels[0]!], [target], { seed: 5 });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(2);
  });
});

describe('WasmKernel.bind', () => {
  it('runs repeatedly on inputs copied once and reads the same outputs each time', async () => {
    const kernel = checkKernelSource('kernel tiny = gemm { m = 2; n = 8; k = 8; weight = dense }');
    const k = await WasmKernel.load(compileWasmModules(runPipeline(kernel, 'wasm').final));
    const x = Float32Array.from({ length: 16 }, (_, i) => i - 7);
    const w = Float32Array.from({ length: 64 }, (_, i) => ((i * 5) % 11) - 5);
    const y = new Float32Array(16);
    const bound = k.bind({ m: 2, n: 8, k: 8, x, w, bias: new Float32Array(0) }, { y });
    await bound.execute();
    await bound.execute();
    bound.readOutputs();
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 8; j++) {
        let sum = 0;
        for (let l = 0; l < 8; l++) sum += x[i * 8 + l]! * w[j * 8 + l]!;
        expect(y[i * 8 + j]).toBeCloseTo(sum, 4);
      }
    }
    x.fill(0); // inputs were copied at bind time: changing the caller's array changes nothing
    y.fill(NaN);
    await bound.execute();
    bound.readOutputs();
    expect(Number.isNaN(y[0])).toBe(false);
    expect(y.some((v) => v !== 0)).toBe(true);
    await k.dispose();
  });
});
