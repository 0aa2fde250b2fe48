/**
 * @file The launch description of a WGSL kernel with a launch-axis loop (split-KV on the grid): the grid loops'
 * iteration counts and the chunk count as size expressions over the scalars, which the runtime evaluates to size
 * its two dispatches and the per-task workspace.
 */
import { loopParts, type Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import type { SizeExpr, SizeOp, WgslLaunch } from '../../runtime/webgpu/artifact.js';
import { LAUNCH_ENTRY } from '../simt/launch.js';
import type { Layout } from '../simt/layout.js';

/** The IR ops a size expression may hold, and their names there. */
const SIZE_OP: Partial<Record<Op, SizeOp>> = { [Op.ADD]: 'add', [Op.SUB]: 'sub', [Op.MUL]: 'mul', [Op.IDIV]: 'idiv', [Op.MOD]: 'mod', [Op.MIN]: 'min', [Op.MAX]: 'max' };

/** `n` (a scalar i32 of constants and scalar parameters) as a size expression. */
function sizeExpr(n: Node): SizeExpr {
  if (n.op === Op.CONST) return Number(n.arg);
  if (n.op === Op.PARAM && n.type.kind === 'tile') return String(n.arg);
  const op = SIZE_OP[n.op];
  if (!op || n.src.length !== 2) throw new Error(`webgpu: a grid bound the host cannot compute (${n.op})`);
  return [op, sizeExpr(n.src[0]!), sizeExpr(n.src[1]!)];
}

/** max(0, hi - lo) of `loop` as a size expression. */
function extentExpr(loop: Node): SizeExpr {
  const p = loopParts(loop);
  return ['max', 0, ['sub', sizeExpr(p.hi), sizeExpr(p.lo)]];
}

/** The launch of `layout` (it has a launch loop). */
export function launchOfLayout(layout: Layout): WgslLaunch {
  return {
    extents: layout.grid.map((g) => extentExpr(g.node)),
    chunks: extentExpr(layout.launch!.node),
    taskScratchF32: layout.taskF,
    taskScratchI32: layout.taskI,
    entryPoints: [LAUNCH_ENTRY.first, LAUNCH_ENTRY.after],
  };
}
