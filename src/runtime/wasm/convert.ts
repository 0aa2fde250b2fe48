/**
 * @file Host-side numeric helpers of the wasm runtime: f32 <-> f16 / bf16 bit conversions (round to
 * nearest even) for 16-bit storage, and erf for the gelu epilogue (imported by kernel modules).
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The IEEE binary16 bits nearest to `x` (ties to even). */
export function f32ToF16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  const s = (b >>> 16) & 0x8000;
  const a = b & 0x7fffffff;
  if (a > 0x7f800000) return s | 0x7e00;
  if (a >= 0x477ff000) return s | 0x7c00;
  if (a < 0x38800000) {
    const v = Math.abs(f32[0]!) * 16777216;
    const fl = Math.floor(v);
    const d = v - fl;
    return s | (d > 0.5 || (d === 0.5 && fl % 2 === 1) ? fl + 1 : fl);
  }
  return s | (((a + 0xfff + ((a >>> 13) & 1)) >>> 13) - 0x1c000);
}

/** The value of binary16 bits `h`. */
export function f16BitsToF32(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 31;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** The bfloat16 bits nearest to `x` (ties to even). */
export function f32ToBf16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  if ((b & 0x7fffffff) > 0x7f800000) return (b >>> 16) | 0x40;
  return ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff;
}

/** The value of bfloat16 bits `h`. */
export function bf16BitsToF32(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

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
