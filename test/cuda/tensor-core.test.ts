/**
 * @file The cuda target's tensor-core path under the emulator: f16 / bf16 prefill attention takes it (the table's
 * mma, the kernel's shape) and matches the float64 reference on every verify case; f32 and a kernel whose
 * schedule turns mma off stay SIMT and say why; a NaN in V at a key the mask forbids contributes nothing (the
 * skip_zero select path); and the emulation catches a wrong fragment index (K's B fragments read 8 columns off)
 * and a missing cp.async wait.
 */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { hostCompiler } from '../../src/targets/cuda/emulate.js';
import { compileCuda, cudaTarget } from '../../src/targets/cuda/target.js';
import { TENSOR_CORE_PATH } from '../../src/targets/cuda/tensor-core/print.js';
import { skipTarget } from '../support/targets.js';
import { mutatedTarget } from './mutated-target.js';
import { attentionFailures, kernelOf, randomValues } from '../regressions/run-targets.js';

const host = hostCompiler();
const skip = skipTarget('cuda (emulated)', host.ok, host.ok ? '' : host.reason);

// NOTE: small sizes keep the emulation cheap: two heads, head_dim 16 / 32; verify adds its edge lengths (partial tiles, q_len 1, q_len < kv_len).
const causalBf16 = kernelOf<AttentionKernel>('kernel tc_causal_bf16 = attention(causal) { heads = 2; head_dim = 32; seq = dynamic; dtype = bf16 }');
const windowF16 = kernelOf<AttentionKernel>(
  'kernel tc_window_f16 = attention(causal && (k < 2 || q - k < 24)) { heads = 2; kv_heads = 1; head_dim = 16; value_dim = 32; seq = dynamic; dtype = f16 }',
);
const onlyFirstBf16 = kernelOf<AttentionKernel>('kernel tc_only_first = attention(k == 0) { heads = 2; head_dim = 16; seq = 40; dtype = bf16 }');
const causalF32 = kernelOf<AttentionKernel>('kernel tc_causal_f32 = attention(causal) { heads = 2; head_dim = 32; seq = 80 }');
const mmaOff = kernelOf<AttentionKernel>('kernel tc_off = attention(causal) { heads = 2; head_dim = 32; seq = 80; dtype = bf16\n  schedule cuda { mma = none } }');

describe('the tensor-core path is a table decision', () => {
  it('takes f16 / bf16 attention whose tiles fit m16n8k16, and prints mma.sync and ldmatrix', () => {
    for (const k of [causalBf16, windowF16]) {
      const { artifact } = compileCuda(k);
      expect(artifact.path).toBe(TENSOR_CORE_PATH);
      expect(artifact.source).toMatch(/SPARSEC_MMA_16816_(BF16|F16)\(f\d+\[tc_n\]/);
      expect(artifact.source).toContain('SPARSEC_LDMATRIX_X2_TRANS(');
      expect(artifact.source).toContain('__shfl_xor_sync(0xffffffffu, tc_r, 2)');
    }
  });

  it('leaves f32 and a kernel whose schedule sets mma = none on SIMT, saying why', () => {
    expect(compileCuda(causalF32).artifact.path).toBe('simt (Q, K, V are f32, not one of f16, bf16)');
    expect(compileCuda(mmaOff).artifact.path).toBe('simt (the schedule sets no mma shape)');
    expect(compileCuda(mmaOff).artifact.source).not.toMatch(/SPARSEC_MMA_16816_BF16\(\w+\[tc_n\]/);
  });
});

describe.skipIf(skip)('the tensor-core path under the emulator', () => {
  it('matches the float64 reference on every verify case (bf16 causal; f16 sinks + window, GQA, value_dim != head_dim)', async () => {
    const { results } = await verifyKernels([causalBf16, windowF16], [cudaTarget], { seed: 5 });
    expect(results.length).toBeGreaterThan(6);
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    for (const r of results) expect(r.detail).toContain(TENSOR_CORE_PATH);
  }, 300_000);

  it('keeps a NaN in V at a forbidden key out of every row (skip_zero selects instead of multiplying by 0)', async () => {
    const sizes = resolveAttentionSizes(onlyFirstBf16);
    const { batch, heads, kvHeads, qLen, kvLen, headDim, valueDim } = sizes;
    const v = randomValues(batch * kvHeads * kvLen * valueDim, 23);
    v.fill(NaN, valueDim, 2 * valueDim);
    const inputs = { q: randomValues(batch * heads * qLen * headDim, 21), k: randomValues(batch * kvHeads * kvLen * headDim, 22), v, runtime: {} };
    expect(compileCuda(onlyFirstBf16).artifact.path).toBe(TENSOR_CORE_PATH);
    expect(await attentionFailures(onlyFirstBf16, sizes, inputs, [cudaTarget])).toEqual([]);
  }, 120_000);

  it('catches a wrong fragment index: K read as B fragments 8 columns off', async () => {
    const wrongColumn = (s: string): string => s.replace(/tc_k \* 16 \+ \(\(tc_lane >> 3\) & 1\) \* 8\]\);/, 'tc_k * 16 + (tc_lane >> 4) * 8]);');
    const { results } = await verifyKernels([causalBf16], [mutatedTarget(wrongColumn, { mustChange: true })], { seed: 5 });
    expect(results.some((r) => r.status === 'fail')).toBe(true);
  }, 300_000);

  it('catches tiles read before their cp.async copies were waited for', async () => {
    const noWait = (s: string): string => s.replace(/^\s*SPARSEC_CP_ASYNC_WAIT_ALL\(\);\s*$/gm, '');
    const { results } = await verifyKernels([causalBf16], [mutatedTarget(noWait, { mustChange: true })], { seed: 5 });
    expect(results.some((r) => r.status === 'fail')).toBe(true);
  }, 300_000);
});
