/**
 * @file Row reductions with warp shuffles: G lanes per row (a power of two, at most 32, so the G lanes of a
 * row are in one warp), each folds a strided share of the row, then a butterfly of __shfl_xor_sync combines
 * the G partial results. Every lane of the block runs the same trip counts, so each shuffle is reached by the
 * whole warp.
 */
import type { Node } from '../../ir/node.js';
import { ctype, shape, slotAccess } from './elements.js';
import type { BodyPrinter } from './statements.js';
import { REDUCTION } from './cuda-table.js';

const floorPow2 = (x: number): number => (x < 1 ? 0 : 2 ** Math.floor(Math.log2(x)));

/** Lanes of a warp. */
export const WARP = 32;

/**
 * Prints row reduction `n` (last axis of a 2-D tile) with warp shuffles; false (nothing printed) when it does
 * not apply (bool tiles, other axes, fewer than 2 lanes per row).
 */
export function printWarpReduce(p: BodyPrinter, n: Node): boolean {
  const src = n.src[0]!;
  const dims = shape(src);
  const red = REDUCTION[n.op];
  const t = ctype(n);
  const slot = p.w.layout.slots.get(n);
  if (!red || t === 'bool' || !slot || dims.length !== 2 || n.arg !== 1) return false;
  const [R, L] = dims as [number, number];
  const W = p.workgroupSize;
  const g = Math.min(WARP, floorPow2(L), floorPow2(Math.floor(W / R)) || 1);
  if (g < 2 || W % WARP !== 0) return false;
  const [rb, row, part, s, i, off] = ['rb', 'row', 'part', 's', 'i', 'off'].map((x) => p.fresh(x)) as [string, string, string, string, string, string];
  const got = p.collect(null, () => {
    const value = p.w.el(src, [row, i]);
    const write = p.writeElement(n, { dims: shape(n), idx: [row, '0'], j: '0' }, s);
    return [
      `for (int ${rb} = 0; ${rb} < ${R}; ${rb} += ${W / g}) {`,
      `  const int ${row} = ${rb} + lid / ${g};`,
      `  const int ${part} = lid % ${g};`,
      `  ${t} ${s} = ${red.init[t]};`,
      `  if (${row} < ${R}) { for (int ${i} = ${part}; ${i} < ${L}; ${i} += ${g}) { ${s} = ${red.step(s, value)}; } }`,
      `  for (int ${off} = 1; ${off} < ${g}; ${off} *= 2) { ${s} = ${red.step(s, `__shfl_xor_sync(0xffffffffu, ${s}, ${off})`)}; }`,
      `  if (${part} == 0 && ${row} < ${R}) { ${write} }`,
      '}',
    ];
  });
  p.flush();
  // NOTE: lane row * G writes element row, not its owner lane, so readers of the result need a barrier.
  p.commit([...got.touches, { access: slotAccess(slot, shape(n), false, true), key: slot, own: false }]);
  for (const l of got.value) p.line(l);
  return true;
}
