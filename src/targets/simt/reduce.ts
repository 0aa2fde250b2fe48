/**
 * @file Row reductions with lane shuffles (WGSL subgroups, CUDA warps): G lanes per row (a power of two the
 * target's shuffle group allows), each folds a strided share of the row, then a butterfly of xor-shuffles
 * combines the G partial results. Every lane runs the same trip counts, so each shuffle is reached by all lanes.
 */
import type { Node } from '../../ir/node.js';
import { kind, shape, slotAccess } from './elements.js';
import type { BodyPrinter } from './statements.js';

const floorPow2 = (x: number): number => (x < 1 ? 0 : 2 ** Math.floor(Math.log2(x)));

/**
 * Prints row reduction `n` (last axis of a 2-D tile) with lane shuffles; false (nothing printed) when it does
 * not apply (bool tiles, other axes, fewer than 2 lanes per row, a group the target cannot shuffle in).
 * G = min(group, rows fit in one pass, row length); lanes lid and lid ^ off (off < G) must share a group.
 */
export function printShuffleReduce(p: BodyPrinter, n: Node): boolean {
  const sp = p.sp;
  const src = n.src[0]!;
  const dims = shape(src);
  const red = sp.reduction[n.op];
  const t = kind(n);
  const slot = p.w.layout.slots.get(n);
  if (!red || t === 'bool' || !slot || dims.length !== 2 || n.arg !== 1) return false;
  const [R, L] = dims as [number, number];
  const W = p.workgroupSize;
  const most = Math.min(floorPow2(L), floorPow2(Math.floor(W / R)) || 1);
  if (most < 2) return false;
  const group = sp.shuffleGroup(p, most);
  if (!group) return false;
  const g = group.lanes;
  const [rb, row, part, s, i, off] = ['rb', 'row', 'part', 's', 'i', 'off'].map((x) => p.fresh(x)) as [string, string, string, string, string, string];
  const got = p.collect(null, () => {
    const value = p.w.el(src, [row, i]);
    const write = p.writeElement(n, { dims: shape(n), idx: [row, '0'], j: '0' }, s);
    return [
      ...group.pre,
      sp.loop(rb, '0', `${R}`, { op: '+', by: group.rowStep }),
      `  ${sp.bind(row, `${rb} + lid / ${g}`, 'int')}`,
      `  ${sp.bind(part, `lid % ${g}`, 'int')}`,
      `  ${sp.variable(s, t, red.init[t])}`,
      `  if (${row} < ${R}) { ${sp.loop(i, part, `${L}`, { op: '+', by: g })} ${s} = ${red.step(s, value)}; } }`,
      `  ${sp.loop(off, '1', g, { op: '*', by: '2' })} ${s} = ${red.step(s, sp.shuffleXor(s, off))}; }`,
      `  if (${part} == 0 && ${row} < ${R}) { ${write} }`,
      '}',
    ];
  });
  p.flush();
  // NOTE: lane row * G writes element row, not its owner lane, so readers of the result need a barrier.
  p.commit([...got.touches, { access: slotAccess(slot, shape(n), false, true) }]);
  for (const l of got.value) p.line(l);
  return true;
}
