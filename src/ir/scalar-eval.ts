/**
 * @file What each element-wise op computes on one scalar element (bools as 0 / 1), for constant folding: the
 * model's own evaluator (`UNARY`, `evalBinary` in src/model/eval.ts) where the language has the operation, and
 * the IR's definition (src/ir/ops.ts) for the ops only the IR has. One exhaustive table over the element-wise ops.
 */
import type { Scalar } from './dtype.js';
import { Op } from './ops.js';
import { evalBinary, UNARY } from '../model/eval.js';

/** The element-wise ops (OpGroup.Unary, Binary and Ternary). */
export type ElementwiseOp =
  | Op.NEG | Op.NOT | Op.ABS | Op.POPCOUNT | Op.EXP | Op.LOG | Op.TANH | Op.SQRT | Op.SIN | Op.COS | Op.EXP2 | Op.LOG2 | Op.FLOOR | Op.ERF | Op.CAST
  | Op.ADD | Op.SUB | Op.MUL | Op.DIV | Op.IDIV | Op.MOD | Op.MIN | Op.MAX | Op.AND | Op.OR | Op.XOR | Op.SHL | Op.SHR
  | Op.EQ | Op.NE | Op.LT | Op.LE | Op.GT | Op.GE | Op.SOFTMAX_EXP | Op.WHERE | Op.MAD;

/** One element: operands a, b, c (unused ones 0) and the result's scalar type; null when it is not folded. */
export type ScalarFn = ((a: number, b: number, c: number, result: Scalar) => number) | null;

const int = (fn: Parameters<typeof evalBinary>[0]): ScalarFn => (a, b) => evalBinary(fn, true, a, b);

/** Every element-wise op's scalar semantics. */
export const SCALAR_EVAL = {
  [Op.NEG]: (a) => UNARY.neg(a),
  [Op.NOT]: (a) => UNARY.not(a),
  [Op.ABS]: (a) => UNARY.abs(a),
  [Op.POPCOUNT]: (a) => UNARY.popcount(a),
  [Op.EXP]: (a) => UNARY.exp(a),
  [Op.LOG]: (a) => UNARY.log(a),
  [Op.TANH]: (a) => UNARY.tanh(a),
  [Op.SQRT]: (a) => UNARY.sqrt(a),
  [Op.SIN]: (a) => UNARY.sin(a),
  [Op.COS]: (a) => UNARY.cos(a),
  [Op.EXP2]: (a) => UNARY.exp2(a),
  [Op.LOG2]: (a) => UNARY.log2(a),
  [Op.FLOOR]: (a) => Math.floor(a),
  // NOTE: erf has no closed form in JS; it is never folded (only the gelu epilogue uses it, on tiles).
  [Op.ERF]: null,
  [Op.CAST]: (a, _b, _c, result) => (result === 'bool' ? (a ? 1 : 0) : result === 'i32' ? Math.trunc(a) | 0 : a),
  [Op.ADD]: (a, b) => evalBinary('add', false, a, b),
  [Op.SUB]: (a, b) => evalBinary('sub', false, a, b),
  [Op.MUL]: (a, b) => evalBinary('mul', false, a, b),
  [Op.DIV]: (a, b) => evalBinary('div', false, a, b),
  [Op.IDIV]: int('div'),
  [Op.MOD]: int('mod'),
  [Op.MIN]: (a, b) => evalBinary('min', false, a, b),
  [Op.MAX]: (a, b) => evalBinary('max', false, a, b),
  [Op.AND]: int('band'),
  [Op.OR]: int('bor'),
  [Op.XOR]: int('bxor'),
  [Op.SHL]: int('shl'),
  [Op.SHR]: int('shr'),
  [Op.EQ]: (a, b) => evalBinary('eq', false, a, b),
  [Op.NE]: (a, b) => evalBinary('ne', false, a, b),
  [Op.LT]: (a, b) => evalBinary('lt', false, a, b),
  [Op.LE]: (a, b) => evalBinary('le', false, a, b),
  [Op.GT]: (a, b) => evalBinary('gt', false, a, b),
  [Op.GE]: (a, b) => evalBinary('ge', false, a, b),
  [Op.SOFTMAX_EXP]: (a, b) => (b === -Infinity ? 0 : Math.exp(a - b)),
  [Op.WHERE]: (a, b, c) => (a ? b : c),
  [Op.MAD]: (a, b, c) => Math.fround(a * b) + c,
} satisfies Record<ElementwiseOp, ScalarFn>;

/** The scalar semantics of `op`, or null when `op` is not element-wise or is never folded. */
export function scalarEval(op: Op): ScalarFn {
  return (SCALAR_EVAL as Partial<Record<Op, ScalarFn>>)[op] ?? null;
}
