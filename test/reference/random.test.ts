import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rng, randomAttentionInputs, randomGemmInputs, randomRuntimeInputs, seedFrom } from '../../src/reference/random.js';
import { roundF16 } from '../../src/reference/dtype.js';
import { packNM } from '../../src/runtime/packing.js';
import type { RaggedList } from '../../src/model/values.js';
import { attention, causal, gemm, inputs } from './kernels.js';

const sizes = { batch: 2, heads: 4, kvHeads: 2, headDim: 8, valueDim: 8, qLen: 50, kvLen: 70 };

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
    expect(seedFrom(1, 'causal', 'declared')).toBe(seedFrom(1, 'causal', 'declared'));
    expect(seedFrom(1, 'causal', 'declared')).not.toBe(seedFrom(1, 'causal', 'len 7'));
  });

  it('int stays in [lo, hi), next in [0, 1), normal has mean ~0 and variance ~1', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 50 }), (seed, lo, width) => {
        const r = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const x = r.int(lo, lo + width);
          expect(Number.isInteger(x) && x >= lo && x < lo + width).toBe(true);
          const u = r.next();
          expect(u >= 0 && u < 1).toBe(true);
        }
      }),
    );
    const r = new Rng(7);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('random attention inputs', () => {
  it('Q/K/V have the contract shapes and are rounded to the dtype', () => {
    const kernel = attention('k', causal, { dtype: 'f16', heads: 4, kvHeads: 2, headDim: 8 });
    const x = randomAttentionInputs(kernel, sizes, new Rng(1));
    expect(x.q.length).toBe(2 * 4 * 50 * 8);
    expect(x.k.length).toBe(2 * 2 * 70 * 8);
    expect(x.v.length).toBe(2 * 2 * 70 * 8);
    expect(Array.from(x.q).every((q) => roundF16(q) === q)).toBe(true);
  });

  it('produces valid values of every runtime input kind', () => {
    const kernel = attention('k', causal, {
      inputs: [
        inputs.i32('doc', 'kv_len'),
        inputs.i32('cluster', 'heads'),
        inputs.i32('lens', 'batch'),
        inputs.f32('slopes', 'heads'),
        inputs.bool('streaming', 'heads'),
        inputs.bool('m', 'q_len', 'kv_len'),
        inputs.list('cols', 'batch', 'heads'),
        inputs.blocks('sel', 16, 32),
      ],
    });
    const rt = randomRuntimeInputs(kernel, sizes, new Rng(3), { density: 0.2 });
    const doc = rt.doc as Int32Array;
    expect(doc.length).toBe(70);
    for (let i = 1; i < doc.length; i++) expect(doc[i]!).toBeGreaterThanOrEqual(doc[i - 1]!);
    expect(doc[69]!).toBeGreaterThan(3); // ~16 documents over 70 positions
    expect(Array.from(rt.cluster as Int32Array).every((c) => c >= 0 && c < 4)).toBe(true);
    expect(Array.from(rt.lens as Int32Array).every((n) => n >= 1 && n <= 70)).toBe(true);
    expect(Array.from(rt.slopes as Float32Array).every((s) => s > 0 && s < 1)).toBe(true);
    expect((rt.m as Uint8Array).length).toBe(50 * 70);
    const ones = (rt.m as Uint8Array).reduce((a, b) => a + b, 0) / (50 * 70);
    expect(ones).toBeGreaterThan(0.15);
    expect(ones).toBeLessThan(0.25);
    const cols = rt.cols as RaggedList;
    expect(cols.offsets.length).toBe(2 * 4 + 1);
    for (let l = 0; l < 8; l++) {
      for (let e = cols.offsets[l]! + 1; e < cols.offsets[l + 1]!; e++) expect(cols.values[e]!).toBeGreaterThan(cols.values[e - 1]!);
    }
    expect(Array.from(cols.values).every((x) => x >= 0 && x < 70)).toBe(true);
    const sel = rt.sel as Uint8Array;
    const qb = Math.ceil(70 / 16);
    const kb = Math.ceil(70 / 32);
    expect(sel.length).toBe(2 * 4 * qb * kb);
    // diagonal blocks are on: block (qb, kb) overlapping q == k
    for (let s = 0; s < 8; s++) for (let b = 0; b < qb; b++) expect(sel[(s * qb + b) * kb + Math.floor((b * 16) / 32)]).toBe(1);
  });

  it('diagonalBlocks: false with density 0 gives an empty layout', () => {
    const kernel = attention('k', causal, { inputs: [inputs.blocks('sel', 16, 16)] });
    const rt = randomRuntimeInputs(kernel, sizes, new Rng(3), { density: 0, diagonalBlocks: false });
    expect((rt.sel as Uint8Array).every((x) => x === 0)).toBe(true);
  });
});

