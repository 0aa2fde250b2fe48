/**
 * @file The tensor-core statements: Q, K and V tiles staged in shared memory by cp.async as their 16-bit patterns (rows padded
 * by 8 elements, so the 8 row addresses of an ldmatrix fall in distinct banks), Q moved once into A fragments
 * (ldmatrix .x4), S = Q K^T with K as B fragments (ldmatrix .x4 without .trans, two n-blocks at a time),
 * P repacked from the S accumulators into A fragments in registers, and O += P V with V as B fragments
 * (ldmatrix .x2 .trans). DOT's skip_zero (a zero weight never multiplies a NaN / inf V) holds: a V tile with a
 * non-finite element (found while staging it, one __syncthreads_or) is multiplied by a scalar path that selects.
 */
import type { Node } from '../../../ir/node.js';
import { dotSkipsZero } from '../../../ir/build.js';
import { bufferArgs } from '../cuda-spelling.js';
import { MMA_DTYPES, type Role, type TensorCorePlan } from './plan.js';
import type { FragmentValues } from './values.js';

/** Shared-memory arrays of the staged tiles: Q and K share one (Q is in registers before any K is staged). */
export interface StagedArrays {
  readonly qk: { readonly name: string; readonly pitch: number; readonly rows: number };
  readonly v: { readonly name: string; readonly pitch: number; readonly rows: number };
}

/** Padding (elements) after each staged row. */
export const ROW_PAD = 8;

/** The shared arrays of `plan`. */
export function stagedArrays(plan: TensorCorePlan): StagedArrays {
  return {
    qk: { name: 'tc_qk', pitch: plan.d + ROW_PAD, rows: Math.max(plan.tq, plan.tk) },
    v: { name: 'tc_v', pitch: plan.dv + ROW_PAD, rows: plan.tk },
  };
}

/** Bytes of static shared memory the staged arrays take. */
export function stagedBytes(s: StagedArrays): number {
  return 2 * (s.qk.pitch * s.qk.rows + s.v.pitch * s.v.rows);
}

/**
 * Lines copying LOAD `n` (role q / k / v) into its shared array, zero outside its valid extents, after a barrier:
 * 8 elements (16 bytes) per cp.async where the row is contiguous, in the buffer and 16-byte aligned (zero-filling
 * the invalid tail), element by element otherwise; then cp.async.wait_all and a barrier. For V under a skip_zero
 * DOT the closing barrier also says whether any staged element is NaN / inf (bound to `bad`).
 */
export function stageTile(v: FragmentValues, n: Node, role: Role, threads: number, s: StagedArrays, bad: string | null): string[] {
  const arr = role === 'v' ? s.v : s.qk;
  const [rows, cols] = (n.type as { shape: readonly number[] }).shape as [number, number];
  const info = v.buffer(n.src[0]!);
  const { ptr, len } = bufferArgs(info);
  const p = { cls: 'scalar' as const, h: '0', n: '0', e: '0' };
  const base = v.ref(n.src[1]!, p);
  const [s0, s1, vr, vc] = [2, 3, 4, 5].map((i) => v.ref(n.src[i]!, p));
  const nonFinite = MMA_DTYPES[v.plan.dtype]!.nonFinite;
  const chunks = cols / 8;
  return [
    '__syncthreads();',
    '{',
    ...(bad ? ['  int tc_bad = 0;'] : []),
    `  for (int tc_x = lid; tc_x < ${rows * chunks}; tc_x += ${threads}) {`,
    `    const int tc_row = tc_x / ${chunks}, tc_col = (tc_x % ${chunks}) * 8;`,
    `    unsigned short* tc_dst = &${arr.name}[tc_row * ${arr.pitch} + tc_col];`,
    `    const int tc_n = tc_row < ${vr} ? sp_max(0, sp_min(8, ${vc} - tc_col)) : 0;`,
    `    const int tc_a = ${base} + tc_row * ${s0} + tc_col * ${s1};`,
    `    if (tc_n == 0) {`,
    `      SPARSEC_CP_ASYNC_16(tc_dst, ${ptr}, 0);`,
    `    } else if (${s1} == 1 && tc_a >= 0 && tc_a + tc_n <= ${len} && (((unsigned long long)(${ptr} + tc_a)) & 15) == 0) {`,
    `      SPARSEC_CP_ASYNC_16(tc_dst, ${ptr} + tc_a, 2 * tc_n);`,
    '    } else {',
    '      for (int tc_e = 0; tc_e < 8; tc_e++) {',
    `        const int tc_ae = tc_a + tc_e * ${s1};`,
    `        tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < ${len}) ? ${ptr}[tc_ae] : (unsigned short)0;`,
    '      }',
    '    }',
    '  }',
    '  SPARSEC_CP_ASYNC_WAIT_ALL();',
    ...(bad
      ? [
        '  // NOTE: each thread checks the chunks it staged (its own copies are complete after the wait).',
        `  for (int tc_x = lid; tc_x < ${rows * chunks}; tc_x += ${threads}) {`,
        `    const unsigned short* tc_src = &${arr.name}[(tc_x / ${chunks}) * ${arr.pitch} + (tc_x % ${chunks}) * 8];`,
        `    for (int tc_e = 0; tc_e < 8; tc_e++) tc_bad |= (tc_src[tc_e] & ${nonFinite}) == ${nonFinite};`,
        '  }',
        `  ${bad} = __syncthreads_or(tc_bad);`,
      ]
      : ['  __syncthreads();']),
    '}',
  ];
}

