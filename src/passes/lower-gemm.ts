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
    const inner = kernel.weight.format === 'bsr' || kernel.weight.format === 'csr' ? sparseRows(ctx, m0, o.schedule) : denseTiles(ctx, m0, o.schedule);
    return { next: [], effects: [inner] };
  });
  return B.kernelRoot(kernel.name, [mLoop.loop]);
}

/** Dense and N:M weights: output tiles [TM, TN], reduction tiles along k. */
function denseTiles(ctx: GemmCtx, m0: Node, s: Schedule): Node {
  const { TM, M, N, K } = ctx;
  const TN = s.tile_n;
  const w = ctx.kernel.weight;
  const group = w.format === 'nm' ? w.group : 1;
  const TKd = Math.ceil(s.tile_kd / group) * group;
  const mValid = B.min(TM, B.sub(M, m0));
  return B.loop({ role: 'nt', lo: 0, hi: B.cdiv(N, TN), fresh: ctx.fresh }, (nt) => {
    const n0 = B.mul(nt, TN);
    const nValid = B.min(TN, B.sub(N, n0));
    const kLoop = B.loop({ role: 'kt', lo: 0, hi: B.cdiv(K, TKd), fresh: ctx.fresh, inits: [B.full([TM, TN], 0)], iterNames: ['acc'] }, (kt, [acc]) => {
      const k0 = B.mul(kt, TKd);
      const kValid = B.min(TKd, B.sub(K, k0));
      const x = inputRule(ctx, B.load(ctx.x, B.add(B.mul(m0, K), k0), [K, 1], [mValid, kValid], [TM, TKd]));
      let wTile: Node;
      if (w.format === 'nm') {
        const groups = B.cdiv(K, w.group);
        const perTile = TKd / w.group;
        const slots = perTile * w.keep;
        const rowStride = B.mul(groups, w.keep);
        const base = B.add(B.mul(n0, rowStride), B.mul(kt, slots));
        const sValid = B.min(slots, B.mul(B.sub(groups, B.mul(kt, perTile)), w.keep));
        const vals = B.load(B.param('w.values', ptr(ctx.kernel.dtype)), base, [rowStride, 1], [nValid, sValid], [TN, slots]);
        const idx = B.load(B.param('w.indices', ptr('u8')), base, [rowStride, 1], [nValid, sValid], [TN, slots]);
        wTile = Node.make(Op.NM_EXPAND, tile(B.tileOf(vals).scalar, [TN, TKd]), [vals, idx], { keep: w.keep, group: w.group });
      } else {
        wTile = B.load(B.param('w', ptr(ctx.kernel.dtype)), B.add(B.mul(n0, K), k0), [K, 1], [nValid, kValid], [TN, TKd]);
      }
      return { next: [B.dot(x, B.trans(wTile), acc!)] };
    });
    const y = finish(ctx, kLoop.results[0]!, n0, TN);
    return { next: [], effects: [B.store(ctx.y, B.add(B.mul(m0, N), n0), [N, 1], [mValid, nValid], y)] };
  }).loop;
}

/** BSR and CSR weights: one output row block (R rows, or 1 for CSR) at a time over its stored entries. */
function sparseRows(ctx: GemmCtx, m0: Node, s: Schedule): Node {
  const { TM, M, N, K } = ctx;
  const w = ctx.kernel.weight;
  const R = w.format === 'bsr' ? w.r : 1;
  const C = w.format === 'bsr' ? w.c : 1;
  const TB = Math.max(1, Math.floor(s.tile_kd / C));
  const mValid = B.min(TM, B.sub(M, m0));
  const names = w.format === 'bsr' ? ['w.rowptr', 'w.cols', 'w.values'] : ['w.indptr', 'w.indices', 'w.values'];
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
