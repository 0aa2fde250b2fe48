/**
 * @file Pass `sync-block` (part of `legalize.<target>`, after `bind`): where a value written by a `block` loop (its
 * iterations shared between workers) is read after that loop (an AFTER on it, as split-KV's merge reads the chunk
 * workspace), the workers must meet first. The AFTER then waits on a BARRIER of the loop, listed right after the
 * loop; the workspace ALLOC becomes `shared` (one copy for all workers, not one per worker); and when the loop
 * sits in another loop, a trailing BARRIER ends each iteration of that loop so that no worker overwrites the
 * workspace while another still reads it; the loop is marked `synced`. A loop on the launch axis (`grid.w`) is met
 * the same way at grid scope: the AFTER waits on a BARRIER { scope: 'grid' } (a launch boundary: what follows runs
 * as a launch of its own) and the workspace ALLOC becomes `per_task` (one copy per task of the grid, so no trailing
 * barrier). Targets whose tables bind no loop to `block` or `grid.w` see no change. Pure.
 */
import * as B from '../ir/build.js';
import { VOID } from '../ir/dtype.js';
import { Node, loopParts, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { LAUNCH_AXIS } from './bind.js';

/** Loop bindings whose results, read after the loop, need its workers to meet: the scope they meet at. */
const SYNC_SCOPE: Readonly<Record<string, 'block' | 'grid'>> = { block: 'block', [LAUNCH_AXIS]: 'grid' };

/** The buffer an AFTER chain starts from. */
function rootBuffer(n: Node): Node {
  let b = n;
  while (b.op === Op.AFTER) b = b.src[0]!;
  return b;
}

/** Block and launch-axis loops some AFTER waits on (with their scope), and the ALLOCs those AFTERs read (with the scope). */
function findSyncPoints(all: readonly Node[]): { loops: Map<Node, 'block' | 'grid'>; shared: Map<Node, 'block' | 'grid'> } {
  const loops = new Map<Node, 'block' | 'grid'>();
  const shared = new Map<Node, 'block' | 'grid'>();
  for (const n of all) {
    if (n.op !== Op.AFTER) continue;
    for (const d of n.src.slice(1)) {
      const scope = d.op === Op.LOOP ? SYNC_SCOPE[loopParts(d).bind] : undefined;
      if (!scope) continue;
      loops.set(d, scope);
      const buf = rootBuffer(n);
      if (buf.op === Op.ALLOC) shared.set(buf, scope);
    }
  }
  return { loops, shared };
}

/** True when `bar` is a launch boundary (a BARRIER of scope `grid`). */
export function isLaunchBoundary(bar: Node): boolean {
  return bar.op === Op.BARRIER && bar.arg !== null && typeof bar.arg === 'object' && !Array.isArray(bar.arg) && bar.attrs['scope'] === 'grid';
}

/** `effects` with a BARRIER of each synced loop listed right after it; `trailing`: a block barrier was added. */
function withBarriers(effects: readonly Node[], barrierOf: (loop: Node) => Node | undefined): { effects: Node[]; added: boolean; trailing: boolean } {
  const out: Node[] = [];
  let added = false;
  let trailing = false;
  for (const e of effects) {
    out.push(e);
    const bar = barrierOf(e);
    if (bar) {
      out.push(bar);
      added = true;
      // NOTE: a launch boundary needs no trailing barrier: each task of the grid has its own workspace.
      trailing ||= !isLaunchBoundary(bar);
    }
  }
  return { effects: out, added, trailing };
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
    const space = shared.get(n);
    if (n.op === Op.ALLOC && space) cur = Node.make(Op.ALLOC, cur.type, [], { ...cur.attrs, ...(space === 'grid' ? { per_task: true } : { shared: true }) });
    if (n.op === Op.AFTER) cur = cur.withSrc(cur.src.map((s, i) => (i > 0 ? barrierOf(s) ?? s : s)));
    if (n.op === Op.KERNEL) cur = Node.make(Op.KERNEL, cur.type, withBarriers(cur.src, barrierOf).effects, cur.arg);
    if (n.op === Op.LOOP) {
      const p = loopParts(cur);
      const fixed = cur.src.length - p.effects.length;
      const { effects, added, trailing } = withBarriers(p.effects, barrierOf);
      // NOTE: the trailing barrier orders every effect of the iteration, so each worker ends the iteration only when all have.
      if (added) cur = Node.make(Op.LOOP, cur.type, [...cur.src.slice(0, fixed), ...effects, ...(trailing ? [B.barrier(effects)] : [])], cur.arg);
      const scope = loops.get(n);
      if (scope === 'block') {
        // NOTE: `synced` says a barrier follows every run of the loop: a target may hand out its iterations dynamically.
        cur = Node.make(Op.LOOP, cur.type, cur.src, { ...cur.attrs, synced: true });
        barriers.set(cur, B.barrier([cur]));
      }
      if (scope === 'grid') barriers.set(cur, Node.make(Op.BARRIER, VOID, [cur], { scope: 'grid' }));
    }
    done.set(n, cur);
  }
  return done.get(kernel)!;
}
