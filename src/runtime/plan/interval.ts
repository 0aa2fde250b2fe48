/**
 * @file Three-valued evaluation of a core expression over a box (b, h, q, k intervals): ints as
 * intervals, bools as 0/1 intervals (Kleene logic). Sound: `true`/`false` are never wrong.
 */
import type { CExpr, COp, CUnaryFn } from '../../model/expr.js';
import { COMPARE_DIFF, I32_MAX, I32_MIN, UNARY_IV, arithmeticIv, isComparison, setIv, setTop, type ArithFn } from './interval-ops.js';
import { children, linearForm, type LinearForm } from './linear.js';
import type { Interval, SizeRecord, TileSummary, Tri } from './types.js';

export { children, linearForm, type LinearForm } from './linear.js';

/** Dependency bits of a sub-expression on the box variables. */
const DEP_Q = 1;
const DEP_K = 2;

type Thunk = () => Interval;
type VarName = 'b' | 'h' | 'q' | 'k';

/** Evaluates the compiled mask over boxes: set the slice, then the query range, then ask per key tile. */
export interface BoxEvaluator {
  /** Fixes b and h (points or ranges); invalidates every cache. */
  setSlice(b0: number, b1: number, h0: number, h1: number): void;
  /** Fixes the query positions [q0, q1] (absolute). */
  setQ(q0: number, q1: number): void;
  /** Three-valued mask over keys [k0, k1]; `kTile` >= 0 lets k-only sub-expressions be cached per key tile. */
  evalK(kTile: number, k0: number, k1: number): Tri;
}

/** Options of {@link compileBoxEvaluator}. */
export interface BoxEvaluatorOptions {
  /** Number of key tiles, enabling per-key-tile caches of k-only sub-expressions (0: no cache). */
  readonly numKTiles?: number;
}

function unknownOf(type: CExpr['type'], out: Interval): Interval {
  if (type === 'bool') return setIv(out, 0, 1);
  if (type === 'int') return setIv(out, I32_MIN, I32_MAX);
  return setTop(out);
}

/**
 * Compiles `mask` into a box evaluator for fixed sizes. Sub-expressions are cached by what they
 * depend on: slice-only ones once per slice, q-only ones once per query range, k-only ones once per key tile.
 */
