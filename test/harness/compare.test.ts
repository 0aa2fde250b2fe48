import { describe, it, expect } from 'vitest';
import { POISON_BITS, TOLERANCES, compareOutput, describeMismatch, poison, unflatten } from '../../src/harness/compare.js';
import { UNIT_ROUNDOFF } from '../../src/reference/dtype.js';

const bound = () => 1e-3;

describe('compareOutput', () => {
  it('passes values within the bound and reports the largest errors', () => {
    const s = compareOutput({ output: 'out', actual: Float32Array.from([1, 2.0005]), expected: Float64Array.from([1, 2]), shape: [2], bound });
    expect(s.bad).toBe(0);
    expect(s.checked).toBe(2);
    expect(s.maxAbsErr).toBeCloseTo(0.0005, 6);
    expect(s.maxRelErr).toBeCloseTo(0.00025, 6);
  });

  it('flags an error beyond the bound with its coordinates', () => {
    const s = compareOutput({ output: 'out', actual: Float32Array.from([0, 0, 0, 0.5]), expected: new Float64Array(4), shape: [1, 2, 2], bound });
    expect(s.bad).toBe(1);
    expect(s.firstBad).toMatchObject({ index: [0, 1, 1], actual: 0.5, expected: 0, unwritten: false });
    expect(describeMismatch(s)).toBe(`out: 1 bad of 4 checked; first at (0,1,1): got 0.5, expected 0 (error 5.00e-1, tolerance ${bound(3).toExponential(2)})`);
  });

  it('counts poisoned elements as unwritten, even where nothing is checked', () => {
    const actual = poison(new Float32Array(3));
    actual[0] = 1;
    expect(new Uint32Array(actual.buffer)[1]).toBe(POISON_BITS);
    const s = compareOutput({ output: 'out', actual, expected: Float64Array.from([1, NaN, NaN]), shape: [3], bound });
    expect(s).toMatchObject({ checked: 1, bad: 2, unwritten: 2 });
    expect(describeMismatch(s)).toMatch(/2 unwritten; first at \(1\): never written/);
  });

  it('flags a plain NaN in an unchecked element, and matches infinities exactly', () => {
    const nan = compareOutput({ output: 'out', actual: Float32Array.from([NaN]), expected: Float64Array.from([NaN]), shape: [1], bound });
    expect(nan.bad).toBe(1);
    const lse = compareOutput({ output: 'lse', actual: Float32Array.from([-Infinity, -1e30, 3]), expected: Float64Array.from([-Infinity, -Infinity, 3]), shape: [3], bound });
    expect(lse.bad).toBe(1);
    expect(lse.firstBad!.index).toEqual([1]);
    const inf = compareOutput({ output: 'lse', actual: Float32Array.from([-Infinity]), expected: Float64Array.from([2]), shape: [1], bound });
    expect(inf.bad).toBe(1);
    expect(inf.maxAbsErr).toBe(Infinity);
  });

  it('a checked NaN reference expects a NaN', () => {
    const ok = compareOutput({ output: 'y', actual: Float32Array.from([NaN]), expected: Float64Array.from([NaN]), shape: [1], bound, isChecked: () => true });
    expect(ok.bad).toBe(0);
  });

  it('tolerances cover output rounding of each dtype', () => {
    for (const dtype of ['f32', 'f16', 'bf16'] as const) expect(TOLERANCES[dtype].rtol).toBeGreaterThanOrEqual(2 * UNIT_ROUNDOFF[dtype]);
    expect(unflatten(23, [2, 3, 4])).toEqual([1, 2, 3]);
  });
});
