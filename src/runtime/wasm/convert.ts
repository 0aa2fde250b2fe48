/**
 * @file Host-side numeric helpers of the wasm runtime: f32 <-> f16 / bf16 bit conversions (round to
 * nearest even) for 16-bit storage, and erf for the gelu epilogue (imported by kernel modules).
 */

export { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../half.js';

/**
 * erf(x) to double precision: the series 2/sqrt(pi) e^{-x^2} sum 2^n x^{2n+1} / (2n+1)!! for
 * |x| < 3, the continued fraction of erfc beyond, and +-1 for |x| >= 6.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (Number.isNaN(x)) return NaN;
  if (a >= 6) return Math.sign(x);
  if (a < 3) {
    let term = a;
    let sum = a;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * a * a) / (2 * n + 1);
      sum += term;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-a * a) * sum;
  }
  // erfc(a) = e^{-a^2}/sqrt(pi) * 1/(a + 1/2/(a + 1/(a + 3/2/(a + 2/(a + ...)))))
  let f = a;
  for (let n = 60; n >= 1; n--) f = a + n / 2 / f;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

/**
 * The math functions kernel modules import from the host (f64; the module rounds the result to f32): log / tanh
 * always, erf for the gelu epilogue, sin / cos / exp2 / log2 only where a score modifier calls them.
 */
export const HOST_MATH = {
  log: Math.log,
  tanh: Math.tanh,
  erf,
  sin: Math.sin,
  cos: Math.cos,
  exp2: (x: number): number => 2 ** x,
  log2: Math.log2,
} as const;
