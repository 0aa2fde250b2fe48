/**
 * @file Row reductions with subgroup shuffles (the `subgroups` variant): G lanes per row, each folds a
 * strided share of the row, then a butterfly of subgroupShuffleXor combines the G partial results.
 */
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { shape, slotAccess, wtype } from './elements.js';
import type { BodyPrinter } from './statements.js';

const floorPow2 = (x: number): number => (x < 1 ? 0 : 2 ** Math.floor(Math.log2(x)));

/** Identity and combining step per reduction op. */
const REDUCTION: Readonly<Partial<Record<Op, { init: Record<'f32' | 'i32', string>; step: (a: string, b: string) => string }>>> = {
  [Op.REDUCE_MAX]: { init: { f32: 'neg_inf()', i32: 'i32(-2147483647 - 1)' }, step: (a, b) => `max(${a}, ${b})` },
  [Op.REDUCE_SUM]: { init: { f32: '0f', i32: '0i' }, step: (a, b) => `(${a} + ${b})` },
};

/**
 * Prints row reduction `n` (last axis of a 2-D tile) with subgroup shuffles; false (nothing printed)
 * when it does not apply. G = min(subgroup_size, rows fit in one pass, row length), powers of two, so
 * it is correct for any subgroup size; lanes lid and lid ^ off (off < G) must share a subgroup, which
 * holds where subgroups are runs of consecutive local_invocation_index (every current backend).
 */
export function printSubgroupReduce(p: BodyPrinter, n: Node): boolean {
  const src = n.src[0]!;
  const dims = shape(src);
  const red = REDUCTION[n.op];
  const t = wtype(n);
  const slot = p.w.layout.slots.get(n);
  if (!red || t === 'bool' || !slot || dims.length !== 2 || n.arg !== 1) return false;
  const [R, L] = dims as [number, number];
  const W = p.workgroupSize;
  const gmax = Math.min(floorPow2(L), floorPow2(Math.floor(W / R)) || 1);
  if (gmax < 2) return false;
  const [g, rb, row, part, s, i, off] = ['sg', 'rb', 'row', 'part', 's', 'i', 'off'].map((x) => p.fresh(x)) as [string, string, string, string, string, string, string];
  const got = p.collect(null, () => {
    const value = p.w.el(src, [row, i]);
    const write = p.writeElement(n, { dims: shape(n), idx: [row, '0'], j: '0' }, s);
    return [
      `let ${g} = min(i32(sg_size), ${gmax});`,
      `for (var ${rb}: i32 = 0; ${rb} < ${R}; ${rb} = ${rb} + ${W} / ${g}) {`,
      `  let ${row} = ${rb} + lid / ${g};`,
      `  let ${part} = lid % ${g};`,
      `  var ${s}: ${t} = ${red.init[t]};`,
      `  if (${row} < ${R}) { for (var ${i}: i32 = ${part}; ${i} < ${L}; ${i} = ${i} + ${g}) { ${s} = ${red.step(s, value)}; } }`,
      `  for (var ${off}: i32 = 1; ${off} < ${g}; ${off} = ${off} * 2) { ${s} = ${red.step(s, `subgroupShuffleXor(${s}, u32(${off}))`)}; }`,
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
