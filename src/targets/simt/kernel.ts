/**
 * @file The kernel-level part of the SIMT strategy: the grid walk (outer loops bound to the grid become a
 * strided walk over tasks by persistent workgroups / blocks). The slot plan is liveness.ts.
 */
import type { Placed } from '../../ir/linearize.js';
import { loopParts, type Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { substitute } from './elements.js';
import type { Layout } from './layout.js';
import type { BodyPrinter } from './statements.js';

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
  p.line(p.sp.loop('task', 'wid', 'tasks', { op: '+', by: stride }));
  p.nested(() => {
    printTaskRanges(p, grid, counts, 'task');
    grid.forEach((g, d) => p.region(g.body!, new Set(d + 1 < grid.length ? [grid[d + 1]!.node] : [])));
    // NOTE: the next task overwrites the tiles this one read.
    p.settle();
  });
  p.line('}');
}
