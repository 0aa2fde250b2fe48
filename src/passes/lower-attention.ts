/**
 * @file Stage `lower-attention`: an attention kernel becomes FlashAttention-2 style tile IR. Loops
 * over batch, head and query tile; an inner loop over the live key tiles carrying the online-softmax
 * state (m, l, acc); the mask only where a tile is partial; normalisation and stores at the end.
 */
import * as B from '../ir/build.js';
import { ptr, type Scalar } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { LinearBound } from '../analysis/index.js';
import type { SizeName } from '../model/expr.js';
import type { AttentionKernel, AttentionSizes, Size } from '../model/kernel.js';
import type { HeadBounds, KeyWalk } from './attention-space.js';
import { lowerExpr, type ExprEnv } from './lower-expr.js';
import type { Schedule } from './schedule.js';
import { blockMaxOutputs, blockMaxStores, segmentInits, segmentOutputs, segmentSteps, segmentStores } from './lower-side-outputs.js';
import { KV_LENS } from '../model/paged.js';

/** Options of the attention lowering. */
export interface LowerAttentionOptions {
  readonly schedule: Schedule;
  readonly walk: KeyWalk;
  /** Concrete sizes used to specialise a dynamic head_dim / value_dim (tile shapes must be static). */
  readonly sizes?: AttentionSizes;
  /**
   * pack_gqa = stack: query heads per KV head stacked in one task (1 or absent: one head per task). The head loop walks
   * KV heads; row r of the task's tile is head kvh * stack + r / tile_q, query q0 + r % tile_q.
   */
  readonly stack?: number;
}

const SIZE_FIELD: Record<SizeName, keyof AttentionKernel & keyof AttentionSizes> = {
  batch: 'batch', heads: 'heads', kv_heads: 'kvHeads', q_len: 'qLen', kv_len: 'kvLen', head_dim: 'headDim', value_dim: 'valueDim',
};

/** A kernel size as an IR scalar: a constant when static, an i32 param when dynamic. */
export function sizeNode(value: Size, name: string): Node {
  return value === 'dynamic' ? B.param(name, B.I32) : B.constant(value);
}

function staticDim(k: AttentionKernel, name: 'head_dim' | 'value_dim', sizes?: AttentionSizes): number {
  const v = k[SIZE_FIELD[name]] as Size;
  if (typeof v === 'number') return v;
  if (sizes) return sizes[SIZE_FIELD[name]];
  throw new Error(`kernel ${k.name}: dynamic ${name} needs concrete sizes to fix tile shapes`);
}

