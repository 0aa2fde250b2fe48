/**
 * @file Word codecs of the WebGPU runtime: f32 / i32 as one word per element, f16 and bf16 as two
 * halves per u32 word (low half first), encoded and decoded on the host without the compiler.
 */
import type { WordCodec } from './artifact.js';

import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../half.js';

/** IEEE half bits of `x` (round to nearest even; overflow to inf). */
export const toHalfBits = f32ToF16Bits;
/** The value of IEEE half bits `h`. */
export const fromHalfBits = f16BitsToF32;
/** bfloat16 bits of `x` (round to nearest even; NaN kept quiet). */
export const toBf16Bits = f32ToBf16Bits;
/** The value of bfloat16 bits `h`. */
export const fromBf16Bits = bf16BitsToF32;

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
