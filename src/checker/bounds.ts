/**
 * @file Simple interval bounds of integer index expressions, used to prove indices out of range.
 * Variables get their ranges from the kernel sizes and are narrowed by guards (`k <= q && ...`).
 */
import type { CBinaryFn, CExpr, CVarName, SizeName } from '../model/expr.js';

/** A closed integer interval; bounds may be infinite. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** Ranges of the free variables at the current point of elaboration. */
export type VarRanges = Readonly<Partial<Record<CVarName, Interval>>>;

/** Static sizes (null for dynamic or unknown). */
export type StaticSizes = Readonly<Record<SizeName, number | null>>;

const UNKNOWN: Interval = { lo: -Infinity, hi: Infinity };

/** The ranges of b, h, q, k implied by the sizes (q is absolute: [kv_len - q_len, kv_len)). */
export function initialRanges(sizes: StaticSizes): VarRanges {
  const upTo = (n: number | null): Interval => ({ lo: 0, hi: n === null ? Infinity : n - 1 });
  const kv = sizes.kv_len;
  const ql = sizes.q_len;
  return {
    b: upTo(sizes.batch),
    h: upTo(sizes.heads),
    k: upTo(kv),
    q: { lo: kv !== null && ql !== null ? kv - ql : 0, hi: kv === null ? Infinity : kv - 1 },
  };
}

/** Sorted distinct variables and runtime reads of `e` ('load' counts as a variable too). */
export function freeVariables(e: CExpr, out: Set<string> = new Set()): Set<string> {
  switch (e.op) {
    case 'var':
      out.add(e.name);
      break;
    case 'load':
    case 'member':
      out.add(`load:${e.input}`);
      break;
    case 'unary':
      freeVariables(e.arg, out);
      break;
    case 'binary':
      freeVariables(e.a, out);
      freeVariables(e.b, out);
      break;
    case 'select':
      freeVariables(e.cond, out);
      freeVariables(e.then, out);
      freeVariables(e.else, out);
      break;
    case 'table':
      freeVariables(e.index, out);
      break;
    default:
      break;
  }
  return out;
}

function mulInterval(a: Interval, b: Interval): Interval {
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((p) => (Number.isNaN(p) ? 0 : p));
  return { lo: Math.min(...ps), hi: Math.max(...ps) };
}

function divInterval(a: Interval, b: Interval): Interval {
  if (b.lo !== b.hi || b.lo <= 0) return UNKNOWN;
  return { lo: Math.floor(a.lo / b.lo), hi: Math.floor(a.hi / b.lo) };
}

const BINARY_BOUNDS: Partial<Record<CBinaryFn, (a: Interval, b: Interval) => Interval>> = {
  add: (a, b) => ({ lo: a.lo + b.lo, hi: a.hi + b.hi }),
  sub: (a, b) => ({ lo: a.lo - b.hi, hi: a.hi - b.lo }),
  mul: mulInterval,
  div: divInterval,
  mod: (_a, b) => (b.lo === b.hi && b.lo > 0 ? { lo: 0, hi: b.lo - 1 } : UNKNOWN),
  min: (a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) }),
  max: (a, b) => ({ lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }),
};

/** Interval of an int expression under `ranges` and `sizes` (unknown parts are infinite). */
export function intervalOf(e: CExpr, ranges: VarRanges, sizes: StaticSizes): Interval {
  switch (e.op) {
    case 'const':
      return typeof e.value === 'number' ? { lo: e.value, hi: e.value } : { lo: 0, hi: 1 };
    case 'var':
      return ranges[e.name] ?? UNKNOWN;
    case 'size': {
      const n = sizes[e.name];
      return n === null ? { lo: 1, hi: Infinity } : { lo: n, hi: n };
    }
    case 'unary': {
      const a = intervalOf(e.arg, ranges, sizes);
      if (e.fn === 'neg') return { lo: -a.hi, hi: -a.lo };
      if (e.fn === 'abs') return a.lo >= 0 ? a : a.hi <= 0 ? { lo: -a.hi, hi: -a.lo } : { lo: 0, hi: Math.max(-a.lo, a.hi) };
      if (e.fn === 'popcount') return { lo: 0, hi: 32 };
      return UNKNOWN;
    }
    case 'binary': {
      const rule = BINARY_BOUNDS[e.fn];
      if (!rule) return e.type === 'bool' ? { lo: 0, hi: 1 } : UNKNOWN;
      return rule(intervalOf(e.a, ranges, sizes), intervalOf(e.b, ranges, sizes));
    }
    case 'select': {
      const t = intervalOf(e.then, ranges, sizes);
      const f = intervalOf(e.else, ranges, sizes);
      return { lo: Math.min(t.lo, f.lo), hi: Math.max(t.hi, f.hi) };
    }
    case 'table': {
      const nums = e.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
      return nums.length ? { lo: Math.min(...nums), hi: Math.max(...nums) } : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

type Cmp = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';
const NEGATED: Record<Cmp, Cmp> = { lt: 'ge', le: 'gt', gt: 'le', ge: 'lt', eq: 'ne', ne: 'eq' };
const FLIPPED: Record<Cmp, Cmp> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le', eq: 'eq', ne: 'ne' };

function isCmp(fn: CBinaryFn): fn is Cmp {
  return fn in NEGATED;
}

/** Narrows `x` knowing `x cmp other` holds, with `other` in `o`. */
function narrow(x: Interval, cmp: Cmp, o: Interval): Interval {
  switch (cmp) {
    case 'lt': return { lo: x.lo, hi: Math.min(x.hi, o.hi - 1) };
    case 'le': return { lo: x.lo, hi: Math.min(x.hi, o.hi) };
    case 'gt': return { lo: Math.max(x.lo, o.lo + 1), hi: x.hi };
    case 'ge': return { lo: Math.max(x.lo, o.lo), hi: x.hi };
    case 'eq': return { lo: Math.max(x.lo, o.lo), hi: Math.min(x.hi, o.hi) };
    case 'ne':
      if (o.lo !== o.hi) return x;
      return { lo: x.lo === o.lo ? x.lo + 1 : x.lo, hi: x.hi === o.hi ? x.hi - 1 : x.hi };
  }
}

/**
 * Ranges narrowed by knowing that the bool expression `cond` is `truth`. Handles comparisons of a
 * variable with anything, `!`, and conjunctions (true) / disjunctions (false); ignores the rest.
 */
export function refine(ranges: VarRanges, cond: CExpr, truth: boolean, sizes: StaticSizes): VarRanges {
  if (cond.op === 'unary' && cond.fn === 'not') return refine(ranges, cond.arg, !truth, sizes);
  if (cond.op !== 'binary') return ranges;
  if ((cond.fn === 'and' && truth) || (cond.fn === 'or' && !truth)) {
    return refine(refine(ranges, cond.a, truth, sizes), cond.b, truth, sizes);
  }
  if (!isCmp(cond.fn) || cond.a.type !== 'int' || cond.b.type !== 'int') return ranges;
  const cmp = truth ? cond.fn : NEGATED[cond.fn];
  let out: Partial<Record<CVarName, Interval>> = { ...ranges };
  if (cond.a.op === 'var') {
    out = { ...out, [cond.a.name]: narrow(intervalOf(cond.a, out, sizes), cmp, intervalOf(cond.b, out, sizes)) };
  }
  if (cond.b.op === 'var') {
    out = { ...out, [cond.b.name]: narrow(intervalOf(cond.b, out, sizes), FLIPPED[cmp], intervalOf(cond.a, out, sizes)) };
  }
  return out;
}