/** Lowers one attention kernel to a tile-IR kernel root. */
export function lowerAttention(kernel: AttentionKernel, o: LowerAttentionOptions): Node {
  const fresh = new B.Fresh();
  const TQ = o.schedule.tile_q;
  const TK = o.schedule.tile_k;
  const D = staticDim(kernel, 'head_dim', o.sizes);
  const DV = staticDim(kernel, 'value_dim', o.sizes);
  const size = (name: SizeName): Node =>
    name === 'head_dim' ? B.constant(D) : name === 'value_dim' ? B.constant(DV) : sizeNode(kernel[SIZE_FIELD[name]] as Size, name);
  const store: Scalar = kernel.dtype;
  const buf = { q: B.param('q', ptr(store)), k: B.param('k', ptr(store)), v: B.param('v', ptr(store)), out: B.param('out', ptr(store)), lse: B.param('lse', ptr('f32')) };
  const [batch, heads, kvHeads, qLen, kvLen] = (['batch', 'heads', 'kv_heads', 'q_len', 'kv_len'] as const).map(size) as [Node, Node, Node, Node, Node];
  const scale = kernel.scale ?? 1 / Math.sqrt(D);
  const inputs = new Map(kernel.inputs.map((i) => [i.name, i]));
  const numQTiles = B.cdiv(qLen, TQ);

  const bLoop = B.loop({ role: 'b', lo: 0, hi: batch, fresh }, (b) => {
    // NOTE: a ragged batch (kv_len = ragged) gives sequence b its own length; kv_len stays the K / V row stride.
    const seqLen = kernel.raggedKv ? B.gather(B.param(KV_LENS, ptr('i32')), b, batch) : kvLen;
    const seqSize = (name: SizeName): Node => (name === 'kv_len' ? seqLen : size(name));
    const numKTiles = B.cdiv(seqLen, TK);
    const G = o.stack ?? 1;
    const R = G * TQ;
    // NOTE: stacked (G > 1): the loop walks KV heads; a row's head and query are tiles [R, 1] (rows r = g * TQ + i).
    const hLoop = B.loop({ role: 'h', lo: 0, hi: G > 1 ? kvHeads : heads, fresh }, (hh) => {
      const kvh = G > 1 ? hh : B.idiv(hh, B.idiv(heads, kvHeads));
      const h0 = G > 1 ? B.mul(hh, G) : hh;
      const h = G > 1 ? B.add(B.idiv(B.iota([R, 1], 0), TQ), h0) : hh;
      const taskHeads = Array.from({ length: G }, (_, g) => (G > 1 ? B.add(h0, g) : hh));
      const qtLoop = B.loop({ role: 'qt', lo: 0, hi: numQTiles, fresh }, (qt) => {
        const q0 = B.mul(qt, TQ);
        const qValid = B.min(TQ, B.sub(qLen, q0));
        const qFirst = B.add(q0, B.sub(seqLen, qLen));
        const qLast = B.sub(B.min(seqLen, B.add(qFirst, TQ)), 1);
        const qRow = B.add(B.mul(B.add(B.mul(b, heads), h0), qLen), q0);
        // stacked: a [G, TQ, D] load (head stride q_len * D) seen as [R, D]
        const qTile = G > 1
          ? B.reshape(B.load(buf.q, B.mul(qRow, D), [B.mul(qLen, D), D, 1], [G, qValid, D], [G, TQ, D]), [R, D])
          : B.load(buf.q, B.mul(qRow, D), [D, 1], [qValid, D], [TQ, D]);
        const qPos = B.add(G > 1 ? B.binary(Op.MOD, B.iota([R, 1], 0), TQ) : B.iota([TQ, 1], 0), qFirst);
        const kvRow = B.mul(B.add(B.mul(b, kvHeads), kvh), kvLen);
        const ctx: TileContext = { b, h, taskHeads, qt, qTile, qPos, qFirst, qLast, kvRow, kvLen: seqLen, batch, D, DV, TQ: R, TK, scale, buf, kernel, numKTiles, numQTiles, fresh,
          exprEnv: (vars) => ({ vars: { b, h, ...vars }, size: seqSize, inputs }) };
        const [m, l, acc, ...segments] = keyTileLoops(ctx, o.walk);
        // stacked: the state seen as [G, TQ, ...] before normalising, so out / lse are [G, TQ, ...] stores of rows per head
        const { out, lse } = G > 1
          ? normalise(B.reshape(m!, [G, TQ, 1]), B.reshape(l!, [G, TQ, 1]), B.reshape(acc!, [G, TQ, DV]))
          : normalise(m!, l!, acc!);
        const effects = G > 1
          ? [B.store(buf.out, B.mul(qRow, DV), [B.mul(qLen, DV), DV, 1], [G, qValid, DV], out)]
          : [B.store(buf.out, B.mul(qRow, DV), [DV, 1], [qValid, DV], out)];
        if (kernel.outputs.includes('lse')) {
          effects.push(G > 1 ? B.store(buf.lse, qRow, [qLen, 1, 1], [G, qValid, 1], lse) : B.store(buf.lse, qRow, [1, 1], [qValid, 1], lse));
        }
        if (G > 1) return { next: [], effects }; // side outputs keep one head per task (the pipeline never stacks them)
        effects.push(...segmentStores(segmentOutputs(kernel), segments, l!, qRow, qValid));
        const span = keySpan(ctx, o.walk);
        const place = { b, h, qt, heads, qLen, kvLen: seqLen, tq: TQ, tk: TK, qValid, fresh, ...(span ? { keys: span } : {}) };
        effects.push(...blockMaxStores(blockMaxOutputs(kernel), m!, l!, place, (k0, tk) => scoreTile(ctx, k0, tk).masked));
        return { next: [], effects };
      });
      return { next: [], effects: [qtLoop.loop] };
    });
    return { next: [], effects: [hLoop.loop] };
  });
  return B.kernelRoot(kernel.name, [bLoop.loop]);
}

