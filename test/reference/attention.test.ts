import { describe, it, expect } from 'vitest';
import { referenceAttention } from '../../src/reference/attention.js';
import { maskRow, maskTensor } from '../../src/reference/mask.js';
import type { AttentionSizes } from '../../src/model/kernel.js';
import { attention, bin, causal, fn1, inputs, load, num, size, sub, v } from './kernels.js';

const E = Math.E;

function sizesOf(over: Partial<AttentionSizes>): AttentionSizes {
  return { batch: 1, heads: 1, kvHeads: 1, headDim: 2, valueDim: 2, qLen: 2, kvLen: 3, ...over };
}

const Q = Float32Array.from([1, 0, 0, 1]);
const K = Float32Array.from([1, 0, 0, 1, 1, 1]);
const V = Float32Array.from([1, 2, 3, 4, 5, 6]);

describe('referenceAttention: hand-computed cases', () => {
  it('causal with 2 queries over 3 keys (q = i + 1), scale 1', () => {
    const kernel = attention('causal', causal, { scale: 1, qLen: 2 });
    const { out, lse } = referenceAttention(kernel, sizesOf({}), { q: Q, k: K, v: V, runtime: {} });
    // row 0: q = 1 sees keys 0, 1 with scores 1, 0
    expect(out[0]).toBeCloseTo((E * 1 + 3) / (E + 1), 12);
    expect(out[1]).toBeCloseTo((E * 2 + 4) / (E + 1), 12);
    expect(lse[0]).toBeCloseTo(Math.log(E + 1), 12);
    // row 1: q = 2 sees keys 0, 1, 2 with scores 0, 1, 1
    expect(out[2]).toBeCloseTo((1 + 8 * E) / (1 + 2 * E), 12);
    expect(out[3]).toBeCloseTo((2 + 10 * E) / (1 + 2 * E), 12);
    expect(lse[1]).toBeCloseTo(Math.log(1 + 2 * E), 12);
  });

  it('default scale is 1 / sqrt(head_dim)', () => {
    const kernel = attention('causal', causal, { qLen: 2 });
    const { out } = referenceAttention(kernel, sizesOf({}), { q: Q, k: K, v: V, runtime: {} });
    const a = Math.exp(1 / Math.SQRT2);
    expect(out[0]).toBeCloseTo((a * 1 + 3) / (a + 1), 12);
    expect(out[1]).toBeCloseTo((a * 2 + 4) / (a + 1), 12);
  });

  it('a row with no allowed key has O = 0 and lse = -inf', () => {
    // k < q - 1: row 0 (q = 1) sees nothing, row 1 (q = 2) sees key 0 only.
    const mask = bin('lt', v('k'), sub(v('q'), num(1)));
    const kernel = attention('gap', mask, { scale: 1, qLen: 2 });
    const { out, lse } = referenceAttention(kernel, sizesOf({}), { q: Q, k: K, v: V, runtime: {} });
    expect(Array.from(out)).toEqual([0, 0, 1, 2]);
    expect(lse[0]).toBe(-Infinity);
    expect(lse[1]).toBe(0);
  });

  it('a score modifier giving -inf to every allowed key empties the row too', () => {
    const score = num(-Infinity, 'float');
    const kernel = attention('neg', causal, { qLen: 2, score });
    const { out, lse } = referenceAttention(kernel, sizesOf({}), { q: Q, k: K, v: V, runtime: {} });
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    expect(Array.from(lse)).toEqual([-Infinity, -Infinity]);
  });

  it('GQA maps query head h to KV head h / (heads / kv_heads)', () => {
    const kernel = attention('gqa', bin('le', v('k'), v('q')), { heads: 4, kvHeads: 2, qLen: 1, kvLen: 1 });
    const sizes = sizesOf({ heads: 4, kvHeads: 2, qLen: 1, kvLen: 1 });
    const q = new Float32Array(4 * 2).fill(0.5);
    const k = Float32Array.from([1, 1, 2, 2]);
    const vv = Float32Array.from([10, 11, 20, 21]);
    const { out, lse } = referenceAttention(kernel, sizes, { q, k, v: vv, runtime: {} });
    expect(Array.from(out)).toEqual([10, 11, 10, 11, 20, 21, 20, 21]);
    const s0 = 1 / Math.SQRT2; // 0.5 * 1 * 2 / sqrt 2
    expect(lse[0]).toBeCloseTo(s0, 12);
    expect(lse[3]).toBeCloseTo(2 * s0, 12);
  });

  it('score softcap tanh(score) is applied after scaling', () => {
    const kernel = attention('softcap', bin('ge', v('k'), num(0)), { scale: 2, qLen: 1, kvLen: 2, score: fn1('tanh', v('score')) });
    const sizes = sizesOf({ qLen: 1, kvLen: 2 });
    const q = Float32Array.from([1, 0]);
    const k = Float32Array.from([1, 0, 0, 0]);
    const vv = Float32Array.from([1, 0, 0, 1]);
    const { out, lse } = referenceAttention(kernel, sizes, { q, k, v: vv, runtime: {} });
    // NOTE: score modifiers are f32 arithmetic (docs/language.md): tanh(2) is rounded to f32.
    const w = Math.exp(Math.fround(Math.tanh(2)));
    expect(out[0]).toBeCloseTo(w / (w + 1), 12);
    expect(out[1]).toBeCloseTo(1 / (w + 1), 12);
    expect(lse[0]).toBeCloseTo(Math.log(w + 1), 12);
  });

  it('ALiBi-style score modifier reads a runtime f32 input and q - k', () => {
    const slope = load('slopes', 'float', v('h'));
    const score = bin('sub', v('score'), bin('mul', slope, fn1('tofloat', sub(v('q'), v('k')))));
    const kernel = attention('alibi', causal, { qLen: 1, kvLen: 2, score, inputs: [inputs.f32('slopes', 'heads')] });
    const sizes = sizesOf({ qLen: 1, kvLen: 2 });
    const zeros = new Float32Array(4);
    const vv = Float32Array.from([1, 0, 0, 1]);
    const { out } = referenceAttention(kernel, sizes, { q: zeros.subarray(0, 2), k: zeros, v: vv, runtime: { slopes: Float32Array.from([0.5]) } });
    const w = Math.exp(-0.5); // key 0 is 1 behind q = 1
    expect(out[0]).toBeCloseTo(w / (w + 1), 12);
    expect(out[1]).toBeCloseTo(1 / (w + 1), 12);
  });

  it('decode: q_len 1 with kv_len 5 is position 4 and sees every key under causal', () => {
    const kernel = attention('decode', causal, { qLen: 1, kvLen: 5, outputs: ['out', 'lse'] });
    const sizes = sizesOf({ qLen: 1, kvLen: 5 });
    const vv = Float32Array.from([1, 0, 2, 0, 3, 0, 4, 0, 5, 0]);
    const { out, lse } = referenceAttention(kernel, sizes, { q: new Float32Array(2), k: new Float32Array(10), v: vv, runtime: {} });
    expect(out[0]).toBeCloseTo(3, 12);
    expect(lse[0]).toBeCloseTo(Math.log(5), 12);
    expect(Array.from(maskRow(kernel, sizes, {}, 0, 0, 0))).toEqual([1, 1, 1, 1, 1]);
  });

  it('rows option computes only the chosen rows and leaves the others NaN', () => {
    const kernel = attention('causal', causal, { scale: 1, qLen: 2 });
    const all = referenceAttention(kernel, sizesOf({}), { q: Q, k: K, v: V, runtime: {} });
    const some = referenceAttention(kernel, sizesOf({}), { q: Q, k: K, v: V, runtime: {} }, { rows: [1] });
    expect(Number.isNaN(some.out[0]!)).toBe(true);
    expect(Number.isNaN(some.lse[0]!)).toBe(true);
    expect(some.out[2]).toBe(all.out[2]);
    expect(some.lse[1]).toBe(all.lse[1]);
  });

  it('maskTensor lays the mask out as [batch, heads, q_len, kv_len] with bottom-right alignment', () => {
    const mask = bin('and', causal, bin('eq', bin('mod', v('h'), num(2)), num(0)));
    const kernel = attention('m', mask, { heads: 2 });
    const sizes = sizesOf({ heads: 2, kvHeads: 2, qLen: 2, kvLen: 3 });
    expect(Array.from(maskTensor(kernel, sizes, {}))).toEqual([1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    // kv_len as a size in the mask: the last key only
    const last = attention('last', bin('eq', v('k'), sub(size('kv_len'), num(1))));
    expect(Array.from(maskTensor(last, sizesOf({ qLen: 1 }), {}))).toEqual([0, 0, 1]);
  });
});
