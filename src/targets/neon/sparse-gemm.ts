/**
 * @file Outer-product micro-kernels for f32 csr, bsr and nm gemm on neon, as the wasm target has them: X is
 * transposed once per block of up to 16 rows into scratch, then each stored weight (csr nonzero, bsr R x C block,
 * nm slot) adds value x X-column to accumulators held in vector registers, so the work is proportional to the
 * nonzeros. Kernels with bias, epilogue, input threshold, 16-bit storage, dynamic k or large blocks keep the
 * general tile-IR lowering.
 */
import type { NeonParam } from '../../runtime/neon/abi.js';
import type { MicroFormatName, MicroPlan } from '../../passes/gemm-micro.js';
import type { OuterWalk } from '../../passes/lower-gemm-outer.js';
import type { LayoutOf } from '../../runtime/formats/index.js';
import type { VectorIsa } from './isa.js';

/** The printed micro-kernel: its C function, parameters (in call order) and scratch. */
export interface SparseGemmFunction {
  readonly name: string;
  readonly text: string;
  readonly params: readonly NeonParam[];
  readonly scratchBytes: number;
  readonly parallel: boolean;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Stores the accumulators `accs` (MB rows over vectors) into Y column `col` for the valid rows. */
function storeColumn(accs: readonly string[], col: string): string {
  return accs.map((a, q) => `{ float l[4]; vst1q_f32(l, ${a}); for (int32_t e = 0; e < 4 && ${4 * q} + e < rows; e++) y[(row0 + ${4 * q} + e) * n + ${col}] = l[e]; }`).join('\n        ');
}

/** The per-weight-row loop of each format, in C. */
type MicroBody<F extends MicroFormatName> = (w: LayoutOf<F>, plan: MicroPlan, isa: VectorIsa, rows: RowWalk) => string;

/** The first weight row of this thread and the stride between its rows: its share of a `block` walk, or all of a serial one. */
interface RowWalk {
  readonly first: string;
  readonly step: string;
}

/** Micro-kernel bodies by format. */
const BODIES = {
  csr(_w, plan, isa, rows) {
    const V = isa.vectorType.f;
    const accs = range(plan.rowBlock / 4).map((q) => `acc${q}`);
    return `
      for (int32_t j = ${rows.first}; j < n; j += ${rows.step}) {
        ${accs.map((a) => `${V} ${a} = ${isa.splat.f('0.0f')};`).join(' ')}
        for (int32_t p = ptr[j]; p < ptr[j + 1]; p++) {
          const float *col = xt + idx[p] * ${plan.rowBlock};
          ${V} v = ${isa.splat.f('val[p]')};
          ${accs.map((a, q) => `${a} = ${isa.fma(a, 'v', isa.load.f(`col + ${4 * q}`))};`).join('\n          ')}
        }
        ${storeColumn(accs, 'j')}
      }`;
  },
  bsr(w, plan, isa, rows) {
    const V = isa.vectorType.f;
    const [R, C, MB, Q] = [w.r, w.c, plan.rowBlock, plan.rowBlock / 4];
    const accs = range(R).map((rr) => range(Q).map((q) => `acc${rr}_${q}`));
    const perColumn = range(C).flatMap((cc) => [
      ...range(Q).map((q) => `${V} x${cc}_${q} = ${isa.load.f(`col + ${cc * MB + 4 * q}`)};`),
      ...range(R).flatMap((rr) => range(Q).map((q) => `${accs[rr]![q]} = ${isa.fmaScalar(accs[rr]![q]!, `x${cc}_${q}`, `vp[${rr * C + cc}]`)};`)),
    ]);
    return `
      for (int32_t br = ${rows.first}; br * ${R} < n; br += ${rows.step}) {
        int32_t j = br * ${R};
        ${accs.flat().map((a) => `${V} ${a} = ${isa.splat.f('0.0f')};`).join(' ')}
        for (int32_t p = ptr[br]; p < ptr[br + 1]; p++) {
          const float *col = xt + idx[p] * ${C * MB};
          const float *vp = val + p * ${R * C};
          ${perColumn.join('\n          ')}
        }
        ${accs.map((row, rr) => `if (j + ${rr} < n) {\n        ${storeColumn(row, `j + ${rr}`)}\n        }`).join('\n        ')}
      }`;
  },
  nm(w, plan, isa, rows) {
    const V = isa.vectorType.f;
    const MB = plan.rowBlock;
    const groups = plan.kPad / w.group;
    const accs = range(MB / 4).map((q) => `acc${q}`);
    const slots = range(w.keep).flatMap((t) => [
      `{ const float *col = xg + pi[${t}] * ${MB}; ${V} v = ${isa.splat.f(`pv[${t}]`)};`,
      ...accs.map((a, q) => `  ${a} = ${isa.fma(a, 'v', isa.load.f(`col + ${4 * q}`))};`),
      '}',
    ]);
    return `
      for (int32_t j = ${rows.first}; j < n; j += ${rows.step}) {
        ${accs.map((a) => `${V} ${a} = ${isa.splat.f('0.0f')};`).join(' ')}
        const uint8_t *pi = idx + j * ${groups * w.keep};
        const float *pv = val + j * ${groups * w.keep};
        const float *xg = xt;
        for (int32_t g = 0; g < ${groups}; g++, pi += ${w.keep}, pv += ${w.keep}, xg += ${w.group * MB}) {
          ${slots.join('\n          ')}
        }
        ${storeColumn(accs, 'j')}
      }`;
  },
} as const satisfies { readonly [F in MicroFormatName]: MicroBody<F> };

/** C element types of the micro-kernel's weight buffers. */
const C_TYPE = { f32: 'float', i32: 'int32_t', u8: 'uint8_t' } as const;

/** Prints the micro-kernel `fn(sb, tid, nth, m, n, k, x, y, <weight buffers>)` of the outer walk `plan` (final IR: lower-gemm-outer.ts). */
export function printSparseGemm(plan: OuterWalk, fn: string, isa: VectorIsa): SparseGemmFunction {
  const MB = plan.rowBlock;
  const kPad = plan.kPad;
  const rows: RowWalk = plan.parallel ? { first: 'tid', step: 'nth' } : { first: '0', step: '1' };
  const body = (BODIES[plan.format] as MicroBody<MicroFormatName>)(plan.layout, plan, isa, rows);
  // the weight buffers bind, in order, to (ptr,) idx, val
  const weights = plan.params.slice(5);
  const weightArgs = weights.map((p, i) => `const ${C_TYPE[p.scalar]} *restrict ${['ptr', 'idx', 'val'].slice(3 - weights.length)[i]}`);
  const text = `void ${fn}(uint8_t *sb, int32_t tid, int32_t nth, int32_t m, int32_t n, int32_t k, const float *restrict x, float *restrict y, ${weightArgs.join(', ')}) {
  float *xt = (float *)sb;
  for (int32_t row0 = 0; row0 < m; row0 += ${MB}) {
    int32_t rows = m - row0 < ${MB} ? m - row0 : ${MB};
    memset(xt, 0, sizeof(float) * ${kPad * MB});
    for (int32_t r = 0; r < rows; r++) for (int32_t kk = 0; kk < k; kk++) xt[kk * ${MB} + r] = x[(row0 + r) * k + kk];
    ${body}
  }
}
`;
  return { name: fn, text, params: plan.params, scratchBytes: plan.scratchBytes, parallel: plan.parallel };
}