describe('random gemm inputs', () => {
  const gs = { m: 6, n: 10, k: 22 };

  it('nm weights have exactly N nonzeros per full group and pack', () => {
    const kernel = gemm('g', { weight: { format: 'nm', keep: 2, group: 4 } });
    const { w } = randomGemmInputs(kernel, gs, new Rng(5));
    for (let r = 0; r < gs.n; r++) {
      for (let g = 0; g + 4 <= gs.k; g += 4) expect(Array.from(w.subarray(r * gs.k + g, r * gs.k + g + 4)).filter((x) => x !== 0).length).toBe(2);
    }
    expect(() => packNM(w, gs.n, gs.k, 2, 4)).not.toThrow();
  });

  it('bsr weights are zero in whole blocks; csr density is respected', () => {
    const bsr = randomGemmInputs(gemm('g', { weight: { format: 'bsr', r: 2, c: 2 } }), { m: 1, n: 40, k: 40 }, new Rng(6), { density: 0.5 }).w;
    for (let br = 0; br < 20; br++) {
      for (let bc = 0; bc < 20; bc++) {
        const block = [0, 1].flatMap((i) => [0, 1].map((j) => bsr[(br * 2 + i) * 40 + bc * 2 + j]!));
        expect(block.every((x) => x === 0) || block.every((x) => x !== 0)).toBe(true);
      }
    }
    const csr = randomGemmInputs(gemm('g', { weight: { format: 'csr' } }), { m: 1, n: 100, k: 100 }, new Rng(6), { density: 0.1 }).w;
    const density = csr.filter((x) => x !== 0).length / csr.length;
    expect(density).toBeGreaterThan(0.07);
    expect(density).toBeLessThan(0.13);
  });

  it('with a threshold about half the activations are clearly below it; bias only when declared', () => {
    const kernel = gemm('g', { threshold: 0.05, bias: true });
    const { x, bias } = randomGemmInputs(kernel, { m: 50, n: 4, k: 40 }, new Rng(9));
    const below = Array.from(x).filter((v) => Math.abs(v) <= 0.05);
    expect(below.length / x.length).toBeGreaterThan(0.4);
    expect(below.length / x.length).toBeLessThan(0.6);
    expect(Array.from(x).every((v) => Math.abs(v) <= 0.046 || Math.abs(v) >= 0.054)).toBe(true);
    expect(bias?.length).toBe(4);
    expect(randomGemmInputs(gemm('g'), gs, new Rng(1)).bias).toBeUndefined();
  });
});

describe('Rng.fillNormal', () => {
  it('gives approximately standard normal samples', () => {
    const xs = new Float64Array(50000);
    new Rng(11).fillNormal(xs);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    const within1 = xs.filter((x) => Math.abs(x) < 1).length / xs.length;
    expect(Math.abs(within1 - 0.6827)).toBeLessThan(0.01);
    expect(Math.max(...xs.map(Math.abs))).toBeLessThan(4.4);
  });
});
