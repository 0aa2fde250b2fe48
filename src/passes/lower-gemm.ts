/**
 * @file Stage `lower-gemm`: Y = epilogue(X' W^T + bias) as tile IR for each weight format: dense and
 * N:M (tiles over m, n, k; N:M tiles expanded in registers), BSR and CSR (a loop over each output
 * row's stored blocks / nonzeros, X gathered at their columns). X' zeroes |x| <= threshold.
 */
import * as B from '../ir/build.js';
import { ptr, tile } from '../ir/dtype.js';
import { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { GemmKernel } from '../model/kernel.js';
import { WEIGHT_FORMATS, weightFormat, type Format, type LayoutOf } from '../runtime/formats/index.js';
import { sizeNode } from './lower-attention.js';
import type { Schedule } from './schedule.js';

/** Options of the gemm lowering. */
export interface LowerGemmOptions {
  readonly schedule: Schedule;
}

interface GemmCtx {
  readonly kernel: GemmKernel;
  readonly M: Node; readonly N: Node; readonly K: Node;
  readonly TM: number;
  readonly x: Node; readonly y: Node;
  readonly fresh: B.Fresh;
}

/** The largest f32 not above `t` (t itself when it is an f32). */
export function f32AtOrBelow(t: number): number {
  const r = Math.fround(t);
  if (r <= t) return r;
  const bits = new Float32Array([r]);
  const word = new Int32Array(bits.buffer);
  word[0] = r > 0 ? word[0]! - 1 : r === 0 ? -2147483647 : word[0]! + 1;
  return bits[0]!;
}

/** X' : the input rule applied to an X tile. */
function inputRule(ctx: GemmCtx, x: Node): Node {
  const t = ctx.kernel.threshold;
  // NOTE: |x| <= t for an f32 x is exactly |x| <= (the largest f32 <= t), so the rule needs no f64 compare.
  // x is kept unless the compare says zero: a NaN input stays NaN.
  return t === null ? x : B.where(B.binary(Op.LE, B.unary(Op.ABS, x), B.fconst(f32AtOrBelow(t))), 0, x);
}

/** Bias and epilogue on an output tile whose columns start at n0. */
function finish(ctx: GemmCtx, acc: Node, n0: Node, width: number): Node {
  let y = acc;
  if (ctx.kernel.bias) {
    const bias = B.load(B.param('bias', ptr('f32')), n0, [0, 1], [1, B.min(width, B.sub(ctx.N, n0))], [1, width]);
    y = B.add(y, bias);
  }
  switch (ctx.kernel.epilogue) {
    case 'relu': return B.max(y, B.fconst(0));
    case 'silu': return B.binary(Op.DIV, y, B.add(B.fconst(1), B.unary(Op.EXP, B.unary(Op.NEG, y))));
    case 'gelu': return B.mul(B.mul(B.fconst(0.5), y), B.add(B.fconst(1), B.unary(Op.ERF, B.mul(y, B.fconst(Math.SQRT1_2)))));
    case 'none': return y;
  }
}

/** Lowers one gemm kernel to a tile-IR kernel root. */
export function lowerGemm(kernel: GemmKernel, o: LowerGemmOptions): Node {
  const fresh = new B.Fresh();
  const ctx: GemmCtx = {
    kernel, fresh, TM: o.schedule.tile_m,
    M: sizeNode(kernel.m, 'm'), N: sizeNode(kernel.n, 'n'), K: sizeNode(kernel.k, 'k'),
    x: B.param('x', ptr(kernel.dtype)), y: B.param('y', ptr(kernel.dtype)),
  };
  const mLoop = B.loop({ role: 'mt', lo: 0, hi: B.cdiv(ctx.M, ctx.TM), fresh }, (mt) => {
    const m0 = B.mul(mt, ctx.TM);
    const lowering = gemmLowering(kernel.weight.format);
    const inner = lowering.walk === 'rows' ? sparseRows(ctx, m0, o.schedule, lowering.block(kernel.weight)) : denseTiles(ctx, m0, o.schedule, lowering);
    return { next: [], effects: [inner] };
  });
  return B.kernelRoot(kernel.name, [mLoop.loop]);
}

/** Where a weight tile [TN, TKd] sits: output columns from n0 (nValid of them), k tile kt from k0 (kValid). */
interface WeightTileAt {
  readonly n0: Node; readonly nValid: Node; readonly kt: Node; readonly k0: Node; readonly kValid: Node;
  readonly TN: number; readonly TKd: number;
}

/** How a format lowers: output tiles over k with its weight tile (dense, nm), or rows over stored R x C blocks (bsr, csr). */
type GemmLowering<F extends Format> =
  | { readonly walk: 'tiles'; group(w: LayoutOf<F>): number; weightTile(ctx: GemmCtx, w: LayoutOf<F>, at: WeightTileAt): Node }
  | { readonly walk: 'rows'; block(w: LayoutOf<F>): readonly [number, number] };

/** The lowering hooks of each weight format (the runtime's plug-in gives its parameter names). */
const GEMM_LOWERINGS = {
  dense: {
    walk: 'tiles', group: () => 1,
    weightTile: (ctx, _w, a) => B.load(B.param(WEIGHT_FORMATS.dense.buffers[0].name, ptr(ctx.kernel.dtype)), B.add(B.mul(a.n0, ctx.K), a.k0), [ctx.K, 1], [a.nValid, a.kValid], [a.TN, a.TKd]),
  },
  nm: {
    walk: 'tiles', group: (w) => w.group,
    weightTile(ctx, w, a) {
      const groups = B.cdiv(ctx.K, w.group);
      const perTile = a.TKd / w.group;
      const slots = perTile * w.keep;
      const rowStride = B.mul(groups, w.keep);
      const base = B.add(B.mul(a.n0, rowStride), B.mul(a.kt, slots));
      const sValid = B.min(slots, B.mul(B.sub(groups, B.mul(a.kt, perTile)), w.keep));
      const [indices, values] = WEIGHT_FORMATS.nm.buffers.map((b) => b.name);
      const vals = B.load(B.param(values!, ptr(ctx.kernel.dtype)), base, [rowStride, 1], [a.nValid, sValid], [a.TN, slots]);
      const idx = B.load(B.param(indices!, ptr('u8')), base, [rowStride, 1], [a.nValid, sValid], [a.TN, slots]);
      return Node.make(Op.NM_EXPAND, tile(B.tileOf(vals).scalar, [a.TN, a.TKd]), [vals, idx], { keep: w.keep, group: w.group });
    },
  },
  bsr: { walk: 'rows', block: (w) => [w.r, w.c] },
  csr: { walk: 'rows', block: () => [1, 1] },
} as const satisfies { readonly [F in Format]: GemmLowering<F> };

/** The lowering hooks of `format`, typed by it. */
function gemmLowering<F extends Format>(format: F): GemmLowering<F> {
  return GEMM_LOWERINGS[format] as unknown as GemmLowering<F>;
}

/** Dense and N:M weights: output tiles [TM, TN], reduction tiles along k. */
function denseTiles<F extends Format>(ctx: GemmCtx, m0: Node, s: Schedule, lowering: Extract<GemmLowering<F>, { walk: 'tiles' }>): Node {
  const { TM, M, N, K } = ctx;
  const TN = s.tile_n;
  const w = ctx.kernel.weight as LayoutOf<F>;
  const group = lowering.group(w);
  const TKd = Math.ceil(s.tile_kd / group) * group;
  const mValid = B.min(TM, B.sub(M, m0));
  return B.loop({ role: 'nt', lo: 0, hi: B.cdiv(N, TN), fresh: ctx.fresh }, (nt) => {
    const n0 = B.mul(nt, TN);
    const nValid = B.min(TN, B.sub(N, n0));
    const kLoop = B.loop({ role: 'kt', lo: 0, hi: B.cdiv(K, TKd), fresh: ctx.fresh, inits: [B.full([TM, TN], 0)], iterNames: ['acc'] }, (kt, [acc]) => {
      const k0 = B.mul(kt, TKd);
      const kValid = B.min(TKd, B.sub(K, k0));
      const x = inputRule(ctx, B.load(ctx.x, B.add(B.mul(m0, K), k0), [K, 1], [mValid, kValid], [TM, TKd]));
      const wTile = lowering.weightTile(ctx, w, { n0, nValid, kt, k0, kValid, TN, TKd });
      return { next: [B.dot(x, B.trans(wTile), acc!)] };
    });
    const y = finish(ctx, kLoop.results[0]!, n0, TN);
    return { next: [], effects: [B.store(ctx.y, B.add(B.mul(m0, N), n0), [N, 1], [mValid, nValid], y)] };
  }).loop;
}

/** BSR and CSR weights: one output row block (R rows, or 1 for CSR) at a time over its stored entries. */
function sparseRows(ctx: GemmCtx, m0: Node, s: Schedule, [R, C]: readonly [number, number]): Node {
  const { TM, M, N, K } = ctx;
  const w = ctx.kernel.weight;
  const TB = Math.max(1, Math.floor(s.tile_kd / C));
  const mValid = B.min(TM, B.sub(M, m0));
  // row pointers, column indices, values: the order of the format plug-in's buffers
  const names = weightFormat(w.format).buffers.map((b) => b.name);
  const [rowPtr, cols, values] = [B.param(names[0]!, ptr('i32')), B.param(names[1]!, ptr('i32')), B.param(names[2]!, ptr(ctx.kernel.dtype))];
  const blockRows = B.cdiv(N, R);
  const nnzLen = B.param('w.nnz', B.I32);
  return B.loop({ role: 'br', lo: 0, hi: blockRows, fresh: ctx.fresh }, (br) => {
    const start = B.gather(rowPtr, br, B.add(blockRows, 1));
    const end = B.gather(rowPtr, B.add(br, 1), B.add(blockRows, 1));
    const chunks = B.idiv(B.add(B.sub(end, start), TB - 1), TB);
    const inner = B.loop({ role: 'nz', lo: 0, hi: chunks, fresh: ctx.fresh, inits: [B.full([TM, R], 0)], iterNames: ['acc'] }, (c, [acc]) => {
      const j0 = B.add(start, B.mul(c, TB));
      const count = B.min(TB, B.sub(end, j0));
      // column t*C + j of the gathered tile is entry j0 + t, column j within its block
      const lane = B.iota([1, TB * C], 1);
      const entry = B.add(j0, B.idiv(lane, C));
      const live = B.lt(B.idiv(lane, C), count);
      const col = B.add(B.mul(B.gather(cols, entry, nnzLen), C), B.binary(Op.MOD, lane, C));
      const row = B.add(B.iota([TM, 1], 0), m0);
      const ok = B.and(B.and(live, B.lt(col, K)), B.lt(row, M));
      const xIdx = B.where(ok, B.add(B.mul(row, K), col), -1);
      const x = inputRule(ctx, B.gather(ctx.x, xIdx, B.mul(M, K)));
      const wTile = B.reshape(B.load(values, B.mul(j0, R * C), [C, R * C, 1], [R, count, C], [R, TB, C]), [R, TB * C]);
      return { next: [B.dot(x, B.trans(wTile), acc!)] };
    });
    const n0 = B.mul(br, R);
    const y = finish(ctx, inner.results[0]!, n0, R);
    return { next: [], effects: [B.store(ctx.y, B.add(B.mul(m0, N), n0), [N, 1], [mValid, B.min(R, B.sub(N, n0))], y)] };
  }).loop;
}
