/**
 * @file Stage `lower-gemm-outer` (schedule `gemm_variant: outer`): the outer walk of a csr / bsr / nm gemm that has
 * an outer-product micro-kernel (passes/gemm-micro.ts) as tile IR. A serial loop `mb` over blocks of MB rows of X
 * stores the block transposed into scratch `xt` [kPad, MB] (zero beyond m and k); inside it the loop `wr` over weight
 * rows (bsr: block rows) — the one a target's table binds to `block` — accumulates, per stored entry e of its row
 * (an R x C block: 1 x 1 for csr and nm), values [R, C] @ xt rows of that entry [C, MB] into acc [R, MB], then
 * stores acc transposed into Y. The `wr` loop carries the micro-kernel's shape as attributes (`micro`: the format,
 * its parameters, `row_block`, `k_pad`): the CPU printers print their register micro-kernel for that loop, any other
 * printer the IR as it is. `readOuterWalk` reads the walk back for the printers.
 */
import * as B from '../ir/build.js';
import { ptr, VOID } from '../ir/dtype.js';
import { loopParts, Node, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { GemmKernel } from '../model/kernel.js';
import { weightFormat, type LayoutOf } from '../runtime/formats/index.js';
import { microParams, type MicroFormatName, type MicroPlan } from './gemm-micro.js';
import { sizeNode } from './lower-attention.js';

/** Loop role of the walk over weight rows (the unit of work the targets' tables bind). */
export const WEIGHT_ROW_ROLE = 'wr';

/** The stored entries of one weight row: their range, and each entry's block column. */
interface RowEntries {
  readonly lo: Node;
  readonly hi: Node;
  /** The block column of entry `e` (its X columns start at column * C). */
  column(e: Node): Node;
}

/** A format's walk: the R x C shape of one entry, and where the entries of weight row (block row) `wr` are kept. */
interface FormatWalk<F extends MicroFormatName> {
  block(w: LayoutOf<F>): readonly [number, number];
  entries(w: LayoutOf<F>, wr: Node, index: readonly Node[], N: Node, kPad: number): RowEntries;
}

/** Each format's walk: compressed rows (csr, bsr), or nm's fixed slots per row. */
const FORMAT_WALKS = {
  csr: { block: () => [1, 1], entries: (_w, wr, index, N) => compressed(wr, index, N) },
  bsr: { block: (w) => [w.r, w.c], entries: (w, wr, index, N) => compressed(wr, index, B.cdiv(N, w.r)) },
  nm: {
    block: () => [1, 1],
    entries(w, wr, index, N, kPad) {
      const slots = (kPad / w.group) * w.keep;
      const lo = B.mul(wr, slots);
      const column = (e: Node): Node => B.add(B.mul(B.idiv(B.sub(e, lo), w.keep), w.group), B.cast(B.gather(index[0]!, e, B.mul(N, slots)), 'i32'));
      return { lo, hi: B.add(lo, slots), column };
    },
  },
} as const satisfies { readonly [F in MicroFormatName]: FormatWalk<F> };

/** Compressed rows (csr, bsr): row pointers, then column indices (index buffers 0 and 1) over `rows` rows. */
function compressed(wr: Node, index: readonly Node[], rows: Node): RowEntries {
  const [rowPtr, cols] = [index[0]!, index[1]!];
  const nnz = B.param('w.nnz', B.I32);
  return {
    lo: B.gather(rowPtr, wr, B.add(rows, 1)), hi: B.gather(rowPtr, B.add(wr, 1), B.add(rows, 1)),
    column: (e) => B.gather(cols, e, nnz),
  };
}

/** Lowers gemm `kernel` (one `microPlan` accepts) to the outer walk. */
export function lowerGemmOuter(kernel: GemmKernel, plan: MicroPlan): Node {
  const fresh = new B.Fresh();
  const [M, N, K] = [sizeNode(kernel.m, 'm'), sizeNode(kernel.n, 'n'), sizeNode(kernel.k, 'k')];
  const { rowBlock: MB, kPad } = plan;
  const x = B.param('x', ptr('f32'));
  const y = B.param('y', ptr('f32'));
  // the weight's values, and its index buffers in the plug-in's order (row pointers and columns, or nm's positions)
  const buffers = weightFormat(plan.format).buffers;
  const values = B.param(buffers.find((b) => b.scalar === 'value')!.name, ptr('f32'));
  const index = buffers.flatMap((b) => (b.scalar === 'value' ? [] : [B.param(b.name, ptr(b.scalar))]));
  const walk = FORMAT_WALKS[plan.format] as FormatWalk<MicroFormatName>;
  const [R, C] = walk.block(plan.layout);
  const mLoop = B.loop({ role: 'mb', lo: 0, hi: B.cdiv(M, MB), fresh }, (mb) => {
    const row0 = B.mul(mb, MB);
    const rows = B.min(MB, B.sub(M, row0));
    const xt = B.alloc('xt', 'f32', 'global', kPad * MB);
    const put = B.store(xt, 0, [MB, 1], [kPad, MB], B.trans(B.load(x, B.mul(row0, K), [K, 1], [rows, K], [MB, kPad])));
    const xtRead = B.after(xt, [put]);
    const wrLoop = B.loop({ role: WEIGHT_ROW_ROLE, lo: 0, hi: B.cdiv(N, R), fresh }, (wr) => {
      const entries = walk.entries(plan.layout, wr, index, N, kPad);
      const acc = B.loop({ role: 'nz', lo: entries.lo, hi: entries.hi, fresh, inits: [B.full([R, MB], 0)], iterNames: ['acc'] }, (e, [a]) => {
        const xs = B.load(xtRead, B.mul(entries.column(e), C * MB), [MB, 1], [C, MB], [C, MB]);
        const w = B.load(values, B.mul(e, R * C), [C, 1], [R, C], [R, C]);
        return { next: [B.dot(w, xs, a!)] };
      }).results[0]!;
      const n0 = B.mul(wr, R);
      return { next: [], effects: [B.store(y, B.add(B.mul(row0, N), n0), [1, N], [B.min(R, B.sub(N, n0)), rows], acc)] };
    }).loop;
    const { format, ...params } = plan.layout;
    const micro = Node.make(Op.LOOP, VOID, wrLoop.src, { ...wrLoop.attrs, micro: format, ...params, row_block: MB, k_pad: kPad });
    return { next: [], effects: [put, micro] };
  });
  return B.kernelRoot(kernel.name, [mLoop.loop]);
}

/** The outer walk as a CPU printer prints it: the micro-kernel's plan, and whether its weight rows are split between threads. */
export interface OuterWalk extends MicroPlan {
  readonly parallel: boolean;
}

/** The outer walk of final IR `kernel` (its `wr` loop's attributes and binding), or null when it has none. */
export function readOuterWalk(kernel: Node): OuterWalk | null {
  const loop = toposort([kernel]).find((n) => n.op === Op.LOOP && typeof n.attrs['micro'] === 'string');
  if (!loop) return null;
  const { carried: _c, role: _r, parallel: _p, bind: _b, synced: _s, micro, row_block, k_pad, ...params } = loop.attrs;
  const layout = { format: micro, ...params } as unknown as LayoutOf<MicroFormatName>;
  const [rowBlock, kPad] = [Number(row_block), Number(k_pad)];
  return { format: layout.format, layout, rowBlock, kPad, params: microParams(layout), scratchBytes: kPad * rowBlock * 4, parallel: loopParts(loop).bind === 'block' };
}
