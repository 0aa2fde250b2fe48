/**
 * @file Closed-form key ranges for affine patterns: each conjunction of linear constraints is projected
 * onto k for a query tile [q0, q1] (one Fourier-Motzkin step), giving symbolic bounds that printers emit
 * as loop bounds, plus the intervals whose keys are allowed for every query of the tile (no mask needed).
 */
import type { CExpr, SizeName } from '../model/expr.js';
import type { AttentionKernel } from '../model/kernel.js';
import { mentionsVar } from '../runtime/plan/planner.js';
import { unionRanges, type KeyRanges } from '../runtime/plan/key-ranges.js';
import type { SizeRecord } from '../runtime/plan/types.js';
import { AffineReader, staticSizes, isConstantLin, type Conjunction, type SymLinear } from './affine.js';
import type { KeyInterval, LinearBound } from './space.js';

/** The closed form of one kernel's mask: per head (or for all heads) outer and full key intervals. */
export interface ClosedForm {
  readonly perHead: boolean;
  /** Key intervals that may hold allowed keys (their union is a superset of the live keys). */
  readonly intervals: (h: number) => readonly KeyInterval[];
  /** Key intervals allowed for every query of the tile. */
  readonly full: (h: number) => readonly KeyInterval[];
}

/** Why a mask has no closed form, or its closed form. */
export type ClosedFormResult = { readonly ok: true; readonly form: ClosedForm } | { readonly ok: false; readonly reason: string };

/** A lower (k >= a*q + g) or upper (k <= a*q + g) bound on k. */
interface KBound {
  readonly a: number;
  readonly g: SymLinear;
}

function sameSizes(x: SymLinear, y: SymLinear): boolean {
  const names = new Set([...Object.keys(x.sizes), ...Object.keys(y.sizes)]) as Set<SizeName>;
  return [...names].every((n) => (x.sizes[n] ?? 0) === (y.sizes[n] ?? 0));
}

/** Removes bounds dominated by another with the same slope and sizes (same shape, weaker constant). */
function prune(bounds: readonly KBound[], keepLarger: boolean): KBound[] {
  const out: KBound[] = [];
  for (const b of bounds) {
    const i = out.findIndex((o) => o.a === b.a && sameSizes(o.g, b.g));
    if (i < 0) out.push(b);
    else if (keepLarger ? b.g.c > out[i]!.g.c : b.g.c < out[i]!.g.c) out[i] = b;
  }
  return out;
}

function bound(c: number, cq0: number, cq1: number, sizes: Readonly<Partial<Record<SizeName, number>>>): LinearBound {
  const clean: Record<string, number> = {};
  for (const [n, v] of Object.entries(sizes)) if (v !== 0) clean[n] = (v as number) + 0;
  // NOTE: `+ 0` turns -0 into 0 so bounds print and compare cleanly.
  return { c: c + 0, cq0: cq0 + 0, cq1: cq1 + 0, sizes: clean };
}

/** Bound `a*q + g` at the end of [q0, q1] where it is smallest (`atMin`) or largest. */
function extreme(b: KBound, atMin: boolean): LinearBound {
  const useQ0 = (b.a >= 0) === atMin;
  return bound(b.g.c, useQ0 ? b.a : 0, useQ0 ? 0 : b.a, b.g.sizes);
}

/** Projection of one conjunction; undefined when it is never true, null when not expressible. */
function projectConjunction(conj: Conjunction, kvLast: LinearBound): { outer: KeyInterval; full: KeyInterval | null } | null | undefined {
  const lower: KBound[] = [];
  const upper: KBound[] = [];
  for (const con of conj.constraints) {
    if (con.k === 0) {
      if (!isConstantLin(con)) return null; // NOTE: constraints on q alone or on sizes alone are not supported.
      if (con.c > 0) return undefined;
      continue;
    }
    if (Math.abs(con.k) !== 1) return null;
    // con.k*k + con.q*q + g <= 0.
    const g: SymLinear = { c: con.c, q: 0, k: 0, sizes: con.sizes };
    if (con.k === -1) lower.push({ a: con.q, g });
    else upper.push({ a: -con.q, g: { c: -g.c, q: 0, k: 0, sizes: negate(g.sizes) } });
  }
  const lows = prune(lower, true);
  const highs = prune(upper, false);
  const zero = bound(0, 0, 0, {});
  // NOTE: outer = [max_i min_q L_i, min_i max_q U_i] (a superset of the projection, exact for monotone
  // bounds); full = [max_i max_q L_i, min_i min_q U_i] (exact: keys allowed for every q of the tile).
  const make = (ls: LinearBound[], hs: LinearBound[]): KeyInterval => {
    const lo = ls[0] ?? zero;
    const hi = hs[0] ?? kvLast;
    return { lo, hi, ...(ls.length > 1 ? { moreLo: ls.slice(1) } : {}), ...(hs.length > 1 ? { moreHi: hs.slice(1) } : {}) };
  };
  const outer = make(lows.map((l) => extreme(l, true)), highs.map((u) => extreme(u, false)));
  const full = conj.partial ? null : make(lows.map((l) => extreme(l, false)), highs.map((u) => extreme(u, true)));
  return { outer, full };
}

