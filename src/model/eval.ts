/**
 * @file Scalar evaluation of core expressions at one point (b, h, q, k): the element-wise
 * semantics that the reference, brute-force tests and the analysis' soundness tests share.
 */
import type { CBinaryFn, CExpr, CType, CUnaryFn, CVarName, SizeName } from './expr.js';
import { isRaggedList, type RaggedList, type RuntimeValue, type RuntimeValues } from './values.js';
import type { RuntimeInput } from './kernel.js';

/** Everything an expression may read at one point. */
export interface EvalEnv {
  /** b, h, q, k (absolute positions) and, for score modifiers, score. */
  readonly vars: Readonly<Partial<Record<CVarName, number>>>;
  /** Concrete kernel sizes (all of them, dynamic ones resolved). */
  readonly sizes: Readonly<Record<SizeName, number>>;
  /** Runtime input values by name. */
  readonly runtime: RuntimeValues;
  /** Runtime input declarations by name (for shapes and strides). */
  readonly inputs: ReadonlyMap<string, RuntimeInput>;
}

/** Floor division on integers (rounds toward negative infinity); division by 0 gives 0. */
export function floorDiv(a: number, b: number): number {
  if (b === 0) return 0;
  return Math.floor(a / b);
}

/** Floored remainder (takes the sign of the divisor); modulo 0 gives 0. */
export function floorMod(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

/** Number of set bits of the 32-bit two's complement word of `x`. */
export function popcount32(x: number): number {
  let v = x >>> 0;
  let n = 0;
  while (v !== 0) {
    v &= v - 1;
    n++;
  }
  return n;
}

/**
 * Concrete length of each axis of a runtime input (blocks: [batch, heads, ceil(kv/bq), ceil(kv/bk)]).
 * A free axis (`*`) of a tensor takes whatever length makes `totalLength` elements (0 if unknown).
 */
export function inputShape(input: RuntimeInput, sizes: Readonly<Record<SizeName, number>>, totalLength = 0): number[] {
  if (input.kind === 'blocks') {
    return [sizes.batch, sizes.heads, Math.ceil(sizes.kv_len / input.bq), Math.ceil(sizes.kv_len / input.bk)];
  }
  const known = input.axes.reduce((p, a) => p * (a.kind === 'size' ? sizes[a.name] : a.kind === 'const' ? a.value : 1), 1);
  const free = known > 0 ? Math.floor(totalLength / known) : 0;
  return input.axes.map((a) => (a.kind === 'size' ? sizes[a.name] : a.kind === 'const' ? a.value : free));
}

/** Row-major flat offset of `idx` in `shape`, or -1 when any index is out of range. */
export function flatIndex(idx: readonly number[], shape: readonly number[]): number {
  let off = 0;
  for (let i = 0; i < shape.length; i++) {
    const v = idx[i]!;
    const n = shape[i]!;
    if (v < 0 || v >= n) return -1;
    off = off * n + v;
  }
  return off;
}


/** Whether `x` is in the sorted slice `values[lo, hi)` (binary search): ragged-list membership. */
export function sortedContains(values: ArrayLike<number>, lo: number, hi: number, x: number): boolean {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * Unary operations on scalars (booleans as 0 / 1), in float64; `evalUnary` adds the f32 rounding of float
 * results. Shared by evaluation, compilation and constant folding.
 */
export const UNARY: Readonly<Record<CUnaryFn, (x: number) => number>> = {
  neg: (x) => -x,
  not: (x) => (x ? 0 : 1),
  abs: (x) => Math.abs(x),
  popcount: popcount32,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  exp2: (x) => 2 ** x,
  log2: Math.log2,
  tofloat: (x) => x,
};

/**
 * One unary operation of result type `type`. Float arithmetic in patterns and score modifiers is f32
 * (as in FlexAttention and on every target): a float operand is read as an f32, a float result is
 * rounded to f32 (exact for neg / abs / tofloat; exp, log, tanh, sqrt, sin, cos, exp2, log2 are the f32 rounding of the exact value).
 */
export function evalUnary(fn: CUnaryFn, type: CType, x: number): number {
  if (type !== 'float') return UNARY[fn](x);
  return Math.fround(UNARY[fn](fn === 'tofloat' ? x : Math.fround(x)));
}

const F32_ARITHMETIC: ReadonlySet<CBinaryFn> = new Set<CBinaryFn>(['add', 'sub', 'mul', 'div', 'mod']);

/**
 * One binary operation on scalars (`isInt`: both operands are ints); shared by evaluation and constant
 * folding. Float operations are f32: operands read as f32, results of + - * / rounded to f32 (computing in
 * float64 and rounding once is the correctly rounded f32 result), a float `mod` is f32 step by step as it is
 * lowered: a - b * floor(a / b).
 */
export function evalBinary(fn: CBinaryFn, isInt: boolean, a: number, b: number): number {
  if (isInt) return evalBinary64(fn, true, a, b);
  const x = Math.fround(a);
  const y = Math.fround(b);
  if (fn === 'mod') return Math.fround(x - Math.fround(y * Math.floor(Math.fround(x / y))));
  const r = evalBinary64(fn, false, x, y);
  return F32_ARITHMETIC.has(fn) ? Math.fround(r) : r;
}

function evalBinary64(fn: CBinaryFn, isInt: boolean, a: number, b: number): number {
  switch (fn) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return isInt ? floorDiv(a, b) : a / b;
    case 'mod': return isInt ? floorMod(a, b) : a - b * Math.floor(a / b);
    case 'min': return Math.min(a, b);
    case 'max': return Math.max(a, b);
    case 'band': return a & b;
    case 'bor': return a | b;
    case 'bxor': return a ^ b;
    case 'shl': return a << b;
    case 'shr': return a >> b;
    case 'eq': return a === b ? 1 : 0;
    case 'ne': return a !== b ? 1 : 0;
    case 'lt': return a < b ? 1 : 0;
    case 'le': return a <= b ? 1 : 0;
    case 'gt': return a > b ? 1 : 0;
    case 'ge': return a >= b ? 1 : 0;
    case 'and': return a && b ? 1 : 0;
    case 'or': return a || b ? 1 : 0;
  }
}

/**
 * Evaluates `e` at one point. Booleans come back as 0 or 1. Reads outside a runtime input or
 * table give 0 (false); the checker and the input validation rule those out where they can.
 */
export function evalExpr(e: CExpr, env: EvalEnv): number {
  switch (e.op) {
    case 'const':
      return typeof e.value === 'boolean' ? (e.value ? 1 : 0) : e.type === 'float' ? Math.fround(e.value) : e.value;
    case 'var': {
      const v = env.vars[e.name];
      if (v === undefined) throw new Error(`evalExpr: variable '${e.name}' is not bound`);
      return e.type === 'float' ? Math.fround(v) : v;
    }
    case 'size':
      return env.sizes[e.name];
    case 'unary':
      return evalUnary(e.fn, e.type, evalExpr(e.arg, env));
    case 'binary': {
      if (e.fn === 'and') return evalExpr(e.a, env) ? (evalExpr(e.b, env) ? 1 : 0) : 0;
      if (e.fn === 'or') return evalExpr(e.a, env) ? 1 : evalExpr(e.b, env) ? 1 : 0;
      const isInt = e.a.type === 'int' && e.b.type === 'int';
      return evalBinary(e.fn, isInt, evalExpr(e.a, env), evalExpr(e.b, env));
    }
    case 'select':
      return evalExpr(e.cond, env) ? evalExpr(e.then, env) : evalExpr(e.else, env);
    case 'table': {
      const i = evalExpr(e.index, env);
      const v = i >= 0 && i < e.values.length ? e.values[i]! : 0;
      return typeof v === 'boolean' ? (v ? 1 : 0) : e.type === 'float' ? Math.fround(v) : v;
    }
    case 'load': {
      const decl = env.inputs.get(e.input);
      const val = env.runtime[e.input];
      if (!decl || !val || isRaggedList(val)) throw new Error(`evalExpr: runtime input '${e.input}' is missing`);
      const idx = e.indices.map((x) => evalExpr(x, env));
      const off = flatIndex(idx, inputShape(decl, env.sizes, val.length));
      return off < 0 ? 0 : val[off]!;
    }
    case 'member': {
      const decl = env.inputs.get(e.input);
      const val = env.runtime[e.input];
      if (!decl || !val || !isRaggedList(val)) throw new Error(`evalExpr: runtime list '${e.input}' is missing`);
      const idx = e.indices.map((x) => evalExpr(x, env));
      const off = flatIndex(idx, inputShape(decl, env.sizes, val.offsets.length - 1));
      if (off < 0) return 0;
      const x = evalExpr(e.value, env);
      return sortedContains(val.values, val.offsets[off]!, val.offsets[off + 1]!, x) ? 1 : 0;
    }
  }
}
