// sparsec: kernel tidaldecode_decode (generated; do not edit)
#ifdef SPARSEC_EMULATE
#include "sparsec_cuda_emu.h"
#else
#include <cuda_runtime.h>
#include <math.h>
#define SPARSEC_LAUNCH(kernel, grid, threads, shared, stream, ...) \
  (kernel<<<(grid), (threads), (shared), (stream)>>>(__VA_ARGS__), cudaGetLastError())
// Tensor cores (sm_80+): d = a x b + c on one m16n8k16 tile of a warp (f32 accumulators), and ldmatrix loads of
// 8x8 b16 matrices from shared memory; the emulator defines the same macros as a model of the fragment layouts.
#define SPARSEC_MMA_16816(type, d, a, b, c) \
  asm volatile("mma.sync.aligned.m16n8k16.row.col.f32." type "." type ".f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%10,%11,%12,%13};\n" \
               : "=f"((d)[0]), "=f"((d)[1]), "=f"((d)[2]), "=f"((d)[3]) \
               : "r"((a)[0]), "r"((a)[1]), "r"((a)[2]), "r"((a)[3]), "r"((b)[0]), "r"((b)[1]), \
                 "f"((c)[0]), "f"((c)[1]), "f"((c)[2]), "f"((c)[3]))
#define SPARSEC_MMA_16816_BF16(d, a, b, c) SPARSEC_MMA_16816("bf16", d, a, b, c)
#define SPARSEC_MMA_16816_F16(d, a, b, c) SPARSEC_MMA_16816("f16", d, a, b, c)
#define SPARSEC_LDMATRIX_X4(r, p) \
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];\n" \
               : "=r"((r)[0]), "=r"((r)[1]), "=r"((r)[2]), "=r"((r)[3]) : "r"((unsigned)__cvta_generic_to_shared(p)))
#define SPARSEC_LDMATRIX_X2(r, p) \
  asm volatile("ldmatrix.sync.aligned.m8n8.x2.shared.b16 {%0,%1}, [%2];\n" : "=r"((r)[0]), "=r"((r)[1]) : "r"((unsigned)__cvta_generic_to_shared(p)))
#define SPARSEC_LDMATRIX_X2_TRANS(r, p) \
  asm volatile("ldmatrix.sync.aligned.m8n8.x2.trans.shared.b16 {%0,%1}, [%2];\n" : "=r"((r)[0]), "=r"((r)[1]) : "r"((unsigned)__cvta_generic_to_shared(p)))
