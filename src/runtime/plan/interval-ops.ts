/**
 * @file Interval transfer functions for the box evaluator: one sound hull per core operator
 * (floor division, floored remainder, bit operations, float functions), as a dispatch table.
 */
import type { CBinaryFn, CUnaryFn } from '../../model/expr.js';
import { floorDiv, floorMod } from '../../model/eval.js';
import type { Interval } from './types.js';

/** The smallest and largest 32-bit signed integers. */
export const I32_MIN = -2147483648;
export const I32_MAX = 2147483647;
/** Widest span that unary / bitwise operators enumerate exactly instead of widening. */
const ENUMERATE_LIMIT = 256;

function popcount32(x: number): number {
  let v = x >>> 0;
  let n = 0;
  while (v !== 0) {
    v &= v - 1;
    n++;
  }
  return n;
}

/** Sets `out` to [lo, hi], or to the whole line when a bound is NaN (never a wrong answer). */
export function setIv(out: Interval, lo: number, hi: number): Interval {
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    out.lo = -Infinity;
    out.hi = Infinity;
  } else {
    out.lo = lo;
    out.hi = hi;
  }
  return out;
}

/** Sets `out` to the whole real line ("nothing known"). */
export function setTop(out: Interval): Interval {
  out.lo = -Infinity;
  out.hi = Infinity;
  return out;
}

function isPoint(a: Interval): boolean {
  return a.lo === a.hi;
}

function inI32(a: Interval): boolean {
  return a.lo >= I32_MIN && a.hi <= I32_MAX && Number.isFinite(a.lo) && Number.isFinite(a.hi);
}