/** Lines moving the staged Q tile into this warp's A fragments `name[d / 16][4]` (ldmatrix .x4 per 16 columns). */
export function loadQFragments(plan: TensorCorePlan, s: StagedArrays, name: string): string[] {
  return [
    `unsigned ${name}[${plan.d / 16}][4];`,
    '#pragma unroll',
    `for (int tc_k = 0; tc_k < ${plan.d / 16}; tc_k++) {`,
    '  // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.',
    `  SPARSEC_LDMATRIX_X4(${name}[tc_k], &${s.qk.name}[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * ${s.qk.pitch} + tc_k * 16 + (tc_lane >> 4) * 8]);`,
    '}',
  ];
}

/** Lines of S = Q K^T + acc into `out[tk / 8][4]` (A: Q fragments `q`; B: K rows through ldmatrix .x4). */
export function scoreDot(plan: TensorCorePlan, s: StagedArrays, out: string, q: string): string[] {
  const mma = MMA_DTYPES[plan.dtype]!.mma;
  return [
    '#pragma unroll',
    `for (int tc_k = 0; tc_k < ${plan.d / 16}; tc_k++) {`,
    '  #pragma unroll',
    `  for (int tc_n = 0; tc_n < ${plan.tk / 8}; tc_n += 2) {`,
    '    unsigned tc_b[4];',
    '    // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.',
    `    SPARSEC_LDMATRIX_X4(tc_b, &${s.qk.name}[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * ${s.qk.pitch} + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);`,
    `    ${mma}(${out}[tc_n], ${q}[tc_k], tc_b, ${out}[tc_n]);`,
    `    ${mma}(${out}[tc_n + 1], ${q}[tc_k], tc_b + 2, ${out}[tc_n + 1]);`,
    '  }',
    '}',
  ];
}

/**
 * Lines of O += P V into `out[dv / 8][4]` (already holding acc): P (`p[tk / 8][4]`, f32) packed into A fragments,
 * V through ldmatrix .x2 .trans. With `bad` (skip_zero and a non-finite V element in the tile) the product is a
 * per-element select over P written to the block's scratch instead.
 */
