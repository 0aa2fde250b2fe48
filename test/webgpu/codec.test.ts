import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DECODE, ENCODE, fromBf16Bits, fromHalfBits, toBf16Bits, toHalfBits, wordsFor } from '../../src/runtime/webgpu/codec.js';

describe('webgpu word codecs', () => {
  it('encodes halves of known values', () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1e6)).toBe(0x7c00);
    expect(toHalfBits(-Infinity)).toBe(0xfc00);
    expect(toHalfBits(2 ** -24)).toBe(1);
    expect(fromHalfBits(0x3555)).toBeCloseTo(0.33325, 5);
    expect(toBf16Bits(1)).toBe(0x3f80);
    expect(fromBf16Bits(0xc040)).toBe(-3);
  });

  it('round-trips every f16 and bf16 value exactly', () => {
    for (let h = 0; h < 0x10000; h++) {
      const exp = (h >> 10) & 0x1f;
      if (exp === 0x1f && (h & 0x3ff)) continue;
      expect(toHalfBits(fromHalfBits(h))).toBe(h);
    }
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), (b) => {
      if ((b & 0x7f80) === 0x7f80 && (b & 0x7f)) return;
      expect(toBf16Bits(fromBf16Bits(b))).toBe(b);
    }));
  });

  it('rounds f32 to the nearest half, ties to even', () => {
    expect(fromHalfBits(toHalfBits(1 + 2 ** -11))).toBe(1);
    expect(fromHalfBits(toHalfBits(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9);
    expect(fromBf16Bits(toBf16Bits(1 + 2 ** -8))).toBe(1);
  });

  it('packs two halves per word and decodes an odd count', () => {
    const data = [1, -2, 0.5, 3];
    const words = new Uint32Array(wordsFor('f16', 3) + 1);
    ENCODE.f16(words, 1, data.slice(0, 3));
    expect(words[1]).toBe(((toHalfBits(-2) << 16) | toHalfBits(1)) >>> 0);
    const out = new Float32Array(3);
    DECODE.f16(words, 1, out);
    expect([...out]).toEqual([1, -2, 0.5]);
    const bw = new Uint32Array(2);
    ENCODE.bf16(bw, 0, data);
    const bo = new Float32Array(4);
    DECODE.bf16(bw, 0, bo);
    expect([...bo]).toEqual(data);
  });
});
