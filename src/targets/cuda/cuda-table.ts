/**
 * @file CUDA C spellings as tables: value types, literals, conversions, element-wise op templates, storage
 * reads and writes per dtype, slot words and barriers, and the device helpers every kernel file carries.
 * NOTE: the shared C spelling layer (src/targets/c) had not landed when this was written; these tables are
 * the part of it the cuda printer needs and can move there.
 */
import type { Scalar } from '../../ir/dtype.js';
import { numberText } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import type { SlotSpace } from '../simt/layout.js';

/** Value types of tile elements (storage types widen: f16/bf16 to float, u8/bool buffers to int). */
export type CType = 'float' | 'int' | 'bool';

/** The value type a tile of `s` computes in. */
export const VALUE_CTYPE: Readonly<Record<Scalar, CType>> = { f32: 'float', f16: 'float', bf16: 'float', i32: 'int', u8: 'int', bool: 'bool' };

/** Element type of a global buffer of `s` (f16/bf16 as their 16-bit patterns; u8 and bool as int words). */
export const STORAGE_CTYPE: Readonly<Record<Scalar, string>> = { f32: 'float', f16: 'unsigned short', bf16: 'unsigned short', i32: 'int', u8: 'int', bool: 'int' };

/** Bytes of one stored element of `s`. */
export const STORAGE_BYTES: Readonly<Record<Scalar, number>> = { f32: 4, f16: 2, bf16: 2, i32: 4, u8: 4, bool: 4 };

/** A C literal of `value` as type `t`. */
export function literal(value: number, t: CType): string {
  if (t === 'bool') return value !== 0 ? 'true' : 'false';
  if (t === 'int') {
    if (value === -2147483648) return '(-2147483647 - 1)';
    return value < 0 ? `(${value})` : `${value}`;
  }
  if (value === -Infinity) return '(-INFINITY)';
  if (value === Infinity) return 'INFINITY';
  if (Number.isNaN(value)) return 'NAN';
  const text = numberText(Math.fround(value));
  const c = /[.e]/.test(text) ? `${text}f` : `${text}.0f`;
  return value < 0 ? `(${c})` : c;
}

/** Converts C expression `e` of type `from` to type `to`. */
export function convert(e: string, from: CType, to: CType): string {
  if (from === to) return e;
  if (to === 'bool') return `((${e}) != 0)`;
  return `((${to})(${e}))`;
}

/** An element-wise template over operands a, b, c and the operand type each wants. */
export interface OpTemplate {
  readonly text: string;
  /** Operand type; 'same' means the node's own value type. */
  readonly operand: CType | 'same';
}

const t = (text: string, operand: CType | 'same' = 'same'): OpTemplate => ({ text, operand });

/** Templates per op (key: `${op}` or `${op}:${bool|int}` where the spelling differs by operand kind). */
export const ELEMENTWISE: Readonly<Record<string, OpTemplate>> = {
  [Op.NEG]: t('(-a)'),
  [Op.NOT]: t('(!a)', 'bool'),
  [Op.ABS]: t('sp_abs(a)'),
  [Op.POPCOUNT]: t('__popc((unsigned)(a))', 'int'),
  [Op.EXP]: t('expf(a)', 'float'),
  [Op.LOG]: t('logf(a)', 'float'),
  [Op.TANH]: t('tanhf(a)', 'float'),
  [Op.SQRT]: t('sqrtf(a)', 'float'),
  [Op.SIN]: t('sinf(a)', 'float'),
  [Op.COS]: t('cosf(a)', 'float'),
  [Op.EXP2]: t('exp2f(a)', 'float'),
  [Op.LOG2]: t('log2f(a)', 'float'),
  [Op.FLOOR]: t('floorf(a)', 'float'),
  [Op.ERF]: t('erff(a)', 'float'),
  [Op.ADD]: t('(a + b)'),
  [Op.SUB]: t('(a - b)'),
  [Op.MUL]: t('(a * b)'),
  [Op.DIV]: t('(a / b)'),
  [Op.IDIV]: t('sp_floor_div(a, b)', 'int'),
  [Op.MOD]: t('sp_floor_mod(a, b)', 'int'),
  [Op.MIN]: t('sp_min(a, b)'),
  [Op.MAX]: t('sp_max(a, b)'),
  [`${Op.AND}:bool`]: t('(a && b)'),
  [`${Op.OR}:bool`]: t('(a || b)'),
  [`${Op.XOR}:bool`]: t('(a != b)'),
  [`${Op.AND}:int`]: t('(a & b)'),
  [`${Op.OR}:int`]: t('(a | b)'),
  [`${Op.XOR}:int`]: t('(a ^ b)'),
  [Op.SHL]: t('((int)((unsigned)(a) << ((b) & 31)))', 'int'),
  [Op.SHR]: t('((a) >> ((b) & 31))', 'int'),
  [Op.SOFTMAX_EXP]: t('sp_softmax_exp(a, b)', 'float'),
  [Op.MAD]: t('(a * b + c)'),
};

