/**
 * @file Rounding of float values to the storage dtypes (IEEE half and bfloat16), exactly,
 * with round-to-nearest-even, subnormals and overflow to infinity. Used for inputs and outputs.
 */
import type { DType } from '../model/kernel.js';

/** A binary floating-point format described by its precision and exponent range. */
interface FloatFormat {
  /** Significand bits including the implicit leading one (half: 11, bfloat16: 8). */
  readonly precision: number;
  /** Exponent of the smallest normal number (half: -14, bfloat16: -126). */
  readonly minExp: number;
  /** Exponent of the largest finite number (half: 15, bfloat16: 127). */
  readonly maxExp: number;
}

const HALF: FloatFormat = { precision: 11, minExp: -14, maxExp: 15 };
const BFLOAT16: FloatFormat = { precision: 8, minExp: -126, maxExp: 127 };

/** Rounds to the nearest integer, ties to even (exact for every double). */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The exponent e with 2^e <= a < 2^(e+1), for finite a > 0. */
function exponentOf(a: number): number {
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return e;
}

/** Rounds one double to `fmt` (result is a double holding the exactly representable value). */
function roundToFormat(x: number, fmt: FloatFormat): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  const e = Math.max(exponentOf(a), fmt.minExp);
  // NOTE: scaling by powers of two is exact, so `a / quantum` and the product below lose nothing.
  const quantum = 2 ** (e - fmt.precision + 1);
  const r = roundHalfEven(a / quantum) * quantum;
  const maxFinite = (2 - 2 ** (1 - fmt.precision)) * 2 ** fmt.maxExp;
  const result = r > maxFinite ? Infinity : r;
  return x < 0 ? -result : result;
}

/** Rounds `x` to the nearest IEEE binary16 value (ties to even; |x| >= 65520 becomes infinity). */
export function roundF16(x: number): number {
  return roundToFormat(x, HALF);
}

/** Rounds `x` to the nearest bfloat16 value (the top 16 bits of a float32, ties to even). */
export function roundBF16(x: number): number {
  return roundToFormat(x, BFLOAT16);
}

/** Rounds `x` to float32. */
export function roundF32(x: number): number {
  return Math.fround(x);
}

/** Scalar rounding for each storage dtype. */
export const ROUND_SCALAR: Readonly<Record<DType, (x: number) => number>> = {
  f32: roundF32,
  f16: roundF16,
  bf16: roundBF16,
};

/** Unit roundoff (half an ulp at 1) of each storage dtype. */
export const UNIT_ROUNDOFF: Readonly<Record<DType, number>> = {
  f32: 2 ** -24,
  f16: 2 ** -11,
  bf16: 2 ** -8,
};

const scratchF32 = new Float32Array(1);
const scratchU32 = new Uint32Array(scratchF32.buffer);

/** The value of every binary16 bit pattern (65536 entries), built on first use. */
let halfValues: Float32Array | null = null;
function halfTable(): Float32Array {
  if (halfValues) return halfValues;
  halfValues = new Float32Array(65536);
  for (let bits = 0; bits < 65536; bits++) {
    const e = (bits >> 10) & 0x1f;
    const m = bits & 0x3ff;
    const magnitude = e === 0 ? m * 2 ** -24 : e === 0x1f ? (m ? NaN : Infinity) : (1024 + m) * 2 ** (e - 25);
    halfValues[bits] = bits & 0x8000 ? -magnitude : magnitude;
  }
  return halfValues;
}

/** binary16 bits of a float32 bit pattern, round-to-nearest-even (fast path for arrays). */
function halfBitsOfFloatBits(u: number): number {
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  const mant = u & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  // Normal halves drop 13 mantissa bits; subnormal ones drop 13 + (1 - e) bits of 1.mant.
  const full = exp === 0 ? mant : mant | 0x800000;
  const drop = e >= 1 ? 13 : 14 - e;
  if (drop > 24) return sign;
  const kept = full >>> drop;
  const rem = full & ((1 << drop) - 1);
  const halfway = 1 << (drop - 1);
  const rounded = rem > halfway || (rem === halfway && (kept & 1) === 1) ? kept + 1 : kept;
  // Adding the rounded significand to the exponent field lets a carry roll over into it (up to inf).
  return e >= 1 ? sign | ((e << 10) + (rounded - 0x400)) : sign | rounded;
}

/** Rounds a float32 value to binary16 through its bit pattern. */
function roundF16Fast(x: number, table: Float32Array): number {
  scratchF32[0] = x;
  return table[halfBitsOfFloatBits(scratchU32[0]!)]!;
}

/** Rounds a float32 value to bfloat16: round-to-nearest-even of the top 16 bits. */
function roundBF16Fast(x: number): number {
  if (Number.isNaN(x)) return x;
  scratchF32[0] = x;
  const u = scratchU32[0]!;
  scratchU32[0] = ((u + 0x7fff + ((u >>> 16) & 1)) & 0xffff0000) >>> 0;
  return scratchF32[0]!;
}

/** Rounds every element of `values` to `dtype` in place and returns the same array. */
export function roundInPlace(dtype: DType, values: Float32Array): Float32Array {
  if (dtype === 'f32') return values;
  if (dtype === 'bf16') {
    for (let i = 0; i < values.length; i++) values[i] = roundBF16Fast(values[i]!);
    return values;
  }
  const table = halfTable();
  for (let i = 0; i < values.length; i++) values[i] = roundF16Fast(values[i]!, table);
  return values;
}

/**
 * Returns a new Float32Array with every element of `values` rounded to `dtype`. Doubles are
 * rounded once, straight to the dtype (no double rounding through float32).
 */
export function roundTo(dtype: DType, values: ArrayLike<number>): Float32Array {
  const round = ROUND_SCALAR[dtype];
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = round(values[i]!);
  return out;
}
