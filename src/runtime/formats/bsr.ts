/**
 * @file Weight format `bsr(R, C)`: R x C blocks over [n, k]; block rows = ceil(n / R), block columns = ceil(k / C):
 *   rowPtr   Int32Array [ceil(n / R) + 1]      blocks of block row br are rowPtr[br] .. rowPtr[br+1]-1
 *   colIdx   Int32Array [nnzBlocks]            block column of each stored block, ascending in a row
 *   values   Float32Array [nnzBlocks * R * C]  each block row-major (element (i, j) of block b at b * R * C + i * C + j);
 *                                              elements outside [n, k] are 0
 * A block is stored iff it holds at least one nonzero.
 */
import { checkDense, compressedRows, typedArray, type WeightFormatPlugin } from './types.js';

/** Block sparse rows with R x C blocks. */
export interface PackedBSR {
  readonly format: 'bsr';
  readonly n: number;
  readonly k: number;
  readonly r: number;
  readonly c: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float32Array;
}

/** Packs a dense weight [n, k] as bsr(R, C). */
export function packBSR(w: ArrayLike<number>, n: number, k: number, R: number, C: number): PackedBSR {
  checkDense(w, n, k);
  if (!Number.isInteger(R) || !Number.isInteger(C) || R < 1 || C < 1) throw new Error(`packing: bad bsr block ${R}x${C}`);
  const blockRows = Math.ceil(n / R);
  const blockCols = Math.ceil(k / C);
  const blockHasNonzero = (br: number, bc: number): boolean => {
    for (let row = br * R; row < Math.min(n, br * R + R); row++) {
      for (let col = bc * C; col < Math.min(k, bc * C + C); col++) if (w[row * k + col] !== 0) return true;
    }
    return false;
  };
  const rowPtr = new Int32Array(blockRows + 1);
  const cols: number[] = [];
  for (let br = 0; br < blockRows; br++) {
    for (let bc = 0; bc < blockCols; bc++) if (blockHasNonzero(br, bc)) cols.push(bc);
    rowPtr[br + 1] = cols.length;
  }
  const values = new Float32Array(cols.length * R * C);
  for (let br = 0; br < blockRows; br++) {
    for (let b = rowPtr[br]!; b < rowPtr[br + 1]!; b++) {
      const bc = cols[b]!;
      for (let i = 0; i < R; i++) {
        for (let j = 0; j < C; j++) {
          const row = br * R + i;
          const col = bc * C + j;
          if (row < n && col < k) values[b * R * C + i * C + j] = w[row * k + col]!;
        }
      }
    }
  }
  return { format: 'bsr', n, k, r: R, c: C, rowPtr, colIdx: Int32Array.from(cols), values };
}

/** Unpacks bsr storage to a dense [n, k] weight. */
export function unpackBSR(p: PackedBSR): Float32Array {
  const { n, k, r: R, c: C } = p;
  const w = new Float32Array(n * k);
  for (let br = 0; br + 1 < p.rowPtr.length; br++) {
    for (let b = p.rowPtr[br]!; b < p.rowPtr[br + 1]!; b++) {
      const bc = p.colIdx[b]!;
      for (let i = 0; i < R; i++) {
        for (let j = 0; j < C; j++) {
          const row = br * R + i;
          const col = bc * C + j;
          if (row < n && col < k) w[row * k + col] = p.values[b * R * C + i * C + j]!;
        }
      }
    }
  }
  return w;
}

/** The bsr plug-in. */
export const BSR: WeightFormatPlugin<'bsr'> = {
  format: 'bsr',
  text: (l) => `bsr(${l.r}, ${l.c})`,
  unit: (l) => [l.r, l.c],
  workPer: 'tile',
  anyDensity: true,
  pack: (l, w, n, k) => packBSR(w, n, k, l.r, l.c),
  unpack: unpackBSR,
  check(p, l, fail) {
    if (p.r !== l.r || p.c !== l.c) fail(`has ${p.r}x${p.c} blocks, the kernel wants ${l.r}x${l.c}`);
    const rows = Math.ceil(p.n / p.r) + 1;
    if (!(p.rowPtr instanceof Int32Array) || p.rowPtr.length !== rows) fail(`'rowPtr' must be an Int32Array of ${rows} elements`);
    if (!(p.colIdx instanceof Int32Array)) fail(`'colIdx' must be an Int32Array`);
    typedArray(fail, 'values', p.values, Float32Array, p.colIdx.length * p.r * p.c);
    compressedRows(fail, 'block', p.rowPtr, p.colIdx, Math.ceil(p.k / p.c));
  },
  buffers: [{ name: 'w.rowptr', scalar: 'i32' }, { name: 'w.cols', scalar: 'i32' }, { name: 'w.values', scalar: 'value' }],
  bindings: (p) => ({ 'w.rowptr': p.rowPtr, 'w.cols': p.colIdx, 'w.values': p.values, 'w.nnz': p.colIdx.length }),
};
