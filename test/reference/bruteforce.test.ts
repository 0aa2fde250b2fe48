import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CExpr } from '../../src/model/expr.js';
import type { AttentionSizes } from '../../src/model/kernel.js';
import { evalExpr } from '../../src/model/eval.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { Rng } from '../../src/reference/random.js';
import { attention, bin, not, num, v } from './kernels.js';

const intExpr: fc.Arbitrary<CExpr> = fc.letrec<{ int: CExpr }>((tie) => ({
  int: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(v('q'), v('k'), v('h')),
    fc.integer({ min: -5, max: 12 }).map((n) => num(n)),
    fc.tuple(fc.constantFrom('add', 'sub', 'mul', 'div', 'mod', 'min', 'max') as fc.Arbitrary<'add'>, tie('int'), tie('int')).map(([f, a, b]) => bin(f, a, b)),
  ),
})).int;

const boolExpr: fc.Arbitrary<CExpr> = fc.letrec<{ bool: CExpr }>((tie) => ({
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge') as fc.Arbitrary<'lt'>, intExpr, intExpr).map(([f, a, b]) => bin(f, a, b)),
    fc.tuple(fc.constantFrom('and', 'or') as fc.Arbitrary<'and'>, tie('bool'), tie('bool')).map(([f, a, b]) => bin(f, a, b)),
    tie('bool').map(not),
  ),
})).bool;

const shapes = fc.record({
  batch: fc.integer({ min: 1, max: 2 }),
  kvHeads: fc.integer({ min: 1, max: 2 }),
  group: fc.integer({ min: 1, max: 3 }),
  headDim: fc.integer({ min: 1, max: 5 }),
  valueDim: fc.integer({ min: 1, max: 4 }),
  kvLen: fc.integer({ min: 1, max: 13 }),
  qFrac: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Attention the slowest obvious way: the full [q_len, kv_len] mask per (b, h), then a plain softmax. */
function bruteForce(mask: CExpr, sizes: AttentionSizes, q: Float32Array, k: Float32Array, vv: Float32Array) {
  const { batch, heads, kvHeads, headDim, valueDim, qLen, kvLen } = sizes;
  const out: number[] = [];
  const lse: number[] = [];
  const named = { batch, heads, kv_heads: kvHeads, head_dim: headDim, value_dim: valueDim, q_len: qLen, kv_len: kvLen };
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      const kvh = Math.floor((h * kvHeads) / heads);
      const allowed: boolean[][] = [];
      for (let i = 0; i < qLen; i++) {
        allowed.push([]);
        for (let j = 0; j < kvLen; j++) {
          const env = { vars: { b, h, q: kvLen - qLen + i, k: j }, sizes: named, runtime: {}, inputs: new Map() };
          allowed[i]!.push(evalExpr(mask, env) !== 0);
        }
      }
      for (let i = 0; i < qLen; i++) {
        let z = 0;
        const acc = new Array<number>(valueDim).fill(0);
        for (let j = 0; j < kvLen; j++) {
          if (!allowed[i]![j]) continue;
          let dot = 0;
          for (let d = 0; d < headDim; d++) dot += q[((b * heads + h) * qLen + i) * headDim + d]! * k[((b * kvHeads + kvh) * kvLen + j) * headDim + d]!;
          const w = Math.exp(dot / Math.sqrt(headDim));
          z += w;
          for (let d = 0; d < valueDim; d++) acc[d]! += w * vv[((b * kvHeads + kvh) * kvLen + j) * valueDim + d]!;
        }
        out.push(...acc.map((a) => (z === 0 ? 0 : a / z)));
        lse.push(Math.log(z));
      }
    }
  }
  return { out, lse };
}

describe('referenceAttention vs a brute-force element-wise mask', () => {
  it('agrees on random patterns over q, k, h and random shapes', () => {
    fc.assert(
      fc.property(boolExpr, shapes, fc.integer(), (mask, s, seed) => {
        const qLen = Math.max(1, Math.round(s.qFrac * s.kvLen));
        const heads = s.kvHeads * s.group;
        const sizes: AttentionSizes = { batch: s.batch, heads, kvHeads: s.kvHeads, headDim: s.headDim, valueDim: s.valueDim, qLen, kvLen: s.kvLen };
        const rng = new Rng(seed);
        const rand = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
        const q = rand(s.batch * heads * qLen * s.headDim);
        const k = rand(s.batch * s.kvHeads * s.kvLen * s.headDim);
        const vv = rand(s.batch * s.kvHeads * s.kvLen * s.valueDim);
        const kernel = attention('random', mask, { heads, kvHeads: s.kvHeads, headDim: s.headDim, valueDim: s.valueDim });
        const ref = referenceAttention(kernel, sizes, { q, k, v: vv, runtime: {} });
        const brute = bruteForce(mask, sizes, q, k, vv);
        expect(ref.out.length).toBe(brute.out.length);
        brute.out.forEach((x, i) => expect(Math.abs(ref.out[i]! - x)).toBeLessThan(1e-9 * (1 + Math.abs(x))));
        brute.lse.forEach((x, i) => (x === -Infinity ? expect(ref.lse[i]).toBe(-Infinity) : expect(ref.lse[i]!).toBeCloseTo(x, 9)));
      }),
      { numRuns: 150 },
    );
  });
});
