/**
 * @file Stage `lower-select`: a selector kernel becomes tile IR. One task per (batch, head): pool every key block of
 * the head's KV head once into a workspace (an ALLOC of MAX_SELECT_KEY_BLOCKS pooled rows, or the static count; the
 * host estimator's cost, O(seq * d) per head, instead of once per query block), then, per query block,
 * pool the block's Q rows, write the pooled score of every key block into a scratch row (a per-work-item ALLOC of
 * MAX_SELECT_KEY_BLOCKS, or the static count), pick the rule's cutoff by rank (a block's rank statistic: how many allowed blocks, or how much
 * softmax mass, beat it; higher score first, the lower key-block index wins ties), then overwrite the row with 0 / 1.
 * top-k takes N selection passes over the row (O(N * blocks)); mass sums, per block, the mass ranked before it (O(blocks^2)).
 * Only existing ops: LOAD, STORE, ALLOC, element-wise, REDUCE_SUM, serial loops; no sort. A run with more key blocks
 * than the scratch row holds writes -1 everywhere in its rows (not a layout: verify and callers see it at once).
 */
import * as B from '../ir/build.js';
import { ptr } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { AttentionSizes } from '../model/kernel.js';
import type { SelectKernel } from '../model/select.js';
import { sizeNode } from './lower-attention.js';
import { lowerVerticalSlash } from './lower-select-vslash.js';

/** Options of the selector lowering. */
export interface LowerSelectOptions {
  /** Concrete sizes used to fix a dynamic head_dim (tile shapes must be static). */
  readonly sizes?: AttentionSizes;
}

/** True when score (sa, a) ranks before (sb, b): a higher score, or an equal one at a lower key-block index. */
function beats(sa: Node, a: Node, sb: Node, b: Node): Node {
  return B.binary(Op.OR, B.binary(Op.GT, sa, sb), B.and(B.binary(Op.EQ, sa, sb), B.lt(a, b)));
}

const one = (value: number): Node => B.broadcastTo(B.fconst(value), [1, 1]);

/** Key blocks a selector with a dynamic kv_len handles (kv_len <= MAX_SELECT_KEY_BLOCKS * BK). */
export const MAX_SELECT_KEY_BLOCKS = 1024;

