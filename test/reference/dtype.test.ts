import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { roundBF16, roundF16, roundInPlace, roundTo } from '../../src/reference/dtype.js';

/** Every finite non-negative half value, ascending, indexed by its bit pattern. */
const HALVES = Array.from({ length: 0x7c00 }, (_, bits) => {
  const e = bits >> 10;
  const m = bits & 0x3ff;
  return e === 0 ? m * 2 ** -24 : (1024 + m) * 2 ** (e - 25);
});

/** Independent f16 rounding: nearest of the enumerated halves, ties to the even bit pattern. */
function nearestHalf(x: number): number {
  const a = Math.abs(x);
  if (a >= 65520) return Math.sign(x) * Infinity;
  let lo = 0;
  let hi = HALVES.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (HALVES[mid]! <= a) lo = mid;
    else hi = mid;
  }
  const dl = a - HALVES[lo]!;
  const dh = HALVES[hi]! - a;
  const pick = dl < dh ? lo : dh < dl ? hi : lo % 2 === 0 ? lo : hi;
  const r = a >= HALVES[HALVES.length - 1]! ? HALVES[HALVES.length - 1]! : HALVES[pick]!;
  return x < 0 || Object.is(x, -0) ? -r : r;
}

/** Independent bf16 rounding from the float32 bit pattern. */
function bitsBF16(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  if (Number.isNaN(f[0]!)) return NaN;
  u[0] = ((u[0]! + 0x7fff + ((u[0]! >>> 16) & 1)) & 0xffff0000) >>> 0;
  return f[0]!;
}

describe('dtype rounding', () => {
  it('rounds known values to f16', () => {
    expect(roundF16(1 / 3)).toBe(0.333251953125);
    expect(roundF16(65520)).toBe(Infinity);
    expect(roundF16(-65520)).toBe(-Infinity);
    expect(roundF16(65519)).toBe(65504);
    expect(roundF16(1 + 2 ** -11)).toBe(1); // tie to even
    expect(roundF16(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9); // tie to even (up)
    expect(roundF16(2 ** -24)).toBe(2 ** -24); // smallest subnormal
    expect(roundF16(2 ** -25)).toBe(0); // tie to even zero
    expect(roundF16(3 * 2 ** -26)).toBe(2 ** -24);
    expect(Number.isNaN(roundF16(NaN))).toBe(true);
    expect(Object.is(roundF16(-0), -0)).toBe(true);
  });

  it('rounds known values to bf16', () => {
    expect(roundBF16(1.00390625)).toBe(1); // exactly half way: to even
    expect(roundBF16(1 + 3 * 2 ** -8)).toBe(1.015625);
    expect(roundBF16(1 / 3)).toBe(0.333984375);
    expect(roundBF16(3.4e38)).toBe(Infinity);
  });

  it('f16 rounding matches an enumeration of all halves', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true }), (x) => {
        expect(roundF16(x)).toBe(nearestHalf(x));
      }),
      { numRuns: 3000 },
    );
  });

  it('bf16 rounding matches the float32 bit-pattern rule', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true }), (x) => {
        expect(roundBF16(x)).toBe(bitsBF16(x));
      }),
      { numRuns: 3000 },
    );
  });

  it('roundTo rounds arrays elementwise and leaves f32 values alone', () => {
    expect(Array.from(roundTo('f16', [1 / 3, 70000]))).toEqual([0.333251953125, Infinity]);
    expect(Array.from(roundTo('f32', [0.5, 0.25]))).toEqual([0.5, 0.25]);
  });
});

describe('array rounding (bit-pattern fast path)', () => {
  it('agrees with the exact scalar rounding on every float32', () => {
    fc.assert(
      fc.property(fc.array(fc.float(), { minLength: 1, maxLength: 64 }), (xs) => {
        const a = Float32Array.from(xs);
        const f16 = roundInPlace('f16', a.slice());
        const bf16 = roundInPlace('bf16', a.slice());
        a.forEach((x, i) => {
          expect(Object.is(f16[i], Math.fround(roundF16(x))) || (Number.isNaN(x) && Number.isNaN(f16[i]!))).toBe(true);
          expect(Object.is(bf16[i], Math.fround(roundBF16(x))) || (Number.isNaN(x) && Number.isNaN(bf16[i]!))).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
    const edge = Float32Array.from([65519, 65520, 2 ** -25, 3 * 2 ** -26, 2 ** -24, 6.1e-5, -(2 ** -14), 1 / 3, 2047.5, 2049, 1e-10, 3.4e38]);
    const exact = Array.from(edge, (x) => roundF16(x));
    expect(Array.from(roundInPlace('f16', edge.slice()))).toEqual(exact);
  });
});
