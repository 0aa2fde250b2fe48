import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CExpr } from '../../src/model/expr.js';
import { evalExpr, type EvalEnv } from '../../src/model/eval.js';
import { compileExpr } from '../../src/reference/compile-expr.js';
import { Rng, randomRuntimeInputs } from '../../src/reference/random.js';
import { attention, bin, bool, fn1, inputs, load, member, not, num, size, table, v } from './kernels.js';

const leafInt = fc.oneof(
  fc.constantFrom(v('q'), v('k'), v('h'), v('b'), size('kv_len'), size('heads')),
  fc.integer({ min: -6, max: 12 }).map((n) => num(n)),
);

const intExpr: fc.Arbitrary<CExpr> = fc.letrec<{ int: CExpr }>((tie) => ({
  int: fc.oneof(
    { depthSize: 'small' },
    leafInt,
    fc.tuple(fc.constantFrom('add', 'sub', 'mul', 'div', 'mod', 'min', 'max', 'band', 'bor', 'bxor', 'shr') as fc.Arbitrary<'add'>, tie('int'), tie('int')).map(([f, a, b]) => bin(f, a, b)),
    tie('int').map((x) => ({ op: 'unary', type: 'int', fn: 'popcount', arg: x }) as CExpr),
    tie('int').map((x) => table([3, 1, 4, 1, 5], x)),
    tie('int').map((x) => load('doc', 'int', x)),
  ),
})).int;

const boolExpr: fc.Arbitrary<CExpr> = fc.letrec<{ bool: CExpr }>((tie) => ({
  bool: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(bool(true), bool(false)),
    fc.tuple(fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge') as fc.Arbitrary<'lt'>, intExpr, intExpr).map(([f, a, b]) => bin(f, a, b)),
    fc.tuple(fc.constantFrom('and', 'or') as fc.Arbitrary<'and'>, tie('bool'), tie('bool')).map(([f, a, b]) => bin(f, a, b)),
    tie('bool').map(not),
    fc.tuple(tie('bool'), tie('bool'), tie('bool')).map(([c, t, e]) => ({ op: 'select', type: 'bool', cond: c, then: t, else: e }) as CExpr),
    intExpr.map((x) => member('cols', x, v('b'), v('h'))),
    fc.tuple(intExpr, intExpr).map(([x, i]) => member('free', x, i)),
    intExpr.map((x) => load('sel', 'bool', v('b'), v('h'), bin('div', v('q'), num(4)), bin('div', x, num(4)))),
  ),
})).bool;

const floatExpr: fc.Arbitrary<CExpr> = fc.tuple(fc.constantFrom('tanh', 'exp', 'abs', 'neg') as fc.Arbitrary<'tanh'>, intExpr).map(([f, x]) =>
  bin('add', v('score'), fn1(f, bin('mul', load('slopes', 'float', v('h')), fn1('tofloat', x)))),
);

describe('compileExpr', () => {
  it('agrees with evalExpr on random expressions, runtime inputs and points', () => {
    const kernel = attention('k', bool(true), {
      heads: 3,
      inputs: [inputs.i32('doc', 'kv_len'), inputs.list('cols', 'batch', 'heads'), inputs.blocks('sel', 4, 4), inputs.f32('slopes', 'heads'), { kind: 'list', name: 'free', elem: 'i32', axes: [{ kind: 'free' }] }],
    });
    const sizes = { batch: 2, heads: 3, kvHeads: 3, headDim: 2, valueDim: 2, qLen: 9, kvLen: 11 };
    const named = { batch: 2, heads: 3, kv_heads: 3, head_dim: 2, value_dim: 2, q_len: 9, kv_len: 11 };
    fc.assert(
      fc.property(fc.oneof(boolExpr, floatExpr), fc.integer(), (e, seed) => {
        const rng = new Rng(seed);
        const runtime = randomRuntimeInputs(kernel, sizes, rng, { density: 0.4 });
        const vars = { b: 0, h: 0, q: 0, k: 0, score: 0 };
        const env: EvalEnv = { vars, sizes: named, runtime, inputs: new Map(kernel.inputs.map((i) => [i.name, i])) };
        const f = compileExpr(e, env);
        for (let n = 0; n < 20; n++) {
          Object.assign(vars, { b: rng.int(0, 2), h: rng.int(0, 3), q: rng.int(2, 11), k: rng.int(0, 11), score: rng.normal() });
          expect(Object.is(f(vars), evalExpr(e, env)) || (Number.isNaN(f(vars)) && Number.isNaN(evalExpr(e, env)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws at compile time on a missing runtime input, like evalExpr', () => {
    const env: EvalEnv = { vars: {}, sizes: { batch: 1, heads: 1, kv_heads: 1, head_dim: 1, value_dim: 1, q_len: 1, kv_len: 1 }, runtime: {}, inputs: new Map() };
    expect(() => compileExpr(load('doc', 'int', v('q')), env)).toThrow(/runtime input 'doc' is missing/);
  });
});
