/** @file The IR verifier and the placement of nodes into regions. */
import { describe, expect, it } from 'vitest';
import * as B from '../../src/ir/build.js';
import { ptr, tile } from '../../src/ir/dtype.js';
import { Node } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { linearize } from '../../src/ir/linearize.js';
import { verifyKernel } from '../../src/ir/verify.js';

const out = B.param('out', ptr('f32'));

describe('verifyKernel', () => {
  it('accepts a well-formed kernel', () => {
    const l = B.loop({ role: 'i', lo: 0, hi: 4, fresh: new B.Fresh() }, (i) => ({ next: [], effects: [B.store(out, i, [], [], B.cast(i, 'f32'))] }));
    expect(verifyKernel(B.kernelRoot('ok', [l.loop]))).toEqual([]);
  });

  it('rejects a loop index used outside its loop', () => {
    let leaked: Node | null = null;
    const l = B.loop({ role: 'i', lo: 0, hi: 4, fresh: new B.Fresh() }, (i) => {
      leaked = i;
      return { next: [] };
    });
    const k = B.kernelRoot('bad', [l.loop, B.store(out, leaked!, [], [], B.fconst(1))]);
    expect(verifyKernel(k).join()).toMatch(/used outside its loop/);
  });

  it('rejects wrong shapes and wrong dot operands', () => {
    const a = B.load(out, 0, [4, 1], [4, 4], [4, 4]);
    const bad = Node.make(Op.ADD, tile('f32', [4, 3]), [a, a]);
    const badDot = Node.make(Op.DOT, tile('f32', [4, 4]), [a, B.load(out, 0, [3, 1], [3, 3], [3, 3]), a]);
    const k = B.kernelRoot('bad', [B.store(out, 0, [4, 1], [4, 3], bad), B.store(out, 0, [4, 1], [4, 4], badDot)]);
    const problems = verifyKernel(k).join('\n');
    expect(problems).toMatch(/result shape must be \[4,4\]/);
    expect(problems).toMatch(/dot shapes do not match/);
  });
});

describe('typed tiles', () => {
  const h = B.param('h', ptr('f16'));
  const hb = B.param('hb', ptr('bf16'));
  const half = B.load(h, 0, [4, 1], [4, 4], [4, 4]);

  it('a load from a 16-bit buffer is a 16-bit tile; math on it runs in f32 and a DOT keeps its operand type', () => {
    expect(half.type.key).toBe('f16[4,4]');
    const sum = B.add(half, half);
    expect(sum.type.key).toBe('f32[4,4]');
    expect(sum.src.map((s) => s.op)).toEqual([Op.CAST, Op.CAST]);
    const d = B.dot(half, B.trans(half), B.full([4, 4], 0));
    expect(d.src.map((s) => s.type.key)).toEqual(['f16[4,4]', 'f16[4,4]', 'f32[4,4]']);
    // an f32 operand meets an f16 one: converted to f16, as the mma converts it
    const mixed = B.dot(sum, half, B.full([4, 4], 0));
    expect(mixed.src[0]!.op).toBe(Op.CAST);
    expect(mixed.src[0]!.type.key).toBe('f16[4,4]');
    expect(() => B.dot(half, B.load(hb, 0, [4, 1], [4, 4], [4, 4]), B.full([4, 4], 0))).toThrow('operands f16 and bf16 differ');
    const k = B.kernelRoot('ok', [B.store(out, 0, [4, 1], [4, 4], B.add(d, mixed))]);
    expect(verifyKernel(k)).toEqual([]);
  });

  it('rejects math on 16-bit tiles and a DOT whose operands differ or whose accumulator is not f32', () => {
    const addHalf = Node.make(Op.ADD, tile('f16', [4, 4]), [half, half]);
    const f = B.cast(half, 'f32');
    const mixed = Node.make(Op.DOT, tile('f32', [4, 4]), [half, f, f]);
    const halfAcc = Node.make(Op.DOT, tile('f32', [4, 4]), [half, half, half]);
    const k = B.kernelRoot('bad', [addHalf, mixed, halfAcc].map((v) => B.store(out, 0, [4, 1], [4, 4], v)));
    const problems = verifyKernel(k).join('\n');
    expect(problems).toMatch(/add: yields an f16\[4,4\] tile; math on f16 \/ bf16 runs in f32/);
    expect(problems).toMatch(/dot operands must share one float type, got f16 and f32/);
    expect(problems).toMatch(/dot accumulates in f32/);
  });
});

describe('linearize', () => {
  it('hoists loop-invariant values but keeps masks inside the branch that needs them', () => {
    const n = B.param('n', B.I32);
    const invariant = B.mul(n, 7);
    const l = B.loop({ role: 'i', lo: 0, hi: n, fresh: new B.Fresh() }, (i) => {
      const maskOnly = B.lt(B.add(i, invariant), 100);
      const v = B.ifThenElse(B.lt(i, 2), B.cast(i, 'f32'), B.where(maskOnly, B.fconst(1), B.fconst(0)));
      return { next: [], effects: [B.store(out, i, [], [], v)] };
    });
    const region = linearize(B.kernelRoot('k', [l.loop]));
    const top = region.map((p) => p.node);
    expect(top).toContain(invariant);
    const body = region.find((p) => p.node === l.loop)!.body!;
    const branch = body.find((p) => p.node.op === Op.IF)!;
    expect(branch.branches![1].map((p) => p.node.op)).toContain(Op.LT);
    expect(body.map((p) => p.node.op)).not.toContain(Op.WHERE);
  });
});
