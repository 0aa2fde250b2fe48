/**
 * @file Pass `sync-block` (part of `legalize.<target>`, after `bind`): where a value written by a `block` loop (its
 * iterations shared between workers) is read after that loop (an AFTER on it, as split-KV's merge reads the chunk
 * workspace), the workers must meet first. The AFTER then waits on a BARRIER of the loop, listed right after the
 * loop; the workspace ALLOC becomes `shared` (one copy for all workers, not one per worker); and when the loop
 * sits in another loop, a trailing BARRIER ends each iteration of that loop so that no worker overwrites the
 * workspace while another still reads it; the loop is marked `synced`. Targets whose tables bind no loop to `block`
 * see no change. Pure.
 */
import * as B from '../ir/build.js';
import { Node, loopParts, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';

/** The buffer an AFTER chain starts from. */
function rootBuffer(n: Node): Node {
  let b = n;
  while (b.op === Op.AFTER) b = b.src[0]!;
  return b;
}

/** Block loops some AFTER waits on, and the ALLOCs those AFTERs read. */
function findSyncPoints(all: readonly Node[]): { loops: Set<Node>; shared: Set<Node> } {
  const loops = new Set<Node>();
  const shared = new Set<Node>();
  for (const n of all) {
    if (n.op !== Op.AFTER) continue;
    const waited = n.src.slice(1).filter((d) => d.op === Op.LOOP && loopParts(d).bind === 'block');
    if (waited.length === 0) continue;
    for (const d of waited) loops.add(d);
    const buf = rootBuffer(n);
    if (buf.op === Op.ALLOC) shared.add(buf);
  }
  return { loops, shared };
}

/** `effects` with a BARRIER of each synced loop listed right after it. */
function withBarriers(effects: readonly Node[], barrierOf: (loop: Node) => Node | undefined): { effects: Node[]; added: boolean } {
  const out: Node[] = [];
  let added = false;
  for (const e of effects) {
    out.push(e);
    const bar = barrierOf(e);
    if (bar) {
      out.push(bar);
      added = true;
    }
  }
  return { effects: out, added };
}

/** Adds the barriers and shared workspaces described in the file comment. */
export function syncBlockLoops(kernel: Node): Node {
  const all = toposort([kernel]);
  const { loops, shared } = findSyncPoints(all);
  if (loops.size === 0) return kernel;
  const done = new Map<Node, Node>();
  const barriers = new Map<Node, Node>();
  const barrierOf = (rebuilt: Node): Node | undefined => barriers.get(rebuilt);
  for (const n of all) {
    let cur = n.withSrc(n.src.map((s) => done.get(s) ?? s));
    if (n.op === Op.ALLOC && shared.has(n)) cur = Node.make(Op.ALLOC, cur.type, [], { ...cur.attrs, shared: true });
    if (n.op === Op.AFTER) cur = cur.withSrc(cur.src.map((s, i) => (i > 0 ? barrierOf(s) ?? s : s)));
    if (n.op === Op.KERNEL) cur = Node.make(Op.KERNEL, cur.type, withBarriers(cur.src, barrierOf).effects, cur.arg);
    if (n.op === Op.LOOP) {
      const p = loopParts(cur);
      const fixed = cur.src.length - p.effects.length;
      const { effects, added } = withBarriers(p.effects, barrierOf);
      // NOTE: the trailing barrier orders every effect of the iteration, so each worker ends the iteration only when all have.
      if (added) cur = Node.make(Op.LOOP, cur.type, [...cur.src.slice(0, fixed), ...effects, B.barrier(effects)], cur.arg);
      if (loops.has(n)) {
        // NOTE: `synced` says a barrier follows every run of the loop: a target may hand out its iterations dynamically.
        cur = Node.make(Op.LOOP, cur.type, cur.src, { ...cur.attrs, synced: true });
        barriers.set(cur, B.barrier([cur]));
      }
    }
    done.set(n, cur);
  }
  return done.get(kernel)!;
}
