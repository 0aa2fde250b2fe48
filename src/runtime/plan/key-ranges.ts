/**
 * @file Candidate key ranges per query range: projects the linear comparisons of a mask onto k
 * (one Fourier-Motzkin step) and combines them with and/or. A sound superset of live keys, so the
 * planner visits only tile pairs that can be live.
 */
import type { CExpr } from '../../model/expr.js';
import { linearForm } from './interval.js';
import type { SizeRecord } from './types.js';

/** A union of inclusive key ranges as [lo0, hi0, lo1, hi1, ...], sorted and disjoint. */
export type KeyRanges = number[];

/** Candidate keys of a query range [q0, q1] (absolute) for a slice (b, h points). */
export type KeyRangeFn = (b: number, h: number, q0: number, q1: number) => KeyRanges;

type Cmp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
const NEGATED: Record<Cmp, Cmp> = { eq: 'ne', ne: 'eq', lt: 'ge', le: 'gt', gt: 'le', ge: 'lt' };
const CMPS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** Intersection of two sorted disjoint range unions. */
export function intersectRanges(a: KeyRanges, b: KeyRanges): KeyRanges {
  const out: KeyRanges = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Union of two sorted disjoint range unions (adjacent ranges merge). */
export function unionRanges(a: KeyRanges, b: KeyRanges): KeyRanges {
  const all: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) all.push([a[i]!, a[i + 1]!]);
  for (let i = 0; i < b.length; i += 2) all.push([b[i]!, b[i + 1]!]);
  all.sort((x, y) => x[0] - y[0]);
  const out: KeyRanges = [];
  for (const [lo, hi] of all) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

/**
 * Compiles the key-range projection of `mask`. Comparisons linear in q and k (b, h allowed as
 * constants of the slice) become bounds on k; anything else allows every key.
 */
export function compileKeyRanges(mask: CExpr, sizes: SizeRecord): KeyRangeFn {
  const kvLast = sizes.kv_len - 1;
  const all = (): KeyRanges => (kvLast >= 0 ? [0, kvLast] : []);
  const clamp = (lo: number, hi: number): KeyRanges => {
    const l = Math.max(0, lo);
    const h = Math.min(kvLast, hi);
    return l <= h ? [l, h] : [];
  };

  const compile = (e: CExpr, negate: boolean): KeyRangeFn => {
    if (e.op === 'const' && e.type === 'bool') {
      const holds = Boolean(e.value) !== negate;
      return () => (holds ? all() : []);
    }
    if (e.op === 'unary' && e.fn === 'not') return compile(e.arg, !negate);
    if (e.op === 'binary' && (e.fn === 'and' || e.fn === 'or')) {
      const a = compile(e.a, negate);
      const b = compile(e.b, negate);
      const conj = (e.fn === 'and') !== negate;
      return conj ? (bb, h, q0, q1) => intersectRanges(a(bb, h, q0, q1), b(bb, h, q0, q1)) : (bb, h, q0, q1) => unionRanges(a(bb, h, q0, q1), b(bb, h, q0, q1));
    }
    if (e.op === 'binary' && CMPS.has(e.fn) && e.a.type === 'int' && e.b.type === 'int') {
      const d = linearForm({ op: 'binary', type: 'int', fn: 'sub', a: e.a, b: e.b }, sizes);
      if (d) return compileAtom(d.c, d.coef, negate ? NEGATED[e.fn as Cmp] : (e.fn as Cmp));
    }
    return all;
  };

  // One constraint `cq*q + ck*k + c <= 0` (c already includes the slice's b and h terms).
  const project = (cq: number, ck: number, c: number, q0: number, q1: number): KeyRanges => {
    if (ck === 0) return Math.min(cq * q0, cq * q1) + c <= 0 ? all() : [];
    if (ck > 0) {
      const num = -(Math.min(cq * q0, cq * q1) + c);
      return clamp(0, Math.floor(num / ck));
    }
    const num = Math.min(cq * q0, cq * q1) + c;
    return clamp(Math.ceil(num / -ck), kvLast);
  };

  const compileAtom = (c: number, coef: { b: number; h: number; q: number; k: number }, cmp: Cmp): KeyRangeFn => {
    const { q: cq, k: ck } = coef;
    const base = (b: number, h: number): number => c + coef.b * b + coef.h * h;
    // d = cq*q + ck*k + base; each comparison with 0 as one or two `<= 0` constraints.
    const le = (sign: number, shift: number) => (b: number, h: number, q0: number, q1: number) =>
      project(sign * cq, sign * ck, sign * base(b, h) + shift, q0, q1);
    const table: Record<Cmp, KeyRangeFn> = {
      le: le(1, 0),
      lt: le(1, 1),
      ge: le(-1, 0),
      gt: le(-1, 1),
      eq: (b, h, q0, q1) => intersectRanges(le(1, 0)(b, h, q0, q1), le(-1, 0)(b, h, q0, q1)),
      ne: (b, h, q0, q1) => unionRanges(le(1, 1)(b, h, q0, q1), le(-1, 1)(b, h, q0, q1)),
    };
    return table[cmp];
  };

  return compile(mask, false);
}
