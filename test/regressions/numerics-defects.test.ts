/**
 * @file Regression tests of issue 12's numeric defects, each run on every available target against the
 * float64 reference: the threshold compare (1), NaN in V at a forbidden key (2), NaN in Q / K (3),
 * bool / blocks values other than 0 / 1 (6), float arithmetic in a pattern (7).
 */
import { describe, expect, it } from 'vitest';
import type { AttentionKernel, AttentionSizes, GemmKernel } from '../../src/model/kernel.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import { attentionFailures, gemmFailures, kernelOf, randomValues } from './run-targets.js';

function attentionInputs(sizes: AttentionSizes, seed: number) {
  const { batch, heads, kvHeads, qLen, kvLen, headDim, valueDim } = sizes;
  return {
    q: randomValues(batch * heads * qLen * headDim, seed),
    k: randomValues(batch * kvHeads * kvLen * headDim, seed + 1),
    v: randomValues(batch * kvHeads * kvLen * valueDim, seed + 2),
  };
}

describe('1: threshold(t) keeps x = fround(t), which is greater than t', () => {
  it('gelu(x) of the kept element is in the output on every target', async () => {
    const kernel = kernelOf<GemmKernel>('kernel thr = gemm { m = 2; n = 8; k = 8; input = threshold(0.05); weight = dense; epilogue = gelu }');
    const sizes = { m: 2, n: 8, k: 8 };
    const x = new Float32Array(16).fill(Math.fround(0.05));
    x[3] = -Math.fround(0.05);
    const w = randomValues(64, 5);
    expect(Math.fround(0.05)).toBeGreaterThan(0.05);
    expect(await gemmFailures(kernel, sizes, { x, w })).toEqual([]);
  });
  it('a NaN input stays NaN (|NaN| <= t is false)', async () => {
    const kernel = kernelOf<GemmKernel>('kernel thr_nan = gemm { m = 1; n = 4; k = 8; input = threshold(0.5); weight = dense }');
    const x = randomValues(8, 9);
    x[2] = NaN;
    expect(await gemmFailures(kernel, { m: 1, n: 4, k: 8 }, { x, w: randomValues(32, 3) })).toEqual([]);
  });
});

describe('2: NaN in V at a key the mask forbids contributes nothing', () => {
  it('every row sees only key 0; V[head 0, key 1] = NaN', async () => {
    const kernel = kernelOf<AttentionKernel>('kernel only_first = attention(k == 0) { heads = 2; head_dim = 8; seq = 16 }');
    const sizes = resolveAttentionSizes(kernel);
    const inputs = attentionInputs(sizes, 11);
    inputs.v.fill(NaN, 1 * 8, 2 * 8);
    expect(await attentionFailures(kernel, sizes, { ...inputs, runtime: {} })).toEqual([]);
  });
  it('a NaN at one key of document 0 leaves document 1 alone', async () => {
    const kernel = kernelOf<AttentionKernel>(
      'pattern docs(doc: i32[kv_len]) = doc[q] == doc[k]\nkernel doc_nan = attention(docs) { heads = 1; head_dim = 8; seq = 40; outputs = out, lse }',
    );
    const sizes = resolveAttentionSizes(kernel);
    const inputs = attentionInputs(sizes, 13);
    const doc = new Int32Array(40).map((_, i) => (i < 13 ? 0 : 1));
    inputs.v[5 * 8 + 3] = NaN;
    expect(await attentionFailures(kernel, sizes, { ...inputs, runtime: { doc } })).toEqual([]);
  });
});

describe('3: NaN in Q or K stays NaN, the same on every target', () => {
  const kernel = kernelOf<AttentionKernel>('kernel nan_qk = attention(causal) { heads = 1; head_dim = 8; seq = 24; outputs = out, lse }');
  const sizes = resolveAttentionSizes(kernel);
  it('NaN in one Q element: that row is NaN (O and lse), the others untouched', async () => {
    const inputs = attentionInputs(sizes, 17);
    inputs.q[5 * 8 + 2] = NaN;
    expect(await attentionFailures(kernel, sizes, { ...inputs, runtime: {} })).toEqual([]);
  });
  it('NaN in K at an allowed key: the rows that see it are NaN', async () => {
    const inputs = attentionInputs(sizes, 19);
    inputs.k[0 * 8 + 1] = NaN;
    expect(await attentionFailures(kernel, sizes, { ...inputs, runtime: {} })).toEqual([]);
  });
  it('NaN in K at a key no row may see: nothing changes', async () => {
    const capped = kernelOf<AttentionKernel>('kernel nan_k_capped = attention(causal && k < 20) { heads = 1; head_dim = 8; seq = 24; outputs = out, lse }');
    const inputs = attentionInputs(sizes, 23);
    inputs.k[22 * 8 + 1] = NaN;
    inputs.v[22 * 8 + 1] = Infinity;
    expect(await attentionFailures(capped, sizes, { ...inputs, runtime: {} })).toEqual([]);
  });
});

describe('6: bool and blocks inputs: nonzero is true on every target and tile kind', () => {
  it('a bool[q_len, kv_len] mask holding 2 and 255', async () => {
    const kernel = kernelOf<AttentionKernel>('pattern m(m: bool[q_len, kv_len]) = m[qi, k]\nkernel bool_mask = attention(m) { heads = 1; head_dim = 8; seq = 40 }');
    const sizes = resolveAttentionSizes(kernel);
    const m = new Uint8Array(40 * 40).map((_, i) => [0, 1, 2, 255][(i * 7 + (i >> 3)) % 4]!);
    expect(await attentionFailures(kernel, sizes, { ...attentionInputs(sizes, 29), runtime: { m } })).toEqual([]);
  });
  it('a blocks layout holding 2 and 255 (full and partial tiles)', async () => {
    const kernel = kernelOf<AttentionKernel>('pattern bl(sel: blocks<16, 16>) = causal && sel[b, h, qb(16), kb(16)]\nkernel blocks_mask = attention(bl) { heads = 2; head_dim = 8; seq = 80 }');
    const sizes = resolveAttentionSizes(kernel);
    const n = 2 * 5 * 5;
    const sel = new Uint8Array(n).map((_, i) => [2, 0, 255, 1, 7][i % 5]!);
    expect(await attentionFailures(kernel, sizes, { ...attentionInputs(sizes, 31), runtime: { sel } })).toEqual([]);
  });
});

describe('7: float arithmetic in a pattern is f32 on the reference and every target', () => {
  it("the issue's fp_third kernel", async () => {
    const kernel = kernelOf<AttentionKernel>('kernel fp_third = attention(causal && 1.0 * q / 3 - 1.0 * k / 3 <= 7.0 / 3) { heads = 1; head_dim = 64; seq = 16 }');
    const sizes = resolveAttentionSizes(kernel);
    expect(await attentionFailures(kernel, sizes, { ...attentionInputs(sizes, 1), runtime: {} })).toEqual([]);
  });
  it('a float comparison near a rounding boundary (0.1 * q vs 0.3 * k)', async () => {
    const kernel = kernelOf<AttentionKernel>('kernel fp_tenths = attention(0.1 * q >= 0.3 * k) { heads = 1; head_dim = 8; seq = 48 }');
    const sizes = resolveAttentionSizes(kernel);
    expect(await attentionFailures(kernel, sizes, { ...attentionInputs(sizes, 2), runtime: {} })).toEqual([]);
  });
});