/**
 * O = acc / l and lse = m + log l from the online-softmax state; a row with l = 0 (no allowed key) gives
 * O = 0 and lse = -inf. The test is `l == 0`, never `l > 0`: a NaN l (a NaN score or V value) stays NaN.
 */
export function normalise(m: Node, l: Node, acc: Node): { out: Node; lse: Node } {
  const empty = B.binary(Op.EQ, l, 0);
  return { out: B.where(empty, 0, B.binary(Op.DIV, acc, l)), lse: B.where(empty, -Infinity, B.add(m, B.unary(Op.LOG, l))) };
}

interface TileContext {
  /** h: the head (a [rows, 1] tile when stacked); taskHeads: the scalar heads whose rows the task holds. */
  readonly b: Node; readonly h: Node; readonly taskHeads: readonly Node[]; readonly qt: Node;
  readonly qTile: Node; readonly qPos: Node; readonly qFirst: Node; readonly qLast: Node;
  /** kvRow: the first K / V row of (b, kvh) (stride: the kernel's kv_len); kvLen: this sequence's length (kv_lens[b] when ragged). */
  readonly kvRow: Node; readonly kvLen: Node; readonly batch: Node; readonly numKTiles: Node; readonly numQTiles: Node;
  readonly D: number; readonly DV: number; readonly TQ: number; readonly TK: number; readonly scale: number;
  readonly buf: { readonly k: Node; readonly v: Node };
  readonly kernel: AttentionKernel;
  readonly fresh: B.Fresh;
  readonly exprEnv: (vars: ExprEnv['vars']) => ExprEnv;
}

/**
 * Evaluates a closed-form bound for the current query tile and head `h` (a scalar); per-head coefficients become tables.
 */
function boundNode(ctx: TileContext, hb: HeadBounds, combine: Op.MAX | Op.MIN, h: Node = ctx.h): Node {
  const one = (forms: readonly LinearBound[]): Node => {
    const coef = (f: (l: LinearBound) => number): Node => {
      const vals = forms.map(f);
      return vals.every((v) => v === vals[0]) ? B.constant(vals[0]!) : B.table(vals, h, 'i32');
    };
    let v = B.add(B.add(coef((l) => l.c), B.mul(coef((l) => l.cq0), ctx.qFirst)), B.mul(coef((l) => l.cq1), ctx.qLast));
    const names = [...new Set(forms.flatMap((l) => Object.keys(l.sizes)))].sort() as SizeName[];
    for (const n of names) v = B.add(v, B.mul(coef((l) => l.sizes[n] ?? 0), ctx.exprEnv({}).size(n)));
    return v;
  };
  return [hb.main, ...hb.more].map(one).reduce((a, x) => B.binary(combine, a, x));
}

/** `f` of every head of the task (one when not stacked; equal nodes once), combined by `join`. */
function overHeads(ctx: TileContext, f: (h: Node) => Node, join: (a: Node, b: Node) => Node): Node {
  return [...new Set(ctx.taskHeads.map(f))].reduce(join);
}

/** Keys [lo, hi) holding every key a closed-form walk visits for this query tile (null: any key may be live). */
function keySpan(ctx: TileContext, walk: KeyWalk): { lo: Node; hi: Node } | null {
  if (walk.kind !== 'bounds') return null;
  const los = walk.ranges.map((r) => B.max(0, boundNode(ctx, r.lo, Op.MAX)));
  const his = walk.ranges.map((r) => B.add(B.min(B.sub(ctx.kvLen, 1), boundNode(ctx, r.hi, Op.MIN)), 1));
  return { lo: los.reduce((a, x) => B.min(a, x)), hi: his.reduce((a, x) => B.max(a, x)) };
}

