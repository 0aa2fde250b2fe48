/**
 * @file A weight the caller packed is checked before a kernel reads it: weights packed by `packWeight` for every
 * sparse gemm of dsl/ pass; a wrong format, size, index or order is refused with a message saying what is wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { GemmKernel } from '../../src/model/kernel.js';
import { Rng } from '../../src/reference/random.js';
import { packWeight, type PackedWeight } from '../../src/runtime/packing.js';
import { checkPackedWeight } from '../../src/runtime/library/packed-check.js';

let gemms: GemmKernel[] = [];

beforeAll(async () => {
  gemms = (await loadAndCheck(['dsl'])).kernels.filter((k): k is GemmKernel => k.kind === 'gemm');
});

/** A random dense [n, k] weight with about half of its entries zero, packed for `kernel`. */
function packed(kernel: GemmKernel, seed: number): PackedWeight {
  const [n, k] = [kernel.n as number, kernel.k as number];
  const w = new Float32Array(n * k);
  const rng = new Rng(seed);
  rng.fillNormal(w);
  if (kernel.weight.format === 'nm') {
    const { keep, group } = kernel.weight;
    for (let r = 0; r < n; r++) for (let c = 0; c < k; c++) if (c % group >= keep) w[r * k + c] = 0;
  } else {
    for (let i = 0; i < w.length; i++) if (w[i]! < 0) w[i] = 0;
  }
  return packWeight(kernel.weight, w, n, k);
}

describe('packed weights given to run()', () => {
  it('accepts what packWeight makes, for every gemm of dsl/', () => {
    expect(gemms.length).toBeGreaterThan(10);
    for (const g of gemms) expect(() => checkPackedWeight(g, packed(g, 1)), g.name).not.toThrow();
  });

  it('refuses a wrong format, a wrong size and a short array', () => {
    const nm = gemms.find((g) => g.weight.format === 'nm')!;
    const csr = gemms.find((g) => g.weight.format === 'csr')!;
    expect(() => checkPackedWeight(nm, packed(csr, 2))).toThrow(/format is csr, the kernel wants nm/);
    const w = packed(nm, 3) as Extract<PackedWeight, { format: 'nm' }>;
    expect(() => checkPackedWeight(nm, { ...w, n: w.n + 1 })).toThrow(/is \[\d+, \d+\], the kernel's weight is \[n, k\]/);
    expect(() => checkPackedWeight(nm, { ...w, values: w.values.subarray(1) })).toThrow(/'values' has \d+ elements, expected \d+/);
  });

  it('refuses an N:M index outside its group, a csr column out of range and csr columns out of order', () => {
    const nm = gemms.find((g) => g.weight.format === 'nm')!;
    const w = packed(nm, 4) as Extract<PackedWeight, { format: 'nm' }>;
    const indices = Uint8Array.from(w.indices);
    indices[1] = w.group;
    expect(() => checkPackedWeight(nm, { ...w, indices })).toThrow(new RegExp(`index ${w.group} at slot 1 is outside its group`));
    const csr = gemms.find((g) => g.weight.format === 'csr')!;
    const c = packed(csr, 5) as Extract<PackedWeight, { format: 'csr' }>;
    const row = [...c.indptr].findIndex((p, r) => r + 1 < c.indptr.length && c.indptr[r + 1]! - p >= 2);
    const out = Int32Array.from(c.indices);
    out[c.indptr[row]!] = csr.k as number;
    expect(() => checkPackedWeight(csr, { ...c, indices: out })).toThrow(/column index \d+ at \d+ \(row \d+\) is outside \[0, \d+\)/);
    const swapped = Int32Array.from(c.indices);
    const i = c.indptr[row]!;
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    expect(() => checkPackedWeight(csr, { ...c, indices: swapped })).toThrow(/column indices of row \d+ must ascend/);
  });

  it('refuses a bsr block column out of range', () => {
    const bsr = gemms.find((g) => g.weight.format === 'bsr')!;
    const b = packed(bsr, 6) as Extract<PackedWeight, { format: 'bsr' }>;
    const cols = Int32Array.from(b.colIdx);
    cols[cols.length - 1] = Math.ceil((bsr.k as number) / b.c);
    expect(() => checkPackedWeight(bsr, { ...b, colIdx: cols })).toThrow(/block index \d+ at \d+ \(row \d+\) is outside/);
  });
});
