/**
 * @file Pass `pack-gqa`: the head loop is unrolled by the group size (query heads per KV head), the
 * copies' query-tile loops and key-tile loops are fused, and after simplification every K / V tile
 * load of the group is one shared node: one KV tile serves all query heads of its KV head.
 */
import * as B from '../ir/build.js';
import { Node, loopParts, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { rewriteBottomUp, substitute, substituteMany } from '../ir/rewrite.js';
import { fuseLoops, fuseSiblingLoops } from './loops.js';
import { simplifyNode } from './simplify.js';

/** Options of `packGqa`. */
export interface PackGqaOptions {
  /** Query heads per KV head. */
  readonly group: number;
}

/** The largest group `pack-gqa` unrolls (found by front-end fuzzing: heads = 2147483647 hung the compiler). */
export const MAX_PACKED_GROUP = 64;

/** Packs every head loop (role `h`) of the kernel by `group`. */
export function packGqa(kernel: Node, o: PackGqaOptions): Node {
  // NOTE: packing unrolls the head loop by the group; a huge group (heads = 2^31 - 1 passes the checker) would
  // unroll forever, so packing is skipped above MAX_PACKED_GROUP (a schedule never changes results, only speed).
  if (o.group <= 1 || o.group > MAX_PACKED_GROUP) return kernel;
  const fresh = B.Fresh.from([kernel]);
  const map = new Map<Node, Node>();
  for (const n of toposort([kernel])) {
    if (n.op === Op.LOOP && loopParts(n).role === 'h') map.set(n, packHeadLoop(n, o.group, fresh));
  }
  return substitute(kernel, map);
}

function packHeadLoop(hLoop: Node, group: number, fresh: B.Fresh): Node {
  const p = loopParts(hLoop);
  const heads = p.hi.op === Op.CONST ? (p.hi.arg as number) : -1;
  if (p.iters.length > 0 || p.lo.op !== Op.CONST || p.lo.arg !== 0 || heads < 0 || heads % group !== 0) return hLoop;
  const hk = Node.make(Op.RANGE, p.range.type, [], fresh.name('hk'));
  const copies: Node[][] = [];
  for (let g = 0; g < group; g++) {
    const head = B.add(B.mul(hk, group), g);
    copies.push(substituteMany(p.effects, new Map([[p.range, head]])).map((e) => rewriteBottomUp(e, simplifyNode)));
  }
  const effects: Node[] = [];
  for (let i = 0; i < p.effects.length; i++) {
    const same = copies.map((c) => c[i]!);
    effects.push(fuseQueryTileLoops(same, fresh));
  }
  return B.makeLoop({ role: 'h', parallel: p.parallel, lo: p.lo, hi: B.constant(heads / group), range: hk, iters: [], inits: [], nexts: [], effects }).loop;
}

/** Fuses the copies' query-tile loops, then their key-tile loops inside. */
function fuseQueryTileLoops(copies: readonly Node[], fresh: B.Fresh): Node {
  const canFuse = copies.every((c) => c.op === Op.LOOP && loopParts(c).iters.length === 0 && loopParts(c).lo === loopParts(copies[0]!).lo && loopParts(c).hi === loopParts(copies[0]!).hi);
  if (!canFuse) throw new Error('pack-gqa: expected one query-tile loop per head copy');
  const qt = fuseLoops(copies, fresh).loop;
  const q = loopParts(qt);
  const effects = fuseSiblingLoops(q.effects, 'kv', fresh);
  return B.makeLoop({ role: q.role, parallel: q.parallel, lo: q.lo, hi: q.hi, range: q.range, iters: [], inits: [], nexts: [], effects }).loop;
}