/** The loop(s) over live key tiles; returns the final (m, l, acc, ...side-output accumulators). */
function keyTileLoops(ctx: TileContext, walk: KeyWalk): Node[] {
  const inits = [B.full([ctx.TQ, 1], -Infinity), B.full([ctx.TQ, 1], 0), B.full([ctx.TQ, ctx.DV], 0), ...segmentInits(segmentOutputs(ctx.kernel), ctx.TQ)];
  const nk = ctx.numKTiles;
  if (walk.kind === 'dense') {
    return kvLoop(ctx, inits, 0, nk, (j) => ({ kt: j, full: B.constant(0, 'bool') }));
  }
  if (walk.kind === 'bounds') {
    // NOTE: each range's key tiles [lo / TK, hi / TK + 1), less the tiles of the ranges before it (ranges may overlap,
    // in any order), as segments of one loop: j counts live tiles, a chain of selects maps it to its tile.
    // stacked heads: a range spans the union of its heads' ranges; a tile is full only when full for every head
    const tiles = walk.ranges.map((r) => {
      const lo = B.max(0, overHeads(ctx, (h) => boundNode(ctx, r.lo, Op.MAX, h), B.min));
      const hi = B.min(B.sub(ctx.kvLen, 1), overHeads(ctx, (h) => boundNode(ctx, r.hi, Op.MIN, h), B.max));
      const ktLo = B.idiv(lo, ctx.TK);
      return { lo: ktLo, hi: B.max(ktLo, B.add(B.idiv(hi, ctx.TK), 1)) };
    });
    const segments = tiles.flatMap((t, i) => tiles.slice(0, i).reduce<{ lo: Node; hi: Node }[]>((pieces, earlier) => pieces.flatMap((p) => [
      { lo: p.lo, hi: B.max(p.lo, B.min(p.hi, earlier.lo)) },
      { lo: B.max(p.lo, earlier.hi), hi: B.max(B.max(p.lo, earlier.hi), p.hi) },
    ]), [t]));
    const isFull = (kt: Node): Node => {
      if (!walk.full?.length) return B.constant(0, 'bool');
      const k0 = B.mul(kt, ctx.TK);
      const k1 = B.sub(B.min(ctx.kvLen, B.add(k0, ctx.TK)), 1);
      return overHeads(ctx, (h) => walk.full!.map((r) => [boundNode(ctx, r.lo, Op.MAX, h), boundNode(ctx, r.hi, Op.MIN, h)] as const)
        .map(([lo, hi]) => B.and(B.binary(Op.LE, lo, k0), B.binary(Op.LE, k1, hi))).reduce((a, x) => B.binary(Op.OR, a, x)), B.and);
    };
    if (segments.length === 1) return kvLoop(ctx, inits, segments[0]!.lo, segments[0]!.hi, (kt) => ({ kt, full: isFull(kt) }));
    const ends: Node[] = [];
    for (const sg of segments) ends.push(B.add(ends.at(-1) ?? B.constant(0), B.sub(sg.hi, sg.lo)));
    return kvLoop(ctx, inits, 0, ends.at(-1)!, (j) => {
      let kt: Node = B.add(segments.at(-1)!.lo, B.sub(j, ends.at(-2)!));
      for (let i = segments.length - 2; i >= 0; i--) kt = B.where(B.lt(j, ends[i]!), B.add(segments[i]!.lo, i === 0 ? j : B.sub(j, ends[i - 1]!)), kt);
      return { kt, full: isFull(kt) };
    });
  }
  const plan = {
    rowPtr: B.param('plan.rowptr', ptr('i32')), kTiles: B.param('plan.ktiles', ptr('i32')), full: B.param('plan.full', ptr('bool')),
    hCount: B.param('plan.hcount', B.I32), bMul: B.param('plan.bmul', B.I32), hMul: B.param('plan.hmul', B.I32), len: B.param('plan.len', B.I32), rows: B.param('plan.rows', B.I32),
  };
  const slice = B.add(B.mul(B.mul(ctx.b, plan.bMul), plan.hCount), B.mul(ctx.h, plan.hMul));
  const row = B.add(B.mul(slice, ctx.numQTiles), ctx.qt);
  const start = B.gather(plan.rowPtr, row, plan.rows);
  const end = B.gather(plan.rowPtr, B.add(row, 1), plan.rows);
  return kvLoop(ctx, inits, start, end, (j) => ({ kt: B.gather(plan.kTiles, j, plan.len), full: B.gather(plan.full, j, plan.len) }));
}

