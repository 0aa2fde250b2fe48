/**
 * @file WGSL spellings as tables: value types, literals, element-wise op templates (keyed by op and
 * operand kind), and the helper functions every kernel module carries. What differs from a C-like
 * printer lives here, not in branches of the printer.
 */
import type { Scalar } from '../../ir/dtype.js';
import { numberText } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import type { SlotSpace } from '../simt/layout.js';
import { template as t, type OpTemplate, type Reduction, type VKind } from '../simt/spelling.js';

/** WGSL type names of the value kinds of tile elements. */
export const WGSL_TYPE: Readonly<Record<VKind | 'auto', string>> = { float: 'f32', int: 'i32', bool: 'bool', auto: '' };

/** A WGSL literal of `value` as kind `k`. */
export function literal(value: number, k: VKind): string {
  if (k === 'bool') return value !== 0 ? 'true' : 'false';
  if (k === 'int') {
    if (value === -2147483648) return 'i32(-2147483647 - 1)';
    return value < 0 ? `(${value}i)` : `${value}i`;
  }
  if (value === -Infinity) return 'neg_inf()';
  if (value === Infinity) return '(-neg_inf())';
  if (Number.isNaN(value)) throw new Error('webgpu: NaN constants are not supported');
  const f = Math.fround(value);
  const text = numberText(f);
  return f < 0 ? `(${text}f)` : `${text}f`;
}

/** Converts WGSL expression `e` of kind `from` to kind `to`. */
export function convert(e: string, from: VKind, to: VKind): string {
  if (from === to) return e;
  if (to === 'bool') return `(${e} != ${from === 'float' ? '0f' : '0i'})`;
  return `${WGSL_TYPE[to]}(${e})`;
}

/** Templates per op, for float / int / bool results (key: `${op}` or `${op}:${kind}`). */
export const ELEMENTWISE: Readonly<Record<string, OpTemplate>> = {
  [Op.NEG]: t('(-a)'),
  [Op.NOT]: t('(!a)', 'bool'),
  [Op.ABS]: t('abs(a)'),
  [Op.POPCOUNT]: t('countOneBits(a)', 'int'),
  [Op.EXP]: t('exp_nan(a)'),
  [Op.LOG]: t('log_nan(a)'),
  [Op.TANH]: t('tanh_safe(a)'),
  [Op.SQRT]: t('sqrt(a)'),
  [Op.SIN]: t('sin_rr(a)'),
  [Op.COS]: t('cos_rr(a)'),
  [Op.EXP2]: t('exp2_nan(a)'),
  [Op.LOG2]: t('log2_nan(a)'),
  [Op.FLOOR]: t('floor(a)'),
  [Op.ERF]: t('erf_approx(a)'),
  [Op.ADD]: t('(a + b)'),
  [Op.SUB]: t('(a - b)'),
  [Op.MUL]: t('(a * b)'),
  [Op.DIV]: t('div_rn(a, b)'),
  [Op.IDIV]: t('floor_div(a, b)', 'int'),
  [Op.MOD]: t('floor_mod(a, b)', 'int'),
  [Op.MIN]: t('min(a, b)'),
  [Op.MAX]: t('max(a, b)'),
  [`${Op.AND}:bool`]: t('(a && b)'),
  [`${Op.OR}:bool`]: t('(a || b)'),
  [`${Op.XOR}:bool`]: t('(a != b)'),
  [`${Op.AND}:int`]: t('(a & b)'),
  [`${Op.OR}:int`]: t('(a | b)'),
  [`${Op.XOR}:int`]: t('(a ^ b)'),
  [Op.SHL]: t('(a << (u32(b) & 31u))', 'int'),
  [Op.SHR]: t('(a >> (u32(b) & 31u))', 'int'),
  [Op.SOFTMAX_EXP]: t('softmax_exp(a, b)', 'float'),
  [Op.MAD]: t('(a * b + c)'),
};

