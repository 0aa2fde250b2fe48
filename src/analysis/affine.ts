/**
 * @file Affine view of a mask: folds compile-time constants (per-head tables, static sizes), writes int
 * expressions as linear forms in q, k and dynamic sizes, and the bool structure as a DNF of `L <= 0` atoms.
 */
import type { CExpr, SizeName } from '../model/expr.js';
import type { AttentionKernel } from '../model/kernel.js';
import { evalExpr } from '../model/eval.js';
import { children } from '../runtime/plan/interval.js';

/** `c + q*q + k*k + sum(sizes[s] * s)` with dynamic sizes symbolic. */
export interface SymLinear {
  readonly c: number;
  readonly q: number;
  readonly k: number;
  readonly sizes: Readonly<Partial<Record<SizeName, number>>>;
}

/** One conjunction of `L <= 0` constraints; `partial` marks a non-linear atom (a modulus) treated as "maybe". */
export interface Conjunction {
  readonly constraints: readonly SymLinear[];
  readonly partial: boolean;
}

/** Most conjunctions a DNF may grow to before the pattern counts as not affine. */
const DNF_LIMIT = 64;

const SIZE_FIELDS: Record<SizeName, keyof AttentionKernel> = {
  batch: 'batch', heads: 'heads', kv_heads: 'kvHeads', q_len: 'qLen', kv_len: 'kvLen', head_dim: 'headDim', value_dim: 'valueDim',
};

/** The kernel's compile-time sizes; dynamic ones are absent. */
export function staticSizes(kernel: AttentionKernel): Partial<Record<SizeName, number>> {
  const out: Partial<Record<SizeName, number>> = {};
  for (const [name, field] of Object.entries(SIZE_FIELDS) as [SizeName, keyof AttentionKernel][]) {
    const v = kernel[field];
    if (typeof v === 'number') out[name] = v;
  }
  return out;
}

const ZERO: SymLinear = { c: 0, q: 0, k: 0, sizes: {} };

function addLin(a: SymLinear, b: SymLinear, sign: number): SymLinear {
  const sizes: Partial<Record<SizeName, number>> = { ...a.sizes };
  for (const [n, v] of Object.entries(b.sizes) as [SizeName, number][]) sizes[n] = (sizes[n] ?? 0) + sign * v;
  return { c: a.c + sign * b.c, q: a.q + sign * b.q, k: a.k + sign * b.k, sizes };
}

function scaleLin(a: SymLinear, s: number): SymLinear {
  const sizes: Partial<Record<SizeName, number>> = {};
  for (const [n, v] of Object.entries(a.sizes) as [SizeName, number][]) sizes[n] = v * s;
  return { c: a.c * s, q: a.q * s, k: a.k * s, sizes };
}

/** True when `a` has no q, k or size term. */
export function isConstantLin(a: SymLinear): boolean {
  return a.q === 0 && a.k === 0 && Object.values(a.sizes).every((v) => v === 0);
}

/** Affine reader of one mask for one head value (h = null: the mask must not read h). */
export class AffineReader {
  constructor(private readonly fixed: Partial<Record<SizeName, number>>, private readonly h: number | null) {}

  /** The value of `e` when it reads only constants, h and static sizes; null otherwise. */
  fold(e: CExpr): number | null {
    if (!this.isFoldable(e)) return null;
    const sizes = { batch: 0, heads: 0, kv_heads: 0, q_len: 0, kv_len: 0, head_dim: 0, value_dim: 0, ...this.fixed };
    return evalExpr(e, { vars: { h: this.h ?? 0 }, sizes, runtime: {}, inputs: new Map() });
  }

  private isFoldable(e: CExpr): boolean {
    if (e.op === 'var') return e.name === 'h' && this.h !== null;
    if (e.op === 'size') return this.fixed[e.name] !== undefined;
    if (e.op === 'load' || e.op === 'member') return false;
    return children(e).every((c) => this.isFoldable(c));
  }

  /** `e` as a linear form in q, k and dynamic sizes, or null. */
  linear(e: CExpr): SymLinear | null {
    const v = this.fold(e);
    if (v !== null) return { ...ZERO, c: v };
    if (e.type !== 'int') return null;
    if (e.op === 'var') return e.name === 'q' ? { ...ZERO, q: 1 } : e.name === 'k' ? { ...ZERO, k: 1 } : null;
    if (e.op === 'size') return { ...ZERO, sizes: { [e.name]: 1 } };
    if (e.op === 'unary' && e.fn === 'neg') {
      const a = this.linear(e.arg);
      return a && scaleLin(a, -1);
    }
    if (e.op !== 'binary' || (e.fn !== 'add' && e.fn !== 'sub' && e.fn !== 'mul')) return null;
    const a = this.linear(e.a);
    const b = this.linear(e.b);
    if (!a || !b) return null;
    if (e.fn === 'add') return addLin(a, b, 1);
    if (e.fn === 'sub') return addLin(a, b, -1);
    if (isConstantLin(a)) return scaleLin(b, a.c);
    if (isConstantLin(b)) return scaleLin(a, b.c);
    return null;
  }

