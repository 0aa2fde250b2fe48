/**
 * @file Packed storage of sparse gemm weights (the project's definition) with packers from a dense
 * [n, k] weight and unpackers back. Runtime code: imports nothing from the compiler.
 *
 * All layouts describe the logical weight W [n, k] (Linear convention, Y = X W^T), row-major.
 *
 * nm(N, M)   Per row r and group g of M consecutive k (groups = ceil(k / M); the last group may be
 *            shorter, `k - g*M` positions), exactly N slots:
 *              values  Float32Array [n, groups * N]   value of slot s of group g of row r at
 *                                                     r * groups * N + g * N + s
 *              indices Uint8Array  [n, groups * N]   position of that slot within its group (0..M-1),
 *                                                     so its k coordinate is g * M + index
 *            The nonzeros of a group occupy slots in ascending position order. A group with fewer
 *            than N nonzeros is padded with value 0 at unused in-range positions (the smallest ones),
 *            and all N slots are then sorted ascending by position (strictly ascending). Only a tail
 *            group shorter than N positions cannot have N distinct positions: its extra slots repeat
 *            the group's last in-range position with value 0 (so every index is < k; indices are
 *            then non-decreasing). Requires M <= 256 and 1 <= N <= M. Packing throws when a group
 *            holds more than N nonzeros.
 * bsr(R, C)  R x C blocks over [n, k]; block rows = ceil(n / R), block columns = ceil(k / C):
 *              rowPtr   Int32Array [ceil(n / R) + 1]  blocks of block row br are rowPtr[br] .. rowPtr[br+1]-1
 *              colIdx   Int32Array [nnzBlocks]        block column of each stored block, ascending in a row
 *              values   Float32Array [nnzBlocks * R * C]  each block row-major (element (i, j) of block b at
 *                                                     b * R * C + i * C + j); elements outside [n, k] are 0
 *            A block is stored iff it holds at least one nonzero.
 * csr        indptr Int32Array [n + 1], indices Int32Array [nnz] (k, ascending within a row),
 *            values Float32Array [nnz]. Only nonzeros are stored.
 * dense      values Float32Array [n, k], the weight itself.
 * "Nonzero" means `value !== 0` (so NaN counts as nonzero and -0 as zero).
 */

/** N:M structured sparsity: N slots per group of M along k. */
export interface PackedNM {
  readonly format: 'nm';
  readonly n: number;
  readonly k: number;
  readonly keep: number;
  readonly group: number;
  readonly values: Float32Array;
  readonly indices: Uint8Array;
}

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

/** Compressed sparse rows. */
export interface PackedCSR {
  readonly format: 'csr';
  readonly n: number;
  readonly k: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** A dense weight, stored as is. */
export interface PackedDense {
  readonly format: 'dense';
  readonly n: number;
  readonly k: number;
  readonly values: Float32Array;
}

/** Any packed weight. */
export type PackedWeight = PackedNM | PackedBSR | PackedCSR | PackedDense;

/** The weight format of a gemm kernel (structurally the model's WeightFormat). */
export type WeightLayout =
  | { readonly format: 'dense' }
  | { readonly format: 'nm'; readonly keep: number; readonly group: number }
  | { readonly format: 'bsr'; readonly r: number; readonly c: number }
  | { readonly format: 'csr' };

function checkDense(w: ArrayLike<number>, n: number, k: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0) throw new Error(`packing: bad weight shape [${n}, ${k}]`);
  if (w.length !== n * k) throw new Error(`packing: weight has ${w.length} elements, expected n * k = ${n * k}`);
}

/** Packs a dense weight [n, k] as nm(N, M); throws when a group holds more than N nonzeros. */
export function packNM(w: ArrayLike<number>, n: number, k: number, N: number, M: number): PackedNM {
  checkDense(w, n, k);
  if (!Number.isInteger(M) || M < 1 || M > 256) throw new Error(`packing: nm group size M = ${M} must be in 1..256`);
  if (!Number.isInteger(N) || N < 1 || N > M) throw new Error(`packing: nm keep N = ${N} must be in 1..M (${M})`);
  const groups = Math.ceil(k / M);
  const values = new Float32Array(n * groups * N);
  const indices = new Uint8Array(n * groups * N);
  for (let r = 0; r < n; r++) {
    for (let g = 0; g < groups; g++) {
      const start = g * M;
      const width = Math.min(M, k - start);
      const nonzero: number[] = [];
      for (let p = 0; p < width; p++) if (w[r * k + start + p] !== 0) nonzero.push(p);
      if (nonzero.length > N) {
        throw new Error(
          `packing: weight row ${r}, k ${start}..${start + width - 1} has ${nonzero.length} nonzeros; nm(${N}, ${M}) allows at most ${N}`,
        );
      }
      const slot = (r * groups + g) * N;
      padSlots(nonzero, width, N).forEach((p, s) => {
        indices[slot + s] = p.position;
        values[slot + s] = p.isNonzero ? w[r * k + start + p.position]! : 0;
      });
    }
  }
  return { format: 'nm', n, k, keep: N, group: M, values, indices };
}

/** One slot of an nm group: its position, and whether it holds a nonzero (else padding, value 0). */
interface NMSlot {
  readonly position: number;
  readonly isNonzero: boolean;
}

/** The N slots of a group: its nonzeros, padded by unused (then repeated) in-range positions. */
function padSlots(nonzero: readonly number[], width: number, N: number): NMSlot[] {
  const used = new Set(nonzero);
  const slots: NMSlot[] = nonzero.map((position) => ({ position, isNonzero: true }));
  for (let p = 0; p < width && slots.length < N; p++) if (!used.has(p)) slots.push({ position: p, isNonzero: false });
  slots.sort((a, b) => a.position - b.position);
  while (slots.length < N) slots.push({ position: width - 1, isNonzero: false });
  return slots;
}

/** Unpacks nm storage to a dense [n, k] weight. */
export function unpackNM(p: PackedNM): Float32Array {
  const { n, k, keep, group } = p;
  const groups = Math.ceil(k / group);
  const w = new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let g = 0; g < groups; g++) {
      for (let s = 0; s < keep; s++) {
        const slot = (r * groups + g) * keep + s;
        const col = g * group + p.indices[slot]!;
        if (p.values[slot] !== 0) w[r * k + col] = p.values[slot]!;
      }
    }
  }
  return w;
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

/** Packs a dense weight [n, k] in the given layout. */
export function packWeight(layout: WeightLayout, w: ArrayLike<number>, n: number, k: number): PackedWeight {
  switch (layout.format) {
    case 'dense':
      checkDense(w, n, k);
      return { format: 'dense', n, k, values: Float32Array.from(w) };
    case 'nm':
      return packNM(w, n, k, layout.keep, layout.group);
    case 'bsr':
      return packBSR(w, n, k, layout.r, layout.c);
    case 'csr':
      return packCSR(w, n, k);
  }
}

/** Unpacks any packed weight to a dense [n, k] weight. */
export function unpackWeight(p: PackedWeight): Float32Array {
  switch (p.format) {
    case 'dense':
      return Float32Array.from(p.values);
    case 'nm':
      return unpackNM(p);
    case 'bsr':
      return unpackBSR(p);
    case 'csr':
      return unpackCSR(p);
  }
}
