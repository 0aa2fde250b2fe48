/**
 * @file Pass `bind`: sets every loop's `bind` attribute from the target's table (loop role -> grid.x|grid.y|grid.z|
 * grid.w, block or serial), keeping only bindings that are legal, so printers read where iterations run instead of
 * guessing it from role names. Grid axes form a perfect nest from the kernel root (no carried values, bounds
 * that depend on no loop, nothing else beside them); the launch axis `grid.w` binds a carry-free loop listed among
 * the effects of the innermost grid loop (split-KV's chunks; `sync-block` then puts a launch boundary after it);
 * a block loop carries nothing and holds no other block candidate (the innermost wins); every other loop is serial.
 */
import { loopParts, toposort, Node } from '../ir/node.js';
import { Op, OpGroup } from '../ir/ops.js';
import type { LoopBinding } from './target-table.js';

/** Loop role -> binding (roles not listed are serial). */
export type BindTable = Readonly<Record<string, LoopBinding>>;

/** True when `n` depends on no loop index or carried value. */
function loopInvariant(n: Node): boolean {
  return toposort([n]).every((x) => !OpGroup.Placeholder.has(x.op));
}

/** The launch axis: a loop inside the grid nest whose results are read after a launch boundary. */
export const LAUNCH_AXIS: LoopBinding = 'grid.w';

/** True when `n` is a loop the table binds to grid axis `axis` that carries nothing and has loop-invariant bounds. */
function gridCandidate(n: Node, table: BindTable, axis: (b: LoopBinding) => boolean): boolean {
  if (n.op !== Op.LOOP) return false;
  const p = loopParts(n);
  const want = table[p.role];
  return want !== undefined && axis(want) && p.iters.length === 0 && loopInvariant(p.lo) && loopInvariant(p.hi);
}

/**
 * The loops the perfect nest from the kernel root binds to grid axes; then, among the effects of the innermost one,
 * loops the table binds to the launch axis (their iterations become tasks of a launch of their own).
 */
function gridLoops(kernel: Node, table: BindTable, into: Map<Node, LoopBinding>): void {
  const nested = (b: LoopBinding): boolean => b.startsWith('grid.') && b !== LAUNCH_AXIS;
  let effects = kernel.src;
  let inGrid = false;
  for (;;) {
    const only = effects.length === 1 ? effects[0]! : null;
    if (!only || !gridCandidate(only, table, nested)) break;
    into.set(only, table[loopParts(only).role]!);
    effects = loopParts(only).effects;
    inGrid = true;
  }
  if (!inGrid) return;
  for (const e of effects) if (gridCandidate(e, table, (b) => b === LAUNCH_AXIS)) into.set(e, LAUNCH_AXIS);
}

/** A loop the table binds to `block` that carries nothing. */
function blockCandidate(n: Node, table: BindTable): boolean {
  if (n.op !== Op.LOOP) return false;
  const p = loopParts(n);
  return table[p.role] === 'block' && p.iters.length === 0;
}

/**
 * Block loops: candidates (loops the table binds to `block` that carry nothing) with no other candidate inside
 * them. The innermost candidate wins: split-KV chunks inside a query tile are the units of work, not the tile.
 * Two chosen loops are never nested, since the outer one would hold a candidate.
 */
function blockLoops(kernel: Node, table: BindTable, into: Map<Node, LoopBinding>): void {
  for (const n of toposort([kernel])) {
    if (n.op !== Op.LOOP || into.has(n)) continue;
    const block = blockCandidate(n, table) && !toposort(n.src).some((inner) => blockCandidate(inner, table));
    into.set(n, block ? 'block' : 'serial');
  }
}

/** Binds every loop of `kernel` by `table`; returns the kernel with each LOOP's `bind` attribute set. */
export function bindLoops(kernel: Node, table: BindTable): Node {
  const want = new Map<Node, LoopBinding>();
  gridLoops(kernel, table, want);
  blockLoops(kernel, table, want);
  const done = new Map<Node, Node>();
  for (const n of toposort([kernel])) {
    let cur = n.withSrc(n.src.map((s) => done.get(s) ?? s));
    const b = want.get(n);
    if (n.op === Op.LOOP && cur.attrs['bind'] !== (b ?? 'serial')) cur = Node.make(Op.LOOP, cur.type, cur.src, { ...cur.attrs, bind: b ?? 'serial' });
    done.set(n, cur);
  }
  return done.get(kernel)!;
}
