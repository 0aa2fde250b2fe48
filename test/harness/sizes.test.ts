import { describe, it, expect } from 'vitest';
import { verifySizes } from '../../src/harness/sizes.js';
import type { AttentionSizes, GemmSizes } from '../../src/model/kernel.js';
import { attention, causal, gemm, inputs } from '../reference/kernels.js';

const att = (c: { sizes: unknown }) => c.sizes as AttentionSizes;

describe('verifySizes', () => {
  it('keeps a fully static kernel at its declared sizes', () => {
    const kernel = attention('big', causal, { heads: 8, kvHeads: 2, headDim: 64, qLen: 4096, kvLen: 4096 });
    const cases = verifySizes(kernel);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.sizes).toEqual({ batch: 1, heads: 8, kvHeads: 2, headDim: 64, valueDim: 64, qLen: 4096, kvLen: 4096 });
  });

  it('gives dynamic lengths a default plus edge lengths, decode and a chunk', () => {
    const kernel = attention('dyn', causal, { heads: 2, headDim: 16, batch: 'dynamic', qLen: 'dynamic', kvLen: 'dynamic' });
    const cases = verifySizes(kernel);
    expect(att(cases[0]!)).toMatchObject({ batch: 2, qLen: 257, kvLen: 257, heads: 2, headDim: 16 });
    const lengths = cases.map((c) => [att(c).qLen, att(c).kvLen]);
    expect(lengths).toEqual([[257, 257], [1, 1], [7, 7], [129, 129], [200, 200], [1, 200], [64, 200]]);
    expect(cases.every((c) => att(c).heads === 2 && att(c).headDim === 16)).toBe(true);
    expect(new Set(cases.map((c) => c.label)).size).toBe(cases.length);
  });

  it('decode kernels keep q_len and vary kv_len only', () => {
    const kernel = attention('dec', causal, { heads: 8, kvHeads: 2, qLen: 1, kvLen: 'dynamic', inputs: [inputs.list('sel', 'batch', 'kv_heads')] });
    const cases = verifySizes(kernel);
    expect(cases.every((c) => att(c).qLen === 1)).toBe(true);
    expect(cases.map((c) => att(c).kvLen)).toEqual([257, 1, 7, 129, 200, 129]);
    expect(cases.at(-1)!.random).toEqual({ density: 0.01, diagonalBlocks: false });
  });

  it('resolves dynamic heads against static kv_heads and vice versa, plus MQA and odd head_dim', () => {
    expect(att(verifySizes(attention('a', causal, { heads: 'dynamic', kvHeads: 4 }))[0]!)).toMatchObject({ heads: 8, kvHeads: 4 });
    expect(att(verifySizes(attention('b', causal, { heads: 6, kvHeads: 'dynamic' }))[0]!)).toMatchObject({ heads: 6, kvHeads: 3 });
    const both = verifySizes(attention('c', causal, { heads: 'dynamic', kvHeads: 'dynamic', headDim: 'dynamic', valueDim: 'dynamic' }));
    expect(both.map((c) => [att(c).heads, att(c).kvHeads, att(c).headDim])).toEqual([[4, 2, 32], [3, 1, 32], [4, 2, 7]]);
  });

  it('gemm: m = 1 and odd m/n/k on dynamic dims only', () => {
    const cases = verifySizes(gemm('g', { m: 'dynamic', n: 4096, k: 'dynamic', weight: { format: 'csr' } }));
    expect(cases.map((c) => c.sizes as GemmSizes)).toEqual([
      { m: 3, n: 4096, k: 128 },
      { m: 1, n: 4096, k: 128 },
      { m: 17, n: 4096, k: 37 },
      { m: 3, n: 4096, k: 128 },
    ]);
    expect(cases[3]!.random).toEqual({ density: 0.01 });
    expect(verifySizes(gemm('s', { m: 1, n: 8, k: 8 }))).toHaveLength(1);
  });
});
