import { describe, it, expect } from 'vitest';
import { erf, EPILOGUES, referenceGemm } from '../../src/reference/gemm.js';
import { gemm } from './kernels.js';

// X [2, 4], W [3, 4]
const X = Float32Array.from([1, 2, 3, 4, -1, 0.5, 0, 2]);
const W = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1]);

describe('referenceGemm', () => {
  it('computes Y[m, n] = sum_k X[m, k] W[n, k]', () => {
    const y = referenceGemm(gemm('g'), { m: 2, n: 3, k: 4 }, { x: X, w: W });
    expect(Array.from(y)).toEqual([1, 6, 10, -1, 2.5, 1.5]);
  });

  it('adds bias and applies relu', () => {
    const kernel = gemm('g', { bias: true, epilogue: 'relu' });
    const y = referenceGemm(kernel, { m: 2, n: 3, k: 4 }, { x: X, w: W, bias: Float32Array.from([0, -3, -2]) });
    expect(Array.from(y)).toEqual([1, 3, 8, 0, 0, 0]);
  });

  it('zeroes activations with |x| <= threshold (the boundary included)', () => {
    const kernel = gemm('g', { threshold: 1 });
    const y = referenceGemm(kernel, { m: 2, n: 3, k: 4 }, { x: X, w: W });
    // row 0: X' = [0, 2, 3, 4]; row 1: X' = [0, 0, 0, 2]
    expect(Array.from(y)).toEqual([0, 6, 9, 0, 2, 2]);
  });

  it('silu and gelu (erf form) epilogues', () => {
    const silu = referenceGemm(gemm('g', { epilogue: 'silu' }), { m: 2, n: 3, k: 4 }, { x: X, w: W });
    expect(silu[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
    expect(silu[3]).toBeCloseTo(-1 / (1 + Math.exp(1)), 14);
    const gelu = referenceGemm(gemm('g', { epilogue: 'gelu' }), { m: 2, n: 3, k: 4 }, { x: X, w: W });
    expect(gelu[0]).toBeCloseTo(0.8413447460685429, 14); // 0.5 * (1 + erf(1 / sqrt 2))
    expect(gelu[3]).toBeCloseTo(-0.15865525393145707, 14);
    expect(EPILOGUES.silu(-800)).toBe(-0);
    expect(EPILOGUES.silu(800)).toBe(800);
  });

  it('erf matches known values to 1e-14', () => {
    const known: [number, number][] = [
      [0, 0],
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [3, 0.9999779095030014],
      [4.5, 0.9999999998033839],
      [-1.5, -0.9661051464753108],
      [7, 1],
    ];
    for (const [x, e] of known) expect(Math.abs(erf(x) - e)).toBeLessThan(1e-14);
  });

  it('rows option computes only the chosen rows', () => {
    const y = referenceGemm(gemm('g'), { m: 2, n: 3, k: 4 }, { x: X, w: W }, { rows: [1] });
    expect(Number.isNaN(y[0]!)).toBe(true);
    expect(Array.from(y.subarray(3))).toEqual([-1, 2.5, 1.5]);
  });
});