/** Lowers one selector kernel to a tile-IR kernel root. */
export function lowerSelect(kernel: SelectKernel, o: LowerSelectOptions = {}): Node {
  if (kernel.vslash) return lowerVerticalSlash(kernel, kernel.vslash, o.sizes);
  const fresh = new B.Fresh();
  const D = typeof kernel.headDim === 'number' ? kernel.headDim : o.sizes?.headDim;
  if (D === undefined) throw new Error(`kernel ${kernel.name}: dynamic head_dim needs concrete sizes to fix tile shapes`);
  const [batch, heads, kvHeads, qLen, kvLen] = ([
    [kernel.batch, 'batch'], [kernel.heads, 'heads'], [kernel.kvHeads, 'kv_heads'], [kernel.qLen, 'q_len'], [kernel.kvLen, 'kv_len'],
  ] as const).map(([v, n]) => sizeNode(v, n)) as [Node, Node, Node, Node, Node];
  const buf = { q: B.param('q', ptr('f32')), k: B.param('k', ptr('f32')), out: B.param('out', ptr('f32')) };
  const { bq: BQ, bk: BK } = kernel;
  const nqb = B.cdiv(kvLen, BQ);
  const nkb = B.cdiv(kvLen, BK);
  const scale = kernel.scale ?? 1 / Math.sqrt(D);
  const group = B.idiv(heads, kvHeads);
  const cap = typeof kernel.kvLen === 'number' ? Math.ceil(kernel.kvLen / BK) : MAX_SELECT_KEY_BLOCKS;

  /** Mean, max or min of `count` rows of D elements (row r at element offset rowAt(r)) as a [1, D] tile. */
  const pool = (kind: 'mean' | 'max' | 'min', count: Node, rowAt: (r: Node) => Node, src: Node): Node => {
    const init = B.full([1, D], kind === 'max' ? -Infinity : kind === 'min' ? Infinity : 0);
    const acc = B.loop({ role: 'pool', lo: 0, hi: B.max(count, 0), fresh, inits: [init], iterNames: ['pacc'] }, (r, [a]) => {
      const x = B.load(src, rowAt(r), [D, 1], [1, D], [1, D]);
      return { next: [kind === 'max' ? B.max(a!, x) : kind === 'min' ? B.min(a!, x) : B.add(a!, x)] };
    }).results[0]!;
    // NOTE: an empty block pools to 0 (its row is all 0 in the output anyway).
    if (kind !== 'mean') return B.where(B.lt(0, count), acc, 0);
    return B.binary(Op.DIV, acc, B.cast(B.max(count, 1), 'f32'));
  };

  const bLoop = B.loop({ role: 'b', lo: 0, hi: batch, fresh }, (b) => {
    const hLoop = B.loop({ role: 'h', lo: 0, hi: heads, fresh }, (h) => {
      const kvh = B.idiv(h, group);
      const kvBase = B.mul(B.add(B.mul(b, kvHeads), kvh), kvLen);
      // phase 0: every key block pooled once per task; row j at j * D (bound: the max rows, then the min rows at cap * D)
      const kinds = kernel.kPool === 'bound' ? (['max', 'min'] as const) : ([kernel.kPool] as const);
      const pooledK = B.alloc(fresh.name('kpool'), 'f32', 'global', cap * D * kinds.length);
      const kPooling = B.loop({ role: 'kpool', lo: 0, hi: B.min(nkb, cap), fresh }, (j) => {
        const k0 = B.mul(j, BK);
        const kn = B.min(BK, B.sub(kvLen, k0));
        const keyAt = (r: Node): Node => B.mul(B.add(kvBase, B.add(k0, r)), D);
        const effects = kinds.map((kind, c) => B.store(pooledK, B.mul(B.add(j, c * cap), D), [D, 1], [1, D], pool(kind, kn, keyAt, buf.k)));
        return { next: [], effects };
      });
      const kRows = B.after(pooledK, [kPooling.loop]);
      const pooledKey = (j: Node, c: number): Node => B.load(kRows, B.mul(B.add(j, c * cap), D), [D, 1], [1, D], [1, D]);
      const qtLoop = B.loop({ role: 'qt', lo: 0, hi: nqb, fresh }, (i) => {
        const off = B.sub(kvLen, qLen);
        const pLo = B.max(B.mul(i, BQ), off);
        const pHi = B.min(B.add(B.mul(i, BQ), BQ), kvLen);
        const count = B.max(B.sub(pHi, pLo), 0);
        const hasQ = B.lt(0, count);
        // query rows: this head's rows of the block, or (share = group) those of every head of the group
        const qHeads = kernel.share === 'group' ? group : B.constant(1);
        const firstHead = kernel.share === 'group' ? B.mul(kvh, group) : h;
        const qRowAt = (t: Node): Node => {
          const hh = B.add(firstHead, B.idiv(t, B.max(count, 1)));
          const r = B.binary(Op.MOD, t, B.max(count, 1));
          return B.mul(B.add(B.mul(B.add(B.mul(b, heads), hh), qLen), B.add(B.sub(pLo, off), r)), D);
        };
        const qp = pool(kernel.qPool, B.mul(count, qHeads), qRowAt, buf.q);
        const rowBase = B.mul(B.add(B.mul(B.add(B.mul(b, heads), h), nqb), i), nkb);
        // phase 1: the pooled score of every key block that may be chosen, written into the scratch row; causal: the
        // blocks up to the query block's last position only (the loops below read no other entry of the row)
        const scored = B.min(kernel.causal ? B.min(nkb, B.cdiv(pHi, BK)) : nkb, cap);
        const scratch = B.alloc(fresh.name('scores'), 'f32', 'global', cap);
        const scores = B.loop({ role: 'kb', lo: 0, hi: scored, fresh }, (j) => {
          // bound (Quest): sum_d max(q_d * kmax_d, q_d * kmin_d); otherwise the dot product of the pooled vectors
          const terms = kernel.kPool === 'bound'
            ? B.max(B.mul(qp, pooledKey(j, 0)), B.mul(qp, pooledKey(j, 1)))
            : B.mul(qp, pooledKey(j, 0));
          const s = B.mul(B.reduce(Op.REDUCE_SUM, terms, 1), B.fconst(scale));
          return { next: [], effects: [B.store(scratch, j, [1, 1], [1, 1], s)] };
        });
        const scoreRow = B.after(scratch, [scores.loop]);
        const scoreAt = (j: Node): Node => B.load(scoreRow, j, [1, 1], [1, 1], [1, 1]);
        const allowed = (j: Node): Node => (kernel.causal ? B.binary(Op.LE, B.mul(j, BK), B.sub(pHi, 1)) : B.constant(1, 'bool'));
        const forced = (j: Node): Node => {
          let f: Node = B.constant(0, 'bool');
          if (kernel.forceFirst) f = B.binary(Op.OR, f, B.binary(Op.EQ, j, 0));
          if (kernel.forceDiagonal) f = B.binary(Op.OR, f, B.and(B.lt(B.mul(j, BK), pHi), B.binary(Op.GT, B.add(B.mul(j, BK), BK), pLo)));
          return f;
        };
        // the row's softmax statistics over allowed blocks (threshold, mass)
        const needSoftmax = kernel.rule.kind !== 'topk';
        const m = needSoftmax
          ? B.loop({ role: 'smax', lo: 0, hi: scored, fresh, inits: [one(-Infinity)], iterNames: ['m'] }, (j, [mm]) => ({
            next: [B.where(allowed(j), B.max(mm!, scoreAt(j)), mm!)],
          })).results[0]!
          : one(0);
        const l = needSoftmax
          ? B.loop({ role: 'ssum', lo: 0, hi: scored, fresh, inits: [one(0)], iterNames: ['l'] }, (j, [ll]) => ({
            next: [B.add(ll!, B.where(allowed(j), B.unary(Op.EXP, B.sub(scoreAt(j), m)), 0))],
          })).results[0]!
          : one(0);
        /** top-k: N selection passes, each taking the best allowed block ranked after the previous pick (O(N * blocks)). */
        const topkCutoff = (n: number): Node[] => B.loop({ role: 'pick', lo: 0, hi: B.min(n, nkb), fresh, inits: [one(0), one(-1)], iterNames: ['cs', 'cj'] }, (_p, [cs, cj]) => {
          const best = B.loop({ role: 'best', lo: 0, hi: scored, fresh, inits: [one(0), one(-1)], iterNames: ['bs', 'bj'] }, (j, [bs, bj]) => {
            const s = scoreAt(j);
            const jf = B.cast(j, 'f32');
            const after = B.binary(Op.OR, B.lt(cj!, 0), beats(cs!, cj!, s, jf));
            const take = B.and(B.and(allowed(j), after), B.binary(Op.OR, B.lt(bj!, 0), beats(s, jf, bs!, bj!)));
            return { next: [B.where(take, s, bs!), B.where(take, jf, bj!)] };
          });
          const [bs, bj] = best.results as [Node, Node];
          // fewer allowed blocks than N: a pass that finds none keeps the last pick
          const found = B.binary(Op.GE, bj, 0);
          return { next: [B.where(found, bs, cs!), B.where(found, bj, cj!)] };
        }).results;
        /** mass: a block is selected when the softmax mass of allowed blocks ranked before it is below gamma (O(blocks^2)). */
        const massCutoff = (gamma: number): Node[] => {
          const limit = B.mul(l, B.fconst(gamma));
          return B.loop({ role: 'cut', lo: 0, hi: scored, fresh, inits: [one(0), one(-1)], iterNames: ['cs', 'cj'] }, (j, [cs, cj]) => {
            const s = scoreAt(j);
            const jf = B.cast(j, 'f32');
            const before = B.loop({ role: 'rank', lo: 0, hi: scored, fresh, inits: [one(0)], iterNames: ['stat'] }, (j2, [st]) => {
              const s2 = scoreAt(j2);
              const counts = B.and(allowed(j2), beats(s2, B.cast(j2, 'f32'), s, jf));
              return { next: [B.add(st!, B.where(counts, B.unary(Op.EXP, B.sub(s2, m)), 0))] };
            }).results[0]!;
            const selected = B.and(allowed(j), B.lt(before, limit));
            const later = B.binary(Op.OR, B.lt(cj!, 0), beats(cs!, cj!, s, jf));
            const take = B.and(selected, later);
            return { next: [B.where(take, s, cs!), B.where(take, jf, cj!)] };
          }).results;
        };
        let chosen: (j: Node, s: Node) => Node;
        if (kernel.rule.kind === 'threshold') {
          const t = kernel.rule.t;
          chosen = (j, s) => B.and(allowed(j), B.binary(Op.GE, B.unary(Op.EXP, B.sub(s, m)), B.mul(l, B.fconst(t))));
        } else {
          // the cutoff (cs, cj): the selected block ranked last; a block is chosen when it is the cutoff or beats it
          const [cs, cj] = (kernel.rule.kind === 'topk' ? topkCutoff(kernel.rule.n) : massCutoff(kernel.rule.gamma)) as [Node, Node];
          chosen = (j, s) => {
            const jf = B.cast(j, 'f32');
            return B.and(B.and(allowed(j), B.binary(Op.GE, cj, 0)), B.binary(Op.OR, B.binary(Op.EQ, jf, cj), beats(s, jf, cs, cj)));
          };
        }
        // phase 2: overwrite the row with the selection
        const write = B.loop({ role: 'kw', lo: 0, hi: nkb, fresh }, (j) => {
          const s = scoreAt(j);
          const sel = B.and(hasQ, B.binary(Op.OR, forced(j), chosen(j, s)));
          const value = B.where(B.lt(cap, nkb), one(-1), B.where(sel, one(1), one(0)));
          return { next: [], effects: [B.store(buf.out, B.add(rowBase, j), [1, 1], [1, 1], value)] };
        });
        // NOTE: the score loop and the buffer read after it are placed here, before every loop that reads the row.
        return { next: [], effects: [scores.loop, scoreRow, write.loop] };
      });
      // NOTE: the pooling loop and the buffer read after it come before the query-block loop that reads the rows.
      return { next: [], effects: [kPooling.loop, kRows, qtLoop.loop] };
    });
    return { next: [], effects: [hLoop.loop] };
  });
  return B.kernelRoot(kernel.name, [bLoop.loop]);
}
