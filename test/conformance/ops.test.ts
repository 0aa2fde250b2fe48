/**
 * @file Every op of the tile IR through every registered printer: a small kernel per op (the table below is
 * exhaustive over `Op`, so a new op does not compile here until it has one), printed by each backend and
 * validated by the tool that reads the language (binaryen for WAT, naga for WGSL, the IR parser for IR).
 */
import { describe, expect, it } from 'vitest';
import binaryen from 'binaryen';
import { parseWgsl, validate } from 'naga-wasm';
import * as B from '../../src/ir/build.js';
import { ptr, swizzle, tile } from '../../src/ir/dtype.js';
import { Node } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { parseKernel } from '../../src/ir/parse.js';
import { assertValid } from '../../src/ir/verify.js';
import type { Kernel } from '../../src/model/kernel.js';
import { targetDefaults } from '../../src/passes/apply-schedule.js';
import type { PipelineResult } from '../../src/passes/pipeline.js';
import { EMPTY_SCHEDULE, mergeSchedule } from '../../src/passes/schedule.js';
import { allBackends } from '../../src/targets/index.js';

const N = 4;
const x = B.param('x', ptr('f32'));
const ix = B.param('ix', ptr('i32'));
const out = B.param('out', ptr('f32'));
const len = B.param('n', B.I32);
const tileF = (buf: Node = x): Node => B.load(buf, 0, [N, 1], [len, len], [N, N]);
const tileI = (): Node => B.load(ix, 0, [N, 1], [len, len], [N, N]);
const F = tileF();
const I = tileI();

/** A kernel storing `value` (any scalar type, broadcast to N x N) into `out`. */
function storing(value: Node, extra: readonly Node[] = []): Node {
  const v = B.broadcastTo(B.cast(value, 'f32'), [N, N]);
  return B.kernelRoot('op_kernel', [...extra, B.store(out, 0, [N, 1], [len, len], v)]);
}
const un = (op: Op, a: Node = F): Node => storing(B.unary(op, a));
const bin = (op: Op, a: Node = F, b: Node = F): Node => storing(B.binary(op, a, b));

function loopKernel(): Node {
  const { results } = B.loop({ role: 'kt', lo: 0, hi: len, fresh: B.Fresh.from([]), inits: [B.full([N, N], 0)], iterNames: ['acc'] }, (k, [acc]) => ({
    next: [B.add(acc!, B.load(x, B.mul(k, N * N), [N, 1], [N, N], [N, N]))],
  }));
  return storing(results[0]!);
}

function afterKernel(): Node {
  const scratch = B.alloc('scratch', 'f32', 'global', N * N);
  const put = B.store(scratch, 0, [N, 1], [N, N], F);
  return storing(B.load(B.after(scratch, [put]), 0, [N, 1], [N, N], [N, N]));
}

/** A 2:4 weight tile [N, N] expanded from values [N, 2] and u8 in-group indices, as lower-gemm builds it. */
function nmExpand(): Node {
  const values = B.load(x, 0, [2, 1], [len, len], [N, 2]);
  const indices = B.load(B.param('w.indices', ptr('u8')), 0, [2, 1], [len, len], [N, 2]);
  return Node.make(Op.NM_EXPAND, tile('f32', [N, N]), [values, indices], { keep: 2, group: 4 });
}

