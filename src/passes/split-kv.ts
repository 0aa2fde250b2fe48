/**
 * @file Pass `split-kv` (decode): each key-tile loop (role `kv`, carrying (m, l, acc) triples) is
 * split into `chunks` ranges run by a parallel loop that writes each chunk's normalised output and
 * log-sum-exp to a workspace; a merge loop then combines the chunks by log-sum-exp.
 */
import * as B from '../ir/build.js';
import { type TileType } from '../ir/dtype.js';
import { Node, loopParts, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { substitute, substituteMany } from '../ir/rewrite.js';
import { loopsWithRole } from './loops.js';
import { normalise } from './lower-attention.js';

/** Options of `splitKv`. */
export interface SplitKvOptions {
  /** Number of chunks the key range is split into. */
  readonly chunks: number;
}

/** Splits the key-tile loops inside every query-tile loop (role `qt`). */
export function splitKv(kernel: Node, o: SplitKvOptions): Node {
  if (o.chunks <= 1) return kernel;
  const fresh = B.Fresh.from([kernel]);
  const map = new Map<Node, Node>();
  for (const n of toposort([kernel])) {
    if (n.op === Op.LOOP && loopParts(n).role === 'qt') map.set(n, splitInQueryLoop(n, o.chunks, fresh));
  }
  return substitute(kernel, map);
}

function splitInQueryLoop(qtLoop: Node, chunks: number, fresh: B.Fresh): Node {
  const q = loopParts(qtLoop);
  const kvLoops = loopsWithRole(q.effects, 'kv');
  const phases: Node[] = [];
  const results = new Map<Node, Node>();
  for (const kv of kvLoops) {
    const { parallel, merge } = splitLoop(kv, chunks, fresh);
    phases.push(parallel);
    const p = loopParts(kv);
    p.iters.forEach((it, j) => results.set(Node.make(Op.RESULT, it.type, [kv], j), merge[j]!));
  }
  // NOTE: the chunk phases are listed as effects before the stores, so they run once per query tile.
  const effects = [...phases, ...substituteMany(q.effects, results)];
  return B.makeLoop({ role: q.role, parallel: q.parallel, lo: q.lo, hi: q.hi, range: q.range, iters: [], inits: [], nexts: [], effects }).loop;
}

function splitLoop(kv: Node, chunks: number, fresh: B.Fresh): { parallel: Node; merge: Node[] } {
  const p = loopParts(kv);
  if (p.iters.length % 3 !== 0) throw new Error('split-kv: key-tile loop must carry (m, l, acc) triples');
  const triples = p.iters.length / 3;
  const span = B.sub(p.hi, p.lo);
  const chunk = B.idiv(B.add(span, chunks - 1), chunks);
  const rows = (p.iters[0]!.type as TileType).shape[0]!;
  const dvs = Array.from({ length: triples }, (_, t) => (p.iters[3 * t + 2]!.type as TileType).shape[1]!);
  const wsO = dvs.map((dv) => B.alloc(fresh.name('ws_out'), 'f32', 'global', chunks * rows * dv));
  const wsL = dvs.map(() => B.alloc(fresh.name('ws_lse'), 'f32', 'global', chunks * rows));
  const neutral = p.iters.map((it, j) => B.broadcastTo(B.fconst(j % 3 === 0 ? -Infinity : 0), (it.type as TileType).shape));

  const par = B.loop({ role: 'split', lo: 0, hi: chunks, fresh, parallel: true }, (s) => {
    const lo = B.add(p.lo, B.mul(s, chunk));
    const hi = B.min(p.hi, B.add(lo, chunk));
    const inner = B.makeLoop({ role: 'kv', parallel: false, lo, hi, range: p.range, iters: p.iters, inits: neutral, nexts: p.nexts, effects: p.effects });
    const effects: Node[] = [];
    for (let t = 0; t < triples; t++) {
      const [m, l, acc] = inner.results.slice(3 * t, 3 * t + 3) as [Node, Node, Node];
      const { out, lse } = normalise(m, l, acc);
      effects.push(B.store(wsO[t]!, B.mul(s, rows * dvs[t]!), [dvs[t]!, 1], [rows, dvs[t]!], out));
      effects.push(B.store(wsL[t]!, B.mul(s, rows), [1, 1], [rows, 1], lse));
    }
    return { next: [], effects };
  });

  const merge = B.loop({ role: 'merge', lo: 0, hi: chunks, fresh, inits: p.inits, iterNames: p.iters.map((it) => `${String(it.arg)}.merge`) }, (s, carried) => {
    const next: Node[] = [];
    for (let t = 0; t < triples; t++) {
      const [m, l, acc] = carried.slice(3 * t, 3 * t + 3) as [Node, Node, Node];
      const o = B.load(B.after(wsO[t]!, [par.loop]), B.mul(s, rows * dvs[t]!), [dvs[t]!, 1], [rows, dvs[t]!], [rows, dvs[t]!]);
      const lse = B.load(B.after(wsL[t]!, [par.loop]), B.mul(s, rows), [1, 1], [rows, 1], [rows, 1]);
      const mNew = B.max(m, lse);
      const alpha = B.binary(Op.SOFTMAX_EXP, m, mNew);
      const w = B.binary(Op.SOFTMAX_EXP, lse, mNew);
      next.push(mNew, B.mad(l, alpha, w), B.mad(acc, alpha, B.mul(o, w)));
    }
    return { next };
  });
  return { parallel: par.loop, merge: merge.results };
}