/**
 * The scores of the query tile against the keys [k0, k0 + tk): scaled, through the score modifier; `masked` has -inf
 * where the mask removes a key or the key lies past kv_len. kValid: the keys of the tile inside kv_len.
 */
function scoreTile(ctx: TileContext, k0: Node, tk: number): { s: Node; masked: Node; kValid: Node } {
  const { TQ, D } = ctx;
  const kValid = B.min(tk, B.sub(ctx.kvLen, k0));
  const kTile = B.load(ctx.buf.k, B.mul(B.add(ctx.kvRow, k0), D), [D, 1], [kValid, D], [tk, D]);
  const kPos = B.add(B.iota([1, tk], 1), k0);
  let s = B.mul(B.dot(ctx.qTile, B.trans(kTile), B.full([TQ, tk], 0)), B.fconst(ctx.scale));
  if (ctx.kernel.score) s = B.cast(lowerExpr(ctx.kernel.score, ctx.exprEnv({ q: ctx.qPos, k: kPos, score: s })), 'f32');
  const allowed = B.and(B.cast(lowerExpr(ctx.kernel.mask, ctx.exprEnv({ q: ctx.qPos, k: kPos })), 'bool'), B.lt(kPos, ctx.kvLen));
  return { s, masked: B.where(allowed, s, -Infinity), kValid };
}

/**
 * One loop over key tiles `j in [lo, hi)`; `tileOf(j)` gives the key tile index and whether it is
 * full. Carries (m, l, acc); the mask runs only on tiles that are partial or cross kv_len.
 */
function kvLoop(ctx: TileContext, inits: Node[], lo: B.Operand, hi: B.Operand, tileOf: (j: Node) => { kt: Node; full: Node }): Node[] {
  const { TQ, TK, DV } = ctx;
  const segments = segmentOutputs(ctx.kernel);
  const iterNames = ['m', 'l', 'acc', ...segments.map((_, n) => `mass${n}`)];
  const r = B.loop({ role: 'kv', lo, hi, fresh: ctx.fresh, inits, iterNames }, (j, [m, l, acc, ...masses]) => {
    const { kt, full } = tileOf(j);
    const k0 = B.mul(kt, TK);
    const { s, masked, kValid } = scoreTile(ctx, k0, TK);
    const skipMask = B.and(full, B.binary(Op.LE, B.add(k0, TK), ctx.kvLen));
    const sm = full.op === Op.CONST && full.arg === 0 ? masked : B.ifThenElse(skipMask, s, masked);
    const mNew = B.max(m!, B.reduce(Op.REDUCE_MAX, sm, 1));
    const p = B.binary(Op.SOFTMAX_EXP, sm, mNew);
    const alpha = B.binary(Op.SOFTMAX_EXP, m!, mNew);
    const lNew = B.mad(l!, alpha, B.reduce(Op.REDUCE_SUM, p, 1));
    const vTile = B.load(ctx.buf.v, B.mul(B.add(ctx.kvRow, k0), DV), [DV, 1], [kValid, DV], [TK, DV]);
    // NOTE: skipZero: a masked key's weight is exactly 0 and its V row (NaN, inf) must never reach the sum.
    const accNew = B.dot(p, vTile, B.mul(acc!, alpha), { skipZero: true });
    const massNew = segmentSteps(segments, masses as Node[], p, alpha, { b: ctx.b, k0, tk: TK, kvLen: ctx.kvLen, batch: ctx.batch });
    return { next: [mNew, lNew, accNew, ...massNew] };
  });
  return r.results;
}
