/**
 * @file Compiles a CExpr into a JavaScript closure with exactly `evalExpr`'s semantics (shapes and
 * strides resolved once), so the reference evaluates masks and score modifiers quickly.
 */
import type { CBinaryFn, CExpr, CUnaryFn } from '../model/expr.js';
import type { RaggedList, RuntimeValue } from '../model/values.js';
import { evalBinary, evalUnary, floorDiv, floorMod, flatIndex, inputShape, sortedContains, type EvalEnv } from '../model/eval.js';

/** Float binary operations whose result is rounded to f32. */
const F32_ROUNDED: ReadonlySet<CBinaryFn> = new Set<CBinaryFn>(['add', 'sub', 'mul']);

/** The point an expression is evaluated at. */
export interface PointVars {
  b: number;
  h: number;
  q: number;
  k: number;
  score: number;
}

/** A compiled expression: its value at a point (booleans as 0 / 1). */
export type PointFn = (p: PointVars) => number;


type Binary = (a: number, b: number) => number;

const BINARY: Readonly<Record<Exclude<CBinaryFn, 'and' | 'or' | 'div' | 'mod'>, Binary>> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  min: Math.min,
  max: Math.max,
  band: (a, b) => a & b,
  bor: (a, b) => a | b,
  bxor: (a, b) => a ^ b,
  shl: (a, b) => a << b,
  shr: (a, b) => a >> b,
  eq: (a, b) => (a === b ? 1 : 0),
  ne: (a, b) => (a !== b ? 1 : 0),
  lt: (a, b) => (a < b ? 1 : 0),
  le: (a, b) => (a <= b ? 1 : 0),
  gt: (a, b) => (a > b ? 1 : 0),
  ge: (a, b) => (a >= b ? 1 : 0),
};

function isList(v: RuntimeValue): v is RaggedList {
  return (v as RaggedList).offsets !== undefined;
}

function compileBinary(e: Extract<CExpr, { op: 'binary' }>, env: EvalEnv): PointFn {
  const a = compileExpr(e.a, env);
  const b = compileExpr(e.b, env);
  const isInt = e.a.type === 'int' && e.b.type === 'int';
  switch (e.fn) {
    case 'and':
      return (p) => (a(p) ? (b(p) ? 1 : 0) : 0);
    case 'or':
      return (p) => (a(p) ? 1 : b(p) ? 1 : 0);
    case 'div':
      return isInt ? (p) => floorDiv(a(p), b(p)) : (p) => evalBinary('div', false, a(p), b(p));
    case 'mod':
      return isInt ? (p) => floorMod(a(p), b(p)) : (p) => evalBinary('mod', false, a(p), b(p));
    default: {
      // NOTE: float operations are f32 (see evalBinary); operands of compiled float nodes are f32 already.
      const f = BINARY[e.fn];
      const fn = e.fn;
      return isInt || !F32_ROUNDED.has(fn) ? (p) => f(a(p), b(p)) : (p) => Math.fround(f(a(p), b(p)));
    }
  }
}

function compileLoad(e: Extract<CExpr, { op: 'load' }>, env: EvalEnv): PointFn {
  const decl = env.inputs.get(e.input);
  const val = env.runtime[e.input];
  if (!decl || !val || isList(val)) throw new Error(`evalExpr: runtime input '${e.input}' is missing`);
  const shape = inputShape(decl, env.sizes, val.length);
  const indices = e.indices.map((x) => compileExpr(x, env));
  const idx = new Array<number>(indices.length).fill(0);
  return (p) => {
    for (let i = 0; i < indices.length; i++) idx[i] = indices[i]!(p);
    const off = flatIndex(idx, shape);
    return off < 0 ? 0 : val[off]!;
  };
}

function compileMember(e: Extract<CExpr, { op: 'member' }>, env: EvalEnv): PointFn {
  const decl = env.inputs.get(e.input);
  const val = env.runtime[e.input];
  if (!decl || !val || !isList(val)) throw new Error(`evalExpr: runtime list '${e.input}' is missing`);
  // A free axis takes the length that makes the list count (offsets.length - 1), as in evalExpr.
  const shape = inputShape(decl, env.sizes, val.offsets.length - 1);
  const indices = e.indices.map((x) => compileExpr(x, env));
  const value = compileExpr(e.value, env);
  const idx = new Array<number>(indices.length).fill(0);
  const { offsets, values } = val;
  return (p) => {
    for (let i = 0; i < indices.length; i++) idx[i] = indices[i]!(p);
    const off = flatIndex(idx, shape);
    if (off < 0) return 0;
    const x = value(p);
    return sortedContains(values, offsets[off]!, offsets[off + 1]!, x) ? 1 : 0;
  };
}

/**
 * Compiles `e` against fixed sizes and runtime values (those in `env`; `env.vars` is ignored).
 * The closure returns what `evalExpr(e, env)` would at the point given; it throws at compile time
 * where evalExpr would throw on a missing runtime input.
 */
export function compileExpr(e: CExpr, env: EvalEnv): PointFn {
  switch (e.op) {
    case 'const': {
      const v = typeof e.value === 'boolean' ? (e.value ? 1 : 0) : e.type === 'float' ? Math.fround(e.value) : e.value;
      return () => v;
    }
    case 'var': {
      const name = e.name;
      return e.type === 'float' ? (p) => Math.fround(p[name]) : (p) => p[name];
    }
    case 'size': {
      const v = env.sizes[e.name];
      return () => v;
    }
    case 'unary': {
      const { fn, type } = e;
      const arg = compileExpr(e.arg, env);
      return (p) => evalUnary(fn, type, arg(p));
    }
    case 'binary':
      return compileBinary(e, env);
    case 'select': {
      const c = compileExpr(e.cond, env);
      const t = compileExpr(e.then, env);
      const f = compileExpr(e.else, env);
      return (p) => (c(p) ? t(p) : f(p));
    }
    case 'table': {
      const values = e.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : e.type === 'float' ? Math.fround(v) : v));
      const index = compileExpr(e.index, env);
      return (p) => {
        const i = index(p);
        return i >= 0 && i < values.length ? values[i]! : 0;
      };
    }
    case 'load':
      return compileLoad(e, env);
    case 'member':
      return compileMember(e, env);
  }
}
