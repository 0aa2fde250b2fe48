/**
 * @file The C expression of every element-wise IR op on scalar operands, by operand kind: one table,
 * exhaustive over the element-wise ops, shared by every C-family target (vector ISAs add their own forms
 * on top and fall back to these). Integer arithmetic wraps (targets compile with -fwrapv or the like).
 */
import { Op } from '../../ir/ops.js';
import type { CLanguage } from './language.js';

/** A C expression built from operand expressions. */
export type CForm = (args: readonly string[]) => string;

/** Scalar forms of one op by operand kind; a missing kind is a bug of the lowering (never printed). */
export interface ScalarForms {
  readonly f?: CForm;
  readonly i?: CForm;
}

/** Element-wise ops with a form here (every unary, binary and ternary op except CAST, which casts.ts spells). */
export type ElementwiseOp =
  | Op.NEG | Op.NOT | Op.ABS | Op.POPCOUNT | Op.EXP | Op.LOG | Op.TANH | Op.SQRT | Op.SIN | Op.COS | Op.EXP2 | Op.LOG2 | Op.FLOOR | Op.ERF
  | Op.ADD | Op.SUB | Op.MUL | Op.DIV | Op.IDIV | Op.MOD | Op.MIN | Op.MAX | Op.AND | Op.OR | Op.XOR | Op.SHL | Op.SHR
  | Op.EQ | Op.NE | Op.LT | Op.LE | Op.GT | Op.GE | Op.WHERE | Op.MAD | Op.SOFTMAX_EXP;

const infix = (op: string): CForm => ([a, b]) => `(${a} ${op} ${b})`;
const call = (fn: string): CForm => (args) => `${fn}(${args.join(', ')})`;
const both = (form: CForm): ScalarForms => ({ f: form, i: form });

/** The scalar forms of `lang`, keyed by op. */
export function scalarForms(lang: CLanguage): Readonly<Record<ElementwiseOp, ScalarForms>> {
  const m = lang.math;
  return {
    [Op.NEG]: { f: ([a]) => `(-${a})`, i: ([a]) => `((int32_t)(0u - (uint32_t)${a}))` },
    [Op.NOT]: { i: ([a]) => `(!${a})` },
    [Op.ABS]: { f: call(m.abs), i: call('sx_iabs') },
    [Op.POPCOUNT]: { i: call('sx_popcount') },
    [Op.EXP]: { f: call(m.exp) },
    [Op.LOG]: { f: call(m.log) },
    [Op.TANH]: { f: call(m.tanh) },
    [Op.SQRT]: { f: call(m.sqrt) },
    [Op.SIN]: { f: call(m.sin) },
    [Op.COS]: { f: call(m.cos) },
    [Op.EXP2]: { f: call(m.exp2) },
    [Op.LOG2]: { f: call(m.log2) },
    [Op.FLOOR]: { f: call(m.floor) },
    [Op.ERF]: { f: call(m.erf) },
    [Op.ADD]: both(infix('+')),
    [Op.SUB]: both(infix('-')),
    [Op.MUL]: both(infix('*')),
    [Op.DIV]: { f: infix('/') },
    [Op.IDIV]: { i: call('sx_idiv') },
    [Op.MOD]: { i: call('sx_imod') },
    // NOTE: NaN-propagating, as wasm's f32.min / NEON's FMIN (C's fminf would drop the NaN).
    [Op.MIN]: { f: call('sx_fmin'), i: call('sx_imin') },
    [Op.MAX]: { f: call('sx_fmax'), i: call('sx_imax') },
    [Op.AND]: { i: infix('&') },
    [Op.OR]: { i: infix('|') },
    [Op.XOR]: { i: infix('^') },
    [Op.SHL]: { i: ([a, b]) => `((int32_t)((uint32_t)${a} << (${b} & 31)))` },
    [Op.SHR]: { i: ([a, b]) => `(${a} >> (${b} & 31))` },
    [Op.EQ]: both(infix('==')),
    [Op.NE]: both(infix('!=')),
    [Op.LT]: both(infix('<')),
    [Op.LE]: both(infix('<=')),
    [Op.GT]: both(infix('>')),
    [Op.GE]: both(infix('>=')),
    [Op.WHERE]: both(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    [Op.MAD]: both(([a, b, c]) => `(${a} * ${b} + ${c})`),
    [Op.SOFTMAX_EXP]: { f: call('sx_softexp') },
  } satisfies Record<ElementwiseOp, ScalarForms>;
}

/** Target scalar types of CAST, by the node's scalar and the operand's kind. */
export type CastKey = 'f32:f' | 'f32:i' | 'i32:f' | 'i32:i' | 'bool:f' | 'bool:i';

/** C forms of CAST (f32 -> i32 truncates and saturates, NaN -> 0, as wasm's trunc_sat). */
export const CAST_FORMS: Readonly<Record<CastKey, CForm>> = {
  'f32:f': ([a]) => a!,
  'i32:i': ([a]) => a!,
  'f32:i': ([a]) => `((float)${a})`,
  'i32:f': call('sx_f2i'),
  'bool:f': ([a]) => `(${a} != 0.0f)`,
  'bool:i': ([a]) => `(${a} != 0)`,
};