/** Comparison ops and their C operator (operands share the wider of their two types). */
export const COMPARE: Readonly<Partial<Record<Op, string>>> = {
  [Op.EQ]: '==', [Op.NE]: '!=', [Op.LT]: '<', [Op.LE]: '<=', [Op.GT]: '>', [Op.GE]: '>=',
};

/** Bounds-checked read of element `i` of a global input of `s` (pointer `p`, length `n`), 0 outside. */
export const READ_INPUT: Readonly<Record<Scalar, (p: string, n: string, i: string) => string>> = {
  f32: (p, n, i) => `sp_rd_f32(${p}, ${n}, ${i})`,
  f16: (p, n, i) => `sp_rd_f16(${p}, ${n}, ${i})`,
  bf16: (p, n, i) => `sp_rd_bf16(${p}, ${n}, ${i})`,
  i32: (p, n, i) => `sp_rd_i32(${p}, ${n}, ${i})`,
  u8: (p, n, i) => `sp_rd_i32(${p}, ${n}, ${i})`,
  bool: (p, n, i) => `(sp_rd_i32(${p}, ${n}, ${i}) != 0)`,
};

/** Statement storing value `v` to element `i` of a global output of `s` (the caller checks the bounds). */
export const WRITE_OUTPUT: Readonly<Record<Scalar, (p: string, i: string, v: string) => string>> = {
  f32: (p, i, v) => `${p}[${i}] = ${v};`,
  f16: (p, i, v) => `${p}[${i}] = sp_f32_to_f16(${v});`,
  bf16: (p, i, v) => `${p}[${i}] = sp_f32_to_bf16(${v});`,
  i32: (p, i, v) => `${p}[${i}] = ${v};`,
  u8: (p, i, v) => `${p}[${i}] = ${v};`,
  bool: (p, i, v) => `${p}[${i}] = (${v}) ? 1 : 0;`,
};

/** C of word `at` of a slot space: global scratch is offset by the block's base, shared memory is not. */
export const SLOT_WORD: Readonly<Record<SlotSpace, (at: string) => string>> = {
  f: (at) => `sf[sbf + ${at}]`,
  i: (at) => `si[sbi + ${at}]`,
  wf: (at) => `wf[${at}]`,
  wh: (at) => `wh[${at}]`,
  wi: (at) => `wi[${at}]`,
};

/** The barrier that makes a slot space's writes visible to the block (__syncthreads orders global and shared). */
export const SLOT_BARRIER: Readonly<Record<SlotSpace, string>> = {
  f: '__syncthreads();', i: '__syncthreads();', wf: '__syncthreads();', wh: '__syncthreads();', wi: '__syncthreads();',
};

/** True for slot spaces that hold int words (bools as 0/1). */
export const INT_SPACE: Readonly<Record<SlotSpace, boolean>> = { f: false, i: true, wf: false, wi: true, wh: false };

/** C of a value read from a slot word (f16 tiles widen to float). */
export const SLOT_READ: Readonly<Record<SlotSpace, (word: string) => string>> = {
  f: (w) => w, i: (w) => w, wf: (w) => w, wi: (w) => w, wh: (w) => `sp_f16_to_f32(${w})`,
};

/** C of a value as written to a slot word. */
export const SLOT_WRITE: Readonly<Record<SlotSpace, (value: string) => string>> = {
  f: (v) => v, i: (v) => v, wf: (v) => v, wi: (v) => v, wh: (v) => `sp_f32_to_f16(${v})`,
};

/** The identity of each reduction and its C combining step. */
export const REDUCTION: Readonly<Partial<Record<Op, { init: Record<'float' | 'int', string>; step: (a: string, b: string) => string }>>> = {
  [Op.REDUCE_MAX]: { init: { float: '(-INFINITY)', int: '(-2147483647 - 1)' }, step: (a, b) => `sp_max(${a}, ${b})` },
  [Op.REDUCE_SUM]: { init: { float: '0.0f', int: '0' }, step: (a, b) => `(${a} + ${b})` },
};
