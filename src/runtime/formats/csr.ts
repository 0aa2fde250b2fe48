/**
 * @file Weight format `csr`: indptr Int32Array [n + 1], indices Int32Array [nnz] (k, ascending within a row),
 * values Float32Array [nnz]. Only nonzeros are stored.
 */
import { checkDense, compressedRows, typedArray, type WeightFormatPlugin } from './types.js';

/** Compressed sparse rows. */
export interface PackedCSR {
  readonly format: 'csr';
  readonly n: number;
  readonly k: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Packs a dense weight [n, k] as csr. */
export function packCSR(w: ArrayLike<number>, n: number, k: number): PackedCSR {
  checkDense(w, n, k);
  const indptr = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    let count = 0;
    for (let c = 0; c < k; c++) if (w[r * k + c] !== 0) count++;
    indptr[r + 1] = indptr[r]! + count;
  }
  const indices = new Int32Array(indptr[n]!);
  const values = new Float32Array(indptr[n]!);
  for (let r = 0; r < n; r++) {
    let e = indptr[r]!;
    for (let c = 0; c < k; c++) {
      const v = w[r * k + c]!;
      if (v === 0) continue;
      indices[e] = c;
      values[e++] = v;
    }
  }
  return { format: 'csr', n, k, indptr, indices, values };
}

/** Unpacks csr storage to a dense [n, k] weight. */
export function unpackCSR(p: PackedCSR): Float32Array {
  const w = new Float32Array(p.n * p.k);
  for (let r = 0; r < p.n; r++) {
    for (let e = p.indptr[r]!; e < p.indptr[r + 1]!; e++) w[r * p.k + p.indices[e]!] = p.values[e]!;
  }
  return w;
}

/** The csr plug-in. */
export const CSR: WeightFormatPlugin<'csr'> = {
  format: 'csr',
  text: () => 'csr',
  unit: () => null,
  workPer: 'nonzero',
  anyDensity: true,
  pack: (_l, w, n, k) => packCSR(w, n, k),
  unpack: unpackCSR,
  check(p, _l, fail) {
    if (!(p.indptr instanceof Int32Array) || p.indptr.length !== p.n + 1) fail(`'indptr' must be an Int32Array of ${p.n + 1} elements`);
    if (!(p.indices instanceof Int32Array)) fail(`'indices' must be an Int32Array`);
    typedArray(fail, 'values', p.values, Float32Array, p.indices.length);
    compressedRows(fail, 'column', p.indptr, p.indices, p.k);
  },
  buffers: [{ name: 'w.indptr', scalar: 'i32' }, { name: 'w.indices', scalar: 'i32' }, { name: 'w.values', scalar: 'value' }],
  bindings: (p) => ({ 'w.indptr': p.indptr, 'w.indices': p.indices, 'w.values': p.values, 'w.nnz': p.indices.length }),
};