#endif
#ifndef SPARSEC_HELPERS
#define SPARSEC_HELPERS
__device__ __forceinline__ float sp_bits_f32(unsigned u) { return __int_as_float((int)u); }
__device__ __forceinline__ unsigned sp_f32_bits(float f) { return (unsigned)__float_as_int(f); }
__device__ __forceinline__ float sp_f16_to_f32(unsigned short h) {
  const unsigned s = (unsigned)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu;
  if (e == 0x1fu) return sp_bits_f32(s | 0x7f800000u | (m << 13));
  if (e != 0) return sp_bits_f32(s | ((e + 112u) << 23) | (m << 13));
  const float v = (float)m * 5.9604644775390625e-8f;
  return s ? -v : v;
}
__device__ __forceinline__ unsigned short sp_f32_to_f16(float f) {
  const unsigned x = sp_f32_bits(f), s = (x >> 16) & 0x8000u;
  const unsigned a = x & 0x7fffffffu;
  if (a > 0x7f800000u) return (unsigned short)(s | 0x7e00u);
  if (a >= 0x477ff000u) return (unsigned short)(s | 0x7c00u);
  if (a < 0x38800000u) {
    // subnormal half: round the value scaled by 2^24 to the nearest integer, ties to even
    const float v = sp_bits_f32(a) * 16777216.0f;
    float r = floorf(v);
    const float d = v - r;
    if (d > 0.5f || (d == 0.5f && fmodf(r, 2.0f) != 0.0f)) r += 1.0f;
    return (unsigned short)(s | (unsigned)r);
  }
  const unsigned rounded = a + 0xfffu + ((a >> 13) & 1u);
  return (unsigned short)(s | ((rounded - 0x38000000u) >> 13));
}
__device__ __forceinline__ float sp_bf16_to_f32(unsigned short h) { return sp_bits_f32((unsigned)h << 16); }
__device__ __forceinline__ unsigned short sp_f32_to_bf16(float f) {
  const unsigned b = sp_f32_bits(f);
  if ((b & 0x7f800000u) == 0x7f800000u && (b & 0x7fffffu) != 0u) return (unsigned short)((b >> 16) | 0x40u);
  return (unsigned short)(((b + 0x7fffu + ((b >> 16) & 1u)) >> 16) & 0xffffu);
}
__device__ __forceinline__ float sp_rd_f32(const float* p, int n, int i) { return (i >= 0 && i < n) ? p[i] : 0.0f; }
__device__ __forceinline__ float sp_rd_f16(const unsigned short* p, int n, int i) { return (i >= 0 && i < n) ? sp_f16_to_f32(p[i]) : 0.0f; }
__device__ __forceinline__ float sp_rd_bf16(const unsigned short* p, int n, int i) { return (i >= 0 && i < n) ? sp_bf16_to_f32(p[i]) : 0.0f; }
__device__ __forceinline__ int sp_rd_i32(const int* p, int n, int i) { return (i >= 0 && i < n) ? p[i] : 0; }
__device__ __forceinline__ int sp_floor_div(int a, int b) {
  if (b == 0) return 0;
  if (b == -1) return (int)(0u - (unsigned)a);
  const int q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
__device__ __forceinline__ int sp_floor_mod(int a, int b) {
  if (b == 0 || b == -1) return 0;
  const int r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}
__device__ __forceinline__ float sp_max(float a, float b) { return (a != a) ? a : (b != b) ? b : (a > b ? a : b); }
__device__ __forceinline__ float sp_min(float a, float b) { return (a != a) ? a : (b != b) ? b : (a < b ? a : b); }
__device__ __forceinline__ int sp_max(int a, int b) { return a > b ? a : b; }
__device__ __forceinline__ int sp_min(int a, int b) { return a < b ? a : b; }
__device__ __forceinline__ bool sp_max(bool a, bool b) { return a || b; }
__device__ __forceinline__ bool sp_min(bool a, bool b) { return a && b; }
__device__ __forceinline__ float sp_abs(float a) { return fabsf(a); }
__device__ __forceinline__ int sp_abs(int a) { return a < 0 ? (int)(0u - (unsigned)a) : a; }
__device__ __forceinline__ float sp_softmax_exp(float a, float m) { return (m == -INFINITY) ? 0.0f : expf(a - m); }
__device__ __forceinline__ int sp_clamp(int i, int lo, int hi) { return i < lo ? lo : (i > hi ? hi : i); }
__device__ __forceinline__ bool sp_member(const int* off, int noff, const int* vals, int nvals, int l, int x, int lists) {
  if (l < 0 || l >= lists) return false;
  int lo = sp_rd_i32(off, noff, l), hi = sp_rd_i32(off, noff, l + 1);
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    const int v = sp_rd_i32(vals, nvals, mid);
    if (v == x) return true;
    if (v < x) lo = mid + 1; else hi = mid;
  }
  return false;
}
#endif
extern "C" __global__ void __launch_bounds__(128) sparsec_tidaldecode_decode_kernel(const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const int* __restrict__ g_sel_offsets, int n_sel_offsets, const int* __restrict__ g_sel_values, int n_sel_values, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 8256;
  const int sbi = wid * 1;
  __shared__ float wf[8643];
  float pr0[1];
  float pr1[1];
  float pr2[1];
  float pr3[1];
  float pr4[1];
  float pr5[1];
  float pr6[1];
  float pr7[1];
  float pr8[1];
  float pr9[1];
  float pr10[1];
  float pr11[1];
  bool pr12[1];
  bool pr13[1];
  float pr14[1];
  float pr15[1];
  float pr16[1];
  float pr17[1];
  float pr18[1];
  float pr19[1];
  float pr20[1];
  float pr21[1];
  float pr22[1];
  float pr23[1];
  float pr24[1];
  float pr25[1];
  float pr26[1];
  float pr27[1];
  float pr28[1];
  float pr29[1];
  float pr30[1];
  float pr31[1];
  const int v0 = (s_kv_len - 1);
  const int v1 = (s_batch * 4);
  const int n2 = sp_max(0, s_batch - 0);
  const int n3 = sp_max(0, 4 - 0);
  const int n4 = sp_max(0, 1 - 0);
  const int tasks = n2 * n3 * n4;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g7 = 0 + (task / (n4 * n3));
    const int g6 = 0 + (task / (n4)) % n3;
    const int g5 = 0 + task % n4;
    const int v8 = (g7 * s_plan_bmul);
    const int v9 = (v8 * s_plan_hcount);
    const int v10 = (g7 * 4);
    const int v11 = (g7 * 16);
    const bool v12 = (g7 >= 0);
    const bool v13 = (g7 < s_batch);
    const bool v14 = (v12 && v13);
    const int v15 = (g6 * 4);
    const int v16 = (v15 * s_plan_hmul);
    const int v17 = (v9 + v16);
    const int v18 = (v10 + g6);
    const int v19 = (v11 + v15);
    const int v20 = (v18 * s_kv_len);
    const bool v21 = (g6 >= 0);
    const bool v22 = (g6 < 4);
    const bool v23 = (v21 && v22);
    const bool v24 = (v14 && v23);
    const int v25 = (v24 ? v18 : (-1));
    const int v26 = (v15 + 1);
    const int v27 = (v26 * s_plan_hmul);
    const int v28 = (v9 + v27);
    const int v29 = (v11 + v26);
    const int v30 = (v15 + 2);
    const int v31 = (v30 * s_plan_hmul);
    const int v32 = (v9 + v31);
    const int v33 = (v11 + v30);
    const int v34 = (v15 + 3);
    const int v35 = (v34 * s_plan_hmul);
    const int v36 = (v9 + v35);
    const int v37 = (v11 + v34);
    const int v38 = (v17 + g5);
    const int v39 = ((v38) >= 0 && (v38) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v38) : 0);
    const int v40 = (v38 + 1);
    const int v41 = ((v40) >= 0 && (v40) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v40) : 0);
    const int v42 = (v41 - v39);
    const int v43 = (v42 + 15);
    const int v44 = sp_floor_div(v43, 16);
    const int v45 = (v19 + g5);
    const int v46 = (v45 * 128);
    const int v47 = (1 - g5);
    const int v48 = sp_min(1, v47);
    const int v49 = (g5 + v0);
    {
      const int e50 = lid;
      const int e50_1 = e50 % 128;
      wf[8256 + e50_1] = ((0 < v48) ? sp_rd_bf16(g_q, n_q, (v46 + 0 * 128 + e50_1)) : 0.0f);
    }
    __syncthreads();
    for (int i51 = 0; i51 < 16; i51++) {
      const int v52 = (i51 * 128);
      const int v53 = (i51 * v44);
      const int v54 = (v39 + v53);
      const int v55 = (v54 + v44);
      const int v56 = sp_min(v41, v55);
      {
        const int e57 = lid;
        if (e57 < 1) {
          pr17[0] = (-INFINITY);
          wf[8640 + 0] = 0.0f;
        }
      }
      {
        const int e58 = lid;
        const int e58_1 = e58 % 128;
        wf[8384 + e58_1] = 0.0f;
      }
      __syncthreads();
      for (int i59 = v54; i59 < v56; i59++) {
        const bool v60 = ((i59) >= 0 && (i59) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i59) != 0) : false);
        const int v61 = ((i59) >= 0 && (i59) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i59) : 0);
        const int v62 = (v61 * 64);
        const int v63 = (v62 + 64);
        const bool v64 = (v63 <= s_kv_len);
        const bool v65 = (v60 && v64);
        const int v66 = (v20 + v62);
        const int v67 = (v66 * 128);
        const int v68 = (s_kv_len - v62);
        const int v69 = sp_min(64, v68);
        for (int j71 = 0; j71 < 64; j71++) {
          const int e70 = lid + j71 * 128;
          const int e70_0 = (e70 / 128);
          const int e70_1 = e70 % 128;
          wf[0 + e70_0 * 129 + e70_1] = ((e70_0 < v69) ? sp_rd_bf16(g_k, n_k, (v67 + e70_0 * 128 + e70_1)) : 0.0f);
          wf[0 + e70_0 * 129 + e70_1] = ((e70_0 < v69) ? sp_rd_bf16(g_k, n_k, (v67 + e70_0 * 128 + e70_1)) : 0.0f);
          wf[0 + e70_0 * 129 + e70_1] = ((e70_0 < v69) ? sp_rd_bf16(g_k, n_k, (v67 + e70_0 * 128 + e70_1)) : 0.0f);
          wf[0 + e70_0 * 129 + e70_1] = ((e70_0 < v69) ? sp_rd_bf16(g_k, n_k, (v67 + e70_0 * 128 + e70_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr11[0] = 0.0f;
          for (int k74 = 0; k74 < 128; k74++) {
            const auto o75 = wf[8256 + k74];
            const auto o76 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k74];
            pr11[0] = pr11[0] + o75 * o76;
          }
        }
        if (v65) {
          {
            const int e77 = lid;
            if (e77 < 64) {
              const int e77_1 = e77 % 64;
              wf[8512 + e77_1] = (pr11[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e78 = lid;
            if (e78 < 64) {
              const int e78_1 = e78 % 64;
              pr12[0] = sp_member(g_sel_offsets, n_sel_offsets, g_sel_values, n_sel_values, v25, (e78_1 + v62), v1);
              pr13[0] = ((((e78_1 + v62) <= (0 + v49)) && pr12[0]) && ((e78_1 + v62) < s_kv_len));
              wf[8512 + e78_1] = (pr13[0] ? (pr11[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb79 = 0; rb79 < 1; rb79 += 4) {
          const int row80 = rb79 + lid / 32;
          const int part81 = lid % 32;
          float s82 = (-INFINITY);
          if (row80 < 1) { for (int i83 = part81; i83 < 64; i83 += 32) { s82 = sp_max(s82, wf[8512 + i83]); } }
          for (int off84 = 1; off84 < 32; off84 *= 2) { s82 = sp_max(s82, __shfl_xor_sync(0xffffffffu, s82, off84)); }
          if (part81 == 0 && row80 < 1) { wf[8576 + 0] = s82; }
        }
        __syncthreads();
        {
          const int e85 = lid;
          if (e85 < 1) {
            wf[8641 + 0] = sp_max(pr17[0], wf[8576 + 0]);
            wf[8642 + 0] = sp_softmax_exp(pr17[0], wf[8641 + 0]);
          }
        }
        __syncthreads();
        {
          const int e86 = lid;
          if (e86 < 64) {
            const int e86_1 = e86 % 64;
            wf[8576 + e86_1] = sp_softmax_exp(wf[8512 + e86_1], wf[8641 + 0]);
          }
        }
        __syncthreads();
        for (int rb87 = 0; rb87 < 1; rb87 += 4) {
          const int row88 = rb87 + lid / 32;
          const int part89 = lid % 32;
          float s90 = 0.0f;
          if (row88 < 1) { for (int i91 = part89; i91 < 64; i91 += 32) { s90 = (s90 + wf[8576 + i91]); } }
          for (int off92 = 1; off92 < 32; off92 *= 2) { s90 = (s90 + __shfl_xor_sync(0xffffffffu, s90, off92)); }
          if (part89 == 0 && row88 < 1) { wf[8512 + 0] = s90; }
        }
        __syncthreads();
        {
          const int e93 = lid;
          if (e93 < 1) {
            pr18[0] = (wf[8640 + 0] * wf[8642 + 0] + wf[8512 + 0]);
          }
        }
        {
          const int dr94 = lid / 128;
          const int dc95 = lid % 128;
          pr0[0] = (wf[8384 + dc95] * wf[8642 + 0]);
          for (int k96 = 0; k96 < 64; k96++) {
            const auto o97 = wf[8576 + k96];
            const auto o98 = ((k96 < v69) ? sp_rd_bf16(g_v, n_v, (v67 + k96 * 128 + dc95)) : 0.0f);
            pr0[0] = pr0[0] + (o97 != 0.0f ? o97 * o98 : 0.0f);
          }
        }
        {
          const int e99 = lid;
          if (e99 < 1) {
            pr17[0] = wf[8641 + 0];
            wf[8640 + 0] = pr18[0];
          }
        }
        __syncthreads();
        {
          const int e100 = lid;
          const int e100_1 = e100 % 128;
          wf[8384 + e100_1] = pr0[0];
        }
        __syncthreads();
      }
      {
        const int e101 = lid;
        const int e101_1 = e101 % 128;
        const int a102 = v52 + 0 * 128 + e101_1 * 1;
        if (a102 >= 0 && a102 < 2048) { sf[sbf + 0 + a102] = ((wf[8640 + 0] == 0.0f) ? 0.0f : (wf[8384 + e101_1] / wf[8640 + 0])); }
      }
      {
        const int e103 = lid;
        if (e103 < 1) {
          const int a104 = i51 + 0 * 1 + 0 * 1;
          if (a104 >= 0 && a104 < 16) { sf[sbf + 2048 + a104] = ((wf[8640 + 0] == 0.0f) ? (-INFINITY) : (pr17[0] + logf(wf[8640 + 0]))); }
        }
      }
      __syncthreads();
    }
    const int v105 = (v28 + g5);
    const int v106 = ((v105) >= 0 && (v105) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v105) : 0);
    const int v107 = (v105 + 1);
    const int v108 = ((v107) >= 0 && (v107) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v107) : 0);
    const int v109 = (v108 - v106);
    const int v110 = (v109 + 15);
    const int v111 = sp_floor_div(v110, 16);
    const int v112 = (v29 + g5);
    const int v113 = (v112 * 128);
    {
      const int e114 = lid;
      const int e114_1 = e114 % 128;
      wf[8256 + e114_1] = ((0 < v48) ? sp_rd_bf16(g_q, n_q, (v113 + 0 * 128 + e114_1)) : 0.0f);
    }
    __syncthreads();
    for (int i115 = 0; i115 < 16; i115++) {
      const int v116 = (i115 * 128);
      const int v117 = (i115 * v111);
      const int v118 = (v106 + v117);
      const int v119 = (v118 + v111);
      const int v120 = sp_min(v108, v119);
      {
        const int e121 = lid;
        if (e121 < 1) {
          pr17[0] = (-INFINITY);
          wf[8640 + 0] = 0.0f;
        }
      }
      {
        const int e122 = lid;
        const int e122_1 = e122 % 128;
        wf[8384 + e122_1] = 0.0f;
      }
      __syncthreads();
      for (int i123 = v118; i123 < v120; i123++) {
        const bool v124 = ((i123) >= 0 && (i123) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i123) != 0) : false);
        const int v125 = ((i123) >= 0 && (i123) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i123) : 0);
        const int v126 = (v125 * 64);
        const int v127 = (v126 + 64);
        const bool v128 = (v127 <= s_kv_len);
        const bool v129 = (v124 && v128);
        const int v130 = (v20 + v126);
        const int v131 = (v130 * 128);
        const int v132 = (s_kv_len - v126);
        const int v133 = sp_min(64, v132);
        for (int j135 = 0; j135 < 64; j135++) {
          const int e134 = lid + j135 * 128;
          const int e134_0 = (e134 / 128);
          const int e134_1 = e134 % 128;
          wf[0 + e134_0 * 129 + e134_1] = ((e134_0 < v133) ? sp_rd_bf16(g_k, n_k, (v131 + e134_0 * 128 + e134_1)) : 0.0f);
          wf[0 + e134_0 * 129 + e134_1] = ((e134_0 < v133) ? sp_rd_bf16(g_k, n_k, (v131 + e134_0 * 128 + e134_1)) : 0.0f);
          wf[0 + e134_0 * 129 + e134_1] = ((e134_0 < v133) ? sp_rd_bf16(g_k, n_k, (v131 + e134_0 * 128 + e134_1)) : 0.0f);
          wf[0 + e134_0 * 129 + e134_1] = ((e134_0 < v133) ? sp_rd_bf16(g_k, n_k, (v131 + e134_0 * 128 + e134_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr14[0] = 0.0f;
          for (int k138 = 0; k138 < 128; k138++) {
            const auto o139 = wf[8256 + k138];
            const auto o140 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k138];
            pr14[0] = pr14[0] + o139 * o140;
          }
        }
        if (v129) {
          {
            const int e141 = lid;
            if (e141 < 64) {
              const int e141_1 = e141 % 64;
              wf[8512 + e141_1] = (pr14[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e142 = lid;
            if (e142 < 64) {
              const int e142_1 = e142 % 64;
              pr12[0] = sp_member(g_sel_offsets, n_sel_offsets, g_sel_values, n_sel_values, v25, (e142_1 + v126), v1);
              pr13[0] = ((((e142_1 + v126) <= (0 + v49)) && pr12[0]) && ((e142_1 + v126) < s_kv_len));
              wf[8512 + e142_1] = (pr13[0] ? (pr14[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb143 = 0; rb143 < 1; rb143 += 4) {
          const int row144 = rb143 + lid / 32;
          const int part145 = lid % 32;
          float s146 = (-INFINITY);
          if (row144 < 1) { for (int i147 = part145; i147 < 64; i147 += 32) { s146 = sp_max(s146, wf[8512 + i147]); } }
          for (int off148 = 1; off148 < 32; off148 *= 2) { s146 = sp_max(s146, __shfl_xor_sync(0xffffffffu, s146, off148)); }
          if (part145 == 0 && row144 < 1) { wf[8576 + 0] = s146; }
        }
        __syncthreads();
        {
          const int e149 = lid;
          if (e149 < 1) {
            wf[8641 + 0] = sp_max(pr17[0], wf[8576 + 0]);
            wf[8642 + 0] = sp_softmax_exp(pr17[0], wf[8641 + 0]);
          }
        }
        __syncthreads();
        {
          const int e150 = lid;
          if (e150 < 64) {
            const int e150_1 = e150 % 64;
            wf[8576 + e150_1] = sp_softmax_exp(wf[8512 + e150_1], wf[8641 + 0]);
          }
        }
        __syncthreads();
        for (int rb151 = 0; rb151 < 1; rb151 += 4) {
          const int row152 = rb151 + lid / 32;
          const int part153 = lid % 32;
          float s154 = 0.0f;
          if (row152 < 1) { for (int i155 = part153; i155 < 64; i155 += 32) { s154 = (s154 + wf[8576 + i155]); } }
          for (int off156 = 1; off156 < 32; off156 *= 2) { s154 = (s154 + __shfl_xor_sync(0xffffffffu, s154, off156)); }
          if (part153 == 0 && row152 < 1) { wf[8512 + 0] = s154; }
        }
        __syncthreads();
        {
          const int e157 = lid;
          if (e157 < 1) {
            pr19[0] = (wf[8640 + 0] * wf[8642 + 0] + wf[8512 + 0]);
          }
        }
        {
          const int dr158 = lid / 128;
          const int dc159 = lid % 128;
          pr1[0] = (wf[8384 + dc159] * wf[8642 + 0]);
          for (int k160 = 0; k160 < 64; k160++) {
            const auto o161 = wf[8576 + k160];
            const auto o162 = ((k160 < v133) ? sp_rd_bf16(g_v, n_v, (v131 + k160 * 128 + dc159)) : 0.0f);
            pr1[0] = pr1[0] + (o161 != 0.0f ? o161 * o162 : 0.0f);
          }
        }
        {
          const int e163 = lid;
          if (e163 < 1) {
            pr17[0] = wf[8641 + 0];
            wf[8640 + 0] = pr19[0];
          }
        }
        __syncthreads();
        {
          const int e164 = lid;
          const int e164_1 = e164 % 128;
          wf[8384 + e164_1] = pr1[0];
        }
        __syncthreads();
      }
      {
        const int e165 = lid;
        const int e165_1 = e165 % 128;
        const int a166 = v116 + 0 * 128 + e165_1 * 1;
        if (a166 >= 0 && a166 < 2048) { sf[sbf + 2064 + a166] = ((wf[8640 + 0] == 0.0f) ? 0.0f : (wf[8384 + e165_1] / wf[8640 + 0])); }
      }
      {
        const int e167 = lid;
        if (e167 < 1) {
          const int a168 = i115 + 0 * 1 + 0 * 1;
          if (a168 >= 0 && a168 < 16) { sf[sbf + 4112 + a168] = ((wf[8640 + 0] == 0.0f) ? (-INFINITY) : (pr17[0] + logf(wf[8640 + 0]))); }
        }
      }
      __syncthreads();
    }
    const int v169 = (v32 + g5);
    const int v170 = ((v169) >= 0 && (v169) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v169) : 0);
    const int v171 = (v169 + 1);
    const int v172 = ((v171) >= 0 && (v171) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v171) : 0);
    const int v173 = (v172 - v170);
    const int v174 = (v173 + 15);
    const int v175 = sp_floor_div(v174, 16);
    const int v176 = (v33 + g5);
    const int v177 = (v176 * 128);
    {
      const int e178 = lid;
      const int e178_1 = e178 % 128;
      wf[8256 + e178_1] = ((0 < v48) ? sp_rd_bf16(g_q, n_q, (v177 + 0 * 128 + e178_1)) : 0.0f);
    }
    __syncthreads();
    for (int i179 = 0; i179 < 16; i179++) {
      const int v180 = (i179 * 128);
      const int v181 = (i179 * v175);
      const int v182 = (v170 + v181);
      const int v183 = (v182 + v175);
      const int v184 = sp_min(v172, v183);
      {
        const int e185 = lid;
        if (e185 < 1) {
          pr17[0] = (-INFINITY);
          wf[8640 + 0] = 0.0f;
        }
      }
      {
        const int e186 = lid;
        const int e186_1 = e186 % 128;
        wf[8384 + e186_1] = 0.0f;
      }
      __syncthreads();
      for (int i187 = v182; i187 < v184; i187++) {
        const bool v188 = ((i187) >= 0 && (i187) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i187) != 0) : false);
        const int v189 = ((i187) >= 0 && (i187) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i187) : 0);
        const int v190 = (v189 * 64);
        const int v191 = (v190 + 64);
        const bool v192 = (v191 <= s_kv_len);
        const bool v193 = (v188 && v192);
        const int v194 = (v20 + v190);
        const int v195 = (v194 * 128);
        const int v196 = (s_kv_len - v190);
        const int v197 = sp_min(64, v196);
        for (int j199 = 0; j199 < 64; j199++) {
          const int e198 = lid + j199 * 128;
          const int e198_0 = (e198 / 128);
          const int e198_1 = e198 % 128;
          wf[0 + e198_0 * 129 + e198_1] = ((e198_0 < v197) ? sp_rd_bf16(g_k, n_k, (v195 + e198_0 * 128 + e198_1)) : 0.0f);
          wf[0 + e198_0 * 129 + e198_1] = ((e198_0 < v197) ? sp_rd_bf16(g_k, n_k, (v195 + e198_0 * 128 + e198_1)) : 0.0f);
          wf[0 + e198_0 * 129 + e198_1] = ((e198_0 < v197) ? sp_rd_bf16(g_k, n_k, (v195 + e198_0 * 128 + e198_1)) : 0.0f);
          wf[0 + e198_0 * 129 + e198_1] = ((e198_0 < v197) ? sp_rd_bf16(g_k, n_k, (v195 + e198_0 * 128 + e198_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr15[0] = 0.0f;
          for (int k202 = 0; k202 < 128; k202++) {
            const auto o203 = wf[8256 + k202];
            const auto o204 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k202];
            pr15[0] = pr15[0] + o203 * o204;
          }
        }
        if (v193) {
          {
            const int e205 = lid;
            if (e205 < 64) {
              const int e205_1 = e205 % 64;
              wf[8512 + e205_1] = (pr15[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e206 = lid;
            if (e206 < 64) {
              const int e206_1 = e206 % 64;
              pr12[0] = sp_member(g_sel_offsets, n_sel_offsets, g_sel_values, n_sel_values, v25, (e206_1 + v190), v1);
              pr13[0] = ((((e206_1 + v190) <= (0 + v49)) && pr12[0]) && ((e206_1 + v190) < s_kv_len));
              wf[8512 + e206_1] = (pr13[0] ? (pr15[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb207 = 0; rb207 < 1; rb207 += 4) {
          const int row208 = rb207 + lid / 32;
          const int part209 = lid % 32;
          float s210 = (-INFINITY);
          if (row208 < 1) { for (int i211 = part209; i211 < 64; i211 += 32) { s210 = sp_max(s210, wf[8512 + i211]); } }
          for (int off212 = 1; off212 < 32; off212 *= 2) { s210 = sp_max(s210, __shfl_xor_sync(0xffffffffu, s210, off212)); }
          if (part209 == 0 && row208 < 1) { wf[8576 + 0] = s210; }
        }
        __syncthreads();
        {
          const int e213 = lid;
          if (e213 < 1) {
            wf[8641 + 0] = sp_max(pr17[0], wf[8576 + 0]);
            wf[8642 + 0] = sp_softmax_exp(pr17[0], wf[8641 + 0]);
          }
        }
        __syncthreads();
        {
          const int e214 = lid;
          if (e214 < 64) {
            const int e214_1 = e214 % 64;
            wf[8576 + e214_1] = sp_softmax_exp(wf[8512 + e214_1], wf[8641 + 0]);
          }
        }
        __syncthreads();
        for (int rb215 = 0; rb215 < 1; rb215 += 4) {
          const int row216 = rb215 + lid / 32;
          const int part217 = lid % 32;
          float s218 = 0.0f;
          if (row216 < 1) { for (int i219 = part217; i219 < 64; i219 += 32) { s218 = (s218 + wf[8576 + i219]); } }
          for (int off220 = 1; off220 < 32; off220 *= 2) { s218 = (s218 + __shfl_xor_sync(0xffffffffu, s218, off220)); }
          if (part217 == 0 && row216 < 1) { wf[8512 + 0] = s218; }
        }
        __syncthreads();
        {
          const int e221 = lid;
          if (e221 < 1) {
            pr20[0] = (wf[8640 + 0] * wf[8642 + 0] + wf[8512 + 0]);
          }
        }
        {
          const int dr222 = lid / 128;
          const int dc223 = lid % 128;
          pr2[0] = (wf[8384 + dc223] * wf[8642 + 0]);
          for (int k224 = 0; k224 < 64; k224++) {
            const auto o225 = wf[8576 + k224];
            const auto o226 = ((k224 < v197) ? sp_rd_bf16(g_v, n_v, (v195 + k224 * 128 + dc223)) : 0.0f);
            pr2[0] = pr2[0] + (o225 != 0.0f ? o225 * o226 : 0.0f);
          }
        }
        {
          const int e227 = lid;
          if (e227 < 1) {
            pr17[0] = wf[8641 + 0];
            wf[8640 + 0] = pr20[0];
          }
        }
        __syncthreads();
        {
          const int e228 = lid;
          const int e228_1 = e228 % 128;
          wf[8384 + e228_1] = pr2[0];
        }
        __syncthreads();
      }
      {
        const int e229 = lid;
        const int e229_1 = e229 % 128;
        const int a230 = v180 + 0 * 128 + e229_1 * 1;
        if (a230 >= 0 && a230 < 2048) { sf[sbf + 4128 + a230] = ((wf[8640 + 0] == 0.0f) ? 0.0f : (wf[8384 + e229_1] / wf[8640 + 0])); }
      }
      {
        const int e231 = lid;
        if (e231 < 1) {
          const int a232 = i179 + 0 * 1 + 0 * 1;
          if (a232 >= 0 && a232 < 16) { sf[sbf + 6176 + a232] = ((wf[8640 + 0] == 0.0f) ? (-INFINITY) : (pr17[0] + logf(wf[8640 + 0]))); }
        }
      }
      __syncthreads();
    }
    const int v233 = (v36 + g5);
    const int v234 = ((v233) >= 0 && (v233) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v233) : 0);
    const int v235 = (v233 + 1);
    const int v236 = ((v235) >= 0 && (v235) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v235) : 0);
    const int v237 = (v236 - v234);
    const int v238 = (v237 + 15);
    const int v239 = sp_floor_div(v238, 16);
    const int v240 = (v37 + g5);
    const int v241 = (v240 * 128);
    {
      const int e242 = lid;
      const int e242_1 = e242 % 128;
      wf[8256 + e242_1] = ((0 < v48) ? sp_rd_bf16(g_q, n_q, (v241 + 0 * 128 + e242_1)) : 0.0f);
    }
    __syncthreads();
    for (int i243 = 0; i243 < 16; i243++) {
      const int v244 = (i243 * 128);
      const int v245 = (i243 * v239);
      const int v246 = (v234 + v245);
      const int v247 = (v246 + v239);
      const int v248 = sp_min(v236, v247);
      {
        const int e249 = lid;
        if (e249 < 1) {
          pr17[0] = (-INFINITY);
          wf[8640 + 0] = 0.0f;
        }
      }
      {
        const int e250 = lid;
        const int e250_1 = e250 % 128;
        wf[8384 + e250_1] = 0.0f;
      }
      __syncthreads();
      for (int i251 = v246; i251 < v248; i251++) {
        const bool v252 = ((i251) >= 0 && (i251) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i251) != 0) : false);
        const int v253 = ((i251) >= 0 && (i251) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i251) : 0);
        const int v254 = (v253 * 64);
        const int v255 = (v254 + 64);
        const bool v256 = (v255 <= s_kv_len);
        const bool v257 = (v252 && v256);
        const int v258 = (v20 + v254);
        const int v259 = (v258 * 128);
        const int v260 = (s_kv_len - v254);
        const int v261 = sp_min(64, v260);
        for (int j263 = 0; j263 < 64; j263++) {
          const int e262 = lid + j263 * 128;
          const int e262_0 = (e262 / 128);
          const int e262_1 = e262 % 128;
          wf[0 + e262_0 * 129 + e262_1] = ((e262_0 < v261) ? sp_rd_bf16(g_k, n_k, (v259 + e262_0 * 128 + e262_1)) : 0.0f);
          wf[0 + e262_0 * 129 + e262_1] = ((e262_0 < v261) ? sp_rd_bf16(g_k, n_k, (v259 + e262_0 * 128 + e262_1)) : 0.0f);
          wf[0 + e262_0 * 129 + e262_1] = ((e262_0 < v261) ? sp_rd_bf16(g_k, n_k, (v259 + e262_0 * 128 + e262_1)) : 0.0f);
          wf[0 + e262_0 * 129 + e262_1] = ((e262_0 < v261) ? sp_rd_bf16(g_k, n_k, (v259 + e262_0 * 128 + e262_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr16[0] = 0.0f;
          for (int k266 = 0; k266 < 128; k266++) {
            const auto o267 = wf[8256 + k266];
            const auto o268 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k266];
            pr16[0] = pr16[0] + o267 * o268;
          }
        }
        if (v257) {
          {
            const int e269 = lid;
            if (e269 < 64) {
              const int e269_1 = e269 % 64;
              wf[8512 + e269_1] = (pr16[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e270 = lid;
            if (e270 < 64) {
              const int e270_1 = e270 % 64;
              pr12[0] = sp_member(g_sel_offsets, n_sel_offsets, g_sel_values, n_sel_values, v25, (e270_1 + v254), v1);
              pr13[0] = ((((e270_1 + v254) <= (0 + v49)) && pr12[0]) && ((e270_1 + v254) < s_kv_len));
              wf[8512 + e270_1] = (pr13[0] ? (pr16[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb271 = 0; rb271 < 1; rb271 += 4) {
          const int row272 = rb271 + lid / 32;
          const int part273 = lid % 32;
          float s274 = (-INFINITY);
          if (row272 < 1) { for (int i275 = part273; i275 < 64; i275 += 32) { s274 = sp_max(s274, wf[8512 + i275]); } }
          for (int off276 = 1; off276 < 32; off276 *= 2) { s274 = sp_max(s274, __shfl_xor_sync(0xffffffffu, s274, off276)); }
          if (part273 == 0 && row272 < 1) { wf[8576 + 0] = s274; }
        }
        __syncthreads();
        {
          const int e277 = lid;
          if (e277 < 1) {
            wf[8641 + 0] = sp_max(pr17[0], wf[8576 + 0]);
            wf[8642 + 0] = sp_softmax_exp(pr17[0], wf[8641 + 0]);
          }
        }
        __syncthreads();
        {
          const int e278 = lid;
          if (e278 < 64) {
            const int e278_1 = e278 % 64;
            wf[8576 + e278_1] = sp_softmax_exp(wf[8512 + e278_1], wf[8641 + 0]);
          }
        }
        __syncthreads();
        for (int rb279 = 0; rb279 < 1; rb279 += 4) {
          const int row280 = rb279 + lid / 32;
          const int part281 = lid % 32;
          float s282 = 0.0f;
          if (row280 < 1) { for (int i283 = part281; i283 < 64; i283 += 32) { s282 = (s282 + wf[8576 + i283]); } }
          for (int off284 = 1; off284 < 32; off284 *= 2) { s282 = (s282 + __shfl_xor_sync(0xffffffffu, s282, off284)); }
          if (part281 == 0 && row280 < 1) { wf[8512 + 0] = s282; }
        }
        __syncthreads();
        {
          const int e285 = lid;
          if (e285 < 1) {
            pr21[0] = (wf[8640 + 0] * wf[8642 + 0] + wf[8512 + 0]);
          }
        }
        {
          const int dr286 = lid / 128;
          const int dc287 = lid % 128;
          pr3[0] = (wf[8384 + dc287] * wf[8642 + 0]);
          for (int k288 = 0; k288 < 64; k288++) {
            const auto o289 = wf[8576 + k288];
            const auto o290 = ((k288 < v261) ? sp_rd_bf16(g_v, n_v, (v259 + k288 * 128 + dc287)) : 0.0f);
            pr3[0] = pr3[0] + (o289 != 0.0f ? o289 * o290 : 0.0f);
          }
        }
        {
          const int e291 = lid;
          if (e291 < 1) {
            pr17[0] = wf[8641 + 0];
            wf[8640 + 0] = pr21[0];
          }
        }
        __syncthreads();
        {
          const int e292 = lid;
          const int e292_1 = e292 % 128;
          wf[8384 + e292_1] = pr3[0];
        }
        __syncthreads();
      }
      {
        const int e293 = lid;
        const int e293_1 = e293 % 128;
        const int a294 = v244 + 0 * 128 + e293_1 * 1;
        if (a294 >= 0 && a294 < 2048) { sf[sbf + 6192 + a294] = ((wf[8640 + 0] == 0.0f) ? 0.0f : (wf[8384 + e293_1] / wf[8640 + 0])); }
      }
      {
        const int e295 = lid;
        if (e295 < 1) {
          const int a296 = i243 + 0 * 1 + 0 * 1;
          if (a296 >= 0 && a296 < 16) { sf[sbf + 8240 + a296] = ((wf[8640 + 0] == 0.0f) ? (-INFINITY) : (pr17[0] + logf(wf[8640 + 0]))); }
        }
      }
      __syncthreads();
    }
    {
      const int e297 = lid;
      if (e297 < 1) {
        pr22[0] = (-INFINITY);
        wf[0 + 0] = 0.0f;
      }
    }
    {
      const int e298 = lid;
      pr4[0] = 0.0f;
    }
    __syncthreads();
    for (int i299 = 0; i299 < 16; i299++) {
      const int v301 = (i299 * 128);
      {
        const int e300 = lid;
        if (e300 < 1) {
          pr23[0] = sp_max(pr22[0], (((i299 + 0 + 0)) >= 0 && ((i299 + 0 + 0)) < 16 ? sf[sbf + 2048 + sp_clamp((i299 + 0 + 0), 0, 15)] : 0.0f));
          wf[1 + 0] = sp_softmax_exp(pr22[0], pr23[0]);
          wf[2 + 0] = sp_softmax_exp((((i299 + 0 + 0)) >= 0 && ((i299 + 0 + 0)) < 16 ? sf[sbf + 2048 + sp_clamp((i299 + 0 + 0), 0, 15)] : 0.0f), pr23[0]);
          pr24[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      __syncthreads();
      {
        const int e302 = lid;
        const int e302_1 = e302 % 128;
        pr5[0] = (pr4[0] * wf[1 + 0] + ((((v301 + 0 * 128 + e302_1)) >= 0 && ((v301 + 0 * 128 + e302_1)) < 2048 ? sf[sbf + 0 + sp_clamp((v301 + 0 * 128 + e302_1), 0, 2047)] : 0.0f) * wf[2 + 0]));
      }
      {
        const int e303 = lid;
        if (e303 < 1) {
          pr22[0] = pr23[0];
          wf[0 + 0] = pr24[0];
        }
      }
      {
        const int e304 = lid;
        pr4[0] = pr5[0];
      }
      __syncthreads();
    }
    {
      const int e305 = lid;
      const int e305_1 = e305 % 128;
      const int a306 = v46 + 0 * 128 + e305_1 * 1;
      if (0 < v48) { if (a306 >= 0 && a306 < n_out) { g_out[a306] = sp_f32_to_bf16(((wf[0 + 0] == 0.0f) ? 0.0f : (pr4[0] / wf[0 + 0]))); } }
    }
    {
      const int e307 = lid;
      if (e307 < 1) {
        const int a308 = v45 + 0 * 1 + 0 * 1;
        if (0 < v48) { if (a308 >= 0 && a308 < n_lse) { g_lse[a308] = ((wf[0 + 0] == 0.0f) ? (-INFINITY) : (pr22[0] + logf(wf[0 + 0]))); } }
        pr25[0] = (-INFINITY);
      }
    }
    __syncthreads();
    {
      const int e307 = lid;
      if (e307 < 1) {
        wf[0 + 0] = 0.0f;
      }
    }
    {
      const int e309 = lid;
      pr6[0] = 0.0f;
    }
    __syncthreads();
    for (int i310 = 0; i310 < 16; i310++) {
      const int v312 = (i310 * 128);
      {
        const int e311 = lid;
        if (e311 < 1) {
          pr26[0] = sp_max(pr25[0], (((i310 + 0 + 0)) >= 0 && ((i310 + 0 + 0)) < 16 ? sf[sbf + 4112 + sp_clamp((i310 + 0 + 0), 0, 15)] : 0.0f));
          wf[1 + 0] = sp_softmax_exp(pr25[0], pr26[0]);
          wf[2 + 0] = sp_softmax_exp((((i310 + 0 + 0)) >= 0 && ((i310 + 0 + 0)) < 16 ? sf[sbf + 4112 + sp_clamp((i310 + 0 + 0), 0, 15)] : 0.0f), pr26[0]);
          pr27[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      __syncthreads();
      {
        const int e313 = lid;
        const int e313_1 = e313 % 128;
        pr7[0] = (pr6[0] * wf[1 + 0] + ((((v312 + 0 * 128 + e313_1)) >= 0 && ((v312 + 0 * 128 + e313_1)) < 2048 ? sf[sbf + 2064 + sp_clamp((v312 + 0 * 128 + e313_1), 0, 2047)] : 0.0f) * wf[2 + 0]));
      }
      {
        const int e314 = lid;
        if (e314 < 1) {
          pr25[0] = pr26[0];
          wf[0 + 0] = pr27[0];
        }
      }
      {
        const int e315 = lid;
        pr6[0] = pr7[0];
      }
      __syncthreads();
    }
    {
      const int e316 = lid;
      const int e316_1 = e316 % 128;
      const int a317 = v113 + 0 * 128 + e316_1 * 1;
      if (0 < v48) { if (a317 >= 0 && a317 < n_out) { g_out[a317] = sp_f32_to_bf16(((wf[0 + 0] == 0.0f) ? 0.0f : (pr6[0] / wf[0 + 0]))); } }
    }
    {
      const int e318 = lid;
      if (e318 < 1) {
        const int a319 = v112 + 0 * 1 + 0 * 1;
        if (0 < v48) { if (a319 >= 0 && a319 < n_lse) { g_lse[a319] = ((wf[0 + 0] == 0.0f) ? (-INFINITY) : (pr25[0] + logf(wf[0 + 0]))); } }
        pr28[0] = (-INFINITY);
      }
    }
    __syncthreads();
    {
      const int e318 = lid;
      if (e318 < 1) {
        wf[0 + 0] = 0.0f;
      }
    }
    {
      const int e320 = lid;
      pr8[0] = 0.0f;
    }
    __syncthreads();
    for (int i321 = 0; i321 < 16; i321++) {
      const int v323 = (i321 * 128);
      {
        const int e322 = lid;
        if (e322 < 1) {
          pr29[0] = sp_max(pr28[0], (((i321 + 0 + 0)) >= 0 && ((i321 + 0 + 0)) < 16 ? sf[sbf + 6176 + sp_clamp((i321 + 0 + 0), 0, 15)] : 0.0f));
          wf[1 + 0] = sp_softmax_exp(pr28[0], pr29[0]);
          wf[2 + 0] = sp_softmax_exp((((i321 + 0 + 0)) >= 0 && ((i321 + 0 + 0)) < 16 ? sf[sbf + 6176 + sp_clamp((i321 + 0 + 0), 0, 15)] : 0.0f), pr29[0]);
          pr30[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      __syncthreads();
      {
        const int e324 = lid;
        const int e324_1 = e324 % 128;
        pr9[0] = (pr8[0] * wf[1 + 0] + ((((v323 + 0 * 128 + e324_1)) >= 0 && ((v323 + 0 * 128 + e324_1)) < 2048 ? sf[sbf + 4128 + sp_clamp((v323 + 0 * 128 + e324_1), 0, 2047)] : 0.0f) * wf[2 + 0]));
      }
      {
        const int e325 = lid;
        if (e325 < 1) {
          pr28[0] = pr29[0];
          wf[0 + 0] = pr30[0];
        }
      }
      {
        const int e326 = lid;
        pr8[0] = pr9[0];
      }
      __syncthreads();
    }
    {
      const int e327 = lid;
      const int e327_1 = e327 % 128;
      const int a328 = v177 + 0 * 128 + e327_1 * 1;
      if (0 < v48) { if (a328 >= 0 && a328 < n_out) { g_out[a328] = sp_f32_to_bf16(((wf[0 + 0] == 0.0f) ? 0.0f : (pr8[0] / wf[0 + 0]))); } }
    }
    {
      const int e329 = lid;
      if (e329 < 1) {
        const int a330 = v176 + 0 * 1 + 0 * 1;
        if (0 < v48) { if (a330 >= 0 && a330 < n_lse) { g_lse[a330] = ((wf[0 + 0] == 0.0f) ? (-INFINITY) : (pr28[0] + logf(wf[0 + 0]))); } }
        pr31[0] = (-INFINITY);
        wf[128 + 0] = 0.0f;
      }
    }
    {
      const int e331 = lid;
      pr10[0] = 0.0f;
    }
    __syncthreads();
    for (int i332 = 0; i332 < 16; i332++) {
      const int v334 = (i332 * 128);
      {
        const int e333 = lid;
        if (e333 < 1) {
          wf[129 + 0] = sp_max(pr31[0], (((i332 + 0 + 0)) >= 0 && ((i332 + 0 + 0)) < 16 ? sf[sbf + 8240 + sp_clamp((i332 + 0 + 0), 0, 15)] : 0.0f));
          wf[130 + 0] = sp_softmax_exp(pr31[0], wf[129 + 0]);
          wf[131 + 0] = sp_softmax_exp((((i332 + 0 + 0)) >= 0 && ((i332 + 0 + 0)) < 16 ? sf[sbf + 8240 + sp_clamp((i332 + 0 + 0), 0, 15)] : 0.0f), wf[129 + 0]);
          wf[132 + 0] = (wf[128 + 0] * wf[130 + 0] + wf[131 + 0]);
        }
      }
      __syncthreads();
      {
        const int e335 = lid;
        const int e335_1 = e335 % 128;
        wf[0 + e335_1] = (pr10[0] * wf[130 + 0] + ((((v334 + 0 * 128 + e335_1)) >= 0 && ((v334 + 0 * 128 + e335_1)) < 2048 ? sf[sbf + 6192 + sp_clamp((v334 + 0 * 128 + e335_1), 0, 2047)] : 0.0f) * wf[131 + 0]));
      }
      {
        const int e336 = lid;
        if (e336 < 1) {
          pr31[0] = wf[129 + 0];
          wf[128 + 0] = wf[132 + 0];
        }
      }
      {
        const int e337 = lid;
        const int e337_1 = e337 % 128;
        pr10[0] = wf[0 + e337_1];
      }
      __syncthreads();
    }
    {
      const int e338 = lid;
      const int e338_1 = e338 % 128;
      const int a339 = v241 + 0 * 128 + e338_1 * 1;
      if (0 < v48) { if (a339 >= 0 && a339 < n_out) { g_out[a339] = sp_f32_to_bf16(((wf[128 + 0] == 0.0f) ? 0.0f : (pr10[0] / wf[128 + 0]))); } }
    }
    {
      const int e340 = lid;
      if (e340 < 1) {
        const int a341 = v240 + 0 * 1 + 0 * 1;
        if (0 < v48) { if (a341 >= 0 && a341 < n_lse) { g_lse[a341] = ((wf[128 + 0] == 0.0f) ? (-INFINITY) : (pr31[0] + logf(wf[128 + 0]))); } }
      }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_tidaldecode_decode_workspace_bytes(int blocks) { return (size_t)blocks * 33028; }

/** Launches tidaldecode_decode on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_tidaldecode_decode_run(const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const int* __restrict__ g_sel_offsets, int n_sel_offsets, const int* __restrict__ g_sel_values, int n_sel_values, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 8256);
  return SPARSEC_LAUNCH(sparsec_tidaldecode_decode_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_plan_full, n_plan_full, g_plan_ktiles, n_plan_ktiles, g_plan_rowptr, n_plan_rowptr, g_q, n_q, g_sel_offsets, n_sel_offsets, g_sel_values, n_sel_values, g_v, n_v, g_lse, n_lse, g_out, n_out, s_batch, s_kv_len, s_plan_bmul, s_plan_hcount, s_plan_hmul, s_plan_len, s_plan_rows, sf, si);
}

extern "C" cudaError_t sparsec_tidaldecode_decode_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_tidaldecode_decode_run((const unsigned short*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const int*)buffers[3], lengths[3], (const unsigned short*)buffers[4], lengths[4], (const int*)buffers[5], lengths[5], (const int*)buffers[6], lengths[6], (const unsigned short*)buffers[7], lengths[7], (float*)buffers[8], lengths[8], (unsigned short*)buffers[9], lengths[9], scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], scalars[6], workspace, blocks, stream);
}
