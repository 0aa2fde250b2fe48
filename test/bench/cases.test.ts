import { describe, it, expect } from 'vitest';
import { Rng } from '../../src/reference/random.js';
import { attentionCase, attentionCases, documentIds, denseAttentionFlops, type AttentionShape } from '../../src/bench/framework/cases.js';
import { attentionWork, maskBias, MASKED_BIAS } from '../../src/bench/framework/attention-work.js';
import { gemmCase, gemmCases, gemmData, thresholdFor } from '../../src/bench/framework/gemm-cases.js';

const SMALL: AttentionShape = { batch: 1, heads: 2, seq: 128, headDim: 16 };

describe('attention cases', () => {
  it('has the four issue cases with the issue shape by default', () => {
    const cases = attentionCases();
    expect(cases.map((c) => c.name)).toEqual(['causal', 'window', 'document', 'blocks']);
    expect(cases[0]!.shape).toEqual({ batch: 1, heads: 8, seq: 4096, headDim: 64 });
    expect(denseAttentionFlops(cases[0]!.shape)).toBe(4 * 8 * 4096 * 4096 * 64);
  });

  it('counts causal live tiles and live-work FLOPs per tile', () => {
    const w = attentionWork(attentionCase('causal', SMALL), { tileQ: 64, tileK: 64 });
    // 2 x 2 tiles per head, the upper-right one empty.
    expect(w.liveTiles).toBe(2 * 3);
    expect(w.totalTiles).toBe(2 * 4);
    expect(w.liveFlops).toBe(2 * 3 * 4 * 16 * 64 * 64);
    expect(w.allowedPairs).toBe(2 * (128 * 129) / 2);
    expect(w.density).toBeCloseTo(129 / 256, 10);
    expect(w.liveFraction).toBeCloseTo(0.75, 10);
  });

  it('clips edge tiles to the matrix', () => {
    const c = attentionCase('causal', { batch: 1, heads: 1, seq: 100, headDim: 4 });
    const w = attentionWork(c, { tileQ: 64, tileK: 64 });
    expect(w.liveFlops).toBe(4 * 4 * (64 * 64 + 36 * 64 + 36 * 36));
  });

  it('window: sinks and the causal window', () => {
    const c = attentionCase('window', { batch: 1, heads: 1, seq: 1024, headDim: 8 });
    expect(c.allowed(0, 0, 1000, 2)).toBe(true);
    expect(c.allowed(0, 0, 1000, 745)).toBe(true);
    expect(c.allowed(0, 0, 1000, 744)).toBe(false);
    expect(c.allowed(0, 0, 10, 11)).toBe(false);
  });

  it('document: 16 packed documents in order, attention inside a document only', () => {
    const doc = documentIds(4096, 16, new Rng(1));
    expect(new Set(doc).size).toBe(16);
    expect(doc.every((d, i) => i === 0 || d >= doc[i - 1]!)).toBe(true);
    const c = attentionCase('document', { batch: 1, heads: 1, seq: 256, headDim: 8 });
    const docs = c.runtime.doc as Int32Array;
    const q = docs.findIndex((d) => d === 1);
    expect(c.allowed(0, 0, q, q - 1)).toBe(false);
    expect(c.allowed(0, 0, q, q)).toBe(true);
  });

  it('blocks: about 10% density, per-head layouts, diagonal always on', () => {
    const c = attentionCase('blocks', { batch: 1, heads: 4, seq: 2048, headDim: 8 });
    const w = attentionWork(c, { tileQ: 64, tileK: 64 });
    expect(w.density).toBeGreaterThan(0.08);
    expect(w.density).toBeLessThan(0.12);
    expect(w.liveFraction).toBeCloseTo(w.density, 10);
    const sel = c.runtime.sel as Uint8Array;
    const perHead = 32 * 32;
    expect(sel.subarray(0, perHead)).not.toEqual(sel.subarray(perHead, 2 * perHead));
    for (let qb = 0; qb < 32; qb++) expect(c.allowed(0, 3, qb * 64 + 5, qb * 64 + 60)).toBe(true);
  });

  it('mask bias: 0 where allowed, the masked value elsewhere, shared or per head', () => {
    const shared = maskBias(attentionCase('causal', { batch: 1, heads: 3, seq: 4, headDim: 2 }));
    expect(shared.dims).toEqual([1, 1, 4, 4]);
    expect(Array.from(shared.data.subarray(0, 8))).toEqual([0, MASKED_BIAS, MASKED_BIAS, MASKED_BIAS, 0, 0, MASKED_BIAS, MASKED_BIAS].map(Math.fround));
    const perHead = maskBias(attentionCase('blocks', { batch: 1, heads: 3, seq: 4, headDim: 2 }));
    expect(perHead.dims).toEqual([1, 3, 4, 4]);
    expect(perHead.data.length).toBe(3 * 16);
  });
});

describe('gemm cases', () => {
  const shape = { m: 4, n: 64, k: 256 };
  it('has the issue cases; gemv has m 1', () => {
    const cases = gemmCases();
    expect(cases.map((c) => c.name)).toEqual(['gemm_dense', 'gemm_nm24', 'gemm_csr90', 'gemm_bsr41', 'gemv_threshold50']);
    expect(cases[0]).toMatchObject({ m: 16, n: 4096, k: 4096 });
    expect(cases[4]).toMatchObject({ m: 1, n: 4096, k: 4096 });
  });

  it('dense: live work is the dense work', () => {
    const d = gemmData(gemmCase('gemm_dense', shape));
    expect(d.liveFlops).toBe(2 * 4 * 64 * 256);
    expect(d.density).toBe(1);
  });

  it('nm(2, 4): exactly two nonzeros in every group of four', () => {
    const c = gemmCase('gemm_nm24', shape);
    const d = gemmData(c);
    for (let g = 0; g < d.w.length; g += 4) expect(Array.from(d.w.subarray(g, g + 4)).filter((v) => v !== 0).length).toBe(2);
    expect(d.density).toBe(0.5);
  });

  it('csr at 90% zeros and bsr(4, 1) blocks', () => {
    const csr = gemmData(gemmCase('gemm_csr90', shape));
    expect(csr.density).toBeCloseTo(Math.round(256 * 0.1) / 256, 10);
    const bsr = gemmData(gemmCase('gemm_bsr41', shape));
    expect(bsr.density).toBeCloseTo(Math.round(256 * 0.1) / 256, 10);
    // Every column of every 4-row block is all zero or all nonzero.
    for (let br = 0; br < 64; br += 4) {
      for (let col = 0; col < 256; col++) {
        const live = [0, 1, 2, 3].map((i) => bsr.w[(br + i) * 256 + col] !== 0);
        expect(new Set(live).size).toBe(1);
      }
    }
  });

  it('gemv threshold: half of the inputs at or under the threshold', () => {
    const c = gemmCase('gemv_threshold50', shape);
    const d = gemmData(c);
    expect(d.threshold).not.toBeNull();
    expect(Array.from(d.x).filter((v) => Math.abs(v) <= d.threshold!).length).toBe(128);
    expect(d.liveFlops).toBe(2 * 64 * 128);
    expect(thresholdFor(Float32Array.of(-4, 1, 3, -2), 0.5)).toBe(2);
  });
});