/** Comparison ops and their WGSL operator (operands share the wider of their two types). */
export const COMPARE: Readonly<Partial<Record<Op, string>>> = {
  [Op.EQ]: '==', [Op.NE]: '!=', [Op.LT]: '<', [Op.LE]: '<=', [Op.GT]: '>', [Op.GE]: '>=',
};

/** Helper functions every module starts with (pure WGSL, no bindings). */
export const HELPERS = `
fn neg_inf() -> f32 { return bitcast<f32>(ib[0]); }
fn hdr(i: u32) -> i32 { return bitcast<i32>(ib[i]); }
fn floor_div(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  if (b == -1) { return -a; }
  let q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) { return q - 1; }
  return q;
}
fn floor_mod(a: i32, b: i32) -> i32 {
  if (b == 0 || b == -1) { return 0; }
  let r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) { return r + b; }
  return r;
}
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn log_nan(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return log(x);
}
fn exp_nan(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return exp(x);
}
fn prod_err(a: f32, b: f32, p: f32) -> f32 {
  let ca = 4097f * a;
  let ah = ca - (ca - a);
  let al = a - ah;
  let cb = 4097f * b;
  let bh = cb - (cb - b);
  let bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}
fn div_residual(a: f32, b: f32, q: f32) -> f32 {
  let p = q * b;
  return abs((a - p) - prod_err(q, b, p));
}
fn div_rn(a: f32, b: f32) -> f32 {
  let q = a / b;
  let aq = abs(q);
  if (!(aq > 1e-18f && aq < 1e18f && abs(b) > 1e-18f && abs(b) < 1e18f)) { return q; }
  let up = bitcast<f32>(bitcast<u32>(q) + 1u);
  let dn = bitcast<f32>(bitcast<u32>(q) - 1u);
  var best = q;
  var r = div_residual(a, b, q);
  let ru = div_residual(a, b, up);
  if (ru < r) { best = up; r = ru; }
  if (div_residual(a, b, dn) < r) { best = dn; }
  return best;
}
fn softmax_exp(a: f32, m: f32) -> f32 {
  if (a < -3.0e38) { return 0f; }
  let x = a - m;
  if (is_nan(x)) { return x; }
  return exp(x);
}
fn tanh_safe(x: f32) -> f32 {
  let e = exp(-2f * abs(x));
  return sign(x) * (1f - e) / (1f + e);
}
fn erf_approx(x: f32) -> f32 {
  let z = abs(x);
  let t = 1f / (1f + 0.3275911f * z);
  let y = 1f - (((((1.061405429f * t - 1.453152027f) * t) + 1.421413741f) * t - 0.284496736f) * t + 0.254829592f) * t * exp(-z * z);
  return sign(x) * y;
}
fn f16_bits(x: f32) -> u32 {
  // NOTE: pack2x16float is indeterminate outside the finite f16 range: NaN, inf and overflow are spelled out.
  if (is_nan(x)) { return 0x7e00u; }
  if (x >= 65520f) { return 0x7c00u; }
  if (x <= -65520f) { return 0xfc00u; }
  return pack2x16float(vec2<f32>(x, 0f)) & 0xffffu;
}
fn bf16_bits(x: f32) -> u32 {
  let b = bitcast<u32>(x);
  if ((b & 0x7f800000u) == 0x7f800000u && (b & 0x7fffffu) != 0u) { return (b >> 16u) | 0x40u; }
  return ((b + 0x7fffu + ((b >> 16u) & 1u)) >> 16u) & 0xffffu;
}
fn put_half(w: u32, i: i32, bits: u32) {
  let shift = 16u * u32(i & 1);
  atomicAnd(&ob[w], ~(0xffffu << shift));
  atomicOr(&ob[w], bits << shift);
}
`;