/** Exact hull of an integer unary function by enumeration; false when the span is too wide. */
function enumerateUnary(f: (x: number) => number, a: Interval, out: Interval): boolean {
  if (!inI32(a) || a.hi - a.lo > ENUMERATE_LIMIT) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (let x = Math.ceil(a.lo); x <= a.hi; x++) {
    const v = f(x);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  setIv(out, lo, hi);
  return true;
}

/** Exact hull of an integer binary function by enumeration; false when the box is too large. */
function enumerateBinary(f: (x: number, y: number) => number, a: Interval, b: Interval, out: Interval): boolean {
  if (!inI32(a) || !inI32(b) || (a.hi - a.lo + 1) * (b.hi - b.lo + 1) > ENUMERATE_LIMIT) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (let x = Math.ceil(a.lo); x <= a.hi; x++) {
    for (let y = Math.ceil(b.lo); y <= b.hi; y++) {
      const v = f(x, y);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  setIv(out, lo, hi);
  return true;
}

function monotone(f: (x: number) => number, a: Interval, out: Interval): Interval {
  return setIv(out, f(a.lo), f(a.hi));
}

/** sin / cos: [-1, 1] for finite operands (no tighter bound is worth the case analysis), everything otherwise. */
function periodic(a: Interval, out: Interval): Interval {
  return Number.isFinite(a.lo) && Number.isFinite(a.hi) ? setIv(out, -1, 1) : setTop(out);
}

/** Interval transfer function of each unary operator (`not` works on 0/1 intervals). */
export const UNARY_IV: Record<CUnaryFn, (a: Interval, out: Interval) => Interval> = {
  neg: (a, out) => setIv(out, -a.hi, -a.lo),
  not: (a, out) => setIv(out, 1 - a.hi, 1 - a.lo),
  abs: (a, out) => {
    if (a.lo >= 0) return setIv(out, a.lo, a.hi);
    if (a.hi <= 0) return setIv(out, -a.hi, -a.lo);
    return setIv(out, 0, Math.max(-a.lo, a.hi));
  },
  popcount: (a, out) => {
    if (enumerateUnary(popcount32, a, out)) return out;
    if (a.lo >= 0 && a.hi <= I32_MAX) return setIv(out, 0, 32 - Math.clz32(a.hi));
    return setIv(out, 0, 32);
  },
  tanh: (a, out) => monotone(Math.tanh, a, out),
  exp: (a, out) => monotone(Math.exp, a, out),
  log: (a, out) => (a.lo < 0 ? setTop(out) : monotone(Math.log, a, out)),
  sqrt: (a, out) => (a.lo < 0 ? setTop(out) : monotone(Math.sqrt, a, out)),
  sin: (a, out) => periodic(a, out),
  cos: (a, out) => periodic(a, out),
  exp2: (a, out) => monotone((x) => 2 ** x, a, out),
  log2: (a, out) => (a.lo < 0 ? setTop(out) : monotone(Math.log2, a, out)),
  tofloat: (a, out) => setIv(out, a.lo, a.hi),
};

function corners(f: (x: number, y: number) => number, a: Interval, b: Interval, out: Interval): Interval {
  const v1 = f(a.lo, b.lo);
  const v2 = f(a.lo, b.hi);
  const v3 = f(a.hi, b.lo);
  const v4 = f(a.hi, b.hi);
  return setIv(out, Math.min(v1, v2, v3, v4), Math.max(v1, v2, v3, v4));
}

function intDiv(a: Interval, b: Interval, out: Interval): Interval {
  if (isPoint(b)) {
    const c = b.lo;
    if (c === 0) return setIv(out, 0, 0);
    // NOTE: floor(x / c) is monotone in x for a fixed c, so the endpoints give the exact hull.
    return c > 0 ? setIv(out, floorDiv(a.lo, c), floorDiv(a.hi, c)) : setIv(out, floorDiv(a.hi, c), floorDiv(a.lo, c));
  }
  if (b.lo > 0 || b.hi < 0) return corners(floorDiv, a, b, out);
  const m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
  return setIv(out, -m, m);
}

function intMod(a: Interval, b: Interval, out: Interval): Interval {
  if (isPoint(b)) {
    const c = b.lo;
    if (c === 0) return setIv(out, 0, 0);
    // NOTE: exact when the box does not straddle a multiple of c; otherwise the whole residue range.
    if (floorDiv(a.lo, c) === floorDiv(a.hi, c)) return setIv(out, floorMod(a.lo, c), floorMod(a.hi, c));
    return c > 0 ? setIv(out, 0, c - 1) : setIv(out, c + 1, 0);
  }
  if (b.lo > 0) return setIv(out, 0, a.lo >= 0 ? Math.min(b.hi - 1, a.hi) : b.hi - 1);
  if (b.hi < 0) return setIv(out, b.lo + 1, 0);
  return setIv(out, Math.min(0, b.lo + 1), Math.max(0, b.hi - 1));
}

function bitwise(f: (x: number, y: number) => number, wide: (a: Interval, b: Interval, out: Interval) => Interval) {
  return (a: Interval, b: Interval, out: Interval): Interval => {
    if (enumerateBinary(f, a, b, out)) return out;
    return wide(a, b, out);
  };
}

function bitLengthMask(x: number): number {
  return x <= 0 ? 0 : 2 ** (32 - Math.clz32(x)) - 1;
}

function i32Range(_a: Interval, _b: Interval, out: Interval): Interval {
  return setIv(out, I32_MIN, I32_MAX);
}

/** Bitwise operators (32-bit ints), enumerated when small, else widened safely. */
const BITWISE: Record<'band' | 'bor' | 'bxor' | 'shl' | 'shr', (a: Interval, b: Interval, out: Interval) => Interval> = {
  band: bitwise((x, y) => x & y, (a, b, out) => {
    if (a.lo >= 0 && b.lo >= 0) return setIv(out, 0, Math.min(a.hi, b.hi));
    if (a.lo >= 0 && inI32(a)) return setIv(out, 0, a.hi);
    if (b.lo >= 0 && inI32(b)) return setIv(out, 0, b.hi);
    return i32Range(a, b, out);
  }),
  bor: bitwise((x, y) => x | y, (a, b, out) =>
    a.lo >= 0 && b.lo >= 0 && inI32(a) && inI32(b) ? setIv(out, 0, bitLengthMask(Math.max(a.hi, b.hi))) : i32Range(a, b, out)),
  bxor: bitwise((x, y) => x ^ y, (a, b, out) =>
    a.lo >= 0 && b.lo >= 0 && inI32(a) && inI32(b) ? setIv(out, 0, bitLengthMask(Math.max(a.hi, b.hi))) : i32Range(a, b, out)),
  shl: bitwise((x, y) => x << y, i32Range),
  shr: bitwise((x, y) => x >> y, (a, b, out) =>
    isPoint(b) && b.lo >= 0 && b.lo < 32 && inI32(a) ? setIv(out, a.lo >> b.lo, a.hi >> b.lo) : i32Range(a, b, out)),
};

/** Arithmetic binary operators, by whether the operands are ints (floor semantics) or floats. */
export type ArithFn = 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'min' | 'max' | 'band' | 'bor' | 'bxor' | 'shl' | 'shr';

/** Interval transfer function of each arithmetic binary operator. */
export function arithmeticIv(fn: ArithFn, isInt: boolean): (a: Interval, b: Interval, out: Interval) => Interval {
  const table: Record<ArithFn, (a: Interval, b: Interval, out: Interval) => Interval> = {
    add: (a, b, out) => setIv(out, a.lo + b.lo, a.hi + b.hi),
    sub: (a, b, out) => setIv(out, a.lo - b.hi, a.hi - b.lo),
    mul: (a, b, out) => corners((x, y) => x * y, a, b, out),
    div: isInt ? intDiv : (a, b, out) => (b.lo > 0 || b.hi < 0 ? corners((x, y) => x / y, a, b, out) : setTop(out)),
    mod: isInt ? intMod : (_a, _b, out) => setTop(out),
    min: (a, b, out) => setIv(out, Math.min(a.lo, b.lo), Math.min(a.hi, b.hi)),
    max: (a, b, out) => setIv(out, Math.max(a.lo, b.lo), Math.max(a.hi, b.hi)),
    ...BITWISE,
  };
  return table[fn];
}

/** Comparison operators decided from the interval of `a - b`: [true-test, false-test]. */
export const COMPARE_DIFF: Record<'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge', { yes: (d: Interval) => boolean; no: (d: Interval) => boolean }> = {
  eq: { yes: (d) => d.lo === 0 && d.hi === 0, no: (d) => d.lo > 0 || d.hi < 0 },
  ne: { yes: (d) => d.lo > 0 || d.hi < 0, no: (d) => d.lo === 0 && d.hi === 0 },
  lt: { yes: (d) => d.hi < 0, no: (d) => d.lo >= 0 },
  le: { yes: (d) => d.hi <= 0, no: (d) => d.lo > 0 },
  gt: { yes: (d) => d.lo > 0, no: (d) => d.hi <= 0 },
  ge: { yes: (d) => d.lo >= 0, no: (d) => d.hi < 0 },
};

/** True for comparison operators. */
export function isComparison(fn: CBinaryFn): fn is 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' {
  return fn === 'eq' || fn === 'ne' || fn === 'lt' || fn === 'le' || fn === 'gt' || fn === 'ge';
}
