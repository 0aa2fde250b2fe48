/**
 * @file The two launches of a kernel whose innermost grid loop holds a launch-axis loop (`grid.w`, split-KV's
 * chunks): the first runs one task per (grid task, launch iteration), the launch loop's body with its index fixed;
 * the second runs the grid tasks again with the rest of the body (the merge after the launch boundary). Each grid
 * task's copy of the `per_task` scratch buffers (the workspace) sits at `stf` / `sti`, ahead of the workgroups'
 * own scratch regions.
 */
import { loopParts, type Node } from '../../ir/node.js';
import { isLaunchBoundary } from '../../passes/sync-block.js';
import { extent, printTaskCounts, printTaskRanges } from './kernel.js';
import type { Layout } from './layout.js';
import type { BodyPrinter } from './statements.js';

/** Which launch a function prints: the launch loop's iterations, or what follows the launch boundary. */
export type LaunchPhase = 'first' | 'after';

/** Names of the entry point of each launch, in dispatch order. */
export const LAUNCH_ENTRY: Readonly<Record<LaunchPhase, string>> = { first: 'main', after: 'merge' };

/** The launches of `layout`, in dispatch order (one, `null`, when it has no launch-axis loop). */
export function launchPhases(layout: Layout): readonly (LaunchPhase | null)[] {
  return layout.launch ? ['first', 'after'] : [null];
}

/**
 * Prints launch `phase` of `layout` (it has a launch loop): a strided walk (step `stride`, the workgroups dispatched)
 * over its tasks. `scratch`: f32 / i32 words of each workgroup's own scratch region.
 */
export function printLaunch(p: BodyPrinter, layout: Layout, stride: string, phase: LaunchPhase, scratch: { f: number; i: number }): void {
  const sp = p.sp;
  const grid = layout.grid;
  const launch = layout.launch!;
  const innermost = grid[grid.length - 1]!;
  p.region(layout.root, new Set([grid[0]!.node]));
  const counts = printTaskCounts(p, grid);
  const chunks = phase === 'first' ? p.fresh('n') : '';
  if (chunks) p.line(sp.bind(chunks, extent(p, launch.node), 'int'));
  p.line(sp.bind('sbf', `tasks * ${Math.max(1, layout.taskF)} + wid * ${scratch.f}`, 'int'));
  p.line(sp.bind('sbi', `tasks * ${Math.max(1, layout.taskI)} + wid * ${scratch.i}`, 'int'));
  p.settle();
  p.line(sp.loop('item', 'wid', chunks ? `tasks * ${chunks}` : 'tasks', { op: '+', by: stride }));
  p.nested(() => {
    p.line(sp.bind('task', chunks ? `item / ${chunks}` : 'item', 'int'));
    p.line(sp.bind('stf', `task * ${Math.max(1, layout.taskF)}`, 'int'));
    p.line(sp.bind('sti', `task * ${Math.max(1, layout.taskI)}`, 'int'));
    printTaskRanges(p, grid, counts, 'task');
    grid.slice(0, -1).forEach((g, d) => p.region(g.body!, new Set([grid[d + 1]!.node])));
    const replace = new Map<Node, (() => void) | null>();
    const at = innermost.body!.indexOf(launch);
    if (phase === 'first') {
      const parts = loopParts(launch.node);
      replace.set(launch.node, () => {
        p.line(sp.bind(p.nameScalar(parts.range, 'g'), `${p.w.el(parts.lo, [])} + item % ${chunks}`, 'int'));
        p.region(launch.body!);
      });
      for (const q of innermost.body!.slice(at + 1)) replace.set(q.node, null);
    } else {
      replace.set(launch.node, null);
      for (const q of innermost.body!) if (isLaunchBoundary(q.node)) replace.set(q.node, null);
    }
    p.region(innermost.body!, new Set(), replace);
    // NOTE: the next task overwrites the tiles this one read.
    p.settle();
  });
  p.line('}');
}