  /** The mask as a DNF of linear constraints (negated when `negate`), or null when it is not affine. */
  dnf(e: CExpr, negate = false): Conjunction[] | null {
    const v = e.type === 'bool' ? this.fold(e) : null;
    if (v !== null) return Boolean(v) !== negate ? [{ constraints: [], partial: false }] : [];
    if (e.op === 'unary' && e.fn === 'not') return this.dnf(e.arg, !negate);
    if (e.op === 'select' && e.type === 'bool') {
      const notCond: CExpr = { op: 'unary', type: 'bool', fn: 'not', arg: e.cond };
      const and = (x: CExpr, y: CExpr): CExpr => ({ op: 'binary', type: 'bool', fn: 'and', a: x, b: y });
      return this.dnf({ op: 'binary', type: 'bool', fn: 'or', a: and(e.cond, e.then), b: and(notCond, e.else) }, negate);
    }
    if (e.op !== 'binary') return null;
    if (e.fn === 'and' || e.fn === 'or') {
      const a = this.dnf(e.a, negate);
      const b = this.dnf(e.b, negate);
      if (!a || !b) return null;
      return (e.fn === 'and') !== negate ? product(a, b) : union(a, b);
    }
    return this.atom(e, negate);
  }

  private atom(e: Extract<CExpr, { op: 'binary' }>, negate: boolean): Conjunction[] | null {
    const cmps = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
    if (!cmps.includes(e.fn) || e.a.type !== 'int' || e.b.type !== 'int') return null;
    const expanded = expandAbs(e);
    if (expanded) return this.dnf(expanded, negate);
    const a = this.linear(e.a);
    const b = this.linear(e.b);
    if (a && b) return comparisonDnf(addLin(a, b, -1), negate ? NEGATE[e.fn]! : e.fn);
    // NOTE: `(linear) % m  cmp  constant` (dilations, strides) is kept as a "partial" atom.
    const isModAtom = (x: CExpr, other: CExpr): boolean =>
      x.op === 'binary' && x.fn === 'mod' && this.linear(x.a) !== null && this.fold(x.b) !== null && this.fold(other) !== null;
    if (isModAtom(e.a, e.b) || isModAtom(e.b, e.a)) return [{ constraints: [], partial: true }];
    return null;
  }
}

/**
 * Rewrites order comparisons with `abs`, `min` or `max` on one side into and/or of plain comparisons:
 * `abs(x) < y` is `x < y && -x < y`, `a < min(x, y)` is `a < x && a < y`, `a < max(x, y)` is `a < x || a < y`.
 */
function expandAbs(e: Extract<CExpr, { op: 'binary' }>): CExpr | null {
  const flip: Record<string, string> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };
  if (!flip[e.fn]) return null;
  const isMinMax = (x: CExpr): x is Extract<CExpr, { op: 'binary' }> => x.op === 'binary' && (x.fn === 'min' || x.fn === 'max') && x.type === 'int';
  const isAbs = (x: CExpr): x is Extract<CExpr, { op: 'unary' }> => x.op === 'unary' && x.fn === 'abs' && x.type === 'int';
  let { fn, a, b } = e;
  // Put the abs / min / max on the left: `a cmp b` is `b flip(cmp) a`.
  if (!isAbs(a) && !isMinMax(a) && (isAbs(b) || isMinMax(b))) [a, b, fn] = [b, a, flip[fn] as typeof fn];
  const cmp = (l: CExpr, r: CExpr): CExpr => ({ op: 'binary', type: 'bool', fn, a: l, b: r });
  const join = (j: 'and' | 'or', x: CExpr, y: CExpr): CExpr => ({ op: 'binary', type: 'bool', fn: j, a: x, b: y });
  const below = fn === 'lt' || fn === 'le';
  if (isAbs(a)) return join(below ? 'and' : 'or', cmp(a.arg, b), cmp({ op: 'unary', type: 'int', fn: 'neg', arg: a.arg }, b));
  if (isMinMax(a)) return join((a.fn === 'max') === below ? 'and' : 'or', cmp(a.a, b), cmp(a.b, b));
  return null;
}

const NEGATE: Record<string, string> = { eq: 'ne', ne: 'eq', lt: 'ge', le: 'gt', gt: 'le', ge: 'lt' };

function comparisonDnf(d: SymLinear, cmp: string): Conjunction[] {
  const le = (x: SymLinear): Conjunction => ({ constraints: [x], partial: false });
  const plusOne = (x: SymLinear): SymLinear => ({ ...x, c: x.c + 1 });
  const neg = scaleLin(d, -1);
  switch (cmp) {
    case 'lt': return [le(plusOne(d))];
    case 'le': return [le(d)];
    case 'gt': return [le(plusOne(neg))];
    case 'ge': return [le(neg)];
    case 'eq': return [{ constraints: [d, neg], partial: false }];
    default: return [le(plusOne(d)), le(plusOne(neg))];
  }
}

function product(a: Conjunction[], b: Conjunction[]): Conjunction[] | null {
  if (a.length * b.length > DNF_LIMIT) return null;
  return a.flatMap((x) => b.map((y) => ({ constraints: [...x.constraints, ...y.constraints], partial: x.partial || y.partial })));
}

function union(a: Conjunction[], b: Conjunction[]): Conjunction[] | null {
  return a.length + b.length > DNF_LIMIT ? null : [...a, ...b];
}
