/**
 * @file Pass `simplify`: constant folding and integer algebra on scalars (x+0, x*1, x*0, folding of
 * (x*c + d) / c, min/max of constants, selects on constant conditions). Pure; keeps semantics exactly.
 */
import * as B from '../ir/build.js';
import { isHalf } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op, OpGroup } from '../ir/ops.js';
import { rewriteBottomUp } from '../ir/rewrite.js';
import { scalarEval } from '../ir/scalar-eval.js';

const isConst = (n: Node, v?: number): boolean => n.op === Op.CONST && (v === undefined || n.arg === v);
const constOf = (n: Node): number => n.arg as number;
const isScalarInt = (n: Node): boolean => n.type.kind === 'tile' && n.type.shape.length === 0 && n.type.scalar === 'i32';

/** One simplification step at `n` (sources already simplified), or undefined. */
export function simplifyNode(n: Node): Node | undefined {
  if (n.type.kind !== 'tile') return undefined;
  const scalar = n.type.scalar;
  // NOTE: a conversion to f16 / bf16 rounds; the scalar evaluator does not, so such a cast is never folded.
  const fold = isHalf(scalar) ? undefined : scalarEval(n.op);
  if (fold && n.type.shape.length === 0 && n.src.every((s) => isConst(s))) {
    const [a = 0, b = 0, c = 0] = n.src.map(constOf);
    return B.constant(fold(a, b, c, scalar), scalar);
  }
  const [a, b] = n.src as [Node, Node];
  if (n.op === Op.WHERE && isConst(n.src[0]!)) {
    const pick = constOf(n.src[0]!) ? n.src[1]! : n.src[2]!;
    return pick.type === n.type ? pick : undefined;
  }
  if (!isScalarInt(n)) return undefined;
  switch (n.op) {
    case Op.ADD:
      if (isConst(b, 0)) return a;
      if (isConst(a, 0)) return b;
      if (isConst(a)) return B.add(b, a);
      if (a.op === Op.ADD && isConst(a.src[1]!) && isConst(b)) return B.add(a.src[0]!, B.constant(constOf(a.src[1]!) + constOf(b)));
      return undefined;
    case Op.SUB:
      if (isConst(b, 0)) return a;
      if (a === b) return B.constant(0);
      return undefined;
    case Op.MUL:
      if (isConst(b, 1)) return a;
      if (isConst(a, 1)) return b;
      if (isConst(a, 0) || isConst(b, 0)) return B.constant(0);
      if (isConst(a)) return B.mul(b, a);
      return undefined;
    case Op.IDIV: {
      if (isConst(b, 1)) return a;
      if (!isConst(b) || constOf(b) <= 0) return undefined;
      const c = constOf(b);
      // (x * c + d) / c == x + floor(d / c) for integer x, d.
      if (a.op === Op.ADD && a.src[0]!.op === Op.MUL && isConst(a.src[0]!.src[1]!, c) && isConst(a.src[1]!)) {
        return B.add(a.src[0]!.src[0]!, B.constant(Math.floor(constOf(a.src[1]!) / c)));
      }
      if (a.op === Op.MUL && isConst(a.src[1]!, c)) return a.src[0]!;
      return undefined;
    }
    case Op.MIN:
    case Op.MAX:
      return a === b ? a : undefined;
    default:
      return undefined;
  }
}

/** Simplifies a whole kernel graph. */
export function simplify(kernel: Node): Node {
  return rewriteBottomUp(kernel, simplifyNode);
}
