/** @file Text form round trips (every pipeline stage of many kernels, and random graphs) and interning. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as B from '../../src/ir/build.js';
import { ptr } from '../../src/ir/dtype.js';
import { Node } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { parseArg, parseKernel } from '../../src/ir/parse.js';
import { printKernel } from '../../src/ir/print.js';
import { verifyKernel } from '../../src/ir/verify.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import type { ScheduleSettings } from '../../src/passes/schedule.js';
import { attentionKernels, gemmKernels } from '../harness/kernels.js';

describe('interning', () => {
  it('structurally equal nodes are the same object', () => {
    const a = B.add(B.param('n', B.I32), 3);
    const b = B.add(B.param('n', B.I32), 3);
    expect(a).toBe(b);
    expect(B.add(B.param('n', B.I32), 4)).not.toBe(a);
    expect(Node.make(Op.CONST, B.F32, [], -Infinity)).toBe(B.fconst(-Infinity));
  });

  it('loops with different index names are different nodes', () => {
    const mk = (name: string): Node =>
      B.loop({ role: name, lo: 0, hi: 4, fresh: new B.Fresh(), inits: [B.constant(0)] }, (i, [c]) => ({ next: [B.add(c!, i)] })).loop;
    expect(mk('a')).toBe(mk('a'));
    expect(mk('a')).not.toBe(mk('b'));
  });
});

describe('text form round trip', () => {
  for (const kernel of [...attentionKernels, ...gemmKernels]) {
    it(`every stage of ${kernel.name} reads back to the identical graph`, () => {
      const schedules: ScheduleSettings[] = [{}, { tile_q: 8, tile_k: 16, split_kv: 2, pack_gqa: true }];
      for (const schedule of schedules) {
        const { stages } = runPipeline(kernel, 'interp', { schedule });
        expect(stages.length).toBeGreaterThanOrEqual(2);
        for (const s of stages) {
          const text = printKernel(s.ir);
          const back = parseKernel(text);
          expect(back).toBe(s.ir);
          expect(printKernel(back)).toBe(text);
        }
      }
    });
  }

  it('random element-wise graphs inside loops round trip', () => {
    const unary = [Op.NEG, Op.ABS, Op.EXP, Op.TANH, Op.NOT, Op.POPCOUNT];
    const binary = [Op.ADD, Op.SUB, Op.MUL, Op.MIN, Op.MAX, Op.LT, Op.EQ, Op.IDIV, Op.MOD, Op.DIV, Op.AND];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('u' as const), op: fc.constantFrom(...unary), a: fc.nat() }),
      fc.record({ kind: fc.constant('b' as const), op: fc.constantFrom(...binary), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('c' as const), value: fc.oneof(fc.integer({ min: -9, max: 9 }), fc.constantFrom(Infinity, -Infinity, 0.5)) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 8 }), (steps, width) => {
        const fresh = new B.Fresh();
        const out = B.param('out', ptr('f32'));
        const l = B.loop({ role: 'i', lo: 0, hi: B.param('n', B.I32), fresh }, (i) => {
          const pool: Node[] = [B.add(B.iota([1, width], 1), i), B.cast(i, 'f32')];
          for (const s of steps) {
            const pick = (k: number): Node => pool[k % pool.length]!;
            if (s.kind === 'c') pool.push(Number.isInteger(s.value) ? B.constant(s.value) : B.fconst(s.value));
            else if (s.kind === 'u') pool.push(B.unary(s.op, pick(s.a)));
            else pool.push(B.binary(s.op, pick(s.a), pick(s.b)));
          }
          const last = B.cast(pool[pool.length - 1]!, 'f32');
          const shaped = B.broadcastTo(last, [1, width]);
          return { next: [], effects: [B.store(out, B.mul(i, width), [width, 1], [1, width], shaped)] };
        });
        const k = B.kernelRoot('random', [l.loop]);
        expect(verifyKernel(k)).toEqual([]);
        const text = printKernel(k);
        expect(parseKernel(text)).toBe(k);
      }),
      { numRuns: 150 },
    );
  });

  it('arguments with infinities, strings and records parse back', () => {
    expect(parseArg('-inf')).toBe(-Infinity);
    expect(parseArg('{"carried":3,"role":"kv"}')).toEqual({ carried: 3, role: 'kv' });
    expect(parseArg('[1,2.5,-3]')).toEqual([1, 2.5, -3]);
    expect(() => parseArg('{bad}')).toThrow(/bad argument/);
  });

  it('malformed text is rejected with the line number', () => {
    expect(() => parseKernel('kernel "k" {\n  %0 = add %9, %9 : i32\n}\n')).toThrow(/line 2: '%9' is not defined/);
    expect(() => parseKernel('kernel "k" {\n  %0 = frobnicate : i32\n}\n')).toThrow(/unknown op/);
  });
});
