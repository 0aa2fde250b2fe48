/**
 * @file Outer-product micro-kernels for f32 csr, bsr and nm gemm on neon, as the wasm target has them: X is
 * transposed once per block of up to 16 rows into scratch, then each stored weight (csr nonzero, bsr R x C block,
 * nm slot) adds value x X-column to accumulators held in vector registers, so the work is proportional to the
 * nonzeros. Kernels with bias, epilogue, input threshold, 16-bit storage, dynamic k or large blocks keep the
 * general tile-IR lowering.
 */
import type { GemmKernel } from '../../model/kernel.js';
import type { NeonParam } from '../../runtime/neon/abi.js';
import type { VectorIsa } from './isa.js';

/** Most rows of X handled per pass (4 vector accumulators per weight row). */
const MAX_ROW_BLOCK = 16;
/** Most vector accumulators a bsr block row may keep in registers. */
const MAX_ACCUMULATORS = 16;
/** Widest bsr block / nm keep (its columns are unrolled). */
const MAX_BLOCK_COLS = 8;

/** Rows per pass: all rows of a small static m (rounded up to 4), else 16. */
function rowBlock(k: GemmKernel): number {
  return typeof k.m === 'number' ? Math.min(MAX_ROW_BLOCK, Math.ceil(k.m / 4) * 4) : MAX_ROW_BLOCK;
}

/** True when `kernel` has an outer-product micro-kernel here. */
export function hasSparseGemmKernel(kernel: GemmKernel): boolean {
  if (kernel.dtype !== 'f32' || kernel.bias || kernel.epilogue !== 'none' || kernel.threshold !== null || typeof kernel.k !== 'number') return false;
  const w = kernel.weight;
  if (w.format === 'csr') return true;
  if (w.format === 'nm') return w.keep <= MAX_BLOCK_COLS;
  return w.format === 'bsr' && w.c <= MAX_BLOCK_COLS && (w.r * rowBlock(kernel)) / 4 <= MAX_ACCUMULATORS;
}