/** One kernel per op. */
const OP_KERNELS = {
  [Op.KERNEL]: () => storing(F),
  [Op.PARAM]: () => storing(F),
  [Op.RANGE]: loopKernel,
  [Op.ITER]: loopKernel,
  [Op.LOOP]: loopKernel,
  [Op.RESULT]: loopKernel,
  [Op.IF]: () => storing(B.ifThenElse(B.lt(len, 3), B.fconst(1), B.fconst(2))),
  [Op.AFTER]: afterKernel,
  [Op.ALLOC]: afterKernel,
  [Op.LOAD]: () => storing(F),
  [Op.STORE]: () => storing(F),
  [Op.GATHER]: () => storing(B.gather(x, I, len)),
  [Op.MEMBER]: () => storing(B.member(ix, ix, B.iota([N, 1], 0), B.iota([1, N], 1), len)),
  [Op.BARRIER]: () => { const k = afterKernel(); return storing(F, [B.barrier([k.src[0]!])]); },
  [Op.CONST]: () => storing(B.fconst(2)),
  [Op.IOTA]: () => storing(B.iota([N, N], 1)),
  [Op.TABLE]: () => storing(B.table([3, 1, 4, 1], B.iota([N, N], 0), 'f32')),
  [Op.NEG]: () => un(Op.NEG),
  [Op.NOT]: () => un(Op.NOT, B.lt(F, 0)),
  [Op.ABS]: () => un(Op.ABS),
  [Op.POPCOUNT]: () => un(Op.POPCOUNT, I),
  [Op.EXP]: () => un(Op.EXP),
  [Op.LOG]: () => un(Op.LOG),
  [Op.TANH]: () => un(Op.TANH),
  [Op.SQRT]: () => un(Op.SQRT),
  [Op.SIN]: () => un(Op.SIN),
  [Op.COS]: () => un(Op.COS),
  [Op.EXP2]: () => un(Op.EXP2),
  [Op.LOG2]: () => un(Op.LOG2),
  [Op.FLOOR]: () => un(Op.FLOOR),
  [Op.ERF]: () => un(Op.ERF),
  [Op.CAST]: () => storing(B.cast(I, 'f32')),
  [Op.ADD]: () => bin(Op.ADD),
  [Op.SUB]: () => bin(Op.SUB),
  [Op.MUL]: () => bin(Op.MUL),
  [Op.DIV]: () => bin(Op.DIV),
  [Op.IDIV]: () => bin(Op.IDIV, I, I),
  [Op.MOD]: () => bin(Op.MOD, I, I),
  [Op.MIN]: () => bin(Op.MIN),
  [Op.MAX]: () => bin(Op.MAX),
  [Op.AND]: () => bin(Op.AND, I, I),
  [Op.OR]: () => bin(Op.OR, I, I),
  [Op.XOR]: () => bin(Op.XOR, I, I),
  [Op.SHL]: () => bin(Op.SHL, I, B.constant(2)),
  [Op.SHR]: () => bin(Op.SHR, I, B.constant(1)),
  [Op.EQ]: () => bin(Op.EQ),
  [Op.NE]: () => bin(Op.NE),
  [Op.LT]: () => bin(Op.LT),
  [Op.LE]: () => bin(Op.LE),
  [Op.GT]: () => bin(Op.GT),
  [Op.GE]: () => bin(Op.GE),
  [Op.WHERE]: () => storing(B.where(B.lt(F, 0), F, 1)),
  [Op.MAD]: () => storing(B.mad(F, F, F)),
  [Op.RESHAPE]: () => storing(B.reshape(B.load(x, 0, [1], [len], [N * N]), [N, N])),
  [Op.BROADCAST]: () => storing(B.broadcastTo(B.load(x, 0, [1, 1], [len, 1], [N, 1]), [N, N])),
  [Op.TRANS]: () => storing(B.trans(F)),
  [Op.DOT]: () => storing(B.dot(F, tileF(x), B.full([N, N], 0))),
  [Op.REDUCE_MAX]: () => storing(B.reduce(Op.REDUCE_MAX, F, 1)),
  [Op.REDUCE_SUM]: () => storing(B.reduce(Op.REDUCE_SUM, F, 1)),
  [Op.CONVERT_LAYOUT]: () => storing(B.convertLayout(B.convertLayout(B.convertLayout(F, 'mma_a'), swizzle(8, 1, 8)), 'row_major')),
  [Op.NM_EXPAND]: () => storing(B.dot(F, B.trans(nmExpand()), B.full([N, N], 0))),
  [Op.SOFTMAX_EXP]: () => bin(Op.SOFTMAX_EXP, F, B.reduce(Op.REDUCE_MAX, F, 1)),
} satisfies Record<Op, () => Node>;

/** The tool that reads each printed language; throws on invalid text. */
const VALIDATE: Readonly<Record<string, (text: string) => void>> = {
  ir: (text) => assertValid(parseKernel(text), 'reparsed'),
  wat: (text) => {
    const mod = binaryen.parseText(text);
    try {
      mod.setFeatures(binaryen.Features.All);
      if (!mod.validate()) throw new Error('binaryen rejected the module');
    } finally {
      mod.dispose();
    }
  },
  wgsl: (text) => validate(parseWgsl(text)),
};

describe('every op through every printer', () => {
  for (const backend of allBackends()) {
    it(`${backend.name} prints every op as valid ${backend.name} source`, () => {
      const schedule = mergeSchedule(EMPTY_SCHEDULE, targetDefaults(backend.name), backend.name);
      const model = { name: 'op_kernel', kind: 'attention' } as Kernel;
      const failures: string[] = [];
      for (const [op, make] of Object.entries(OP_KERNELS)) {
        try {
          const ir = make();
          assertValid(ir, op);
          const printed = backend.print({ final: ir, schedule, stages: [] } as PipelineResult, model);
          expect(printed.text.length).toBeGreaterThan(0);
          const check = VALIDATE[printed.language];
          if (!check) throw new Error(`no validator for ${printed.language}`);
          check(printed.text);
        } catch (err) {
          failures.push(`${op}: ${String(err instanceof Error ? err.message : err).slice(0, 300)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('covers every op', () => {
    const seen = new Set(Object.values(OP_KERNELS).flatMap((make) => [...new Set(collectOps(make()))]));
    expect(Object.values(Op).filter((op) => !seen.has(op))).toEqual([]);
  });
});

/** Every op reachable from `root`. */
function collectOps(root: Node): Op[] {
  const seen = new Set<Node>();
  const out: Op[] = [];
  const visit = (n: Node): void => {
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n.op);
    n.src.forEach(visit);
  };
  visit(root);
  return out;
}