function negate(sizes: Readonly<Partial<Record<SizeName, number>>>): Partial<Record<SizeName, number>> {
  const out: Partial<Record<SizeName, number>> = {};
  for (const [n, v] of Object.entries(sizes) as [SizeName, number][]) out[n] = -v;
  return out;
}

function readsRuntime(e: CExpr): boolean {
  if (e.op === 'load' || e.op === 'member') return true;
  if (e.op === 'unary') return readsRuntime(e.arg);
  if (e.op === 'binary') return readsRuntime(e.a) || readsRuntime(e.b);
  if (e.op === 'select') return readsRuntime(e.cond) || readsRuntime(e.then) || readsRuntime(e.else);
  if (e.op === 'table') return readsRuntime(e.index);
  return false;
}

/**
 * Detects an affine mask and returns its closed form: per conjunction of its DNF, the key interval
 * of a query tile `[q0, q1]` as linear bounds in q0, q1 and dynamic sizes.
 */
export function closedForm(kernel: AttentionKernel): ClosedFormResult {
  const mask = kernel.mask;
  if (readsRuntime(mask)) return { ok: false, reason: 'reads runtime inputs' };
  if (mentionsVar(mask, 'b')) return { ok: false, reason: 'depends on the batch index' };
  const fixed = staticSizes(kernel);
  const perHead = mentionsVar(mask, 'h');
  const kvLast = fixed.kv_len !== undefined ? bound(fixed.kv_len - 1, 0, 0, {}) : bound(-1, 0, 0, { kv_len: 1 });
  const forHead = (h: number | null): { outer: KeyInterval[]; full: KeyInterval[] } | string => {
    const dnf = new AffineReader(fixed, h).dnf(mask);
    if (!dnf) return 'not a boolean combination of linear comparisons';
    const outer: KeyInterval[] = [];
    const full: KeyInterval[] = [];
    for (const conj of dnf) {
      const p = projectConjunction(conj, kvLast);
      if (p === null) return 'bounds not expressible in closed form';
      if (p === undefined) continue;
      outer.push(p.outer);
      if (p.full) full.push(p.full);
    }
    return { outer, full };
  };
  // NOTE: per-head masks are checked on the declared heads (or head 0 when heads are dynamic).
  const headsToCheck = perHead ? (typeof kernel.heads === 'number' ? kernel.heads : 1) : 1;
  const cache = new Map<number, { outer: KeyInterval[]; full: KeyInterval[] }>();
  for (let h = 0; h < headsToCheck; h++) {
    const r = forHead(perHead ? h : null);
    if (typeof r === 'string') return { ok: false, reason: r };
    cache.set(h, r);
  }
  const get = (h: number): { outer: KeyInterval[]; full: KeyInterval[] } => {
    const key = perHead ? h : 0;
    let r = cache.get(key);
    if (!r) {
      const fresh = forHead(key);
      r = typeof fresh === 'string' ? { outer: [{ lo: bound(0, 0, 0, {}), hi: kvLast }], full: [] } : fresh;
      cache.set(key, r);
    }
    return r;
  };
  return { ok: true, form: { perHead, intervals: (h) => get(h).outer, full: (h) => get(h).full } };
}

/** Numeric value of a linear bound for a query tile [q0, q1] and concrete sizes. */
export function evalBound(b: LinearBound, q0: number, q1: number, sizes: SizeRecord): number {
  let v = b.c + b.cq0 * q0 + b.cq1 * q1;
  for (const [n, coef] of Object.entries(b.sizes)) v += coef * sizes[n as SizeName];
  return v;
}

/** Union of key intervals for a query tile, clamped to [0, kv_len) and merged. */
export function evalIntervals(intervals: readonly KeyInterval[], q0: number, q1: number, sizes: SizeRecord): KeyRanges {
  let out: KeyRanges = [];
  for (const iv of intervals) {
    let lo = Math.max(0, evalBound(iv.lo, q0, q1, sizes));
    let hi = Math.min(sizes.kv_len - 1, evalBound(iv.hi, q0, q1, sizes));
    for (const extra of iv.moreLo ?? []) lo = Math.max(lo, evalBound(extra, q0, q1, sizes));
    for (const extra of iv.moreHi ?? []) hi = Math.min(hi, evalBound(extra, q0, q1, sizes));
    if (lo <= hi) out = unionRanges(out, [lo, hi]);
  }
  return out;
}
