/**
 * @file IEEE binary16 and bfloat16 bit conversions (round to nearest even), shared by the wasm and
 * webgpu runtimes for 16-bit storage. Imports nothing.
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