/** The printed micro-kernel: its C function, parameters (in call order) and scratch. */
export interface SparseGemmFunction {
  readonly name: string;
  readonly text: string;
  readonly params: readonly NeonParam[];
  readonly scratchBytes: number;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Stores the accumulators `accs` (MB rows over vectors) into Y column `col` for the valid rows. */
function storeColumn(accs: readonly string[], col: string): string {
  return accs.map((a, q) => `{ float l[4]; vst1q_f32(l, ${a}); for (int32_t e = 0; e < 4 && ${4 * q} + e < rows; e++) y[(row0 + ${4 * q} + e) * n + ${col}] = l[e]; }`).join('\n        ');
}

/** Prints the micro-kernel `fn(sb, tid, nth, m, n, k, x, y, <weight buffers>)`, or null when there is none. */
export function printSparseGemm(kernel: GemmKernel, fn: string, isa: VectorIsa): SparseGemmFunction | null {
  if (!hasSparseGemmKernel(kernel)) return null;
  const w = kernel.weight;
  const MB = rowBlock(kernel);
  const Q = MB / 4;
  const C = w.format === 'bsr' ? w.c : w.format === 'nm' ? w.group : 1;
  const kPad = Math.ceil((kernel.k as number) / C) * C;
  const V = isa.vectorType.f;
  const zero = isa.splat.f('0.0f');
  const weightParams: NeonParam[] = w.format === 'csr'
    ? [{ name: 'w.indptr', kind: 'buffer', scalar: 'i32', written: false }, { name: 'w.indices', kind: 'buffer', scalar: 'i32', written: false }, { name: 'w.values', kind: 'buffer', scalar: 'f32', written: false }]
    : w.format === 'bsr'
      ? [{ name: 'w.rowptr', kind: 'buffer', scalar: 'i32', written: false }, { name: 'w.cols', kind: 'buffer', scalar: 'i32', written: false }, { name: 'w.values', kind: 'buffer', scalar: 'f32', written: false }]
      : [{ name: 'w.indices', kind: 'buffer', scalar: 'u8', written: false }, { name: 'w.values', kind: 'buffer', scalar: 'f32', written: false }];
  const params: NeonParam[] = [
    { name: 'm', kind: 'i32', scalar: 'i32', written: false }, { name: 'n', kind: 'i32', scalar: 'i32', written: false }, { name: 'k', kind: 'i32', scalar: 'i32', written: false },
    { name: 'x', kind: 'buffer', scalar: 'f32', written: false }, { name: 'y', kind: 'buffer', scalar: 'f32', written: true }, ...weightParams,
  ];
  let body: string;
  if (w.format === 'csr') {
    const accs = range(Q).map((q) => `acc${q}`);
    body = `
      for (int32_t j = tid; j < n; j += nth) {
        ${accs.map((a) => `${V} ${a} = ${zero};`).join(' ')}
        for (int32_t p = ptr[j]; p < ptr[j + 1]; p++) {
          const float *col = xt + idx[p] * ${MB};
          ${V} v = ${isa.splat.f('val[p]')};
          ${accs.map((a, q) => `${a} = ${isa.fma(a, 'v', isa.load.f(`col + ${4 * q}`))};`).join('\n          ')}
        }
        ${storeColumn(accs, 'j')}
      }`;
  } else if (w.format === 'bsr') {
    const R = w.r;
    const accs = range(R).map((rr) => range(Q).map((q) => `acc${rr}_${q}`));
    const perColumn = range(C).flatMap((cc) => [
      ...range(Q).map((q) => `${V} x${cc}_${q} = ${isa.load.f(`col + ${cc * MB + 4 * q}`)};`),
      ...range(R).flatMap((rr) => range(Q).map((q) => `${accs[rr]![q]} = ${isa.fmaScalar(accs[rr]![q]!, `x${cc}_${q}`, `vp[${rr * C + cc}]`)};`)),
    ]);
    body = `
      for (int32_t br = tid; br * ${R} < n; br += nth) {
        int32_t j = br * ${R};
        ${accs.flat().map((a) => `${V} ${a} = ${zero};`).join(' ')}
        for (int32_t p = ptr[br]; p < ptr[br + 1]; p++) {
          const float *col = xt + idx[p] * ${C * MB};
          const float *vp = val + p * ${R * C};
          ${perColumn.join('\n          ')}
        }
        ${accs.map((row, rr) => `if (j + ${rr} < n) {\n        ${storeColumn(row, `j + ${rr}`)}\n        }`).join('\n        ')}
      }`;
  } else if (w.format === 'nm') {
    const groups = kPad / w.group;
    const accs = range(Q).map((q) => `acc${q}`);
    const slots = range(w.keep).flatMap((t) => [
      `{ const float *col = xg + pi[${t}] * ${MB}; ${V} v = ${isa.splat.f(`pv[${t}]`)};`,
      ...accs.map((a, q) => `  ${a} = ${isa.fma(a, 'v', isa.load.f(`col + ${4 * q}`))};`),
      '}',
    ]);
    body = `
      for (int32_t j = tid; j < n; j += nth) {
        ${accs.map((a) => `${V} ${a} = ${zero};`).join(' ')}
        const uint8_t *pi = idx + j * ${groups * w.keep};
        const float *pv = val + j * ${groups * w.keep};
        const float *xg = xt;
        for (int32_t g = 0; g < ${groups}; g++, pi += ${w.keep}, pv += ${w.keep}, xg += ${w.group * MB}) {
          ${slots.join('\n          ')}
        }
        ${storeColumn(accs, 'j')}
      }`;
  } else return null;
  const idxType = w.format === 'nm' ? 'uint8_t' : 'int32_t';
  const text = `void ${fn}(uint8_t *sb, int32_t tid, int32_t nth, int32_t m, int32_t n, int32_t k, const float *restrict x, float *restrict y, ${weightParams.length === 3 ? 'const int32_t *restrict ptr, ' : ''}const ${idxType} *restrict idx, const float *restrict val) {
  float *xt = (float *)sb;
  for (int32_t row0 = 0; row0 < m; row0 += ${MB}) {
    int32_t rows = m - row0 < ${MB} ? m - row0 : ${MB};
    memset(xt, 0, sizeof(float) * ${kPad * MB});
    for (int32_t r = 0; r < rows; r++) for (int32_t kk = 0; kk < k; kk++) xt[kk * ${MB} + r] = x[(row0 + r) * k + kk];
    ${body}
  }
}
`;
  return { name: fn, text, params, scratchBytes: kPad * MB * 4 };
}
