/**
 * @file Stage `lower-select` for a vertical-slash selector (`select(last_queries(N))`, MInference's estimate): one
 * task per (batch, head). The last N queries' softmax statistics (row max m, row sum l over their causal keys) go to
 * a workspace; then per key column k the vertical sum of exp(s - m) / l over those queries, and per diagonal offset
 * d the slash sum over the keys q - d, each written into a scratch row (forced columns / offsets as FORCED, above any
 * sum); then the cutoff of the top min(KV, kv_len) columns and min(KS, kv_len) offsets by selection passes (higher
 * sum first, the lower index wins ties), and a pass in index order that writes the chosen indices, so each list
 * comes out sorted. Scores are recomputed in each phase (O(N * kv_len * head_dim) each) instead of being stored.
 * Output `out` (f32): the column lists [batch, heads, min(KV, kv_len)], then the offset lists [batch, heads,
 * min(KS, kv_len)]. A run with more keys than the scratch rows hold writes -1 in every slot.
 */
import * as B from '../ir/build.js';
import { ptr } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { AttentionSizes } from '../model/kernel.js';
import type { SelectKernel, VerticalSlashSelect } from '../model/select.js';
import { sizeNode } from './lower-attention.js';

/** Keys a vertical-slash selector with a dynamic kv_len handles (the length of its two scratch rows). */
export const MAX_VSLASH_KEYS = 65536;

/** The value a forced column or offset ranks with: above any sum of at most N probabilities. */
export const FORCED_RANK = 1e30;

/** True when (sa, a) ranks before (sb, b): a higher sum, or an equal one at a lower index. */
function beats(sa: Node, a: Node, sb: Node, b: Node): Node {
  return B.binary(Op.OR, B.binary(Op.GT, sa, sb), B.and(B.binary(Op.EQ, sa, sb), B.lt(a, b)));
}

const one = (value: number): Node => B.broadcastTo(B.fconst(value), [1, 1]);

