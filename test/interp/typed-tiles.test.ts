/**
 * @file Typed tiles in the interpreter: an f16 / bf16 kernel lowered with its tiles left narrow (a table with native
 * half) runs like 16-bit hardware (DOT operands rounded to f16 / bf16, exact products, f32 accumulation). It passes
 * the float64 reference at the dtype's tolerance, and its P.V rounding shows: it misses the tight f32 bound that the
 * widened (f32) run meets, so a run whose rounding is removed fails here.
 */
import { describe, expect, it } from 'vitest';
import * as B from '../../src/ir/build.js';
import { isHalfTile, ptr } from '../../src/ir/dtype.js';
import { toposort, type Node } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { verifyKernel } from '../../src/ir/verify.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { randomAttentionInputs, Rng } from '../../src/reference/random.js';
import { compileProgram } from '../../src/targets/interp/exec.js';
import { createInterpTarget } from '../../src/targets/interp/target.js';
import { roundBF16, roundF16, type Buffer, type Value } from '../../src/targets/interp/tiles.js';
import { attention, causal } from '../reference/kernels.js';

const SIZES: AttentionSizes = { batch: 1, heads: 2, kvHeads: 2, headDim: 32, valueDim: 32, qLen: 48, kvLen: 48 };
const kernelOf = (dtype: 'f16' | 'bf16'): AttentionKernel => attention(`typed_${dtype}`, causal, { heads: 2, headDim: 32, qLen: 48, kvLen: 48, dtype });

const halfTiles = (ir: Node): Node[] => toposort([ir]).filter((n) => isHalfTile(n.type));
const dots = (ir: Node): Node[] => toposort([ir]).filter((n) => n.op === Op.DOT);

/** Runs `ir` (every size static) on the inputs; `out` is bound unrounded, so the DOT's own rounding is what shows. */
function run(ir: Node, inputs: ReturnType<typeof randomAttentionInputs>): Float32Array {
  const out = new Float32Array(SIZES.heads * SIZES.qLen * SIZES.valueDim);
  const buf = (data: Float32Array): Buffer => ({ kind: 'buffer', data, round: null });
  const values = new Map<string, Value>([['q', buf(inputs.q)], ['k', buf(inputs.k)], ['v', buf(inputs.v)], ['out', buf(out)]]);
  compileProgram(ir).run(values);
  return out;
}

/** Largest |out - ref| over the V scale (max |v|): the f32 path stays near 2^-24, a 16-bit P near its unit roundoff. */
function maxError(out: Float32Array, ref: Float64Array, v: Float32Array): number {
  const scale = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  let worst = 0;
  for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - ref[i]!) / scale);
  return worst;
}

describe('typed tiles: f16 / bf16 stay narrow in the IR until widen-tiles', () => {
  for (const dtype of ['f16', 'bf16'] as const) {
    it(`${dtype}: loads and DOT operands are ${dtype} before legalize, f32 after it on interp (native_half none)`, () => {
      const { stages, final } = runPipeline(kernelOf(dtype), 'interp');
      const before = stages[stages.length - 2]!.ir;
      const typed = dots(before);
      expect(typed.length).toBe(2);
      for (const d of typed) expect([d.src[0]!.type, d.src[1]!.type].map((t) => (t.kind === 'tile' ? t.scalar : t.kind))).toEqual([dtype, dtype]);
      expect(toposort([before]).filter((n) => n.op === Op.LOAD && isHalfTile(n.type)).length).toBe(3);
      expect(halfTiles(final)).toEqual([]);
      expect(verifyKernel(before)).toEqual([]);
      const narrow = runPipeline(kernelOf(dtype), 'interp', { nativeHalf: 'f16+bf16' }).final;
      // a table with native half (the override) keeps them narrow through legalize
      expect(dots(narrow).map((d) => d.src[0]!.type.key)).toEqual(typed.map((d) => d.src[0]!.type.key));
      expect(halfTiles(narrow).length).toBe(halfTiles(before).length);
    });
  }
});

describe('the interpreter rounds narrow DOT operands like an mma', () => {
  for (const dtype of ['f16', 'bf16'] as const) {
    it(`${dtype}: passes the float64 reference at the ${dtype} tolerance through the verify harness`, async () => {
      const report = await verifyKernels([kernelOf(dtype)], [createInterpTarget({}, { nativeHalf: 'f16+bf16' })], { seed: 7 });
      expect(report.results.length).toBeGreaterThan(0);
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.case}: ${r.detail}`)).toEqual([]);
    });

    it(`${dtype}: P rounded to ${dtype} misses the tight f32 bound that the widened run meets`, () => {
      const kernel = kernelOf(dtype);
      const inputs = randomAttentionInputs(kernel, SIZES, new Rng(5));
      const ref = referenceAttention(kernel, SIZES, inputs).out;
      const wide = maxError(run(runPipeline(kernel, 'interp').final, inputs), ref, inputs.v);
      const narrow = maxError(run(runPipeline(kernel, 'interp', { nativeHalf: 'f16+bf16' }).final, inputs), ref, inputs.v);
      console.log(`${dtype}: max error / max|v|: widened ${wide.toExponential(2)}, narrow ${narrow.toExponential(2)}`);
      const unit = dtype === 'f16' ? 2 ** -11 : 2 ** -8;
      const tight = 1e-5;
      expect(wide).toBeLessThan(tight);
      expect(narrow).toBeGreaterThan(tight);
      expect(narrow).toBeLessThan(4 * unit);
    });
  }
});

describe('a narrow DOT on its own', () => {
  // a [2, 3] @ b [3, 2] read from 16-bit buffers holding values that are not 16-bit (as an unrounded binding would):
  // the DOT converts each operand as the mma does, so the sum is over the rounded values, accumulated in f32.
  for (const [dtype, round] of [['f16', roundF16], ['bf16', roundBF16]] as const) {
    it(`${dtype}: rounds both operands, then accumulates the exact products in f32`, () => {
      const [a, b, c] = [B.param('a', ptr(dtype)), B.param('b', ptr(dtype)), B.param('c', ptr('f32'))];
      const prod = B.dot(B.load(a, 0, [3, 1], [2, 3], [2, 3]), B.load(b, 0, [2, 1], [3, 2], [3, 2]), B.full([2, 2], 0));
      const ir = B.kernelRoot('dot16', [B.store(c, 0, [2, 1], [2, 2], prod)]);
      expect(verifyKernel(ir)).toEqual([]);
      const A = Float32Array.from([1.0001, 2.0003, -3.0007, 0.1, 0.2, 0.3]);
      const Bv = Float32Array.from([1.1, -0.7, 2.9, 0.33, 1e-3, 7.77]);
      const C = new Float32Array(4);
      const buf = (data: Float32Array): Buffer => ({ kind: 'buffer', data, round: null });
      compileProgram(ir).run(new Map<string, Value>([['a', buf(A)], ['b', buf(Bv)], ['c', buf(C)]]));
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          let want = 0;
          for (let k = 0; k < 3; k++) want = Math.fround(want + round(A[i * 3 + k]!) * round(Bv[k * 2 + j]!));
          let unrounded = 0;
          for (let k = 0; k < 3; k++) unrounded = Math.fround(unrounded + A[i * 3 + k]! * Bv[k * 2 + j]!);
          expect(C[i * 2 + j]).toBe(want);
          expect(C[i * 2 + j]).not.toBe(unrounded);
        }
      }
    });
  }
});
