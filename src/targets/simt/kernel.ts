/**
 * @file The kernel-level parts of the SIMT strategy: the grid walk (outer loops bound to the grid become a
 * strided walk over tasks by persistent workgroups / blocks) and the slot plan from a probe print (owner-only
 * tiles to registers, live ranges so the rest share memory).
 */
import { numel } from '../../ir/dtype.js';
import type { Placed } from '../../ir/linearize.js';
import { loopParts, type Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { substitute } from './elements.js';
import { UsageRecorder } from './hazards.js';
import { layoutKernel, type Layout, type SlotPlan } from './layout.js';
import { UNROLL_LIMIT, type BodyPrinter } from './statements.js';

/** Prints the task count of each grid loop and their product `tasks`; returns the counts' names. */
export function printTaskCounts(p: BodyPrinter, grid: readonly Placed[]): string[] {
  const sp = p.sp;
  const counts = grid.map((g) => {
    const c = p.fresh('n');
    p.line(sp.bind(c, extent(p, g.node), 'int'));
    return c;
  });
  p.line(sp.bind('tasks', counts.join(' * '), 'int'));
  return counts;
}

/** The iteration count of loop `loop`: max(0, hi - lo). */
export function extent(p: BodyPrinter, loop: Node): string {
  const parts = loopParts(loop);
  return substitute(p.sp.elementwise[Op.MAX]!.text, ['0', `${p.w.el(parts.hi, [])} - ${p.w.el(parts.lo, [])}`]);
}

/** Prints the lets that decode task index `task` into the grid loops' indices. */
export function printTaskRanges(p: BodyPrinter, grid: readonly Placed[], counts: readonly string[], task: string): void {
  let inner = '1';
  const ranges: string[] = [];
  for (let d = grid.length - 1; d >= 0; d--) {
    const parts = loopParts(grid[d]!.node);
    const r = p.nameScalar(parts.range, 'g');
    const q = inner === '1' ? task : `(${task} / (${inner}))`;
    ranges.unshift(p.sp.bind(r, `${p.w.el(parts.lo, [])} + ${d === 0 ? q : `${q} % ${counts[d]}`}`, 'int'));
    inner = inner === '1' ? counts[d]! : `${inner} * ${counts[d]}`;
  }
  for (const r of ranges) p.line(r);
}

/** Prints the grid walk: task t of the strided loop (step `stride`: the number of workgroups / blocks) is decoded into the grid loops' indices. */
export function printGrid(p: BodyPrinter, layout: Layout, stride: string): void {
  const grid = layout.grid;
  if (grid.length === 0) {
    // NOTE: no independent outer loop: one workgroup runs the whole kernel (wid is uniform).
    p.line('if (wid == 0) {');
    p.nested(() => p.region(layout.root));
    p.line('}');
    return;
  }
  p.region(layout.root, new Set([grid[0]!.node]));
  const counts = printTaskCounts(p, grid);
  p.settle();
  p.usage?.openLoop();
  p.line(p.sp.loop('task', 'wid', 'tasks', { op: '+', by: stride }));
  p.nested(() => {
    printTaskRanges(p, grid, counts, 'task');
    grid.forEach((g, d) => p.region(g.body!, new Set(d + 1 < grid.length ? [grid[d + 1]!.node] : [])));
    // NOTE: the next task overwrites the tiles this one read.
    p.settle();
  });
  p.line('}');
  p.usage?.closeLoop();
}

/**
 * Plans slots from a probe print (`printBody` with a UsageRecorder): owner-only tiles small enough go to
 * registers, smallest first (ties in placement order), while they fit in `registerWords` per lane; live
 * ranges let the rest share memory.
 */
export function planSlots(kernel: Node, lanes: number, registerWords: number, printBody: (layout: Layout, usage: UsageRecorder) => void): SlotPlan {
  const probe = layoutKernel(kernel);
  const usage = new UsageRecorder();
  printBody(probe, usage);
  const used = usage.finish();
  const live = new Map<Node, readonly [number, number]>();
  const candidates: { n: Node; words: number }[] = [];
  for (const [n, slot] of [...probe.slots].filter(([n]) => n.op !== Op.RESULT)) {
    const u = used.get(slot);
    if (!u) continue;
    live.set(n, [u.first, u.last]);
    const words = Math.ceil(numel(n.type.kind === 'tile' ? n.type.shape : []) / lanes);
    if (u.ownOnly && words <= UNROLL_LIMIT && !probe.staged.has(n)) candidates.push({ n, words });
  }
  const registers = new Set<Node>();
  let taken = 0;
  // NOTE: Array.prototype.sort is stable, so ties keep placement order; node ids depend on what else the process built.
  for (const c of candidates.sort((a, b) => a.words - b.words)) {
    if (taken + c.words > registerWords) break;
    registers.add(c.n);
    taken += c.words;
  }
  return { live, registers, workgroupSize: lanes };
}
