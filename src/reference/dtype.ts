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

/** Rounds every element of `values` to `dtype` in place and returns the same array. */
export function roundInPlace(dtype: DType, values: Float32Array): Float32Array {
  if (dtype === 'f32') return values;
  const round = ROUND_SCALAR[dtype];
  for (let i = 0; i < values.length; i++) values[i] = round(values[i]!);
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
