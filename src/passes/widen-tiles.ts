/**
 * @file Pass `widen-tiles` (stage `legalize.<target>`): on a target whose table computes in f32 (`native_half`),
 * every f16 / bf16 tile it lacks becomes an f32 tile. A 16-bit LOAD becomes an f32 load (the IR's convert-on-load:
 * a LOAD from a 16-bit buffer into an f32 tile converts each element), view ops and DOT operands follow, and a CAST
 * that then converts f32 to f32 disappears. So the printer of such a target receives the f32 IR it always did.
 * Pure.
 */
import { isHalf, tile, type IRType, type Scalar } from '../ir/dtype.js';
import { Node, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';

/** Which 16-bit float tiles a target computes on natively (targets/<name>.json `native_half`). */
export type NativeHalf = 'none' | 'f16' | 'f16+bf16';

/** Every `native_half` value. */
export const NATIVE_HALF: readonly NativeHalf[] = ['none', 'f16', 'f16+bf16'];

/** The 16-bit types each `native_half` value keeps. */
const KEPT: Readonly<Record<NativeHalf, ReadonlySet<Scalar>>> = {
  none: new Set(),
  f16: new Set(['f16']),
  'f16+bf16': new Set(['f16', 'bf16']),
};

/** `t` with an f16 / bf16 element type the target lacks widened to f32. */
function widenType(t: IRType, kept: ReadonlySet<Scalar>): IRType {
  return t.kind === 'tile' && isHalf(t.scalar) && !kept.has(t.scalar) ? tile('f32', t.shape, t.layout) : t;
}

/**
 * Widens the f16 / bf16 tiles of `kernel` that `native` does not keep to f32 (see the file comment). NOTE: a CAST
 * that narrows f32 to a widened type is dropped too: the target computes that value in f32, more exactly than the
 * 16-bit hardware would (the interpreter without this pass rounds like the hardware).
 */
export function widenTiles(kernel: Node, native: NativeHalf): Node {
  const kept = KEPT[native];
  if (kept.size === 2) return kernel;
  const done = new Map<Node, Node>();
  for (const n of toposort([kernel])) {
    const src = n.src.map((s) => done.get(s) ?? s);
    const type = widenType(n.type, kept);
    const same = type === n.type && src.every((s, i) => s === n.src[i]);
    if (same) done.set(n, n);
    else if (n.op === Op.CAST && src[0]!.type === type) done.set(n, src[0]!);
    else done.set(n, Node.make(n.op, type, src, n.arg));
  }
  return done.get(kernel)!;
}