/** WGSL that reads element `i` (i32) of an input region starting at word `off`, per storage type. */
export const READ_INPUT: Readonly<Record<Scalar, (off: string, i: string) => string>> = {
  f32: (off, i) => `bitcast<f32>(ib[u32(${off} + ${i})])`,
  f16: (off, i) => `unpack2x16float(ib[u32(${off} + (${i} >> 1u))])[${i} & 1]`,
  bf16: (off, i) => `bitcast<f32>((ib[u32(${off} + (${i} >> 1u))] >> (16u * u32(${i} & 1))) << 16u)`,
  i32: (off, i) => `bitcast<i32>(ib[u32(${off} + ${i})])`,
  u8: (off, i) => `bitcast<i32>(ib[u32(${off} + ${i})])`,
  bool: (off, i) => `(ib[u32(${off} + ${i})] != 0u)`,
};

/** WGSL statement that writes value `v` to element `i` of an output region at word `off`. */
export const WRITE_OUTPUT: Readonly<Record<Scalar, (off: string, i: string, v: string) => string>> = {
  f32: (off, i, v) => `atomicStore(&ob[u32(${off} + ${i})], bitcast<u32>(${v}));`,
  f16: (off, i, v) => `put_half(u32(${off} + (${i} >> 1u)), ${i}, f16_bits(${v}));`,
  bf16: (off, i, v) => `put_half(u32(${off} + (${i} >> 1u)), ${i}, bf16_bits(${v}));`,
  i32: (off, i, v) => `atomicStore(&ob[u32(${off} + ${i})], bitcast<u32>(${v}));`,
  u8: (off, i, v) => `atomicStore(&ob[u32(${off} + ${i})], bitcast<u32>(${v}));`,
  bool: (off, i, v) => `atomicStore(&ob[u32(${off} + ${i})], select(0u, 1u, ${v}));`,
};

/** Word codec of a buffer's storage type on the host side. */
export const CODEC: Readonly<Record<Scalar, 'f32' | 'f16' | 'bf16' | 'i32'>> = { f32: 'f32', f16: 'f16', bf16: 'bf16', i32: 'i32', u8: 'i32', bool: 'i32' };

/** WGSL of word `at` of a slot space: storage scratch is offset by the workgroup's base, workgroup memory is not. */
export const SLOT_WORD: Readonly<Record<SlotSpace, (at: string) => string>> = {
  f: (at) => `sf[sbf + ${at}]`,
  i: (at) => `si[sbi + ${at}]`,
  wf: (at) => `wf[${at}]`,
  wh: (at) => `wh[${at}]`,
  wi: (at) => `wi[${at}]`,
};

/** The barrier that makes writes to a slot space visible to the whole workgroup. */
export const SLOT_BARRIER: Readonly<Record<SlotSpace, string>> = {
  f: 'storageBarrier();',
  i: 'storageBarrier();',
  wf: 'workgroupBarrier();',
  wh: 'workgroupBarrier();',
  wi: 'workgroupBarrier();',
};

/** True for slot spaces that hold i32 words (bools as 0/1). */
export const INT_SPACE: Readonly<Record<SlotSpace, boolean>> = { f: false, i: true, wf: false, wi: true, wh: false };

/** WGSL of a value read from a slot word (f16 tiles widen to f32: arithmetic stays f32). */
export const SLOT_READ: Readonly<Record<SlotSpace, (word: string) => string>> = {
  f: (w) => w, i: (w) => w, wf: (w) => w, wi: (w) => w, wh: (w) => `f32(${w})`,
};

/** WGSL of a value as written to a slot word. */
export const SLOT_WRITE: Readonly<Record<SlotSpace, (value: string) => string>> = {
  f: (v) => v, i: (v) => v, wf: (v) => v, wi: (v) => v, wh: (v) => `f16(${v})`,
};

/** Identity and combining step of each reduction (shuffle reductions). */
export const REDUCTION: Readonly<Partial<Record<Op, Reduction>>> = {
  [Op.REDUCE_MAX]: { init: { float: 'neg_inf()', int: 'i32(-2147483647 - 1)' }, step: (a, b) => `max(${a}, ${b})` },
  [Op.REDUCE_SUM]: { init: { float: '0f', int: '0i' }, step: (a, b) => `(${a} + ${b})` },
};
