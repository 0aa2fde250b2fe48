/**
 * @file Word codecs of the WebGPU runtime: f32 / i32 as one word per element, f16 and bf16 as two
 * halves per u32 word (low half first), encoded and decoded on the host without the compiler.
 */
import type { WordCodec } from './artifact.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half bits of `x` (round to nearest even; overflow to inf). */
export function toHalfBits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const m = mant | 0x800000;
    const shift = 14 - e;
    let h = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rest > half || (rest === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
  return sign | h;
}

/** The value of IEEE half bits `h`. */
export function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** bfloat16 bits of `x` (round to nearest even; NaN kept quiet). */
export function toBf16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  if ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff)) return (b >>> 16) | 0x40;
  return ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff;
}

/** The value of bfloat16 bits `h`. */
export function fromBf16Bits(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

/** 32-bit words needed for `count` elements under `codec`. */
export function wordsFor(codec: WordCodec, count: number): number {
  return codec === 'f16' || codec === 'bf16' ? Math.ceil(count / 2) : count;
}

type Encoder = (words: Uint32Array, at: number, data: ArrayLike<number>) => void;
type Decoder = (words: Uint32Array, at: number, out: Float32Array) => void;

const halves = (bits: (x: number) => number): Encoder => (words, at, data) => {
  for (let i = 0; i < data.length; i++) {
    const w = at + (i >> 1);
    words[w] = (i & 1 ? (words[w]! & 0xffff) | (bits(data[i]!) << 16) : bits(data[i]!)) >>> 0;
  }
};
const fromHalves = (value: (h: number) => number): Decoder => (words, at, out) => {
  for (let i = 0; i < out.length; i++) out[i] = value((words[at + (i >> 1)]! >>> (16 * (i & 1))) & 0xffff);
};

/** Writes `data` into `words` at word `at` in the codec's layout. */
export const ENCODE: Readonly<Record<WordCodec, Encoder>> = {
  f32: (words, at, data) => new Float32Array(words.buffer, words.byteOffset + at * 4, data.length).set(data),
  i32: (words, at, data) => new Int32Array(words.buffer, words.byteOffset + at * 4, data.length).set(data),
  f16: halves(toHalfBits),
  bf16: halves(toBf16Bits),
};

/** Reads `out.length` elements from `words` at word `at`. */
export const DECODE: Readonly<Record<WordCodec, Decoder>> = {
  f32: (words, at, out) => out.set(new Float32Array(words.buffer, words.byteOffset + at * 4, out.length)),
  i32: (words, at, out) => out.set(new Int32Array(words.buffer, words.byteOffset + at * 4, out.length)),
  f16: fromHalves(fromHalfBits),
  bf16: fromHalves(fromBf16Bits),
};