export function compileBoxEvaluator(mask: CExpr, sizes: SizeRecord, summary: TileSummary | null, opts: BoxEvaluatorOptions = {}): BoxEvaluator {
  const box: Record<VarName, Interval> = { b: { lo: 0, hi: 0 }, h: { lo: 0, hi: 0 }, q: { lo: 0, hi: 0 }, k: { lo: 0, hi: 0 } };
  // NOTE: d = q - k as its own variable, so forms in q - k stay exact and `and` can narrow it.
  const dBox: Interval = { lo: 0, hi: 0 };
  const numKTiles = opts.numKTiles ?? 0;
  const state = { sliceEpoch: 1, qEpoch: 1, kTile: -1 };
  const depMemo = new Map<CExpr, number>();
  const thunkMemo = new Map<CExpr, Thunk>();

  const deps = (e: CExpr): number => {
    const known = depMemo.get(e);
    if (known !== undefined) return known;
    let d = 0;
    if (e.op === 'var') d = e.name === 'q' ? DEP_Q : e.name === 'k' ? DEP_K : 0;
    else for (const child of children(e)) d |= deps(child);
    depMemo.set(e, d);
    return d;
  };

  const linearThunk = (f: LinearForm): Thunk => {
    const viaD = f.coef.q !== 0 && f.coef.q === -f.coef.k;
    const terms = (['b', 'h', 'q', 'k'] as const)
      .filter((v) => f.coef[v] !== 0 && !(viaD && (v === 'q' || v === 'k')))
      .map((v) => ({ iv: box[v], c: f.coef[v] }));
    if (viaD) terms.push({ iv: dBox, c: f.coef.q });
    const out: Interval = { lo: 0, hi: 0 };
    return () => {
      let lo = f.c;
      let hi = f.c;
      for (const t of terms) {
        if (t.c > 0) {
          lo += t.c * t.iv.lo;
          hi += t.c * t.iv.hi;
        } else {
          lo += t.c * t.iv.hi;
          hi += t.c * t.iv.lo;
        }
      }
      out.lo = lo;
      out.hi = hi;
      return out;
    };
  };

  const compileIndices = (indices: readonly CExpr[]) => {
    const thunks = indices.map(compile);
    const lo = new Array<number>(indices.length).fill(0);
    const hi = new Array<number>(indices.length).fill(0);
    const fill = (): void => {
      for (let i = 0; i < thunks.length; i++) {
        const v = thunks[i]!();
        lo[i] = v.lo;
        hi[i] = v.hi;
      }
    };
    return { fill, lo, hi };
  };

  const handlers: Record<COp, (e: CExpr) => Thunk> = {
    const: (e) => {
      const v = Number((e as { value: number | boolean }).value);
      const out = { lo: v, hi: v };
      if (e.type === 'float') widenF32(out, F32_OP);
      return () => out;
    },
    var: (e) => {
      const name = (e as { name: string }).name;
      if (name === 'score') { const top = setTop({ lo: 0, hi: 0 }); return () => top; }
      const iv = box[name as VarName];
      return () => iv;
    },
    size: (e) => {
      const v = sizes[(e as { name: keyof SizeRecord }).name];
      const out = { lo: v, hi: v };
      return () => out;
    },
    unary: (e) => {
      const u = e as Extract<CExpr, { op: 'unary' }>;
      const arg = compile(u.arg);
      const f = UNARY_IV[u.fn];
      const out = { lo: 0, hi: 0 };
      if (u.type !== 'float') return () => f(arg(), out);
      const rel = F32_FUNCTIONS.has(u.fn) ? F32_FUNCTION : F32_OP;
      return () => widenF32(f(arg(), out), rel);
    },
    binary: (e) => compileBinary(e as Extract<CExpr, { op: 'binary' }>),
    select: (e) => {
      const s = e as Extract<CExpr, { op: 'select' }>;
      const cond = compile(s.cond);
      const then = compile(s.then);
      const other = compile(s.else);
      const out = { lo: 0, hi: 0 };
      return () => {
        const c = cond();
        if (c.lo >= 1) return then();
        if (c.hi <= 0) return other();
        const t = then();
        const tlo = t.lo;
        const thi = t.hi;
        const o = other();
        return setIv(out, Math.min(tlo, o.lo), Math.max(thi, o.hi));
      };
    },
    table: (e) => {
      const t = e as Extract<CExpr, { op: 'table' }>;
      const values = t.values.map(Number);
      const index = compile(t.index);
      const out = { lo: 0, hi: 0 };
      return () => {
        const i = index();
        const first = Math.max(0, Math.ceil(i.lo));
        const last = Math.min(values.length - 1, Math.floor(i.hi));
        let lo = i.lo < 0 || i.hi > values.length - 1 ? 0 : Infinity;
        let hi = lo === 0 ? 0 : -Infinity;
        for (let j = first; j <= last; j++) {
          const v = values[j]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        setIv(out, lo, hi);
        return t.type === 'float' ? widenF32(out, F32_OP) : out;
      };
    },
    load: (e) => {
      const l = e as Extract<CExpr, { op: 'load' }>;
      const idx = compileIndices(l.indices);
      const out = { lo: 0, hi: 0 };
      return () => {
        idx.fill();
        if (summary && summary.tensorRange(l.input, idx.lo, idx.hi, out)) return out;
        return unknownOf(l.type, out);
      };
    },
    member: (e) => {
      const m = e as Extract<CExpr, { op: 'member' }>;
      const idx = compileIndices(m.indices);
      const value = compile(m.value);
      const out = { lo: 0, hi: 1 };
      return () => {
        idx.fill();
        const v = value();
        const t = summary ? summary.listMembership(m.input, idx.lo, idx.hi, v) : 2;
        return setIv(out, t === 1 ? 1 : 0, t === 0 ? 0 : 1);
      };
    },
  };

  function compileBinary(e: Extract<CExpr, { op: 'binary' }>): Thunk {
    const out = { lo: 0, hi: 0 };
    if (e.fn === 'and') return compileAnd(e);
    if (e.fn === 'or') {
      const a = compile(e.a);
      const b = compile(e.b);
      return () => {
        const x = a();
        if (x.lo >= 1) return x;
        const xlo = x.lo;
        const xhi = x.hi;
        const y = b();
        return setIv(out, Math.max(xlo, y.lo), Math.max(xhi, y.hi));
      };
    }
    if (isComparison(e.fn)) {
      const test = COMPARE_DIFF[e.fn];
      // NOTE: `a - b` as one linear form keeps q and k correlated (exact for windows and bands).
      const sub: CExpr = { op: 'binary', type: 'int', fn: 'sub', a: e.a, b: e.b };
      const lin = e.a.type === 'int' && e.b.type === 'int' ? linearForm(sub, sizes) : null;
      const diff = lin ? linearThunk(lin) : compileBinary({ ...sub, type: e.a.type === 'int' && e.b.type === 'int' ? 'int' : 'float' });
      return () => {
        const d = diff();
        return test.yes(d) ? setIv(out, 1, 1) : test.no(d) ? setIv(out, 0, 0) : setIv(out, 0, 1);
      };
    }
    const lin = e.type === 'int' ? linearForm(e, sizes) : null;
    if (lin) return linearThunk(lin);
    const f = arithmeticIv(e.fn as ArithFn, e.a.type === 'int' && e.b.type === 'int');
    const a = compile(e.a);
    const b = compile(e.b);
    const left = { lo: 0, hi: 0 };
    const float = e.type === 'float';
    return () => {
      const x = a();
      left.lo = x.lo;
      left.hi = x.hi;
      const r = f(left, b(), out);
      return float ? widenF32(r, F32_OP) : r;
    };
  }

  /** The d-interval allowed by a comparison linear in d = q - k only, or null. */
  function dConstraint(e: CExpr): ((d: Interval) => void) | null {
    if (e.op !== 'binary' || !isComparison(e.fn) || e.a.type !== 'int' || e.b.type !== 'int') return null;
    const f = linearForm({ op: 'binary', type: 'int', fn: 'sub', a: e.a, b: e.b }, sizes);
    if (!f || f.coef.q === 0 || f.coef.q !== -f.coef.k || f.coef.b !== 0 || f.coef.h !== 0) return null;
    // alpha * d + c  (cmp)  0, solved for d over the integers.
    const alpha = f.coef.q;
    const c = f.c;
    const upTo = (limit: number) => (d: Interval) => { d.hi = Math.min(d.hi, alpha > 0 ? Math.floor(limit / alpha) : d.hi); d.lo = Math.max(d.lo, alpha < 0 ? Math.ceil(limit / alpha) : d.lo); };
    const from = (limit: number) => (d: Interval) => { d.lo = Math.max(d.lo, alpha > 0 ? Math.ceil(limit / alpha) : d.lo); d.hi = Math.min(d.hi, alpha < 0 ? Math.floor(limit / alpha) : d.hi); };
    // alpha*d <= -c  (le), alpha*d <= -c - 1 (lt), alpha*d >= -c (ge), alpha*d >= -c + 1 (gt).
    const table: Partial<Record<string, (d: Interval) => void>> = {
      le: upTo(-c), lt: upTo(-c - 1), ge: from(-c), gt: from(-c + 1),
      eq: (d) => { upTo(-c)(d); from(-c)(d); },
    };
    return table[e.fn] ?? null;
  }

  /** Kleene `and` over a flattened chain; conjuncts linear in q - k narrow d for the others. */
  function compileAnd(e: Extract<CExpr, { op: 'binary' }>): Thunk {
    const conjuncts: CExpr[] = [];
    const flatten = (x: CExpr): void => {
      if (x.op === 'binary' && x.fn === 'and') { flatten(x.a); flatten(x.b); } else conjuncts.push(x);
    };
    flatten(e);
    const thunks = conjuncts.map(compile);
    const narrowers = conjuncts.map(dConstraint).filter((n): n is (d: Interval) => void => n !== null);
    const out = { lo: 0, hi: 0 };
    const narrowed = { lo: 0, hi: 0 };
    return () => {
      const savedLo = dBox.lo;
      const savedHi = dBox.hi;
      narrowed.lo = savedLo;
      narrowed.hi = savedHi;
      for (const n of narrowers) n(narrowed);
      if (narrowed.lo > narrowed.hi) return setIv(out, 0, 0);
      const exact = narrowed.lo === savedLo && narrowed.hi === savedHi;
      dBox.lo = narrowed.lo;
      dBox.hi = narrowed.hi;
      let lo = exact ? 1 : 0;
      let hi = 1;
      for (const t of thunks) {
        const v = t();
        if (v.lo < lo) lo = v.lo;
        if (v.hi < hi) hi = v.hi;
        if (hi <= 0) break;
      }
      dBox.lo = savedLo;
      dBox.hi = savedHi;
      return setIv(out, lo, hi);
    };
  }

  function withCache(e: CExpr, raw: Thunk): Thunk {
    if (e.op === 'const' || e.op === 'var' || e.op === 'size') return raw;
    const d = deps(e);
    const out = { lo: 0, hi: 0 };
    if ((d & (DEP_Q | DEP_K)) === 0 || d === DEP_Q) {
      let stamp = 0;
      const epochOf = d === 0 ? () => state.sliceEpoch : () => state.qEpoch;
      return () => {
        const epoch = epochOf();
        if (stamp !== epoch) {
          const v = raw();
          out.lo = v.lo;
          out.hi = v.hi;
          stamp = epoch;
        }
        return out;
      };
    }
    if (d === DEP_K && numKTiles > 0) {
      const lo = new Float64Array(numKTiles);
      const hi = new Float64Array(numKTiles);
      const stamps = new Int32Array(numKTiles);
      return () => {
        const t = state.kTile;
        if (t < 0) return raw();
        if (stamps[t] !== state.sliceEpoch) {
          const v = raw();
          lo[t] = v.lo;
          hi[t] = v.hi;
          stamps[t] = state.sliceEpoch;
        }
        out.lo = lo[t]!;
        out.hi = hi[t]!;
        return out;
      };
    }
    return raw;
  }

  function compile(e: CExpr): Thunk {
    const known = thunkMemo.get(e);
    if (known) return known;
    const t = withCache(e, handlers[e.op](e));
    thunkMemo.set(e, t);
    return t;
  }

  const root = compile(mask);
  let epochCounter = 1;
  return {
    setSlice(b0, b1, h0, h1) {
      box.b.lo = b0; box.b.hi = b1; box.h.lo = h0; box.h.hi = h1;
      state.sliceEpoch = ++epochCounter;
      state.qEpoch = ++epochCounter;
    },
    setQ(q0, q1) {
      box.q.lo = q0; box.q.hi = q1;
      state.qEpoch = ++epochCounter;
    },
    evalK(kTile, k0, k1) {
      box.k.lo = k0; box.k.hi = k1;
      dBox.lo = box.q.lo - k1; dBox.hi = box.q.hi - k0;
      state.kTile = kTile < numKTiles ? kTile : -1;
      const r = root();
      return r.lo >= 1 ? 1 : r.hi <= 0 ? 0 : 2;
    },
  };
}

/** A box over (b, h, q, k), each an inclusive range. */
export interface Box {
  readonly b: readonly [number, number];
  readonly h: readonly [number, number];
  readonly q: readonly [number, number];
  readonly k: readonly [number, number];
}

/** One-shot three-valued evaluation of `mask` over `box` (compiles each time; for tests and tools). */
export function evalBox(mask: CExpr, box: Box, sizes: SizeRecord, summary: TileSummary | null): Tri {
  const ev = compileBoxEvaluator(mask, sizes, summary);
  ev.setSlice(box.b[0], box.b[1], box.h[0], box.h[1]);
  ev.setQ(box.q[0], box.q[1]);
  return ev.evalK(-1, box.k[0], box.k[1]);
}

/** Relative widening that covers one f32 rounding (2^-24) with room to spare. */
const F32_OP = 2 ** -22;
/** Relative widening of the f32 float functions (tanh exp log sqrt sin cos exp2 log2), which targets compute to within a few ulps. */
const F32_FUNCTION = 2 ** -18;

/** The float functions of the language (computed to within a few ulps, not correctly rounded). */
const F32_FUNCTIONS: ReadonlySet<CUnaryFn> = new Set<CUnaryFn>(['tanh', 'exp', 'log', 'sqrt', 'sin', 'cos', 'exp2', 'log2']);

/**
 * Widens a float interval so it holds the f32 evaluation, not only the real value: float arithmetic in patterns
 * is f32 (docs/language.md), so a tile decided full or empty in exact arithmetic could be decided otherwise at a
 * rounding boundary. Near a boundary the tile is left partial and the element-wise f32 mask decides.
 */
function widenF32(iv: Interval, rel: number): Interval {
  iv.lo = iv.lo - Math.abs(iv.lo) * rel - 1e-38;
  iv.hi = iv.hi + Math.abs(iv.hi) * rel + 1e-38;
  return iv;
}