export function valueDot(plan: TensorCorePlan, s: StagedArrays, dot: Node, out: string, p: string, bad: string | null): string[] {
  const { mma, pack, widen } = MMA_DTYPES[plan.dtype]!;
  const tensor = [
    '#pragma unroll',
    `for (int tc_k = 0; tc_k < ${plan.tk / 16}; tc_k++) {`,
    `  const unsigned tc_a[4] = {${pack}(${p}[2 * tc_k][0], ${p}[2 * tc_k][1]), ${pack}(${p}[2 * tc_k][2], ${p}[2 * tc_k][3]),`,
    `                            ${pack}(${p}[2 * tc_k + 1][0], ${p}[2 * tc_k + 1][1]), ${pack}(${p}[2 * tc_k + 1][2], ${p}[2 * tc_k + 1][3])};`,
    '  #pragma unroll',
    `  for (int tc_n = 0; tc_n < ${plan.dv / 8}; tc_n++) {`,
    '    unsigned tc_b[2];',
    `    SPARSEC_LDMATRIX_X2_TRANS(tc_b, &${s.v.name}[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * ${s.v.pitch} + tc_n * 8]);`,
    `    ${mma}(${out}[tc_n], tc_a, tc_b, ${out}[tc_n]);`,
    '  }',
    '}',
  ];
  if (!dotSkipsZero(dot) || bad === null) return tensor;
  const tk = plan.tk;
  const select = [
    '// NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).',
    '#pragma unroll',
    `for (int tc_n = 0; tc_n < ${tk / 8}; tc_n++) {`,
    '  #pragma unroll',
    '  for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * ' + `${tk} + 8 * tc_n + tc_c0 + (tc_i & 1)] = ${p}[tc_n][tc_i];`,
    '}',
    '__syncwarp();',
    `for (int tc_key = 0; tc_key < ${tk}; tc_key++) {`,
    `  const float tc_p0 = sf[sbf + tc_r0 * ${tk} + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * ${tk} + tc_key];`,
    '  #pragma unroll',
    `  for (int tc_n = 0; tc_n < ${plan.dv / 8}; tc_n++) {`,
    '    #pragma unroll',
    '    for (int tc_e = 0; tc_e < 2; tc_e++) {',
    `      const float tc_x = ${widen}(${s.v.name}[tc_key * ${s.v.pitch} + 8 * tc_n + tc_c0 + tc_e]);`,
    `      ${out}[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;`,
    `      ${out}[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;`,
    '    }',
    '  }',
    '}',
    '__syncwarp();',
  ];
  return [`if (!${bad}) {`, ...tensor.map((l) => `  ${l}`), '} else {', ...select.map((l) => `  ${l}`), '}'];
}

/**
 * Device helpers of the tensor-core path: two f32 packed into one register of f16 / bf16 (round to nearest even), and
 * cp.async of 16 bytes into shared memory (`bytes` read, the rest zero-filled) with its wait; the emulator defines
 * the cp.async macros in native/cuda-emu/sparsec_mma_emu.h.
 */
export const TENSOR_CORE_HEAD = String.raw`#ifndef SPARSEC_EMULATE
#define SPARSEC_CP_ASYNC_16(dst, src, bytes) \
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" :: "r"((unsigned)__cvta_generic_to_shared(dst)), "l"(src), "r"(bytes) : "memory")
#define SPARSEC_CP_ASYNC_WAIT_ALL() asm volatile("cp.async.wait_all;\n" ::: "memory")
#endif
#ifdef SPARSEC_EMULATE
__device__ __forceinline__ unsigned tc_pack_bf16(float lo, float hi) { return (unsigned)sp_f32_to_bf16(lo) | ((unsigned)sp_f32_to_bf16(hi) << 16); }
__device__ __forceinline__ unsigned tc_pack_f16(float lo, float hi) { return (unsigned)sp_f32_to_f16(lo) | ((unsigned)sp_f32_to_f16(hi) << 16); }
#else
// cvt.rn.{bf16x2,f16x2}.f32 d, a, b puts a in the upper half and b in the lower.
__device__ __forceinline__ unsigned tc_pack_bf16(float lo, float hi) { unsigned r; asm("cvt.rn.bf16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo)); return r; }
__device__ __forceinline__ unsigned tc_pack_f16(float lo, float hi) { unsigned r; asm("cvt.rn.f16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo)); return r; }
#endif`;
