// sparsec: kernel biformer_regions (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_biformer_regions_kernel(const float* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const float* __restrict__ g_q, int n_q, const int* __restrict__ g_routed_offsets, int n_routed_offsets, const int* __restrict__ g_routed_values, int n_routed_values, const float* __restrict__ g_v, int n_v, float* __restrict__ g_out, int n_out, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 192;
  const int sbi = wid * 64;
  __shared__ float wf[8192];
  __shared__ int wi[4096];
  float pr0[16];
  float pr1[1];
  float pr2[1];
  const int n0 = sp_max(0, 1 - 0);
  const int n1 = sp_max(0, 2 - 0);
  const int n2 = sp_max(0, 4 - 0);
  const int tasks = n0 * n1 * n2;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g5 = 0 + (task / (n2 * n1));
    const int g4 = 0 + (task / (n2)) % n1;
    const int g3 = 0 + task % n2;
    const int v6 = (g5 * 2);
    const int v7 = (g5 * s_plan_bmul);
    const int v8 = (v7 * s_plan_hcount);
    const bool v9 = (g5 >= 0);
    const bool v10 = (g5 < 1);
    const bool v11 = (v9 && v10);
    const int v12 = (v6 + g4);
    const int v13 = (v12 * 256);
    const int v14 = (g4 * s_plan_hmul);
    const int v15 = (v8 + v14);
    const int v16 = (v15 * 4);
    const bool v17 = (g4 >= 0);
    const bool v18 = (g4 < 2);
    const bool v19 = (v17 && v18);
    const bool v20 = (v11 && v19);
    const int v21 = (v12 * 16);
    const int v22 = (g3 * 64);
    const int v23 = (v13 + v22);
    const int v24 = (v23 * 32);
    const int v25 = (256 - v22);
    const int v26 = sp_min(64, v25);
    const int v27 = (v16 + g3);
    const int v28 = ((v27) >= 0 && (v27) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v27) : 0);
    const int v29 = (v27 + 1);
    const int v30 = ((v29) >= 0 && (v29) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v29) : 0);
    {
      const int e31 = lid;
      if (e31 < 64) {
        const int e31_0 = e31;
        si[sbi + 0 + e31_0] = ((sp_floor_div(sp_floor_div((e31_0 + v22), 16), 4) * 4) + sp_floor_div(sp_floor_mod((e31_0 + v22), 16), 4));
        pr1[0] = (-INFINITY);
        sf[sbf + 0 + e31_0] = 0.0f;
      }
    }
    for (int j33 = 0; j33 < 16; j33++) {
      const int e32 = lid + j33 * 128;
      pr0[j33] = 0.0f;
    }
    __syncthreads();
    for (int i34 = v28; i34 < v30; i34++) {
      const bool v35 = ((i34) >= 0 && (i34) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i34) != 0) : false);
      const int v36 = ((i34) >= 0 && (i34) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i34) : 0);
      const int v37 = (v36 * 64);
      const int v38 = (v37 + 64);
      const bool v39 = (v38 <= 256);
      const bool v40 = (v35 && v39);
      const int v41 = (v13 + v37);
      const int v42 = (v41 * 32);
      const int v43 = (256 - v37);
      const int v44 = sp_min(64, v43);
      for (int j46 = 0; j46 < 16; j46++) {
        const int e45 = lid + j46 * 128;
        const int e45_0 = (e45 / 32);
        const int e45_1 = e45 % 32;
        wf[4096 + e45_0 * 33 + e45_1] = ((e45_0 < v44) ? sp_rd_f32(g_k, n_k, (v42 + e45_0 * 32 + e45_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr47 = lid / 64;
        const int dc48 = lid % 64;
        float d49 = 0.0f;
        float d50 = 0.0f;
        float d51 = 0.0f;
        float d52 = 0.0f;
        float d53 = 0.0f;
        float d54 = 0.0f;
        float d55 = 0.0f;
        float d56 = 0.0f;
        float d57 = 0.0f;
        float d58 = 0.0f;
        float d59 = 0.0f;
        float d60 = 0.0f;
        float d61 = 0.0f;
        float d62 = 0.0f;
        float d63 = 0.0f;
        float d64 = 0.0f;
        float d65 = 0.0f;
        float d66 = 0.0f;
        float d67 = 0.0f;
        float d68 = 0.0f;
        float d69 = 0.0f;
        float d70 = 0.0f;
        float d71 = 0.0f;
        float d72 = 0.0f;
        float d73 = 0.0f;
        float d74 = 0.0f;
        float d75 = 0.0f;
        float d76 = 0.0f;
        float d77 = 0.0f;
        float d78 = 0.0f;
        float d79 = 0.0f;
        float d80 = 0.0f;
        for (int k81 = 0; k81 < 32; k81++) {
          const auto o82 = (((dr47 + 0) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 0) * 32 + k81)) : 0.0f);
          const auto o83 = wf[4096 + dc48 * 33 + k81];
          const auto o84 = (((dr47 + 2) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 2) * 32 + k81)) : 0.0f);
          const auto o85 = (((dr47 + 4) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 4) * 32 + k81)) : 0.0f);
          const auto o86 = (((dr47 + 6) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 6) * 32 + k81)) : 0.0f);
          const auto o87 = (((dr47 + 8) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 8) * 32 + k81)) : 0.0f);
          const auto o88 = (((dr47 + 10) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 10) * 32 + k81)) : 0.0f);
          const auto o89 = (((dr47 + 12) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 12) * 32 + k81)) : 0.0f);
          const auto o90 = (((dr47 + 14) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 14) * 32 + k81)) : 0.0f);
          const auto o91 = (((dr47 + 16) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 16) * 32 + k81)) : 0.0f);
          const auto o92 = (((dr47 + 18) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 18) * 32 + k81)) : 0.0f);
          const auto o93 = (((dr47 + 20) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 20) * 32 + k81)) : 0.0f);
          const auto o94 = (((dr47 + 22) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 22) * 32 + k81)) : 0.0f);
          const auto o95 = (((dr47 + 24) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 24) * 32 + k81)) : 0.0f);
          const auto o96 = (((dr47 + 26) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 26) * 32 + k81)) : 0.0f);
          const auto o97 = (((dr47 + 28) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 28) * 32 + k81)) : 0.0f);
          const auto o98 = (((dr47 + 30) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 30) * 32 + k81)) : 0.0f);
          const auto o99 = (((dr47 + 32) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 32) * 32 + k81)) : 0.0f);
          const auto o100 = (((dr47 + 34) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 34) * 32 + k81)) : 0.0f);
          const auto o101 = (((dr47 + 36) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 36) * 32 + k81)) : 0.0f);
          const auto o102 = (((dr47 + 38) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 38) * 32 + k81)) : 0.0f);
          const auto o103 = (((dr47 + 40) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 40) * 32 + k81)) : 0.0f);
          const auto o104 = (((dr47 + 42) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 42) * 32 + k81)) : 0.0f);
          const auto o105 = (((dr47 + 44) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 44) * 32 + k81)) : 0.0f);
          const auto o106 = (((dr47 + 46) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 46) * 32 + k81)) : 0.0f);
          const auto o107 = (((dr47 + 48) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 48) * 32 + k81)) : 0.0f);
          const auto o108 = (((dr47 + 50) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 50) * 32 + k81)) : 0.0f);
          const auto o109 = (((dr47 + 52) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 52) * 32 + k81)) : 0.0f);
          const auto o110 = (((dr47 + 54) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 54) * 32 + k81)) : 0.0f);
          const auto o111 = (((dr47 + 56) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 56) * 32 + k81)) : 0.0f);
          const auto o112 = (((dr47 + 58) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 58) * 32 + k81)) : 0.0f);
          const auto o113 = (((dr47 + 60) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 60) * 32 + k81)) : 0.0f);
          const auto o114 = (((dr47 + 62) < v26) ? sp_rd_f32(g_q, n_q, (v24 + (dr47 + 62) * 32 + k81)) : 0.0f);
          d49 = d49 + o82 * o83;
          d50 = d50 + o84 * o83;
          d51 = d51 + o85 * o83;
          d52 = d52 + o86 * o83;
          d53 = d53 + o87 * o83;
          d54 = d54 + o88 * o83;
          d55 = d55 + o89 * o83;
          d56 = d56 + o90 * o83;
          d57 = d57 + o91 * o83;
          d58 = d58 + o92 * o83;
          d59 = d59 + o93 * o83;
          d60 = d60 + o94 * o83;
          d61 = d61 + o95 * o83;
          d62 = d62 + o96 * o83;
          d63 = d63 + o97 * o83;
          d64 = d64 + o98 * o83;
          d65 = d65 + o99 * o83;
          d66 = d66 + o100 * o83;
          d67 = d67 + o101 * o83;
          d68 = d68 + o102 * o83;
          d69 = d69 + o103 * o83;
          d70 = d70 + o104 * o83;
          d71 = d71 + o105 * o83;
          d72 = d72 + o106 * o83;
          d73 = d73 + o107 * o83;
          d74 = d74 + o108 * o83;
          d75 = d75 + o109 * o83;
          d76 = d76 + o110 * o83;
          d77 = d77 + o111 * o83;
          d78 = d78 + o112 * o83;
          d79 = d79 + o113 * o83;
          d80 = d80 + o114 * o83;
        }
        wf[0 + (dr47 + 0) * 64 + dc48] = d49;
        wf[0 + (dr47 + 2) * 64 + dc48] = d50;
        wf[0 + (dr47 + 4) * 64 + dc48] = d51;
        wf[0 + (dr47 + 6) * 64 + dc48] = d52;
        wf[0 + (dr47 + 8) * 64 + dc48] = d53;
        wf[0 + (dr47 + 10) * 64 + dc48] = d54;
        wf[0 + (dr47 + 12) * 64 + dc48] = d55;
        wf[0 + (dr47 + 14) * 64 + dc48] = d56;
        wf[0 + (dr47 + 16) * 64 + dc48] = d57;
        wf[0 + (dr47 + 18) * 64 + dc48] = d58;
        wf[0 + (dr47 + 20) * 64 + dc48] = d59;
        wf[0 + (dr47 + 22) * 64 + dc48] = d60;
        wf[0 + (dr47 + 24) * 64 + dc48] = d61;
        wf[0 + (dr47 + 26) * 64 + dc48] = d62;
        wf[0 + (dr47 + 28) * 64 + dc48] = d63;
        wf[0 + (dr47 + 30) * 64 + dc48] = d64;
        wf[0 + (dr47 + 32) * 64 + dc48] = d65;
        wf[0 + (dr47 + 34) * 64 + dc48] = d66;
        wf[0 + (dr47 + 36) * 64 + dc48] = d67;
        wf[0 + (dr47 + 38) * 64 + dc48] = d68;
        wf[0 + (dr47 + 40) * 64 + dc48] = d69;
        wf[0 + (dr47 + 42) * 64 + dc48] = d70;
        wf[0 + (dr47 + 44) * 64 + dc48] = d71;
        wf[0 + (dr47 + 46) * 64 + dc48] = d72;
        wf[0 + (dr47 + 48) * 64 + dc48] = d73;
        wf[0 + (dr47 + 50) * 64 + dc48] = d74;
        wf[0 + (dr47 + 52) * 64 + dc48] = d75;
        wf[0 + (dr47 + 54) * 64 + dc48] = d76;
        wf[0 + (dr47 + 56) * 64 + dc48] = d77;
        wf[0 + (dr47 + 58) * 64 + dc48] = d78;
        wf[0 + (dr47 + 60) * 64 + dc48] = d79;
        wf[0 + (dr47 + 62) * 64 + dc48] = d80;
      }
      if (v40) {
        __syncthreads();
        for (int j116 = 0; j116 < 32; j116++) {
          const int e115 = lid + j116 * 128;
          const int e115_0 = (e115 / 64);
          const int e115_1 = e115 % 64;
          wf[4096 + e115_0 * 64 + e115_1] = (wf[0 + e115_0 * 64 + e115_1] * 0.1767766922712326f);
        }
      } else {
        for (int j118 = 0; j118 < 32; j118++) {
          const int e117 = lid + j118 * 128;
          const int e117_0 = (e117 / 64);
          const int e117_1 = e117 % 64;
          wi[0 + e117_0 * 64 + e117_1] = ((sp_member(g_routed_offsets, n_routed_offsets, g_routed_values, n_routed_values, ((v20 && ((si[sbi + 0 + e117_0] >= 0) && (si[sbi + 0 + e117_0] < 16))) ? (v21 + si[sbi + 0 + e117_0]) : (-1)), ((sp_floor_div(sp_floor_div((e117_1 + v37), 16), 4) * 4) + sp_floor_div(sp_floor_mod((e117_1 + v37), 16), 4)), 32)) ? 1 : 0);
        }
        __syncthreads();
        for (int j118 = 0; j118 < 32; j118++) {
          const int e117 = lid + j118 * 128;
          const int e117_0 = (e117 / 64);
          const int e117_1 = e117 % 64;
          wf[4096 + e117_0 * 64 + e117_1] = (((wi[0 + e117_0 * 64 + e117_1] != 0) && ((e117_1 + v37) < 256)) ? (wf[0 + e117_0 * 64 + e117_1] * 0.1767766922712326f) : (-INFINITY));
        }
      }
      __syncthreads();
      for (int rb119 = 0; rb119 < 64; rb119 += 64) {
        const int row120 = rb119 + lid / 2;
        const int part121 = lid % 2;
        float s122 = (-INFINITY);
        if (row120 < 64) { for (int i123 = part121; i123 < 64; i123 += 2) { s122 = sp_max(s122, wf[4096 + row120 * 64 + i123]); } }
        for (int off124 = 1; off124 < 2; off124 *= 2) { s122 = sp_max(s122, __shfl_xor_sync(0xffffffffu, s122, off124)); }
        if (part121 == 0 && row120 < 64) { wf[0 + row120] = s122; }
      }
      __syncthreads();
      {
        const int e125 = lid;
        if (e125 < 64) {
          const int e125_0 = e125;
          sf[sbf + 64 + e125_0] = sp_max(pr1[0], wf[0 + e125_0]);
          sf[sbf + 128 + e125_0] = sp_softmax_exp(pr1[0], sf[sbf + 64 + e125_0]);
        }
      }
      __syncthreads();
      for (int j127 = 0; j127 < 32; j127++) {
        const int e126 = lid + j127 * 128;
        const int e126_0 = (e126 / 64);
        const int e126_1 = e126 % 64;
        wf[0 + e126_0 * 64 + e126_1] = sp_softmax_exp(wf[4096 + e126_0 * 64 + e126_1], sf[sbf + 64 + e126_0]);
      }
      __syncthreads();
      for (int rb128 = 0; rb128 < 64; rb128 += 64) {
        const int row129 = rb128 + lid / 2;
        const int part130 = lid % 2;
        float s131 = 0.0f;
        if (row129 < 64) { for (int i132 = part130; i132 < 64; i132 += 2) { s131 = (s131 + wf[0 + row129 * 64 + i132]); } }
        for (int off133 = 1; off133 < 2; off133 *= 2) { s131 = (s131 + __shfl_xor_sync(0xffffffffu, s131, off133)); }
        if (part130 == 0 && row129 < 64) { wf[4096 + row129] = s131; }
      }
      __syncthreads();
      {
        const int e134 = lid;
        if (e134 < 64) {
          const int e134_0 = e134;
          pr2[0] = (sf[sbf + 0 + e134_0] * sf[sbf + 128 + e134_0] + wf[4096 + e134_0]);
        }
      }
      for (int j136 = 0; j136 < 16; j136++) {
        const int e135 = lid + j136 * 128;
        const int e135_0 = (e135 / 32);
        const int e135_1 = e135 % 32;
        wf[6144 + e135_0 * 32 + e135_1] = ((e135_0 < v44) ? sp_rd_f32(g_v, n_v, (v42 + e135_0 * 32 + e135_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr137 = lid / 32;
        const int dc138 = lid % 32;
        float d139 = (pr0[0] * sf[sbf + 128 + (dr137 + 0)]);
        float d140 = (pr0[1] * sf[sbf + 128 + (dr137 + 4)]);
        float d141 = (pr0[2] * sf[sbf + 128 + (dr137 + 8)]);
        float d142 = (pr0[3] * sf[sbf + 128 + (dr137 + 12)]);
        float d143 = (pr0[4] * sf[sbf + 128 + (dr137 + 16)]);
        float d144 = (pr0[5] * sf[sbf + 128 + (dr137 + 20)]);
        float d145 = (pr0[6] * sf[sbf + 128 + (dr137 + 24)]);
        float d146 = (pr0[7] * sf[sbf + 128 + (dr137 + 28)]);
        float d147 = (pr0[8] * sf[sbf + 128 + (dr137 + 32)]);
        float d148 = (pr0[9] * sf[sbf + 128 + (dr137 + 36)]);
        float d149 = (pr0[10] * sf[sbf + 128 + (dr137 + 40)]);
        float d150 = (pr0[11] * sf[sbf + 128 + (dr137 + 44)]);
        float d151 = (pr0[12] * sf[sbf + 128 + (dr137 + 48)]);
        float d152 = (pr0[13] * sf[sbf + 128 + (dr137 + 52)]);
        float d153 = (pr0[14] * sf[sbf + 128 + (dr137 + 56)]);
        float d154 = (pr0[15] * sf[sbf + 128 + (dr137 + 60)]);
        for (int k155 = 0; k155 < 64; k155++) {
          const auto o156 = wf[0 + (dr137 + 0) * 64 + k155];
          const auto o157 = wf[6144 + k155 * 32 + dc138];
          const auto o158 = wf[0 + (dr137 + 4) * 64 + k155];
          const auto o159 = wf[0 + (dr137 + 8) * 64 + k155];
          const auto o160 = wf[0 + (dr137 + 12) * 64 + k155];
          const auto o161 = wf[0 + (dr137 + 16) * 64 + k155];
          const auto o162 = wf[0 + (dr137 + 20) * 64 + k155];
          const auto o163 = wf[0 + (dr137 + 24) * 64 + k155];
          const auto o164 = wf[0 + (dr137 + 28) * 64 + k155];
          const auto o165 = wf[0 + (dr137 + 32) * 64 + k155];
          const auto o166 = wf[0 + (dr137 + 36) * 64 + k155];
          const auto o167 = wf[0 + (dr137 + 40) * 64 + k155];
          const auto o168 = wf[0 + (dr137 + 44) * 64 + k155];
          const auto o169 = wf[0 + (dr137 + 48) * 64 + k155];
          const auto o170 = wf[0 + (dr137 + 52) * 64 + k155];
          const auto o171 = wf[0 + (dr137 + 56) * 64 + k155];
          const auto o172 = wf[0 + (dr137 + 60) * 64 + k155];
          d139 = d139 + (o156 != 0.0f ? o156 * o157 : 0.0f);
          d140 = d140 + (o158 != 0.0f ? o158 * o157 : 0.0f);
          d141 = d141 + (o159 != 0.0f ? o159 * o157 : 0.0f);
          d142 = d142 + (o160 != 0.0f ? o160 * o157 : 0.0f);
          d143 = d143 + (o161 != 0.0f ? o161 * o157 : 0.0f);
          d144 = d144 + (o162 != 0.0f ? o162 * o157 : 0.0f);
          d145 = d145 + (o163 != 0.0f ? o163 * o157 : 0.0f);
          d146 = d146 + (o164 != 0.0f ? o164 * o157 : 0.0f);
          d147 = d147 + (o165 != 0.0f ? o165 * o157 : 0.0f);
          d148 = d148 + (o166 != 0.0f ? o166 * o157 : 0.0f);
          d149 = d149 + (o167 != 0.0f ? o167 * o157 : 0.0f);
          d150 = d150 + (o168 != 0.0f ? o168 * o157 : 0.0f);
          d151 = d151 + (o169 != 0.0f ? o169 * o157 : 0.0f);
          d152 = d152 + (o170 != 0.0f ? o170 * o157 : 0.0f);
          d153 = d153 + (o171 != 0.0f ? o171 * o157 : 0.0f);
          d154 = d154 + (o172 != 0.0f ? o172 * o157 : 0.0f);
        }
        wf[4096 + (dr137 + 0) * 32 + dc138] = d139;
        wf[4096 + (dr137 + 4) * 32 + dc138] = d140;
        wf[4096 + (dr137 + 8) * 32 + dc138] = d141;
        wf[4096 + (dr137 + 12) * 32 + dc138] = d142;
        wf[4096 + (dr137 + 16) * 32 + dc138] = d143;
        wf[4096 + (dr137 + 20) * 32 + dc138] = d144;
        wf[4096 + (dr137 + 24) * 32 + dc138] = d145;
        wf[4096 + (dr137 + 28) * 32 + dc138] = d146;
        wf[4096 + (dr137 + 32) * 32 + dc138] = d147;
        wf[4096 + (dr137 + 36) * 32 + dc138] = d148;
        wf[4096 + (dr137 + 40) * 32 + dc138] = d149;
        wf[4096 + (dr137 + 44) * 32 + dc138] = d150;
        wf[4096 + (dr137 + 48) * 32 + dc138] = d151;
        wf[4096 + (dr137 + 52) * 32 + dc138] = d152;
        wf[4096 + (dr137 + 56) * 32 + dc138] = d153;
        wf[4096 + (dr137 + 60) * 32 + dc138] = d154;
      }
      {
        const int e173 = lid;
        if (e173 < 64) {
          const int e173_0 = e173;
          pr1[0] = sf[sbf + 64 + e173_0];
          sf[sbf + 0 + e173_0] = pr2[0];
        }
      }
      for (int j175 = 0; j175 < 16; j175++) {
        const int e174 = lid + j175 * 128;
        const int e174_0 = (e174 / 32);
        const int e174_1 = e174 % 32;
        pr0[j175] = wf[4096 + e174_0 * 32 + e174_1];
      }
      __syncthreads();
    }
    for (int j177 = 0; j177 < 16; j177++) {
      const int e176 = lid + j177 * 128;
      const int e176_0 = (e176 / 32);
      const int e176_1 = e176 % 32;
      const int a178 = v24 + e176_0 * 32 + e176_1 * 1;
      if (e176_0 < v26) { if (a178 >= 0 && a178 < n_out) { g_out[a178] = ((sf[sbf + 0 + e176_0] == 0.0f) ? 0.0f : (pr0[j177] / sf[sbf + 0 + e176_0])); } }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_biformer_regions_workspace_bytes(int blocks) { return (size_t)blocks * 1024; }

/** Launches biformer_regions on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_biformer_regions_run(const float* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const float* __restrict__ g_q, int n_q, const int* __restrict__ g_routed_offsets, int n_routed_offsets, const int* __restrict__ g_routed_values, int n_routed_values, const float* __restrict__ g_v, int n_v, float* __restrict__ g_out, int n_out, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 192);
  return SPARSEC_LAUNCH(sparsec_biformer_regions_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_plan_full, n_plan_full, g_plan_ktiles, n_plan_ktiles, g_plan_rowptr, n_plan_rowptr, g_q, n_q, g_routed_offsets, n_routed_offsets, g_routed_values, n_routed_values, g_v, n_v, g_out, n_out, s_plan_bmul, s_plan_hcount, s_plan_hmul, s_plan_len, s_plan_rows, sf, si);
}

extern "C" cudaError_t sparsec_biformer_regions_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_biformer_regions_run((const float*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const int*)buffers[3], lengths[3], (const float*)buffers[4], lengths[4], (const int*)buffers[5], lengths[5], (const int*)buffers[6], lengths[6], (const float*)buffers[7], lengths[7], (float*)buffers[8], lengths[8], scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], workspace, blocks, stream);
}
