import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { packBSR, packCSR, packNM, packWeight, unpackBSR, unpackCSR, unpackNM, unpackWeight } from '../../src/runtime/packing.js';
import { Rng } from '../../src/reference/random.js';

/** A random dense [n, k] weight with roughly `density` nonzeros. */
function sparseWeight(n: number, k: number, density: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n * k }, () => (rng.bernoulli(density) ? rng.normal() : 0));
}

/** A random weight satisfying nm(N, M): at most N nonzeros per group. */
function nmWeight(n: number, k: number, N: number, M: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const w = new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let g = 0; g < k; g += M) {
      const width = Math.min(M, k - g);
      const count = rng.int(0, Math.min(N, width) + 1);
      for (let c = 0; c < count; c++) w[r * k + g + rng.int(0, width)] = rng.normal() || 1;
    }
  }
  return w;
}

const dims = fc.record({ n: fc.integer({ min: 0, max: 9 }), k: fc.integer({ min: 0, max: 19 }), seed: fc.integer() });

describe('weight packing', () => {
  it('nm round-trips, with N slots per group and indices in range', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), ({ n, k, seed }, a, b) => {
        const M = Math.max(a, b);
        const N = Math.min(a, b);
        const w = nmWeight(n, k, N, M, seed);
        const p = packNM(w, n, k, N, M);
        const groups = Math.ceil(k / M);
        expect(p.values.length).toBe(n * groups * N);
        for (let s = 0; s < p.indices.length; s++) {
          const g = Math.floor(s / N) % groups;
          expect(g * M + p.indices[s]!).toBeLessThan(k);
          if (s % N > 0) expect(p.indices[s]!).toBeGreaterThanOrEqual(p.indices[s - 1]!);
        }
        expect(Array.from(unpackNM(p))).toEqual(Array.from(w));
      }),
      { numRuns: 200 },
    );
  });

  it('nm packs a 2:4 row exactly as documented', () => {
    const w = Float32Array.from([0, 5, 0, 7, 3, 0, 0, 0]);
    const p = packNM(w, 1, 8, 2, 4);
    expect(Array.from(p.values)).toEqual([5, 7, 3, 0]);
    expect(Array.from(p.indices)).toEqual([1, 3, 0, 1]);
  });

  it('nm packer rejects 3 nonzeros in a group of 4 for nm(2, 4)', () => {
    const w = Float32Array.from([1, 2, 0, 0, 1, 2, 3, 0]);
    expect(() => packNM(w, 1, 8, 2, 4)).toThrow(/row 0, k 4..7 has 3 nonzeros; nm\(2, 4\) allows at most 2/);
  });

  it('bsr round-trips and stores only blocks with a nonzero', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), ({ n, k, seed }, R, C, d) => {
        const w = sparseWeight(n, k, d * 0.3, seed);
        const p = packBSR(w, n, k, R, C);
        expect(p.rowPtr.length).toBe(Math.ceil(n / R) + 1);
        expect(p.values.length).toBe(p.colIdx.length * R * C);
        for (let b = 0; b < p.colIdx.length; b++) expect(p.values.subarray(b * R * C, (b + 1) * R * C).some((x) => x !== 0)).toBe(true);
        expect(Array.from(unpackBSR(p))).toEqual(Array.from(w));
      }),
      { numRuns: 200 },
    );
  });

  it('bsr lays a 2x2 block out row-major', () => {
    const w = Float32Array.from([0, 0, 1, 2, 0, 0, 3, 4]); // [2, 4]
    const p = packBSR(w, 2, 4, 2, 2);
    expect(Array.from(p.rowPtr)).toEqual([0, 1]);
    expect(Array.from(p.colIdx)).toEqual([1]);
    expect(Array.from(p.values)).toEqual([1, 2, 3, 4]);
  });

  it('csr round-trips with ascending indices', () => {
    fc.assert(
      fc.property(dims, fc.double({ min: 0, max: 1, noNaN: true }), ({ n, k, seed }, d) => {
        const w = sparseWeight(n, k, d, seed);
        const p = packCSR(w, n, k);
        expect(p.indptr.length).toBe(n + 1);
        expect(p.indptr[n]).toBe(w.filter((x) => x !== 0).length);
        expect(Array.from(unpackCSR(p))).toEqual(Array.from(w));
      }),
      { numRuns: 200 },
    );
  });

  it('packWeight / unpackWeight dispatch on the layout', () => {
    const w = Float32Array.from([0, 1, 2, 0]);
    for (const layout of [{ format: 'dense' }, { format: 'csr' }, { format: 'bsr', r: 1, c: 2 }, { format: 'nm', keep: 1, group: 2 }] as const) {
      expect(Array.from(unpackWeight(packWeight(layout, w, 2, 2)))).toEqual([0, 1, 2, 0]);
    }
    expect(() => packWeight({ format: 'csr' }, w, 3, 2)).toThrow(/expected n \* k = 6/);
  });
});