/** Lowers one vertical-slash selector kernel to a tile-IR kernel root. */
export function lowerVerticalSlash(kernel: SelectKernel, vs: VerticalSlashSelect, sizes?: AttentionSizes): Node {
  const fresh = new B.Fresh();
  const D = typeof kernel.headDim === 'number' ? kernel.headDim : sizes?.headDim;
  if (D === undefined) throw new Error(`kernel ${kernel.name}: dynamic head_dim needs concrete sizes to fix tile shapes`);
  const [batch, heads, kvHeads, qLen, kvLen] = ([
    [kernel.batch, 'batch'], [kernel.heads, 'heads'], [kernel.kvHeads, 'kv_heads'], [kernel.qLen, 'q_len'], [kernel.kvLen, 'kv_len'],
  ] as const).map(([v, n]) => sizeNode(v, n)) as [Node, Node, Node, Node, Node];
  const buf = { q: B.param('q', ptr('f32')), k: B.param('k', ptr('f32')), out: B.param('out', ptr('f32')) };
  const scale = kernel.scale ?? 1 / Math.sqrt(D);
  const group = B.idiv(heads, kvHeads);
  const cap = typeof kernel.kvLen === 'number' ? kernel.kvLen : MAX_VSLASH_KEYS;
  const N = vs.lastQueries;
  const nv = B.min(vs.kv, kvLen);
  const ns = B.min(vs.ks, kvLen);
  const L = B.min(kvLen, cap);
  const overflow = B.lt(cap, kvLen);

  const bLoop = B.loop({ role: 'b', lo: 0, hi: batch, fresh }, (b) => {
    const hLoop = B.loop({ role: 'h', lo: 0, hi: heads, fresh }, (h) => {
      const bh = B.add(B.mul(b, heads), h);
      const kvBase = B.mul(B.add(B.mul(b, kvHeads), B.idiv(h, group)), kvLen);
      const nq = B.min(N, qLen);
      const r0 = B.sub(qLen, nq);
      // p0: the absolute position of the first estimate query (queries are the last q_len positions)
      const p0 = B.add(B.sub(kvLen, qLen), r0);
      const qRow = (t: Node): Node => B.load(buf.q, B.mul(B.add(B.mul(bh, qLen), B.add(r0, t)), D), [D, 1], [1, D], [1, D]);
      const score = (qr: Node, k: Node): Node => {
        const kr = B.load(buf.k, B.mul(B.add(kvBase, k), D), [D, 1], [1, D], [1, D]);
        return B.mul(B.reduce(Op.REDUCE_SUM, B.mul(qr, kr), 1), B.fconst(scale));
      };
      // phase 1: per estimate query t, the online max m and sum l of exp(s - m) over its keys [0, p0 + t]
      const stats = B.alloc(fresh.name('stats'), 'f32', 'global', 2 * N);
      const statLoop = B.loop({ role: 'stat', lo: 0, hi: nq, fresh }, (t) => {
        const qr = qRow(t);
        const [m, l] = B.loop({ role: 'skey', lo: 0, hi: B.add(B.add(p0, t), 1), fresh, inits: [one(-Infinity), one(0)], iterNames: ['m', 'l'] }, (k, [mm, ll]) => {
          const s = score(qr, k);
          const m2 = B.max(mm!, s);
          return { next: [m2, B.add(B.mul(ll!, B.unary(Op.EXP, B.sub(mm!, m2))), B.unary(Op.EXP, B.sub(s, m2)))] };
        }).results as [Node, Node];
        return { next: [], effects: [B.store(stats, t, [1, 1], [1, 1], m), B.store(stats, B.add(t, N), [1, 1], [1, 1], l)] };
      });
      const statRows = B.after(stats, [statLoop.loop]);
      const prob = (t: Node, qr: Node, k: Node): Node => {
        const m = B.load(statRows, t, [1, 1], [1, 1], [1, 1]);
        const l = B.load(statRows, B.add(t, N), [1, 1], [1, 1], [1, 1]);
        return B.binary(Op.DIV, B.unary(Op.EXP, B.sub(score(qr, k), m)), l);
      };
      /** A scratch row of L sums: entry x sums prob over the estimate queries t >= x - p0 at key keyOf(t, x). */
      const sums = (role: string, forced: number, keyOf: (t: Node, x: Node) => Node): { row: Node; loop: Node } => {
        const row = B.alloc(fresh.name(role), 'f32', 'global', cap);
        const fill = B.loop({ role, lo: 0, hi: L, fresh }, (x) => {
          const acc = B.loop({ role: `${role}.q`, lo: B.max(B.sub(x, p0), 0), hi: nq, fresh, inits: [one(0)], iterNames: ['acc'] }, (t, [a]) => ({
            next: [B.add(a!, prob(t, qRow(t), keyOf(t, x)))],
          })).results[0]!;
          const value = B.where(B.lt(x, forced), one(FORCED_RANK), acc);
          return { next: [], effects: [B.store(row, x, [1, 1], [1, 1], value)] };
        });
        return { row: B.after(row, [fill.loop]), loop: fill.loop };
      };
      const vertical = sums('vert', vs.firstColumns, (_t, x) => x);
      const slash = sums('slash', vs.nearDiagonals, (t, x) => B.sub(B.add(p0, t), x));
      /** Writes the top `n` entries of `row` (by sum, then index) at out[base ...] in index order. */
      const emit = (row: Node, n: Node, base: Node, role: string): Node[] => {
        const at = (j: Node): Node => B.gather(row, j, cap);
        const all = B.binary(Op.GE, n, L);
        // the cutoff (cs, cj): the n-th entry in rank order, found by n selection passes (none when every entry is kept)
        const [cs, cj] = B.loop({ role: `${role}.pick`, lo: 0, hi: B.where(all, 0, n), fresh, inits: [B.fconst(0), B.constant(-1)], iterNames: ['cs', 'cj'] }, (_p, [ps, pj]) => {
          const [bs, bj] = B.loop({ role: `${role}.best`, lo: 0, hi: L, fresh, inits: [B.fconst(0), B.constant(-1)], iterNames: ['bs', 'bj'] }, (j, [s0, j0]) => {
            const s = at(j);
            const after = B.binary(Op.OR, B.lt(pj!, 0), beats(ps!, pj!, s, j));
            const take = B.and(after, B.binary(Op.OR, B.lt(j0!, 0), beats(s, j, s0!, j0!)));
            return { next: [B.where(take, s, s0!), B.where(take, j, j0!)] };
          }).results as [Node, Node];
          return { next: [bs, bj] };
        }).results as [Node, Node];
        const write = B.loop({ role: `${role}.write`, lo: 0, hi: L, fresh, inits: [B.constant(0)], iterNames: ['slot'] }, (j, [c]) => {
          const s = at(j);
          const chosen = B.binary(Op.OR, all, B.binary(Op.OR, B.binary(Op.EQ, j, cj), beats(s, j, cs, cj)));
          const valid = B.where(B.and(chosen, B.unary(Op.NOT, overflow)), 1, 0);
          const value = B.broadcastTo(B.cast(j, 'f32'), [1, 1]);
          return { next: [B.add(c!, B.cast(chosen, 'i32'))], effects: [B.store(buf.out, B.add(base, B.min(c!, B.sub(n, 1))), [1, 1], [valid, 1], value)] };
        });
        // kv_len past the scratch row: every slot -1
        const spill = B.loop({ role: `${role}.spill`, lo: 0, hi: n, fresh }, (t) => ({
          next: [], effects: [B.store(buf.out, B.add(base, t), [1, 1], [B.where(overflow, 1, 0), 1], one(-1))],
        }));
        return [write.loop, spill.loop];
      };
      const colBase = B.mul(bh, nv);
      const diagBase = B.add(B.mul(B.mul(batch, heads), nv), B.mul(bh, ns));
      return {
        next: [],
        // NOTE: each loop that fills a buffer comes before the loops that read it through B.after.
        effects: [statLoop.loop, statRows, vertical.loop, vertical.row, slash.loop, slash.row, ...emit(vertical.row, nv, colBase, 'vcol'), ...emit(slash.row, ns, diagBase, 'vdiag')],
      };
    });
    return { next: [], effects: [hLoop.loop] };
  });
  return B.kernelRoot(kernel.name, [bLoop.loop]);
}
