/** @file The csr / bsr / nm outer-product micro-kernels: chosen only where they apply, correct on edge sizes and with threads. */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { GemmKernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { compileWasmModules } from '../../src/targets/wasm/module.js';
import { createWasmTarget } from '../../src/targets/wasm/target.js';

/** True when the wasm pipeline lowers `k` to the outer gemm walk its printer prints as a micro-kernel. */
const hasSparseGemmKernel = (k: GemmKernel): boolean => runPipeline(k, 'wasm').stages[0]!.name === 'lower-gemm-outer';

const gemm = (body: string): GemmKernel => checkKernelSource(`kernel g = gemm { ${body} }`) as GemmKernel;

const csr = gemm('m = dynamic; n = 37; k = 50; weight = csr');
const bsr = gemm('m = dynamic; n = 12; k = 14; weight = bsr(4, 2)');
const bsrSmallM = gemm('m = 3; n = 21; k = 40; weight = bsr(3, 1)');
const nm = gemm('m = dynamic; n = 9; k = 24; weight = nm(2, 4)');
const nmWide = gemm('m = 2; n = 7; k = 32; weight = nm(3, 8)');

describe('wasm sparse gemm micro-kernels', () => {
  it('apply to plain f32 csr / bsr / nm only', () => {
    expect([csr, bsr, bsrSmallM, nm, nmWide].map(hasSparseGemmKernel)).toEqual([true, true, true, true, true]);
    expect(hasSparseGemmKernel(gemm('m = 4; n = 8; k = 8; weight = csr; bias = f32[n]'))).toBe(false);
    expect(hasSparseGemmKernel(gemm('m = 4; n = 8; k = 8; weight = csr; epilogue = relu'))).toBe(false);
    expect(hasSparseGemmKernel(gemm('m = 4; n = 8; k = 8; weight = csr; dtype = f16'))).toBe(false);
    expect(hasSparseGemmKernel(gemm('m = 4; n = 8; k = 8; weight = dense'))).toBe(false);
    expect(hasSparseGemmKernel(gemm('m = 4; n = 8; k = dynamic; weight = csr'))).toBe(false);
    const mods = compileWasmModules(runPipeline(csr, 'wasm').final);
    expect(mods.abi.params.map((p) => p.name)).toEqual(['m', 'n', 'k', 'x', 'y', 'w.indptr', 'w.indices', 'w.values']);
    expect(mods.abi.scratchBytes).toBe(50 * 16 * 4);
  });

  it.each([1, 3])('pass the reference on edge sizes with %i thread(s)', async (threads) => {
    const report = await verifyKernels([csr, bsr, bsrSmallM, nm, nmWide], [createWasmTarget({ threads })], { seed: 9 });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(5);
  });
});
