/**
 * @file Compile-time evaluation: smart constructors that build CExpr nodes and fold what is
 * constant (arithmetic on constants, `true && x`, `x * 1`, selects on constant conditions...).
 */
import type { CBinaryFn, CExpr, CType, CUnaryFn } from '../model/expr.js';
import { evalBinary, evalUnary } from '../model/eval.js';

/** A constant node. */
export function constant(type: CType, value: number | boolean): CExpr {
  return { op: 'const', type, value };
}

/** The constant value of `e`, or null when it is not a constant. */
export function constValue(e: CExpr): number | boolean | null {
  return e.op === 'const' ? e.value : null;
}

/** The numeric value of a constant (bools as 0/1), or null. */
export function constNumber(e: CExpr): number | null {
  if (e.op !== 'const') return null;
  return typeof e.value === 'boolean' ? (e.value ? 1 : 0) : e.value;
}


/** Wraps a JS number result as a constant of `type` (ints wrap to 32 bits). */
function wrap(type: CType, v: number): CExpr {
  if (type === 'bool') return constant('bool', v !== 0);
  if (type === 'int') return constant('int', v | 0);
  return constant('float', v === 0 ? 0 : v);
}

/** Builds `fn(arg)`, folding constants and double negations. */
export function mkUnary(fn: CUnaryFn, type: CType, arg: CExpr): CExpr {
  const v = constNumber(arg);
  if (v !== null) return wrap(type, evalUnary(fn, type, v));
  if ((fn === 'neg' || fn === 'not') && arg.op === 'unary' && arg.fn === fn) return arg.arg;
  return { op: 'unary', type, fn, arg };
}

/** Converts an int expression to float (no-op on floats). */
export function toFloat(e: CExpr): CExpr {
  return e.type === 'float' ? e : mkUnary('tofloat', 'float', e);
}


/** Identities with one constant operand: returns the simplified node or null. */
function foldIdentity(fn: CBinaryFn, a: CExpr, b: CExpr): CExpr | null {
  const av = constValue(a);
  const bv = constValue(b);
  if (fn === 'and') {
    if (av === true) return b;
    if (av === false) return a;
    if (bv === true) return a;
    if (bv === false) return b; // operands have no side effects
  }
  if (fn === 'or') {
    if (av === false) return b;
    if (av === true) return a;
    if (bv === false) return a;
    if (bv === true) return b;
  }
  if (a.type !== 'int' || b.type !== 'int') return null;
  if ((fn === 'add' || fn === 'sub' || fn === 'bor' || fn === 'bxor' || fn === 'shl' || fn === 'shr') && bv === 0) return a;
  if ((fn === 'add' || fn === 'bor' || fn === 'bxor') && av === 0) return b;
  if ((fn === 'mul' || fn === 'div') && bv === 1) return a;
  if (fn === 'mul' && av === 1) return b;
  return null;
}

/** Builds `fn(a, b)` with result type `type`, folding constants and simple identities. */
export function mkBinary(fn: CBinaryFn, type: CType, a: CExpr, b: CExpr): CExpr {
  const x = constNumber(a);
  const y = constNumber(b);
  if (x !== null && y !== null) return wrap(type, evalBinary(fn, a.type === 'int' && b.type === 'int', x, y));
  return foldIdentity(fn, a, b) ?? { op: 'binary', type, fn, a, b };
}

/** Builds `cond ? then : else`, folding a constant condition. */
export function mkSelect(type: CType, cond: CExpr, then: CExpr, otherwise: CExpr): CExpr {
  const c = constValue(cond);
  if (c !== null) return c ? then : otherwise;
  return { op: 'select', type, cond, then, else: otherwise };
}

/** Builds a table read, folding a constant in-range index. */
export function mkTable(type: CType, values: readonly (number | boolean)[], index: CExpr): CExpr {
  const i = constNumber(index);
  if (i !== null && i >= 0 && i < values.length) return constant(type, values[i]!);
  return { op: 'table', type, values, index };
}
