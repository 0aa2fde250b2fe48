/**
 * @file Test helpers: build CExpr trees and AttentionKernel / GemmKernel objects by hand, as the
 * checker would produce them from source.
 */
import type { CBinaryFn, CExpr, CType, CVarName, SizeName } from '../../src/model/expr.js';
import type { AttentionKernel, GemmKernel, RuntimeInput } from '../../src/model/kernel.js';

const COMPARISONS: ReadonlySet<CBinaryFn> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or']);

/** An int or float constant. */
export const num = (value: number, type: CType = Number.isInteger(value) ? 'int' : 'float'): CExpr => ({ op: 'const', type, value });
/** A bool constant. */
export const bool = (value: boolean): CExpr => ({ op: 'const', type: 'bool', value });
/** A built-in variable (b, h, q, k are ints, score a float). */
export const v = (name: CVarName): CExpr => ({ op: 'var', type: name === 'score' ? 'float' : 'int', name });
/** A kernel size. */
export const size = (name: SizeName): CExpr => ({ op: 'size', type: 'int', name });
/** A binary node; the result type is bool for comparisons, float if either side is float, else int. */
export function bin(fn: CBinaryFn, a: CExpr, b: CExpr): CExpr {
  const type: CType = COMPARISONS.has(fn) ? 'bool' : a.type === 'float' || b.type === 'float' ? 'float' : 'int';
  return { op: 'binary', type, fn, a, b };
}
/** `!x`. */
export const not = (x: CExpr): CExpr => ({ op: 'unary', type: 'bool', fn: 'not', arg: x });
/** A float unary function (tanh, exp, ...). */
export const fn1 = (fn: 'tanh' | 'exp' | 'log' | 'sqrt' | 'abs' | 'neg' | 'tofloat', x: CExpr): CExpr => ({
  op: 'unary',
  type: fn === 'tofloat' ? 'float' : x.type,
  fn,
  arg: x,
});
export const and = (a: CExpr, b: CExpr): CExpr => bin('and', a, b);
export const or = (a: CExpr, b: CExpr): CExpr => bin('or', a, b);
export const sub = (a: CExpr, b: CExpr): CExpr => bin('sub', a, b);
/** `causal`: k <= q. */
export const causal: CExpr = bin('le', v('k'), v('q'));
/** `q - k < window`. */
export const window = (w: number): CExpr => bin('lt', sub(v('q'), v('k')), num(w));
/** A runtime tensor load `input[indices]`. */
export const load = (input: string, type: CType, ...indices: CExpr[]): CExpr => ({ op: 'load', type, input, indices });
/** `value in input[indices]`. */
export const member = (input: string, value: CExpr, ...indices: CExpr[]): CExpr => ({ op: 'member', type: 'bool', input, indices, value });
/** A compile-time table `values[index]`. */
export const table = (values: readonly number[], index: CExpr): CExpr => ({ op: 'table', type: 'int', values, index });

/** An attention kernel with small defaults (1 batch, 1 head, head_dim 2, seq 3, f32, out only). */
export function attention(name: string, mask: CExpr, fields: Partial<Omit<AttentionKernel, 'kind' | 'name' | 'mask'>> = {}): AttentionKernel {
  const heads = fields.heads ?? 1;
  const headDim = fields.headDim ?? 2;
  return {
    kind: 'attention',
    name,
    origin: { file: 'test.sparse', line: 1, col: 1 },
    batch: 1,
    kvHeads: heads,
    valueDim: headDim,
    qLen: 3,
    kvLen: 3,
    dtype: 'f32',
    scale: null,
    score: null,
    outputs: ['out'],
    inputs: [],
    schedules: {},
    ...fields,
    heads,
    headDim,
    mask,
  };
}

/** A gemm kernel with small defaults (dense f32, no threshold, bias or epilogue). */
export function gemm(name: string, fields: Partial<Omit<GemmKernel, 'kind' | 'name'>> = {}): GemmKernel {
  return {
    kind: 'gemm',
    name,
    origin: { file: 'test.sparse', line: 1, col: 1 },
    m: 2,
    n: 3,
    k: 4,
    dtype: 'f32',
    weight: { format: 'dense' },
    threshold: null,
    bias: false,
    epilogue: 'none',
    schedules: {},
    ...fields,
  };
}

/** Runtime input declarations. */
export const inputs = {
  i32: (name: string, ...axes: SizeName[]): RuntimeInput => ({ kind: 'tensor', name, elem: 'i32', axes: axes.map((n) => ({ kind: 'size', name: n })) }),
  f32: (name: string, ...axes: SizeName[]): RuntimeInput => ({ kind: 'tensor', name, elem: 'f32', axes: axes.map((n) => ({ kind: 'size', name: n })) }),
  bool: (name: string, ...axes: SizeName[]): RuntimeInput => ({ kind: 'tensor', name, elem: 'bool', axes: axes.map((n) => ({ kind: 'size', name: n })) }),
  list: (name: string, ...axes: SizeName[]): RuntimeInput => ({ kind: 'list', name, elem: 'i32', axes: axes.map((n) => ({ kind: 'size', name: n })) }),
  blocks: (name: string, bq: number, bk: number): RuntimeInput => ({ kind: 'blocks', name, bq, bk }),
};
