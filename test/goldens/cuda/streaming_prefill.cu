// sparsec: kernel streaming_prefill (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_streaming_prefill_kernel(const float* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const float* __restrict__ g_q, int n_q, const float* __restrict__ g_v, int n_v, float* __restrict__ g_out, int n_out, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, int s_q_len, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 8192;
  const int sbi = wid * 4096;
  __shared__ float wf[8512];
  float pr0[1];
  float pr1[1];
  float pr2[1];
  float pr3[1];
  float pr4[1];
  const int v0 = (s_q_len + 63);
  const int v1 = sp_floor_div(v0, 64);
  const int v2 = (s_kv_len - s_q_len);
  const int n3 = sp_max(0, 1 - 0);
  const int n4 = sp_max(0, 2 - 0);
  const int n5 = sp_max(0, v1 - 0);
  const int tasks = n3 * n4 * n5;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g8 = 0 + (task / (n5 * n4));
    const int g7 = 0 + (task / (n5)) % n4;
    const int g6 = 0 + task % n5;
    const int v9 = (g8 * 8);
    const int v10 = (g8 * s_plan_bmul);
    const int v11 = (v10 * s_plan_hcount);
    const int v12 = (g8 * 2);
    const int v13 = (g7 * 4);
    const int v14 = (v9 + v13);
    const int v15 = (v14 * s_q_len);
    const int v16 = (v13 * s_plan_hmul);
    const int v17 = (v11 + v16);
    const int v18 = (v17 * v1);
    const int v19 = (v12 + g7);
    const int v20 = (v19 * s_kv_len);
    const int v21 = (v13 + 1);
    const int v22 = (v9 + v21);
    const int v23 = (v22 * s_q_len);
    const int v24 = (v21 * s_plan_hmul);
    const int v25 = (v11 + v24);
    const int v26 = (v25 * v1);
    const int v27 = (v13 + 2);
    const int v28 = (v9 + v27);
    const int v29 = (v28 * s_q_len);
    const int v30 = (v27 * s_plan_hmul);
    const int v31 = (v11 + v30);
    const int v32 = (v31 * v1);
    const int v33 = (v13 + 3);
    const int v34 = (v9 + v33);
    const int v35 = (v34 * s_q_len);
    const int v36 = (v33 * s_plan_hmul);
    const int v37 = (v11 + v36);
    const int v38 = (v37 * v1);
    const int v39 = (g6 * 64);
    const int v40 = (v15 + v39);
    const int v41 = (v40 * 64);
    const int v42 = (s_q_len - v39);
    const int v43 = sp_min(64, v42);
    const int v44 = (v18 + g6);
    const int v45 = ((v44) >= 0 && (v44) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v44) : 0);
    const int v46 = (v44 + 1);
    const int v47 = ((v46) >= 0 && (v46) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v46) : 0);
    const int v48 = (v39 + v2);
    {
      const int e49 = lid;
      if (e49 < 64) {
        const int e49_0 = e49;
        pr0[0] = (-INFINITY);
        wf[8256 + e49_0] = 0.0f;
      }
    }
    for (int j51 = 0; j51 < 32; j51++) {
      const int e50 = lid + j51 * 128;
      const int e50_0 = (e50 / 64);
      const int e50_1 = e50 % 64;
      wf[4160 + e50_0 * 64 + e50_1] = 0.0f;
    }
    __syncthreads();
    for (int i52 = v45; i52 < v47; i52++) {
      const bool v53 = ((i52) >= 0 && (i52) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i52) != 0) : false);
      const int v54 = ((i52) >= 0 && (i52) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i52) : 0);
      const int v55 = (v54 * 64);
      const int v56 = (v55 + 64);
      const bool v57 = (v56 <= s_kv_len);
      const bool v58 = (v53 && v57);
      const int v59 = (v20 + v55);
      const int v60 = (v59 * 64);
      const int v61 = (s_kv_len - v55);
      const int v62 = sp_min(64, v61);
      for (int j64 = 0; j64 < 32; j64++) {
        const int e63 = lid + j64 * 128;
        const int e63_0 = (e63 / 64);
        const int e63_1 = e63 % 64;
        wf[0 + e63_0 * 65 + e63_1] = ((e63_0 < v62) ? sp_rd_f32(g_k, n_k, (v60 + e63_0 * 64 + e63_1)) : 0.0f);
        wf[0 + e63_0 * 65 + e63_1] = ((e63_0 < v62) ? sp_rd_f32(g_k, n_k, (v60 + e63_0 * 64 + e63_1)) : 0.0f);
        wf[0 + e63_0 * 65 + e63_1] = ((e63_0 < v62) ? sp_rd_f32(g_k, n_k, (v60 + e63_0 * 64 + e63_1)) : 0.0f);
        wf[0 + e63_0 * 65 + e63_1] = ((e63_0 < v62) ? sp_rd_f32(g_k, n_k, (v60 + e63_0 * 64 + e63_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr65 = lid / 64;
        const int dc66 = lid % 64;
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
        float d81 = 0.0f;
        float d82 = 0.0f;
        float d83 = 0.0f;
        float d84 = 0.0f;
        float d85 = 0.0f;
        float d86 = 0.0f;
        float d87 = 0.0f;
        float d88 = 0.0f;
        float d89 = 0.0f;
        float d90 = 0.0f;
        float d91 = 0.0f;
        float d92 = 0.0f;
        float d93 = 0.0f;
        float d94 = 0.0f;
        float d95 = 0.0f;
        float d96 = 0.0f;
        float d97 = 0.0f;
        float d98 = 0.0f;
        for (int k99 = 0; k99 < 64; k99++) {
          const auto o100 = (((dr65 + 0) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 0) * 64 + k99)) : 0.0f);
          const auto o101 = wf[0 + dc66 * 65 + k99];
          const auto o102 = (((dr65 + 2) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 2) * 64 + k99)) : 0.0f);
          const auto o103 = (((dr65 + 4) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 4) * 64 + k99)) : 0.0f);
          const auto o104 = (((dr65 + 6) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 6) * 64 + k99)) : 0.0f);
          const auto o105 = (((dr65 + 8) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 8) * 64 + k99)) : 0.0f);
          const auto o106 = (((dr65 + 10) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 10) * 64 + k99)) : 0.0f);
          const auto o107 = (((dr65 + 12) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 12) * 64 + k99)) : 0.0f);
          const auto o108 = (((dr65 + 14) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 14) * 64 + k99)) : 0.0f);
          const auto o109 = (((dr65 + 16) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 16) * 64 + k99)) : 0.0f);
          const auto o110 = (((dr65 + 18) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 18) * 64 + k99)) : 0.0f);
          const auto o111 = (((dr65 + 20) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 20) * 64 + k99)) : 0.0f);
          const auto o112 = (((dr65 + 22) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 22) * 64 + k99)) : 0.0f);
          const auto o113 = (((dr65 + 24) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 24) * 64 + k99)) : 0.0f);
          const auto o114 = (((dr65 + 26) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 26) * 64 + k99)) : 0.0f);
          const auto o115 = (((dr65 + 28) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 28) * 64 + k99)) : 0.0f);
          const auto o116 = (((dr65 + 30) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 30) * 64 + k99)) : 0.0f);
          const auto o117 = (((dr65 + 32) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 32) * 64 + k99)) : 0.0f);
          const auto o118 = (((dr65 + 34) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 34) * 64 + k99)) : 0.0f);
          const auto o119 = (((dr65 + 36) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 36) * 64 + k99)) : 0.0f);
          const auto o120 = (((dr65 + 38) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 38) * 64 + k99)) : 0.0f);
          const auto o121 = (((dr65 + 40) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 40) * 64 + k99)) : 0.0f);
          const auto o122 = (((dr65 + 42) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 42) * 64 + k99)) : 0.0f);
          const auto o123 = (((dr65 + 44) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 44) * 64 + k99)) : 0.0f);
          const auto o124 = (((dr65 + 46) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 46) * 64 + k99)) : 0.0f);
          const auto o125 = (((dr65 + 48) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 48) * 64 + k99)) : 0.0f);
          const auto o126 = (((dr65 + 50) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 50) * 64 + k99)) : 0.0f);
          const auto o127 = (((dr65 + 52) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 52) * 64 + k99)) : 0.0f);
          const auto o128 = (((dr65 + 54) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 54) * 64 + k99)) : 0.0f);
          const auto o129 = (((dr65 + 56) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 56) * 64 + k99)) : 0.0f);
          const auto o130 = (((dr65 + 58) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 58) * 64 + k99)) : 0.0f);
          const auto o131 = (((dr65 + 60) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 60) * 64 + k99)) : 0.0f);
          const auto o132 = (((dr65 + 62) < v43) ? sp_rd_f32(g_q, n_q, (v41 + (dr65 + 62) * 64 + k99)) : 0.0f);
          d67 = d67 + o100 * o101;
          d68 = d68 + o102 * o101;
          d69 = d69 + o103 * o101;
          d70 = d70 + o104 * o101;
          d71 = d71 + o105 * o101;
          d72 = d72 + o106 * o101;
          d73 = d73 + o107 * o101;
          d74 = d74 + o108 * o101;
          d75 = d75 + o109 * o101;
          d76 = d76 + o110 * o101;
          d77 = d77 + o111 * o101;
          d78 = d78 + o112 * o101;
          d79 = d79 + o113 * o101;
          d80 = d80 + o114 * o101;
          d81 = d81 + o115 * o101;
          d82 = d82 + o116 * o101;
          d83 = d83 + o117 * o101;
          d84 = d84 + o118 * o101;
          d85 = d85 + o119 * o101;
          d86 = d86 + o120 * o101;
          d87 = d87 + o121 * o101;
          d88 = d88 + o122 * o101;
          d89 = d89 + o123 * o101;
          d90 = d90 + o124 * o101;
          d91 = d91 + o125 * o101;
          d92 = d92 + o126 * o101;
          d93 = d93 + o127 * o101;
          d94 = d94 + o128 * o101;
          d95 = d95 + o129 * o101;
          d96 = d96 + o130 * o101;
          d97 = d97 + o131 * o101;
          d98 = d98 + o132 * o101;
        }
        sf[sbf + 0 + (dr65 + 0) * 64 + dc66] = d67;
        sf[sbf + 0 + (dr65 + 2) * 64 + dc66] = d68;
        sf[sbf + 0 + (dr65 + 4) * 64 + dc66] = d69;
        sf[sbf + 0 + (dr65 + 6) * 64 + dc66] = d70;
        sf[sbf + 0 + (dr65 + 8) * 64 + dc66] = d71;
        sf[sbf + 0 + (dr65 + 10) * 64 + dc66] = d72;
        sf[sbf + 0 + (dr65 + 12) * 64 + dc66] = d73;
        sf[sbf + 0 + (dr65 + 14) * 64 + dc66] = d74;
        sf[sbf + 0 + (dr65 + 16) * 64 + dc66] = d75;
        sf[sbf + 0 + (dr65 + 18) * 64 + dc66] = d76;
        sf[sbf + 0 + (dr65 + 20) * 64 + dc66] = d77;
        sf[sbf + 0 + (dr65 + 22) * 64 + dc66] = d78;
        sf[sbf + 0 + (dr65 + 24) * 64 + dc66] = d79;
        sf[sbf + 0 + (dr65 + 26) * 64 + dc66] = d80;
        sf[sbf + 0 + (dr65 + 28) * 64 + dc66] = d81;
        sf[sbf + 0 + (dr65 + 30) * 64 + dc66] = d82;
        sf[sbf + 0 + (dr65 + 32) * 64 + dc66] = d83;
        sf[sbf + 0 + (dr65 + 34) * 64 + dc66] = d84;
        sf[sbf + 0 + (dr65 + 36) * 64 + dc66] = d85;
        sf[sbf + 0 + (dr65 + 38) * 64 + dc66] = d86;
        sf[sbf + 0 + (dr65 + 40) * 64 + dc66] = d87;
        sf[sbf + 0 + (dr65 + 42) * 64 + dc66] = d88;
        sf[sbf + 0 + (dr65 + 44) * 64 + dc66] = d89;
        sf[sbf + 0 + (dr65 + 46) * 64 + dc66] = d90;
        sf[sbf + 0 + (dr65 + 48) * 64 + dc66] = d91;
        sf[sbf + 0 + (dr65 + 50) * 64 + dc66] = d92;
        sf[sbf + 0 + (dr65 + 52) * 64 + dc66] = d93;
        sf[sbf + 0 + (dr65 + 54) * 64 + dc66] = d94;
        sf[sbf + 0 + (dr65 + 56) * 64 + dc66] = d95;
        sf[sbf + 0 + (dr65 + 58) * 64 + dc66] = d96;
        sf[sbf + 0 + (dr65 + 60) * 64 + dc66] = d97;
        sf[sbf + 0 + (dr65 + 62) * 64 + dc66] = d98;
      }
      if (v58) {
        for (int j134 = 0; j134 < 32; j134++) {
          const int e133 = lid + j134 * 128;
          const int e133_0 = (e133 / 64);
          const int e133_1 = e133 % 64;
          sf[sbf + 4096 + e133_0 * 64 + e133_1] = (sf[sbf + 0 + e133_0 * 64 + e133_1] * 0.125f);
        }
      } else {
        for (int j136 = 0; j136 < 32; j136++) {
          const int e135 = lid + j136 * 128;
          const int e135_0 = (e135 / 64);
          const int e135_1 = e135 % 64;
          si[sbi + 0 + e135_0 * 64 + e135_1] = ((((((e135_1 + v55) <= (e135_0 + v48)) && (((e135_1 + v55) < 4) || (((e135_0 + v48) - (e135_1 + v55)) < 128))) && ((e135_1 + v55) < s_kv_len))) ? 1 : 0);
          sf[sbf + 4096 + e135_0 * 64 + e135_1] = ((si[sbi + 0 + e135_0 * 64 + e135_1] != 0) ? (sf[sbf + 0 + e135_0 * 64 + e135_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      for (int rb137 = 0; rb137 < 64; rb137 += 64) {
        const int row138 = rb137 + lid / 2;
        const int part139 = lid % 2;
        float s140 = (-INFINITY);
        if (row138 < 64) { for (int i141 = part139; i141 < 64; i141 += 2) { s140 = sp_max(s140, sf[sbf + 4096 + row138 * 64 + i141]); } }
        for (int off142 = 1; off142 < 2; off142 *= 2) { s140 = sp_max(s140, __shfl_xor_sync(0xffffffffu, s140, off142)); }
        if (part139 == 0 && row138 < 64) { wf[8320 + row138] = s140; }
      }
      __syncthreads();
      {
        const int e143 = lid;
        if (e143 < 64) {
          const int e143_0 = e143;
          wf[8384 + e143_0] = sp_max(pr0[0], wf[8320 + e143_0]);
          wf[8320 + e143_0] = sp_softmax_exp(pr0[0], wf[8384 + e143_0]);
        }
      }
      __syncthreads();
      for (int j145 = 0; j145 < 32; j145++) {
        const int e144 = lid + j145 * 128;
        const int e144_0 = (e144 / 64);
        const int e144_1 = e144 % 64;
        sf[sbf + 0 + e144_0 * 64 + e144_1] = sp_softmax_exp(sf[sbf + 4096 + e144_0 * 64 + e144_1], wf[8384 + e144_0]);
      }
      __syncthreads();
      for (int rb146 = 0; rb146 < 64; rb146 += 64) {
        const int row147 = rb146 + lid / 2;
        const int part148 = lid % 2;
        float s149 = 0.0f;
        if (row147 < 64) { for (int i150 = part148; i150 < 64; i150 += 2) { s149 = (s149 + sf[sbf + 0 + row147 * 64 + i150]); } }
        for (int off151 = 1; off151 < 2; off151 *= 2) { s149 = (s149 + __shfl_xor_sync(0xffffffffu, s149, off151)); }
        if (part148 == 0 && row147 < 64) { wf[8448 + row147] = s149; }
      }
      __syncthreads();
      {
        const int e152 = lid;
        if (e152 < 64) {
          const int e152_0 = e152;
          pr1[0] = (wf[8256 + e152_0] * wf[8320 + e152_0] + wf[8448 + e152_0]);
        }
      }
      {
        const int dr153 = lid / 64;
        const int dc154 = lid % 64;
        float d155 = (wf[4160 + (dr153 + 0) * 64 + dc154] * wf[8320 + (dr153 + 0)]);
        float d156 = (wf[4160 + (dr153 + 2) * 64 + dc154] * wf[8320 + (dr153 + 2)]);
        float d157 = (wf[4160 + (dr153 + 4) * 64 + dc154] * wf[8320 + (dr153 + 4)]);
        float d158 = (wf[4160 + (dr153 + 6) * 64 + dc154] * wf[8320 + (dr153 + 6)]);
        float d159 = (wf[4160 + (dr153 + 8) * 64 + dc154] * wf[8320 + (dr153 + 8)]);
        float d160 = (wf[4160 + (dr153 + 10) * 64 + dc154] * wf[8320 + (dr153 + 10)]);
        float d161 = (wf[4160 + (dr153 + 12) * 64 + dc154] * wf[8320 + (dr153 + 12)]);
        float d162 = (wf[4160 + (dr153 + 14) * 64 + dc154] * wf[8320 + (dr153 + 14)]);
        float d163 = (wf[4160 + (dr153 + 16) * 64 + dc154] * wf[8320 + (dr153 + 16)]);
        float d164 = (wf[4160 + (dr153 + 18) * 64 + dc154] * wf[8320 + (dr153 + 18)]);
        float d165 = (wf[4160 + (dr153 + 20) * 64 + dc154] * wf[8320 + (dr153 + 20)]);
        float d166 = (wf[4160 + (dr153 + 22) * 64 + dc154] * wf[8320 + (dr153 + 22)]);
        float d167 = (wf[4160 + (dr153 + 24) * 64 + dc154] * wf[8320 + (dr153 + 24)]);
        float d168 = (wf[4160 + (dr153 + 26) * 64 + dc154] * wf[8320 + (dr153 + 26)]);
        float d169 = (wf[4160 + (dr153 + 28) * 64 + dc154] * wf[8320 + (dr153 + 28)]);
        float d170 = (wf[4160 + (dr153 + 30) * 64 + dc154] * wf[8320 + (dr153 + 30)]);
        float d171 = (wf[4160 + (dr153 + 32) * 64 + dc154] * wf[8320 + (dr153 + 32)]);
        float d172 = (wf[4160 + (dr153 + 34) * 64 + dc154] * wf[8320 + (dr153 + 34)]);
        float d173 = (wf[4160 + (dr153 + 36) * 64 + dc154] * wf[8320 + (dr153 + 36)]);
        float d174 = (wf[4160 + (dr153 + 38) * 64 + dc154] * wf[8320 + (dr153 + 38)]);
        float d175 = (wf[4160 + (dr153 + 40) * 64 + dc154] * wf[8320 + (dr153 + 40)]);
        float d176 = (wf[4160 + (dr153 + 42) * 64 + dc154] * wf[8320 + (dr153 + 42)]);
        float d177 = (wf[4160 + (dr153 + 44) * 64 + dc154] * wf[8320 + (dr153 + 44)]);
        float d178 = (wf[4160 + (dr153 + 46) * 64 + dc154] * wf[8320 + (dr153 + 46)]);
        float d179 = (wf[4160 + (dr153 + 48) * 64 + dc154] * wf[8320 + (dr153 + 48)]);
        float d180 = (wf[4160 + (dr153 + 50) * 64 + dc154] * wf[8320 + (dr153 + 50)]);
        float d181 = (wf[4160 + (dr153 + 52) * 64 + dc154] * wf[8320 + (dr153 + 52)]);
        float d182 = (wf[4160 + (dr153 + 54) * 64 + dc154] * wf[8320 + (dr153 + 54)]);
        float d183 = (wf[4160 + (dr153 + 56) * 64 + dc154] * wf[8320 + (dr153 + 56)]);
        float d184 = (wf[4160 + (dr153 + 58) * 64 + dc154] * wf[8320 + (dr153 + 58)]);
        float d185 = (wf[4160 + (dr153 + 60) * 64 + dc154] * wf[8320 + (dr153 + 60)]);
        float d186 = (wf[4160 + (dr153 + 62) * 64 + dc154] * wf[8320 + (dr153 + 62)]);
        for (int k187 = 0; k187 < 64; k187++) {
          const auto o188 = sf[sbf + 0 + (dr153 + 0) * 64 + k187];
          const auto o189 = ((k187 < v62) ? sp_rd_f32(g_v, n_v, (v60 + k187 * 64 + dc154)) : 0.0f);
          const auto o190 = sf[sbf + 0 + (dr153 + 2) * 64 + k187];
          const auto o191 = sf[sbf + 0 + (dr153 + 4) * 64 + k187];
          const auto o192 = sf[sbf + 0 + (dr153 + 6) * 64 + k187];
          const auto o193 = sf[sbf + 0 + (dr153 + 8) * 64 + k187];
          const auto o194 = sf[sbf + 0 + (dr153 + 10) * 64 + k187];
          const auto o195 = sf[sbf + 0 + (dr153 + 12) * 64 + k187];
          const auto o196 = sf[sbf + 0 + (dr153 + 14) * 64 + k187];
          const auto o197 = sf[sbf + 0 + (dr153 + 16) * 64 + k187];
          const auto o198 = sf[sbf + 0 + (dr153 + 18) * 64 + k187];
          const auto o199 = sf[sbf + 0 + (dr153 + 20) * 64 + k187];
          const auto o200 = sf[sbf + 0 + (dr153 + 22) * 64 + k187];
          const auto o201 = sf[sbf + 0 + (dr153 + 24) * 64 + k187];
          const auto o202 = sf[sbf + 0 + (dr153 + 26) * 64 + k187];
          const auto o203 = sf[sbf + 0 + (dr153 + 28) * 64 + k187];
          const auto o204 = sf[sbf + 0 + (dr153 + 30) * 64 + k187];
          const auto o205 = sf[sbf + 0 + (dr153 + 32) * 64 + k187];
          const auto o206 = sf[sbf + 0 + (dr153 + 34) * 64 + k187];
          const auto o207 = sf[sbf + 0 + (dr153 + 36) * 64 + k187];
          const auto o208 = sf[sbf + 0 + (dr153 + 38) * 64 + k187];
          const auto o209 = sf[sbf + 0 + (dr153 + 40) * 64 + k187];
          const auto o210 = sf[sbf + 0 + (dr153 + 42) * 64 + k187];
          const auto o211 = sf[sbf + 0 + (dr153 + 44) * 64 + k187];
          const auto o212 = sf[sbf + 0 + (dr153 + 46) * 64 + k187];
          const auto o213 = sf[sbf + 0 + (dr153 + 48) * 64 + k187];
          const auto o214 = sf[sbf + 0 + (dr153 + 50) * 64 + k187];
          const auto o215 = sf[sbf + 0 + (dr153 + 52) * 64 + k187];
          const auto o216 = sf[sbf + 0 + (dr153 + 54) * 64 + k187];
          const auto o217 = sf[sbf + 0 + (dr153 + 56) * 64 + k187];
          const auto o218 = sf[sbf + 0 + (dr153 + 58) * 64 + k187];
          const auto o219 = sf[sbf + 0 + (dr153 + 60) * 64 + k187];
          const auto o220 = sf[sbf + 0 + (dr153 + 62) * 64 + k187];
          d155 = d155 + (o188 != 0.0f ? o188 * o189 : 0.0f);
          d156 = d156 + (o190 != 0.0f ? o190 * o189 : 0.0f);
          d157 = d157 + (o191 != 0.0f ? o191 * o189 : 0.0f);
          d158 = d158 + (o192 != 0.0f ? o192 * o189 : 0.0f);
          d159 = d159 + (o193 != 0.0f ? o193 * o189 : 0.0f);
          d160 = d160 + (o194 != 0.0f ? o194 * o189 : 0.0f);
          d161 = d161 + (o195 != 0.0f ? o195 * o189 : 0.0f);
          d162 = d162 + (o196 != 0.0f ? o196 * o189 : 0.0f);
          d163 = d163 + (o197 != 0.0f ? o197 * o189 : 0.0f);
          d164 = d164 + (o198 != 0.0f ? o198 * o189 : 0.0f);
          d165 = d165 + (o199 != 0.0f ? o199 * o189 : 0.0f);
          d166 = d166 + (o200 != 0.0f ? o200 * o189 : 0.0f);
          d167 = d167 + (o201 != 0.0f ? o201 * o189 : 0.0f);
          d168 = d168 + (o202 != 0.0f ? o202 * o189 : 0.0f);
          d169 = d169 + (o203 != 0.0f ? o203 * o189 : 0.0f);
          d170 = d170 + (o204 != 0.0f ? o204 * o189 : 0.0f);
          d171 = d171 + (o205 != 0.0f ? o205 * o189 : 0.0f);
          d172 = d172 + (o206 != 0.0f ? o206 * o189 : 0.0f);
          d173 = d173 + (o207 != 0.0f ? o207 * o189 : 0.0f);
          d174 = d174 + (o208 != 0.0f ? o208 * o189 : 0.0f);
          d175 = d175 + (o209 != 0.0f ? o209 * o189 : 0.0f);
          d176 = d176 + (o210 != 0.0f ? o210 * o189 : 0.0f);
          d177 = d177 + (o211 != 0.0f ? o211 * o189 : 0.0f);
          d178 = d178 + (o212 != 0.0f ? o212 * o189 : 0.0f);
          d179 = d179 + (o213 != 0.0f ? o213 * o189 : 0.0f);
          d180 = d180 + (o214 != 0.0f ? o214 * o189 : 0.0f);
          d181 = d181 + (o215 != 0.0f ? o215 * o189 : 0.0f);
          d182 = d182 + (o216 != 0.0f ? o216 * o189 : 0.0f);
          d183 = d183 + (o217 != 0.0f ? o217 * o189 : 0.0f);
          d184 = d184 + (o218 != 0.0f ? o218 * o189 : 0.0f);
          d185 = d185 + (o219 != 0.0f ? o219 * o189 : 0.0f);
          d186 = d186 + (o220 != 0.0f ? o220 * o189 : 0.0f);
        }
        sf[sbf + 4096 + (dr153 + 0) * 64 + dc154] = d155;
        sf[sbf + 4096 + (dr153 + 2) * 64 + dc154] = d156;
        sf[sbf + 4096 + (dr153 + 4) * 64 + dc154] = d157;
        sf[sbf + 4096 + (dr153 + 6) * 64 + dc154] = d158;
        sf[sbf + 4096 + (dr153 + 8) * 64 + dc154] = d159;
        sf[sbf + 4096 + (dr153 + 10) * 64 + dc154] = d160;
        sf[sbf + 4096 + (dr153 + 12) * 64 + dc154] = d161;
        sf[sbf + 4096 + (dr153 + 14) * 64 + dc154] = d162;
        sf[sbf + 4096 + (dr153 + 16) * 64 + dc154] = d163;
        sf[sbf + 4096 + (dr153 + 18) * 64 + dc154] = d164;
        sf[sbf + 4096 + (dr153 + 20) * 64 + dc154] = d165;
        sf[sbf + 4096 + (dr153 + 22) * 64 + dc154] = d166;
        sf[sbf + 4096 + (dr153 + 24) * 64 + dc154] = d167;
        sf[sbf + 4096 + (dr153 + 26) * 64 + dc154] = d168;
        sf[sbf + 4096 + (dr153 + 28) * 64 + dc154] = d169;
        sf[sbf + 4096 + (dr153 + 30) * 64 + dc154] = d170;
        sf[sbf + 4096 + (dr153 + 32) * 64 + dc154] = d171;
        sf[sbf + 4096 + (dr153 + 34) * 64 + dc154] = d172;
        sf[sbf + 4096 + (dr153 + 36) * 64 + dc154] = d173;
        sf[sbf + 4096 + (dr153 + 38) * 64 + dc154] = d174;
        sf[sbf + 4096 + (dr153 + 40) * 64 + dc154] = d175;
        sf[sbf + 4096 + (dr153 + 42) * 64 + dc154] = d176;
        sf[sbf + 4096 + (dr153 + 44) * 64 + dc154] = d177;
        sf[sbf + 4096 + (dr153 + 46) * 64 + dc154] = d178;
        sf[sbf + 4096 + (dr153 + 48) * 64 + dc154] = d179;
        sf[sbf + 4096 + (dr153 + 50) * 64 + dc154] = d180;
        sf[sbf + 4096 + (dr153 + 52) * 64 + dc154] = d181;
        sf[sbf + 4096 + (dr153 + 54) * 64 + dc154] = d182;
        sf[sbf + 4096 + (dr153 + 56) * 64 + dc154] = d183;
        sf[sbf + 4096 + (dr153 + 58) * 64 + dc154] = d184;
        sf[sbf + 4096 + (dr153 + 60) * 64 + dc154] = d185;
        sf[sbf + 4096 + (dr153 + 62) * 64 + dc154] = d186;
      }
      {
        const int e221 = lid;
        if (e221 < 64) {
          const int e221_0 = e221;
          pr0[0] = wf[8384 + e221_0];
          wf[8256 + e221_0] = pr1[0];
        }
      }
      for (int j223 = 0; j223 < 32; j223++) {
        const int e222 = lid + j223 * 128;
        const int e222_0 = (e222 / 64);
        const int e222_1 = e222 % 64;
        wf[4160 + e222_0 * 64 + e222_1] = sf[sbf + 4096 + e222_0 * 64 + e222_1];
      }
      __syncthreads();
    }
    const int v227 = (v23 + v39);
    const int v228 = (v227 * 64);
    const int v229 = (v26 + g6);
    const int v230 = ((v229) >= 0 && (v229) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v229) : 0);
    const int v231 = (v229 + 1);
    const int v232 = ((v231) >= 0 && (v231) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v231) : 0);
    for (int j225 = 0; j225 < 32; j225++) {
      const int e224 = lid + j225 * 128;
      const int e224_0 = (e224 / 64);
      const int e224_1 = e224 % 64;
      const int a226 = v41 + e224_0 * 64 + e224_1 * 1;
      if (e224_0 < v43) { if (a226 >= 0 && a226 < n_out) { g_out[a226] = ((wf[8256 + e224_0] == 0.0f) ? 0.0f : (wf[4160 + e224_0 * 64 + e224_1] / wf[8256 + e224_0])); } }
    }
    {
      const int e233 = lid;
      if (e233 < 64) {
        pr0[0] = (-INFINITY);
      }
    }
    __syncthreads();
    {
      const int e233 = lid;
      if (e233 < 64) {
        const int e233_0 = e233;
        wf[8256 + e233_0] = 0.0f;
      }
    }
    for (int j235 = 0; j235 < 32; j235++) {
      const int e234 = lid + j235 * 128;
      const int e234_0 = (e234 / 64);
      const int e234_1 = e234 % 64;
      wf[4160 + e234_0 * 64 + e234_1] = 0.0f;
    }
    __syncthreads();
    for (int i236 = v230; i236 < v232; i236++) {
      const bool v237 = ((i236) >= 0 && (i236) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i236) != 0) : false);
      const int v238 = ((i236) >= 0 && (i236) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i236) : 0);
      const int v239 = (v238 * 64);
      const int v240 = (v239 + 64);
      const bool v241 = (v240 <= s_kv_len);
      const bool v242 = (v237 && v241);
      const int v243 = (v20 + v239);
      const int v244 = (v243 * 64);
      const int v245 = (s_kv_len - v239);
      const int v246 = sp_min(64, v245);
      for (int j248 = 0; j248 < 32; j248++) {
        const int e247 = lid + j248 * 128;
        const int e247_0 = (e247 / 64);
        const int e247_1 = e247 % 64;
        wf[0 + e247_0 * 65 + e247_1] = ((e247_0 < v246) ? sp_rd_f32(g_k, n_k, (v244 + e247_0 * 64 + e247_1)) : 0.0f);
        wf[0 + e247_0 * 65 + e247_1] = ((e247_0 < v246) ? sp_rd_f32(g_k, n_k, (v244 + e247_0 * 64 + e247_1)) : 0.0f);
        wf[0 + e247_0 * 65 + e247_1] = ((e247_0 < v246) ? sp_rd_f32(g_k, n_k, (v244 + e247_0 * 64 + e247_1)) : 0.0f);
        wf[0 + e247_0 * 65 + e247_1] = ((e247_0 < v246) ? sp_rd_f32(g_k, n_k, (v244 + e247_0 * 64 + e247_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr249 = lid / 64;
        const int dc250 = lid % 64;
        float d251 = 0.0f;
        float d252 = 0.0f;
        float d253 = 0.0f;
        float d254 = 0.0f;
        float d255 = 0.0f;
        float d256 = 0.0f;
        float d257 = 0.0f;
        float d258 = 0.0f;
        float d259 = 0.0f;
        float d260 = 0.0f;
        float d261 = 0.0f;
        float d262 = 0.0f;
        float d263 = 0.0f;
        float d264 = 0.0f;
        float d265 = 0.0f;
        float d266 = 0.0f;
        float d267 = 0.0f;
        float d268 = 0.0f;
        float d269 = 0.0f;
        float d270 = 0.0f;
        float d271 = 0.0f;
        float d272 = 0.0f;
        float d273 = 0.0f;
        float d274 = 0.0f;
        float d275 = 0.0f;
        float d276 = 0.0f;
        float d277 = 0.0f;
        float d278 = 0.0f;
        float d279 = 0.0f;
        float d280 = 0.0f;
        float d281 = 0.0f;
        float d282 = 0.0f;
        for (int k283 = 0; k283 < 64; k283++) {
          const auto o284 = (((dr249 + 0) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 0) * 64 + k283)) : 0.0f);
          const auto o285 = wf[0 + dc250 * 65 + k283];
          const auto o286 = (((dr249 + 2) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 2) * 64 + k283)) : 0.0f);
          const auto o287 = (((dr249 + 4) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 4) * 64 + k283)) : 0.0f);
          const auto o288 = (((dr249 + 6) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 6) * 64 + k283)) : 0.0f);
          const auto o289 = (((dr249 + 8) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 8) * 64 + k283)) : 0.0f);
          const auto o290 = (((dr249 + 10) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 10) * 64 + k283)) : 0.0f);
          const auto o291 = (((dr249 + 12) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 12) * 64 + k283)) : 0.0f);
          const auto o292 = (((dr249 + 14) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 14) * 64 + k283)) : 0.0f);
          const auto o293 = (((dr249 + 16) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 16) * 64 + k283)) : 0.0f);
          const auto o294 = (((dr249 + 18) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 18) * 64 + k283)) : 0.0f);
          const auto o295 = (((dr249 + 20) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 20) * 64 + k283)) : 0.0f);
          const auto o296 = (((dr249 + 22) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 22) * 64 + k283)) : 0.0f);
          const auto o297 = (((dr249 + 24) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 24) * 64 + k283)) : 0.0f);
          const auto o298 = (((dr249 + 26) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 26) * 64 + k283)) : 0.0f);
          const auto o299 = (((dr249 + 28) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 28) * 64 + k283)) : 0.0f);
          const auto o300 = (((dr249 + 30) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 30) * 64 + k283)) : 0.0f);
          const auto o301 = (((dr249 + 32) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 32) * 64 + k283)) : 0.0f);
          const auto o302 = (((dr249 + 34) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 34) * 64 + k283)) : 0.0f);
          const auto o303 = (((dr249 + 36) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 36) * 64 + k283)) : 0.0f);
          const auto o304 = (((dr249 + 38) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 38) * 64 + k283)) : 0.0f);
          const auto o305 = (((dr249 + 40) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 40) * 64 + k283)) : 0.0f);
          const auto o306 = (((dr249 + 42) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 42) * 64 + k283)) : 0.0f);
          const auto o307 = (((dr249 + 44) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 44) * 64 + k283)) : 0.0f);
          const auto o308 = (((dr249 + 46) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 46) * 64 + k283)) : 0.0f);
          const auto o309 = (((dr249 + 48) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 48) * 64 + k283)) : 0.0f);
          const auto o310 = (((dr249 + 50) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 50) * 64 + k283)) : 0.0f);
          const auto o311 = (((dr249 + 52) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 52) * 64 + k283)) : 0.0f);
          const auto o312 = (((dr249 + 54) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 54) * 64 + k283)) : 0.0f);
          const auto o313 = (((dr249 + 56) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 56) * 64 + k283)) : 0.0f);
          const auto o314 = (((dr249 + 58) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 58) * 64 + k283)) : 0.0f);
          const auto o315 = (((dr249 + 60) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 60) * 64 + k283)) : 0.0f);
          const auto o316 = (((dr249 + 62) < v43) ? sp_rd_f32(g_q, n_q, (v228 + (dr249 + 62) * 64 + k283)) : 0.0f);
          d251 = d251 + o284 * o285;
          d252 = d252 + o286 * o285;
          d253 = d253 + o287 * o285;
          d254 = d254 + o288 * o285;
          d255 = d255 + o289 * o285;
          d256 = d256 + o290 * o285;
          d257 = d257 + o291 * o285;
          d258 = d258 + o292 * o285;
          d259 = d259 + o293 * o285;
          d260 = d260 + o294 * o285;
          d261 = d261 + o295 * o285;
          d262 = d262 + o296 * o285;
          d263 = d263 + o297 * o285;
          d264 = d264 + o298 * o285;
          d265 = d265 + o299 * o285;
          d266 = d266 + o300 * o285;
          d267 = d267 + o301 * o285;
          d268 = d268 + o302 * o285;
          d269 = d269 + o303 * o285;
          d270 = d270 + o304 * o285;
          d271 = d271 + o305 * o285;
          d272 = d272 + o306 * o285;
          d273 = d273 + o307 * o285;
          d274 = d274 + o308 * o285;
          d275 = d275 + o309 * o285;
          d276 = d276 + o310 * o285;
          d277 = d277 + o311 * o285;
          d278 = d278 + o312 * o285;
          d279 = d279 + o313 * o285;
          d280 = d280 + o314 * o285;
          d281 = d281 + o315 * o285;
          d282 = d282 + o316 * o285;
        }
        sf[sbf + 0 + (dr249 + 0) * 64 + dc250] = d251;
        sf[sbf + 0 + (dr249 + 2) * 64 + dc250] = d252;
        sf[sbf + 0 + (dr249 + 4) * 64 + dc250] = d253;
        sf[sbf + 0 + (dr249 + 6) * 64 + dc250] = d254;
        sf[sbf + 0 + (dr249 + 8) * 64 + dc250] = d255;
        sf[sbf + 0 + (dr249 + 10) * 64 + dc250] = d256;
        sf[sbf + 0 + (dr249 + 12) * 64 + dc250] = d257;
        sf[sbf + 0 + (dr249 + 14) * 64 + dc250] = d258;
        sf[sbf + 0 + (dr249 + 16) * 64 + dc250] = d259;
        sf[sbf + 0 + (dr249 + 18) * 64 + dc250] = d260;
        sf[sbf + 0 + (dr249 + 20) * 64 + dc250] = d261;
        sf[sbf + 0 + (dr249 + 22) * 64 + dc250] = d262;
        sf[sbf + 0 + (dr249 + 24) * 64 + dc250] = d263;
        sf[sbf + 0 + (dr249 + 26) * 64 + dc250] = d264;
        sf[sbf + 0 + (dr249 + 28) * 64 + dc250] = d265;
        sf[sbf + 0 + (dr249 + 30) * 64 + dc250] = d266;
        sf[sbf + 0 + (dr249 + 32) * 64 + dc250] = d267;
        sf[sbf + 0 + (dr249 + 34) * 64 + dc250] = d268;
        sf[sbf + 0 + (dr249 + 36) * 64 + dc250] = d269;
        sf[sbf + 0 + (dr249 + 38) * 64 + dc250] = d270;
        sf[sbf + 0 + (dr249 + 40) * 64 + dc250] = d271;
        sf[sbf + 0 + (dr249 + 42) * 64 + dc250] = d272;
        sf[sbf + 0 + (dr249 + 44) * 64 + dc250] = d273;
        sf[sbf + 0 + (dr249 + 46) * 64 + dc250] = d274;
        sf[sbf + 0 + (dr249 + 48) * 64 + dc250] = d275;
        sf[sbf + 0 + (dr249 + 50) * 64 + dc250] = d276;
        sf[sbf + 0 + (dr249 + 52) * 64 + dc250] = d277;
        sf[sbf + 0 + (dr249 + 54) * 64 + dc250] = d278;
        sf[sbf + 0 + (dr249 + 56) * 64 + dc250] = d279;
        sf[sbf + 0 + (dr249 + 58) * 64 + dc250] = d280;
        sf[sbf + 0 + (dr249 + 60) * 64 + dc250] = d281;
        sf[sbf + 0 + (dr249 + 62) * 64 + dc250] = d282;
      }
      if (v242) {
        for (int j318 = 0; j318 < 32; j318++) {
          const int e317 = lid + j318 * 128;
          const int e317_0 = (e317 / 64);
          const int e317_1 = e317 % 64;
          sf[sbf + 4096 + e317_0 * 64 + e317_1] = (sf[sbf + 0 + e317_0 * 64 + e317_1] * 0.125f);
        }
      } else {
        for (int j320 = 0; j320 < 32; j320++) {
          const int e319 = lid + j320 * 128;
          const int e319_0 = (e319 / 64);
          const int e319_1 = e319 % 64;
          si[sbi + 0 + e319_0 * 64 + e319_1] = ((((((e319_1 + v239) <= (e319_0 + v48)) && (((e319_1 + v239) < 4) || (((e319_0 + v48) - (e319_1 + v239)) < 128))) && ((e319_1 + v239) < s_kv_len))) ? 1 : 0);
          sf[sbf + 4096 + e319_0 * 64 + e319_1] = ((si[sbi + 0 + e319_0 * 64 + e319_1] != 0) ? (sf[sbf + 0 + e319_0 * 64 + e319_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      for (int rb321 = 0; rb321 < 64; rb321 += 64) {
        const int row322 = rb321 + lid / 2;
        const int part323 = lid % 2;
        float s324 = (-INFINITY);
        if (row322 < 64) { for (int i325 = part323; i325 < 64; i325 += 2) { s324 = sp_max(s324, sf[sbf + 4096 + row322 * 64 + i325]); } }
        for (int off326 = 1; off326 < 2; off326 *= 2) { s324 = sp_max(s324, __shfl_xor_sync(0xffffffffu, s324, off326)); }
        if (part323 == 0 && row322 < 64) { wf[8320 + row322] = s324; }
      }
      __syncthreads();
      {
        const int e327 = lid;
        if (e327 < 64) {
          const int e327_0 = e327;
          wf[8384 + e327_0] = sp_max(pr0[0], wf[8320 + e327_0]);
          wf[8320 + e327_0] = sp_softmax_exp(pr0[0], wf[8384 + e327_0]);
        }
      }
      __syncthreads();
      for (int j329 = 0; j329 < 32; j329++) {
        const int e328 = lid + j329 * 128;
        const int e328_0 = (e328 / 64);
        const int e328_1 = e328 % 64;
        sf[sbf + 0 + e328_0 * 64 + e328_1] = sp_softmax_exp(sf[sbf + 4096 + e328_0 * 64 + e328_1], wf[8384 + e328_0]);
      }
      __syncthreads();
      for (int rb330 = 0; rb330 < 64; rb330 += 64) {
        const int row331 = rb330 + lid / 2;
        const int part332 = lid % 2;
        float s333 = 0.0f;
        if (row331 < 64) { for (int i334 = part332; i334 < 64; i334 += 2) { s333 = (s333 + sf[sbf + 0 + row331 * 64 + i334]); } }
        for (int off335 = 1; off335 < 2; off335 *= 2) { s333 = (s333 + __shfl_xor_sync(0xffffffffu, s333, off335)); }
        if (part332 == 0 && row331 < 64) { wf[8448 + row331] = s333; }
      }
      __syncthreads();
      {
        const int e336 = lid;
        if (e336 < 64) {
          const int e336_0 = e336;
          pr2[0] = (wf[8256 + e336_0] * wf[8320 + e336_0] + wf[8448 + e336_0]);
        }
      }
      {
        const int dr337 = lid / 64;
        const int dc338 = lid % 64;
        float d339 = (wf[4160 + (dr337 + 0) * 64 + dc338] * wf[8320 + (dr337 + 0)]);
        float d340 = (wf[4160 + (dr337 + 2) * 64 + dc338] * wf[8320 + (dr337 + 2)]);
        float d341 = (wf[4160 + (dr337 + 4) * 64 + dc338] * wf[8320 + (dr337 + 4)]);
        float d342 = (wf[4160 + (dr337 + 6) * 64 + dc338] * wf[8320 + (dr337 + 6)]);
        float d343 = (wf[4160 + (dr337 + 8) * 64 + dc338] * wf[8320 + (dr337 + 8)]);
        float d344 = (wf[4160 + (dr337 + 10) * 64 + dc338] * wf[8320 + (dr337 + 10)]);
        float d345 = (wf[4160 + (dr337 + 12) * 64 + dc338] * wf[8320 + (dr337 + 12)]);
        float d346 = (wf[4160 + (dr337 + 14) * 64 + dc338] * wf[8320 + (dr337 + 14)]);
        float d347 = (wf[4160 + (dr337 + 16) * 64 + dc338] * wf[8320 + (dr337 + 16)]);
        float d348 = (wf[4160 + (dr337 + 18) * 64 + dc338] * wf[8320 + (dr337 + 18)]);
        float d349 = (wf[4160 + (dr337 + 20) * 64 + dc338] * wf[8320 + (dr337 + 20)]);
        float d350 = (wf[4160 + (dr337 + 22) * 64 + dc338] * wf[8320 + (dr337 + 22)]);
        float d351 = (wf[4160 + (dr337 + 24) * 64 + dc338] * wf[8320 + (dr337 + 24)]);
        float d352 = (wf[4160 + (dr337 + 26) * 64 + dc338] * wf[8320 + (dr337 + 26)]);
        float d353 = (wf[4160 + (dr337 + 28) * 64 + dc338] * wf[8320 + (dr337 + 28)]);
        float d354 = (wf[4160 + (dr337 + 30) * 64 + dc338] * wf[8320 + (dr337 + 30)]);
        float d355 = (wf[4160 + (dr337 + 32) * 64 + dc338] * wf[8320 + (dr337 + 32)]);
        float d356 = (wf[4160 + (dr337 + 34) * 64 + dc338] * wf[8320 + (dr337 + 34)]);
        float d357 = (wf[4160 + (dr337 + 36) * 64 + dc338] * wf[8320 + (dr337 + 36)]);
        float d358 = (wf[4160 + (dr337 + 38) * 64 + dc338] * wf[8320 + (dr337 + 38)]);
        float d359 = (wf[4160 + (dr337 + 40) * 64 + dc338] * wf[8320 + (dr337 + 40)]);
        float d360 = (wf[4160 + (dr337 + 42) * 64 + dc338] * wf[8320 + (dr337 + 42)]);
        float d361 = (wf[4160 + (dr337 + 44) * 64 + dc338] * wf[8320 + (dr337 + 44)]);
        float d362 = (wf[4160 + (dr337 + 46) * 64 + dc338] * wf[8320 + (dr337 + 46)]);
        float d363 = (wf[4160 + (dr337 + 48) * 64 + dc338] * wf[8320 + (dr337 + 48)]);
        float d364 = (wf[4160 + (dr337 + 50) * 64 + dc338] * wf[8320 + (dr337 + 50)]);
        float d365 = (wf[4160 + (dr337 + 52) * 64 + dc338] * wf[8320 + (dr337 + 52)]);
        float d366 = (wf[4160 + (dr337 + 54) * 64 + dc338] * wf[8320 + (dr337 + 54)]);
        float d367 = (wf[4160 + (dr337 + 56) * 64 + dc338] * wf[8320 + (dr337 + 56)]);
        float d368 = (wf[4160 + (dr337 + 58) * 64 + dc338] * wf[8320 + (dr337 + 58)]);
        float d369 = (wf[4160 + (dr337 + 60) * 64 + dc338] * wf[8320 + (dr337 + 60)]);
        float d370 = (wf[4160 + (dr337 + 62) * 64 + dc338] * wf[8320 + (dr337 + 62)]);
        for (int k371 = 0; k371 < 64; k371++) {
          const auto o372 = sf[sbf + 0 + (dr337 + 0) * 64 + k371];
          const auto o373 = ((k371 < v246) ? sp_rd_f32(g_v, n_v, (v244 + k371 * 64 + dc338)) : 0.0f);
          const auto o374 = sf[sbf + 0 + (dr337 + 2) * 64 + k371];
          const auto o375 = sf[sbf + 0 + (dr337 + 4) * 64 + k371];
          const auto o376 = sf[sbf + 0 + (dr337 + 6) * 64 + k371];
          const auto o377 = sf[sbf + 0 + (dr337 + 8) * 64 + k371];
          const auto o378 = sf[sbf + 0 + (dr337 + 10) * 64 + k371];
          const auto o379 = sf[sbf + 0 + (dr337 + 12) * 64 + k371];
          const auto o380 = sf[sbf + 0 + (dr337 + 14) * 64 + k371];
          const auto o381 = sf[sbf + 0 + (dr337 + 16) * 64 + k371];
          const auto o382 = sf[sbf + 0 + (dr337 + 18) * 64 + k371];
          const auto o383 = sf[sbf + 0 + (dr337 + 20) * 64 + k371];
          const auto o384 = sf[sbf + 0 + (dr337 + 22) * 64 + k371];
          const auto o385 = sf[sbf + 0 + (dr337 + 24) * 64 + k371];
          const auto o386 = sf[sbf + 0 + (dr337 + 26) * 64 + k371];
          const auto o387 = sf[sbf + 0 + (dr337 + 28) * 64 + k371];
          const auto o388 = sf[sbf + 0 + (dr337 + 30) * 64 + k371];
          const auto o389 = sf[sbf + 0 + (dr337 + 32) * 64 + k371];
          const auto o390 = sf[sbf + 0 + (dr337 + 34) * 64 + k371];
          const auto o391 = sf[sbf + 0 + (dr337 + 36) * 64 + k371];
          const auto o392 = sf[sbf + 0 + (dr337 + 38) * 64 + k371];
          const auto o393 = sf[sbf + 0 + (dr337 + 40) * 64 + k371];
          const auto o394 = sf[sbf + 0 + (dr337 + 42) * 64 + k371];
          const auto o395 = sf[sbf + 0 + (dr337 + 44) * 64 + k371];
          const auto o396 = sf[sbf + 0 + (dr337 + 46) * 64 + k371];
          const auto o397 = sf[sbf + 0 + (dr337 + 48) * 64 + k371];
          const auto o398 = sf[sbf + 0 + (dr337 + 50) * 64 + k371];
          const auto o399 = sf[sbf + 0 + (dr337 + 52) * 64 + k371];
          const auto o400 = sf[sbf + 0 + (dr337 + 54) * 64 + k371];
          const auto o401 = sf[sbf + 0 + (dr337 + 56) * 64 + k371];
          const auto o402 = sf[sbf + 0 + (dr337 + 58) * 64 + k371];
          const auto o403 = sf[sbf + 0 + (dr337 + 60) * 64 + k371];
          const auto o404 = sf[sbf + 0 + (dr337 + 62) * 64 + k371];
          d339 = d339 + (o372 != 0.0f ? o372 * o373 : 0.0f);
          d340 = d340 + (o374 != 0.0f ? o374 * o373 : 0.0f);
          d341 = d341 + (o375 != 0.0f ? o375 * o373 : 0.0f);
          d342 = d342 + (o376 != 0.0f ? o376 * o373 : 0.0f);
          d343 = d343 + (o377 != 0.0f ? o377 * o373 : 0.0f);
          d344 = d344 + (o378 != 0.0f ? o378 * o373 : 0.0f);
          d345 = d345 + (o379 != 0.0f ? o379 * o373 : 0.0f);
          d346 = d346 + (o380 != 0.0f ? o380 * o373 : 0.0f);
          d347 = d347 + (o381 != 0.0f ? o381 * o373 : 0.0f);
          d348 = d348 + (o382 != 0.0f ? o382 * o373 : 0.0f);
          d349 = d349 + (o383 != 0.0f ? o383 * o373 : 0.0f);
          d350 = d350 + (o384 != 0.0f ? o384 * o373 : 0.0f);
          d351 = d351 + (o385 != 0.0f ? o385 * o373 : 0.0f);
          d352 = d352 + (o386 != 0.0f ? o386 * o373 : 0.0f);
          d353 = d353 + (o387 != 0.0f ? o387 * o373 : 0.0f);
          d354 = d354 + (o388 != 0.0f ? o388 * o373 : 0.0f);
          d355 = d355 + (o389 != 0.0f ? o389 * o373 : 0.0f);
          d356 = d356 + (o390 != 0.0f ? o390 * o373 : 0.0f);
          d357 = d357 + (o391 != 0.0f ? o391 * o373 : 0.0f);
          d358 = d358 + (o392 != 0.0f ? o392 * o373 : 0.0f);
          d359 = d359 + (o393 != 0.0f ? o393 * o373 : 0.0f);
          d360 = d360 + (o394 != 0.0f ? o394 * o373 : 0.0f);
          d361 = d361 + (o395 != 0.0f ? o395 * o373 : 0.0f);
          d362 = d362 + (o396 != 0.0f ? o396 * o373 : 0.0f);
          d363 = d363 + (o397 != 0.0f ? o397 * o373 : 0.0f);
          d364 = d364 + (o398 != 0.0f ? o398 * o373 : 0.0f);
          d365 = d365 + (o399 != 0.0f ? o399 * o373 : 0.0f);
          d366 = d366 + (o400 != 0.0f ? o400 * o373 : 0.0f);
          d367 = d367 + (o401 != 0.0f ? o401 * o373 : 0.0f);
          d368 = d368 + (o402 != 0.0f ? o402 * o373 : 0.0f);
          d369 = d369 + (o403 != 0.0f ? o403 * o373 : 0.0f);
          d370 = d370 + (o404 != 0.0f ? o404 * o373 : 0.0f);
        }
        sf[sbf + 4096 + (dr337 + 0) * 64 + dc338] = d339;
        sf[sbf + 4096 + (dr337 + 2) * 64 + dc338] = d340;
        sf[sbf + 4096 + (dr337 + 4) * 64 + dc338] = d341;
        sf[sbf + 4096 + (dr337 + 6) * 64 + dc338] = d342;
        sf[sbf + 4096 + (dr337 + 8) * 64 + dc338] = d343;
        sf[sbf + 4096 + (dr337 + 10) * 64 + dc338] = d344;
        sf[sbf + 4096 + (dr337 + 12) * 64 + dc338] = d345;
        sf[sbf + 4096 + (dr337 + 14) * 64 + dc338] = d346;
        sf[sbf + 4096 + (dr337 + 16) * 64 + dc338] = d347;
        sf[sbf + 4096 + (dr337 + 18) * 64 + dc338] = d348;
        sf[sbf + 4096 + (dr337 + 20) * 64 + dc338] = d349;
        sf[sbf + 4096 + (dr337 + 22) * 64 + dc338] = d350;
        sf[sbf + 4096 + (dr337 + 24) * 64 + dc338] = d351;
        sf[sbf + 4096 + (dr337 + 26) * 64 + dc338] = d352;
        sf[sbf + 4096 + (dr337 + 28) * 64 + dc338] = d353;
        sf[sbf + 4096 + (dr337 + 30) * 64 + dc338] = d354;
        sf[sbf + 4096 + (dr337 + 32) * 64 + dc338] = d355;
        sf[sbf + 4096 + (dr337 + 34) * 64 + dc338] = d356;
        sf[sbf + 4096 + (dr337 + 36) * 64 + dc338] = d357;
        sf[sbf + 4096 + (dr337 + 38) * 64 + dc338] = d358;
        sf[sbf + 4096 + (dr337 + 40) * 64 + dc338] = d359;
        sf[sbf + 4096 + (dr337 + 42) * 64 + dc338] = d360;
        sf[sbf + 4096 + (dr337 + 44) * 64 + dc338] = d361;
        sf[sbf + 4096 + (dr337 + 46) * 64 + dc338] = d362;
        sf[sbf + 4096 + (dr337 + 48) * 64 + dc338] = d363;
        sf[sbf + 4096 + (dr337 + 50) * 64 + dc338] = d364;
        sf[sbf + 4096 + (dr337 + 52) * 64 + dc338] = d365;
        sf[sbf + 4096 + (dr337 + 54) * 64 + dc338] = d366;
        sf[sbf + 4096 + (dr337 + 56) * 64 + dc338] = d367;
        sf[sbf + 4096 + (dr337 + 58) * 64 + dc338] = d368;
        sf[sbf + 4096 + (dr337 + 60) * 64 + dc338] = d369;
        sf[sbf + 4096 + (dr337 + 62) * 64 + dc338] = d370;
      }
      {
        const int e405 = lid;
        if (e405 < 64) {
          const int e405_0 = e405;
          pr0[0] = wf[8384 + e405_0];
          wf[8256 + e405_0] = pr2[0];
        }
      }
      for (int j407 = 0; j407 < 32; j407++) {
        const int e406 = lid + j407 * 128;
        const int e406_0 = (e406 / 64);
        const int e406_1 = e406 % 64;
        wf[4160 + e406_0 * 64 + e406_1] = sf[sbf + 4096 + e406_0 * 64 + e406_1];
      }
      __syncthreads();
    }
    const int v411 = (v29 + v39);
    const int v412 = (v411 * 64);
    const int v413 = (v32 + g6);
    const int v414 = ((v413) >= 0 && (v413) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v413) : 0);
    const int v415 = (v413 + 1);
    const int v416 = ((v415) >= 0 && (v415) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v415) : 0);
    for (int j409 = 0; j409 < 32; j409++) {
      const int e408 = lid + j409 * 128;
      const int e408_0 = (e408 / 64);
      const int e408_1 = e408 % 64;
      const int a410 = v228 + e408_0 * 64 + e408_1 * 1;
      if (e408_0 < v43) { if (a410 >= 0 && a410 < n_out) { g_out[a410] = ((wf[8256 + e408_0] == 0.0f) ? 0.0f : (wf[4160 + e408_0 * 64 + e408_1] / wf[8256 + e408_0])); } }
    }
    {
      const int e417 = lid;
      if (e417 < 64) {
        pr0[0] = (-INFINITY);
      }
    }
    __syncthreads();
    {
      const int e417 = lid;
      if (e417 < 64) {
        const int e417_0 = e417;
        wf[8256 + e417_0] = 0.0f;
      }
    }
    for (int j419 = 0; j419 < 32; j419++) {
      const int e418 = lid + j419 * 128;
      const int e418_0 = (e418 / 64);
      const int e418_1 = e418 % 64;
      wf[4160 + e418_0 * 64 + e418_1] = 0.0f;
    }
    __syncthreads();
    for (int i420 = v414; i420 < v416; i420++) {
      const bool v421 = ((i420) >= 0 && (i420) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i420) != 0) : false);
      const int v422 = ((i420) >= 0 && (i420) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i420) : 0);
      const int v423 = (v422 * 64);
      const int v424 = (v423 + 64);
      const bool v425 = (v424 <= s_kv_len);
      const bool v426 = (v421 && v425);
      const int v427 = (v20 + v423);
      const int v428 = (v427 * 64);
      const int v429 = (s_kv_len - v423);
      const int v430 = sp_min(64, v429);
      for (int j432 = 0; j432 < 32; j432++) {
        const int e431 = lid + j432 * 128;
        const int e431_0 = (e431 / 64);
        const int e431_1 = e431 % 64;
        wf[0 + e431_0 * 65 + e431_1] = ((e431_0 < v430) ? sp_rd_f32(g_k, n_k, (v428 + e431_0 * 64 + e431_1)) : 0.0f);
        wf[0 + e431_0 * 65 + e431_1] = ((e431_0 < v430) ? sp_rd_f32(g_k, n_k, (v428 + e431_0 * 64 + e431_1)) : 0.0f);
        wf[0 + e431_0 * 65 + e431_1] = ((e431_0 < v430) ? sp_rd_f32(g_k, n_k, (v428 + e431_0 * 64 + e431_1)) : 0.0f);
        wf[0 + e431_0 * 65 + e431_1] = ((e431_0 < v430) ? sp_rd_f32(g_k, n_k, (v428 + e431_0 * 64 + e431_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr433 = lid / 64;
        const int dc434 = lid % 64;
        float d435 = 0.0f;
        float d436 = 0.0f;
        float d437 = 0.0f;
        float d438 = 0.0f;
        float d439 = 0.0f;
        float d440 = 0.0f;
        float d441 = 0.0f;
        float d442 = 0.0f;
        float d443 = 0.0f;
        float d444 = 0.0f;
        float d445 = 0.0f;
        float d446 = 0.0f;
        float d447 = 0.0f;
        float d448 = 0.0f;
        float d449 = 0.0f;
        float d450 = 0.0f;
        float d451 = 0.0f;
        float d452 = 0.0f;
        float d453 = 0.0f;
        float d454 = 0.0f;
        float d455 = 0.0f;
        float d456 = 0.0f;
        float d457 = 0.0f;
        float d458 = 0.0f;
        float d459 = 0.0f;
        float d460 = 0.0f;
        float d461 = 0.0f;
        float d462 = 0.0f;
        float d463 = 0.0f;
        float d464 = 0.0f;
        float d465 = 0.0f;
        float d466 = 0.0f;
        for (int k467 = 0; k467 < 64; k467++) {
          const auto o468 = (((dr433 + 0) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 0) * 64 + k467)) : 0.0f);
          const auto o469 = wf[0 + dc434 * 65 + k467];
          const auto o470 = (((dr433 + 2) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 2) * 64 + k467)) : 0.0f);
          const auto o471 = (((dr433 + 4) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 4) * 64 + k467)) : 0.0f);
          const auto o472 = (((dr433 + 6) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 6) * 64 + k467)) : 0.0f);
          const auto o473 = (((dr433 + 8) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 8) * 64 + k467)) : 0.0f);
          const auto o474 = (((dr433 + 10) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 10) * 64 + k467)) : 0.0f);
          const auto o475 = (((dr433 + 12) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 12) * 64 + k467)) : 0.0f);
          const auto o476 = (((dr433 + 14) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 14) * 64 + k467)) : 0.0f);
          const auto o477 = (((dr433 + 16) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 16) * 64 + k467)) : 0.0f);
          const auto o478 = (((dr433 + 18) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 18) * 64 + k467)) : 0.0f);
          const auto o479 = (((dr433 + 20) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 20) * 64 + k467)) : 0.0f);
          const auto o480 = (((dr433 + 22) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 22) * 64 + k467)) : 0.0f);
          const auto o481 = (((dr433 + 24) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 24) * 64 + k467)) : 0.0f);
          const auto o482 = (((dr433 + 26) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 26) * 64 + k467)) : 0.0f);
          const auto o483 = (((dr433 + 28) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 28) * 64 + k467)) : 0.0f);
          const auto o484 = (((dr433 + 30) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 30) * 64 + k467)) : 0.0f);
          const auto o485 = (((dr433 + 32) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 32) * 64 + k467)) : 0.0f);
          const auto o486 = (((dr433 + 34) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 34) * 64 + k467)) : 0.0f);
          const auto o487 = (((dr433 + 36) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 36) * 64 + k467)) : 0.0f);
          const auto o488 = (((dr433 + 38) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 38) * 64 + k467)) : 0.0f);
          const auto o489 = (((dr433 + 40) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 40) * 64 + k467)) : 0.0f);
          const auto o490 = (((dr433 + 42) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 42) * 64 + k467)) : 0.0f);
          const auto o491 = (((dr433 + 44) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 44) * 64 + k467)) : 0.0f);
          const auto o492 = (((dr433 + 46) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 46) * 64 + k467)) : 0.0f);
          const auto o493 = (((dr433 + 48) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 48) * 64 + k467)) : 0.0f);
          const auto o494 = (((dr433 + 50) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 50) * 64 + k467)) : 0.0f);
          const auto o495 = (((dr433 + 52) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 52) * 64 + k467)) : 0.0f);
          const auto o496 = (((dr433 + 54) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 54) * 64 + k467)) : 0.0f);
          const auto o497 = (((dr433 + 56) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 56) * 64 + k467)) : 0.0f);
          const auto o498 = (((dr433 + 58) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 58) * 64 + k467)) : 0.0f);
          const auto o499 = (((dr433 + 60) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 60) * 64 + k467)) : 0.0f);
          const auto o500 = (((dr433 + 62) < v43) ? sp_rd_f32(g_q, n_q, (v412 + (dr433 + 62) * 64 + k467)) : 0.0f);
          d435 = d435 + o468 * o469;
          d436 = d436 + o470 * o469;
          d437 = d437 + o471 * o469;
          d438 = d438 + o472 * o469;
          d439 = d439 + o473 * o469;
          d440 = d440 + o474 * o469;
          d441 = d441 + o475 * o469;
          d442 = d442 + o476 * o469;
          d443 = d443 + o477 * o469;
          d444 = d444 + o478 * o469;
          d445 = d445 + o479 * o469;
          d446 = d446 + o480 * o469;
          d447 = d447 + o481 * o469;
          d448 = d448 + o482 * o469;
          d449 = d449 + o483 * o469;
          d450 = d450 + o484 * o469;
          d451 = d451 + o485 * o469;
          d452 = d452 + o486 * o469;
          d453 = d453 + o487 * o469;
          d454 = d454 + o488 * o469;
          d455 = d455 + o489 * o469;
          d456 = d456 + o490 * o469;
          d457 = d457 + o491 * o469;
          d458 = d458 + o492 * o469;
          d459 = d459 + o493 * o469;
          d460 = d460 + o494 * o469;
          d461 = d461 + o495 * o469;
          d462 = d462 + o496 * o469;
          d463 = d463 + o497 * o469;
          d464 = d464 + o498 * o469;
          d465 = d465 + o499 * o469;
          d466 = d466 + o500 * o469;
        }
        sf[sbf + 0 + (dr433 + 0) * 64 + dc434] = d435;
        sf[sbf + 0 + (dr433 + 2) * 64 + dc434] = d436;
        sf[sbf + 0 + (dr433 + 4) * 64 + dc434] = d437;
        sf[sbf + 0 + (dr433 + 6) * 64 + dc434] = d438;
        sf[sbf + 0 + (dr433 + 8) * 64 + dc434] = d439;
        sf[sbf + 0 + (dr433 + 10) * 64 + dc434] = d440;
        sf[sbf + 0 + (dr433 + 12) * 64 + dc434] = d441;
        sf[sbf + 0 + (dr433 + 14) * 64 + dc434] = d442;
        sf[sbf + 0 + (dr433 + 16) * 64 + dc434] = d443;
        sf[sbf + 0 + (dr433 + 18) * 64 + dc434] = d444;
        sf[sbf + 0 + (dr433 + 20) * 64 + dc434] = d445;
        sf[sbf + 0 + (dr433 + 22) * 64 + dc434] = d446;
        sf[sbf + 0 + (dr433 + 24) * 64 + dc434] = d447;
        sf[sbf + 0 + (dr433 + 26) * 64 + dc434] = d448;
        sf[sbf + 0 + (dr433 + 28) * 64 + dc434] = d449;
        sf[sbf + 0 + (dr433 + 30) * 64 + dc434] = d450;
        sf[sbf + 0 + (dr433 + 32) * 64 + dc434] = d451;
        sf[sbf + 0 + (dr433 + 34) * 64 + dc434] = d452;
        sf[sbf + 0 + (dr433 + 36) * 64 + dc434] = d453;
        sf[sbf + 0 + (dr433 + 38) * 64 + dc434] = d454;
        sf[sbf + 0 + (dr433 + 40) * 64 + dc434] = d455;
        sf[sbf + 0 + (dr433 + 42) * 64 + dc434] = d456;
        sf[sbf + 0 + (dr433 + 44) * 64 + dc434] = d457;
        sf[sbf + 0 + (dr433 + 46) * 64 + dc434] = d458;
        sf[sbf + 0 + (dr433 + 48) * 64 + dc434] = d459;
        sf[sbf + 0 + (dr433 + 50) * 64 + dc434] = d460;
        sf[sbf + 0 + (dr433 + 52) * 64 + dc434] = d461;
        sf[sbf + 0 + (dr433 + 54) * 64 + dc434] = d462;
        sf[sbf + 0 + (dr433 + 56) * 64 + dc434] = d463;
        sf[sbf + 0 + (dr433 + 58) * 64 + dc434] = d464;
        sf[sbf + 0 + (dr433 + 60) * 64 + dc434] = d465;
        sf[sbf + 0 + (dr433 + 62) * 64 + dc434] = d466;
      }
      if (v426) {
        for (int j502 = 0; j502 < 32; j502++) {
          const int e501 = lid + j502 * 128;
          const int e501_0 = (e501 / 64);
          const int e501_1 = e501 % 64;
          sf[sbf + 4096 + e501_0 * 64 + e501_1] = (sf[sbf + 0 + e501_0 * 64 + e501_1] * 0.125f);
        }
      } else {
        for (int j504 = 0; j504 < 32; j504++) {
          const int e503 = lid + j504 * 128;
          const int e503_0 = (e503 / 64);
          const int e503_1 = e503 % 64;
          si[sbi + 0 + e503_0 * 64 + e503_1] = ((((((e503_1 + v423) <= (e503_0 + v48)) && (((e503_1 + v423) < 4) || (((e503_0 + v48) - (e503_1 + v423)) < 128))) && ((e503_1 + v423) < s_kv_len))) ? 1 : 0);
          sf[sbf + 4096 + e503_0 * 64 + e503_1] = ((si[sbi + 0 + e503_0 * 64 + e503_1] != 0) ? (sf[sbf + 0 + e503_0 * 64 + e503_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      for (int rb505 = 0; rb505 < 64; rb505 += 64) {
        const int row506 = rb505 + lid / 2;
        const int part507 = lid % 2;
        float s508 = (-INFINITY);
        if (row506 < 64) { for (int i509 = part507; i509 < 64; i509 += 2) { s508 = sp_max(s508, sf[sbf + 4096 + row506 * 64 + i509]); } }
        for (int off510 = 1; off510 < 2; off510 *= 2) { s508 = sp_max(s508, __shfl_xor_sync(0xffffffffu, s508, off510)); }
        if (part507 == 0 && row506 < 64) { wf[8320 + row506] = s508; }
      }
      __syncthreads();
      {
        const int e511 = lid;
        if (e511 < 64) {
          const int e511_0 = e511;
          wf[8384 + e511_0] = sp_max(pr0[0], wf[8320 + e511_0]);
          wf[8320 + e511_0] = sp_softmax_exp(pr0[0], wf[8384 + e511_0]);
        }
      }
      __syncthreads();
      for (int j513 = 0; j513 < 32; j513++) {
        const int e512 = lid + j513 * 128;
        const int e512_0 = (e512 / 64);
        const int e512_1 = e512 % 64;
        sf[sbf + 0 + e512_0 * 64 + e512_1] = sp_softmax_exp(sf[sbf + 4096 + e512_0 * 64 + e512_1], wf[8384 + e512_0]);
      }
      __syncthreads();
      for (int rb514 = 0; rb514 < 64; rb514 += 64) {
        const int row515 = rb514 + lid / 2;
        const int part516 = lid % 2;
        float s517 = 0.0f;
        if (row515 < 64) { for (int i518 = part516; i518 < 64; i518 += 2) { s517 = (s517 + sf[sbf + 0 + row515 * 64 + i518]); } }
        for (int off519 = 1; off519 < 2; off519 *= 2) { s517 = (s517 + __shfl_xor_sync(0xffffffffu, s517, off519)); }
        if (part516 == 0 && row515 < 64) { wf[8448 + row515] = s517; }
      }
      __syncthreads();
      {
        const int e520 = lid;
        if (e520 < 64) {
          const int e520_0 = e520;
          pr3[0] = (wf[8256 + e520_0] * wf[8320 + e520_0] + wf[8448 + e520_0]);
        }
      }
      {
        const int dr521 = lid / 64;
        const int dc522 = lid % 64;
        float d523 = (wf[4160 + (dr521 + 0) * 64 + dc522] * wf[8320 + (dr521 + 0)]);
        float d524 = (wf[4160 + (dr521 + 2) * 64 + dc522] * wf[8320 + (dr521 + 2)]);
        float d525 = (wf[4160 + (dr521 + 4) * 64 + dc522] * wf[8320 + (dr521 + 4)]);
        float d526 = (wf[4160 + (dr521 + 6) * 64 + dc522] * wf[8320 + (dr521 + 6)]);
        float d527 = (wf[4160 + (dr521 + 8) * 64 + dc522] * wf[8320 + (dr521 + 8)]);
        float d528 = (wf[4160 + (dr521 + 10) * 64 + dc522] * wf[8320 + (dr521 + 10)]);
        float d529 = (wf[4160 + (dr521 + 12) * 64 + dc522] * wf[8320 + (dr521 + 12)]);
        float d530 = (wf[4160 + (dr521 + 14) * 64 + dc522] * wf[8320 + (dr521 + 14)]);
        float d531 = (wf[4160 + (dr521 + 16) * 64 + dc522] * wf[8320 + (dr521 + 16)]);
        float d532 = (wf[4160 + (dr521 + 18) * 64 + dc522] * wf[8320 + (dr521 + 18)]);
        float d533 = (wf[4160 + (dr521 + 20) * 64 + dc522] * wf[8320 + (dr521 + 20)]);
        float d534 = (wf[4160 + (dr521 + 22) * 64 + dc522] * wf[8320 + (dr521 + 22)]);
        float d535 = (wf[4160 + (dr521 + 24) * 64 + dc522] * wf[8320 + (dr521 + 24)]);
        float d536 = (wf[4160 + (dr521 + 26) * 64 + dc522] * wf[8320 + (dr521 + 26)]);
        float d537 = (wf[4160 + (dr521 + 28) * 64 + dc522] * wf[8320 + (dr521 + 28)]);
        float d538 = (wf[4160 + (dr521 + 30) * 64 + dc522] * wf[8320 + (dr521 + 30)]);
        float d539 = (wf[4160 + (dr521 + 32) * 64 + dc522] * wf[8320 + (dr521 + 32)]);
        float d540 = (wf[4160 + (dr521 + 34) * 64 + dc522] * wf[8320 + (dr521 + 34)]);
        float d541 = (wf[4160 + (dr521 + 36) * 64 + dc522] * wf[8320 + (dr521 + 36)]);
        float d542 = (wf[4160 + (dr521 + 38) * 64 + dc522] * wf[8320 + (dr521 + 38)]);
        float d543 = (wf[4160 + (dr521 + 40) * 64 + dc522] * wf[8320 + (dr521 + 40)]);
        float d544 = (wf[4160 + (dr521 + 42) * 64 + dc522] * wf[8320 + (dr521 + 42)]);
        float d545 = (wf[4160 + (dr521 + 44) * 64 + dc522] * wf[8320 + (dr521 + 44)]);
        float d546 = (wf[4160 + (dr521 + 46) * 64 + dc522] * wf[8320 + (dr521 + 46)]);
        float d547 = (wf[4160 + (dr521 + 48) * 64 + dc522] * wf[8320 + (dr521 + 48)]);
        float d548 = (wf[4160 + (dr521 + 50) * 64 + dc522] * wf[8320 + (dr521 + 50)]);
        float d549 = (wf[4160 + (dr521 + 52) * 64 + dc522] * wf[8320 + (dr521 + 52)]);
        float d550 = (wf[4160 + (dr521 + 54) * 64 + dc522] * wf[8320 + (dr521 + 54)]);
        float d551 = (wf[4160 + (dr521 + 56) * 64 + dc522] * wf[8320 + (dr521 + 56)]);
        float d552 = (wf[4160 + (dr521 + 58) * 64 + dc522] * wf[8320 + (dr521 + 58)]);
        float d553 = (wf[4160 + (dr521 + 60) * 64 + dc522] * wf[8320 + (dr521 + 60)]);
        float d554 = (wf[4160 + (dr521 + 62) * 64 + dc522] * wf[8320 + (dr521 + 62)]);
        for (int k555 = 0; k555 < 64; k555++) {
          const auto o556 = sf[sbf + 0 + (dr521 + 0) * 64 + k555];
          const auto o557 = ((k555 < v430) ? sp_rd_f32(g_v, n_v, (v428 + k555 * 64 + dc522)) : 0.0f);
          const auto o558 = sf[sbf + 0 + (dr521 + 2) * 64 + k555];
          const auto o559 = sf[sbf + 0 + (dr521 + 4) * 64 + k555];
          const auto o560 = sf[sbf + 0 + (dr521 + 6) * 64 + k555];
          const auto o561 = sf[sbf + 0 + (dr521 + 8) * 64 + k555];
          const auto o562 = sf[sbf + 0 + (dr521 + 10) * 64 + k555];
          const auto o563 = sf[sbf + 0 + (dr521 + 12) * 64 + k555];
          const auto o564 = sf[sbf + 0 + (dr521 + 14) * 64 + k555];
          const auto o565 = sf[sbf + 0 + (dr521 + 16) * 64 + k555];
          const auto o566 = sf[sbf + 0 + (dr521 + 18) * 64 + k555];
          const auto o567 = sf[sbf + 0 + (dr521 + 20) * 64 + k555];
          const auto o568 = sf[sbf + 0 + (dr521 + 22) * 64 + k555];
          const auto o569 = sf[sbf + 0 + (dr521 + 24) * 64 + k555];
          const auto o570 = sf[sbf + 0 + (dr521 + 26) * 64 + k555];
          const auto o571 = sf[sbf + 0 + (dr521 + 28) * 64 + k555];
          const auto o572 = sf[sbf + 0 + (dr521 + 30) * 64 + k555];
          const auto o573 = sf[sbf + 0 + (dr521 + 32) * 64 + k555];
          const auto o574 = sf[sbf + 0 + (dr521 + 34) * 64 + k555];
          const auto o575 = sf[sbf + 0 + (dr521 + 36) * 64 + k555];
          const auto o576 = sf[sbf + 0 + (dr521 + 38) * 64 + k555];
          const auto o577 = sf[sbf + 0 + (dr521 + 40) * 64 + k555];
          const auto o578 = sf[sbf + 0 + (dr521 + 42) * 64 + k555];
          const auto o579 = sf[sbf + 0 + (dr521 + 44) * 64 + k555];
          const auto o580 = sf[sbf + 0 + (dr521 + 46) * 64 + k555];
          const auto o581 = sf[sbf + 0 + (dr521 + 48) * 64 + k555];
          const auto o582 = sf[sbf + 0 + (dr521 + 50) * 64 + k555];
          const auto o583 = sf[sbf + 0 + (dr521 + 52) * 64 + k555];
          const auto o584 = sf[sbf + 0 + (dr521 + 54) * 64 + k555];
          const auto o585 = sf[sbf + 0 + (dr521 + 56) * 64 + k555];
          const auto o586 = sf[sbf + 0 + (dr521 + 58) * 64 + k555];
          const auto o587 = sf[sbf + 0 + (dr521 + 60) * 64 + k555];
          const auto o588 = sf[sbf + 0 + (dr521 + 62) * 64 + k555];
          d523 = d523 + (o556 != 0.0f ? o556 * o557 : 0.0f);
          d524 = d524 + (o558 != 0.0f ? o558 * o557 : 0.0f);
          d525 = d525 + (o559 != 0.0f ? o559 * o557 : 0.0f);
          d526 = d526 + (o560 != 0.0f ? o560 * o557 : 0.0f);
          d527 = d527 + (o561 != 0.0f ? o561 * o557 : 0.0f);
          d528 = d528 + (o562 != 0.0f ? o562 * o557 : 0.0f);
          d529 = d529 + (o563 != 0.0f ? o563 * o557 : 0.0f);
          d530 = d530 + (o564 != 0.0f ? o564 * o557 : 0.0f);
          d531 = d531 + (o565 != 0.0f ? o565 * o557 : 0.0f);
          d532 = d532 + (o566 != 0.0f ? o566 * o557 : 0.0f);
          d533 = d533 + (o567 != 0.0f ? o567 * o557 : 0.0f);
          d534 = d534 + (o568 != 0.0f ? o568 * o557 : 0.0f);
          d535 = d535 + (o569 != 0.0f ? o569 * o557 : 0.0f);
          d536 = d536 + (o570 != 0.0f ? o570 * o557 : 0.0f);
          d537 = d537 + (o571 != 0.0f ? o571 * o557 : 0.0f);
          d538 = d538 + (o572 != 0.0f ? o572 * o557 : 0.0f);
          d539 = d539 + (o573 != 0.0f ? o573 * o557 : 0.0f);
          d540 = d540 + (o574 != 0.0f ? o574 * o557 : 0.0f);
          d541 = d541 + (o575 != 0.0f ? o575 * o557 : 0.0f);
          d542 = d542 + (o576 != 0.0f ? o576 * o557 : 0.0f);
          d543 = d543 + (o577 != 0.0f ? o577 * o557 : 0.0f);
          d544 = d544 + (o578 != 0.0f ? o578 * o557 : 0.0f);
          d545 = d545 + (o579 != 0.0f ? o579 * o557 : 0.0f);
          d546 = d546 + (o580 != 0.0f ? o580 * o557 : 0.0f);
          d547 = d547 + (o581 != 0.0f ? o581 * o557 : 0.0f);
          d548 = d548 + (o582 != 0.0f ? o582 * o557 : 0.0f);
          d549 = d549 + (o583 != 0.0f ? o583 * o557 : 0.0f);
          d550 = d550 + (o584 != 0.0f ? o584 * o557 : 0.0f);
          d551 = d551 + (o585 != 0.0f ? o585 * o557 : 0.0f);
          d552 = d552 + (o586 != 0.0f ? o586 * o557 : 0.0f);
          d553 = d553 + (o587 != 0.0f ? o587 * o557 : 0.0f);
          d554 = d554 + (o588 != 0.0f ? o588 * o557 : 0.0f);
        }
        sf[sbf + 4096 + (dr521 + 0) * 64 + dc522] = d523;
        sf[sbf + 4096 + (dr521 + 2) * 64 + dc522] = d524;
        sf[sbf + 4096 + (dr521 + 4) * 64 + dc522] = d525;
        sf[sbf + 4096 + (dr521 + 6) * 64 + dc522] = d526;
        sf[sbf + 4096 + (dr521 + 8) * 64 + dc522] = d527;
        sf[sbf + 4096 + (dr521 + 10) * 64 + dc522] = d528;
        sf[sbf + 4096 + (dr521 + 12) * 64 + dc522] = d529;
        sf[sbf + 4096 + (dr521 + 14) * 64 + dc522] = d530;
        sf[sbf + 4096 + (dr521 + 16) * 64 + dc522] = d531;
        sf[sbf + 4096 + (dr521 + 18) * 64 + dc522] = d532;
        sf[sbf + 4096 + (dr521 + 20) * 64 + dc522] = d533;
        sf[sbf + 4096 + (dr521 + 22) * 64 + dc522] = d534;
        sf[sbf + 4096 + (dr521 + 24) * 64 + dc522] = d535;
        sf[sbf + 4096 + (dr521 + 26) * 64 + dc522] = d536;
        sf[sbf + 4096 + (dr521 + 28) * 64 + dc522] = d537;
        sf[sbf + 4096 + (dr521 + 30) * 64 + dc522] = d538;
        sf[sbf + 4096 + (dr521 + 32) * 64 + dc522] = d539;
        sf[sbf + 4096 + (dr521 + 34) * 64 + dc522] = d540;
        sf[sbf + 4096 + (dr521 + 36) * 64 + dc522] = d541;
        sf[sbf + 4096 + (dr521 + 38) * 64 + dc522] = d542;
        sf[sbf + 4096 + (dr521 + 40) * 64 + dc522] = d543;
        sf[sbf + 4096 + (dr521 + 42) * 64 + dc522] = d544;
        sf[sbf + 4096 + (dr521 + 44) * 64 + dc522] = d545;
        sf[sbf + 4096 + (dr521 + 46) * 64 + dc522] = d546;
        sf[sbf + 4096 + (dr521 + 48) * 64 + dc522] = d547;
        sf[sbf + 4096 + (dr521 + 50) * 64 + dc522] = d548;
        sf[sbf + 4096 + (dr521 + 52) * 64 + dc522] = d549;
        sf[sbf + 4096 + (dr521 + 54) * 64 + dc522] = d550;
        sf[sbf + 4096 + (dr521 + 56) * 64 + dc522] = d551;
        sf[sbf + 4096 + (dr521 + 58) * 64 + dc522] = d552;
        sf[sbf + 4096 + (dr521 + 60) * 64 + dc522] = d553;
        sf[sbf + 4096 + (dr521 + 62) * 64 + dc522] = d554;
      }
      {
        const int e589 = lid;
        if (e589 < 64) {
          const int e589_0 = e589;
          pr0[0] = wf[8384 + e589_0];
          wf[8256 + e589_0] = pr3[0];
        }
      }
      for (int j591 = 0; j591 < 32; j591++) {
        const int e590 = lid + j591 * 128;
        const int e590_0 = (e590 / 64);
        const int e590_1 = e590 % 64;
        wf[4160 + e590_0 * 64 + e590_1] = sf[sbf + 4096 + e590_0 * 64 + e590_1];
      }
      __syncthreads();
    }
    const int v595 = (v35 + v39);
    const int v596 = (v595 * 64);
    const int v597 = (v38 + g6);
    const int v598 = ((v597) >= 0 && (v597) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v597) : 0);
    const int v599 = (v597 + 1);
    const int v600 = ((v599) >= 0 && (v599) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v599) : 0);
    for (int j593 = 0; j593 < 32; j593++) {
      const int e592 = lid + j593 * 128;
      const int e592_0 = (e592 / 64);
      const int e592_1 = e592 % 64;
      const int a594 = v412 + e592_0 * 64 + e592_1 * 1;
      if (e592_0 < v43) { if (a594 >= 0 && a594 < n_out) { g_out[a594] = ((wf[8256 + e592_0] == 0.0f) ? 0.0f : (wf[4160 + e592_0 * 64 + e592_1] / wf[8256 + e592_0])); } }
    }
    {
      const int e601 = lid;
      if (e601 < 64) {
        pr0[0] = (-INFINITY);
      }
    }
    __syncthreads();
    {
      const int e601 = lid;
      if (e601 < 64) {
        const int e601_0 = e601;
        wf[8256 + e601_0] = 0.0f;
      }
    }
    for (int j603 = 0; j603 < 32; j603++) {
      const int e602 = lid + j603 * 128;
      const int e602_0 = (e602 / 64);
      const int e602_1 = e602 % 64;
      wf[4160 + e602_0 * 64 + e602_1] = 0.0f;
    }
    __syncthreads();
    for (int i604 = v598; i604 < v600; i604++) {
      const bool v605 = ((i604) >= 0 && (i604) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i604) != 0) : false);
      const int v606 = ((i604) >= 0 && (i604) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i604) : 0);
      const int v607 = (v606 * 64);
      const int v608 = (v607 + 64);
      const bool v609 = (v608 <= s_kv_len);
      const bool v610 = (v605 && v609);
      const int v611 = (v20 + v607);
      const int v612 = (v611 * 64);
      const int v613 = (s_kv_len - v607);
      const int v614 = sp_min(64, v613);
      for (int j616 = 0; j616 < 32; j616++) {
        const int e615 = lid + j616 * 128;
        const int e615_0 = (e615 / 64);
        const int e615_1 = e615 % 64;
        wf[0 + e615_0 * 65 + e615_1] = ((e615_0 < v614) ? sp_rd_f32(g_k, n_k, (v612 + e615_0 * 64 + e615_1)) : 0.0f);
        wf[0 + e615_0 * 65 + e615_1] = ((e615_0 < v614) ? sp_rd_f32(g_k, n_k, (v612 + e615_0 * 64 + e615_1)) : 0.0f);
        wf[0 + e615_0 * 65 + e615_1] = ((e615_0 < v614) ? sp_rd_f32(g_k, n_k, (v612 + e615_0 * 64 + e615_1)) : 0.0f);
        wf[0 + e615_0 * 65 + e615_1] = ((e615_0 < v614) ? sp_rd_f32(g_k, n_k, (v612 + e615_0 * 64 + e615_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr617 = lid / 64;
        const int dc618 = lid % 64;
        float d619 = 0.0f;
        float d620 = 0.0f;
        float d621 = 0.0f;
        float d622 = 0.0f;
        float d623 = 0.0f;
        float d624 = 0.0f;
        float d625 = 0.0f;
        float d626 = 0.0f;
        float d627 = 0.0f;
        float d628 = 0.0f;
        float d629 = 0.0f;
        float d630 = 0.0f;
        float d631 = 0.0f;
        float d632 = 0.0f;
        float d633 = 0.0f;
        float d634 = 0.0f;
        float d635 = 0.0f;
        float d636 = 0.0f;
        float d637 = 0.0f;
        float d638 = 0.0f;
        float d639 = 0.0f;
        float d640 = 0.0f;
        float d641 = 0.0f;
        float d642 = 0.0f;
        float d643 = 0.0f;
        float d644 = 0.0f;
        float d645 = 0.0f;
        float d646 = 0.0f;
        float d647 = 0.0f;
        float d648 = 0.0f;
        float d649 = 0.0f;
        float d650 = 0.0f;
        for (int k651 = 0; k651 < 64; k651++) {
          const auto o652 = (((dr617 + 0) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 0) * 64 + k651)) : 0.0f);
          const auto o653 = wf[0 + dc618 * 65 + k651];
          const auto o654 = (((dr617 + 2) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 2) * 64 + k651)) : 0.0f);
          const auto o655 = (((dr617 + 4) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 4) * 64 + k651)) : 0.0f);
          const auto o656 = (((dr617 + 6) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 6) * 64 + k651)) : 0.0f);
          const auto o657 = (((dr617 + 8) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 8) * 64 + k651)) : 0.0f);
          const auto o658 = (((dr617 + 10) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 10) * 64 + k651)) : 0.0f);
          const auto o659 = (((dr617 + 12) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 12) * 64 + k651)) : 0.0f);
          const auto o660 = (((dr617 + 14) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 14) * 64 + k651)) : 0.0f);
          const auto o661 = (((dr617 + 16) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 16) * 64 + k651)) : 0.0f);
          const auto o662 = (((dr617 + 18) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 18) * 64 + k651)) : 0.0f);
          const auto o663 = (((dr617 + 20) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 20) * 64 + k651)) : 0.0f);
          const auto o664 = (((dr617 + 22) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 22) * 64 + k651)) : 0.0f);
          const auto o665 = (((dr617 + 24) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 24) * 64 + k651)) : 0.0f);
          const auto o666 = (((dr617 + 26) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 26) * 64 + k651)) : 0.0f);
          const auto o667 = (((dr617 + 28) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 28) * 64 + k651)) : 0.0f);
          const auto o668 = (((dr617 + 30) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 30) * 64 + k651)) : 0.0f);
          const auto o669 = (((dr617 + 32) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 32) * 64 + k651)) : 0.0f);
          const auto o670 = (((dr617 + 34) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 34) * 64 + k651)) : 0.0f);
          const auto o671 = (((dr617 + 36) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 36) * 64 + k651)) : 0.0f);
          const auto o672 = (((dr617 + 38) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 38) * 64 + k651)) : 0.0f);
          const auto o673 = (((dr617 + 40) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 40) * 64 + k651)) : 0.0f);
          const auto o674 = (((dr617 + 42) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 42) * 64 + k651)) : 0.0f);
          const auto o675 = (((dr617 + 44) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 44) * 64 + k651)) : 0.0f);
          const auto o676 = (((dr617 + 46) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 46) * 64 + k651)) : 0.0f);
          const auto o677 = (((dr617 + 48) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 48) * 64 + k651)) : 0.0f);
          const auto o678 = (((dr617 + 50) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 50) * 64 + k651)) : 0.0f);
          const auto o679 = (((dr617 + 52) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 52) * 64 + k651)) : 0.0f);
          const auto o680 = (((dr617 + 54) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 54) * 64 + k651)) : 0.0f);
          const auto o681 = (((dr617 + 56) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 56) * 64 + k651)) : 0.0f);
          const auto o682 = (((dr617 + 58) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 58) * 64 + k651)) : 0.0f);
          const auto o683 = (((dr617 + 60) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 60) * 64 + k651)) : 0.0f);
          const auto o684 = (((dr617 + 62) < v43) ? sp_rd_f32(g_q, n_q, (v596 + (dr617 + 62) * 64 + k651)) : 0.0f);
          d619 = d619 + o652 * o653;
          d620 = d620 + o654 * o653;
          d621 = d621 + o655 * o653;
          d622 = d622 + o656 * o653;
          d623 = d623 + o657 * o653;
          d624 = d624 + o658 * o653;
          d625 = d625 + o659 * o653;
          d626 = d626 + o660 * o653;
          d627 = d627 + o661 * o653;
          d628 = d628 + o662 * o653;
          d629 = d629 + o663 * o653;
          d630 = d630 + o664 * o653;
          d631 = d631 + o665 * o653;
          d632 = d632 + o666 * o653;
          d633 = d633 + o667 * o653;
          d634 = d634 + o668 * o653;
          d635 = d635 + o669 * o653;
          d636 = d636 + o670 * o653;
          d637 = d637 + o671 * o653;
          d638 = d638 + o672 * o653;
          d639 = d639 + o673 * o653;
          d640 = d640 + o674 * o653;
          d641 = d641 + o675 * o653;
          d642 = d642 + o676 * o653;
          d643 = d643 + o677 * o653;
          d644 = d644 + o678 * o653;
          d645 = d645 + o679 * o653;
          d646 = d646 + o680 * o653;
          d647 = d647 + o681 * o653;
          d648 = d648 + o682 * o653;
          d649 = d649 + o683 * o653;
          d650 = d650 + o684 * o653;
        }
        sf[sbf + 0 + (dr617 + 0) * 64 + dc618] = d619;
        sf[sbf + 0 + (dr617 + 2) * 64 + dc618] = d620;
        sf[sbf + 0 + (dr617 + 4) * 64 + dc618] = d621;
        sf[sbf + 0 + (dr617 + 6) * 64 + dc618] = d622;
        sf[sbf + 0 + (dr617 + 8) * 64 + dc618] = d623;
        sf[sbf + 0 + (dr617 + 10) * 64 + dc618] = d624;
        sf[sbf + 0 + (dr617 + 12) * 64 + dc618] = d625;
        sf[sbf + 0 + (dr617 + 14) * 64 + dc618] = d626;
        sf[sbf + 0 + (dr617 + 16) * 64 + dc618] = d627;
        sf[sbf + 0 + (dr617 + 18) * 64 + dc618] = d628;
        sf[sbf + 0 + (dr617 + 20) * 64 + dc618] = d629;
        sf[sbf + 0 + (dr617 + 22) * 64 + dc618] = d630;
        sf[sbf + 0 + (dr617 + 24) * 64 + dc618] = d631;
        sf[sbf + 0 + (dr617 + 26) * 64 + dc618] = d632;
        sf[sbf + 0 + (dr617 + 28) * 64 + dc618] = d633;
        sf[sbf + 0 + (dr617 + 30) * 64 + dc618] = d634;
        sf[sbf + 0 + (dr617 + 32) * 64 + dc618] = d635;
        sf[sbf + 0 + (dr617 + 34) * 64 + dc618] = d636;
        sf[sbf + 0 + (dr617 + 36) * 64 + dc618] = d637;
        sf[sbf + 0 + (dr617 + 38) * 64 + dc618] = d638;
        sf[sbf + 0 + (dr617 + 40) * 64 + dc618] = d639;
        sf[sbf + 0 + (dr617 + 42) * 64 + dc618] = d640;
        sf[sbf + 0 + (dr617 + 44) * 64 + dc618] = d641;
        sf[sbf + 0 + (dr617 + 46) * 64 + dc618] = d642;
        sf[sbf + 0 + (dr617 + 48) * 64 + dc618] = d643;
        sf[sbf + 0 + (dr617 + 50) * 64 + dc618] = d644;
        sf[sbf + 0 + (dr617 + 52) * 64 + dc618] = d645;
        sf[sbf + 0 + (dr617 + 54) * 64 + dc618] = d646;
        sf[sbf + 0 + (dr617 + 56) * 64 + dc618] = d647;
        sf[sbf + 0 + (dr617 + 58) * 64 + dc618] = d648;
        sf[sbf + 0 + (dr617 + 60) * 64 + dc618] = d649;
        sf[sbf + 0 + (dr617 + 62) * 64 + dc618] = d650;
      }
      if (v610) {
        for (int j686 = 0; j686 < 32; j686++) {
          const int e685 = lid + j686 * 128;
          const int e685_0 = (e685 / 64);
          const int e685_1 = e685 % 64;
          sf[sbf + 4096 + e685_0 * 64 + e685_1] = (sf[sbf + 0 + e685_0 * 64 + e685_1] * 0.125f);
        }
      } else {
        for (int j688 = 0; j688 < 32; j688++) {
          const int e687 = lid + j688 * 128;
          const int e687_0 = (e687 / 64);
          const int e687_1 = e687 % 64;
          si[sbi + 0 + e687_0 * 64 + e687_1] = ((((((e687_1 + v607) <= (e687_0 + v48)) && (((e687_1 + v607) < 4) || (((e687_0 + v48) - (e687_1 + v607)) < 128))) && ((e687_1 + v607) < s_kv_len))) ? 1 : 0);
          sf[sbf + 4096 + e687_0 * 64 + e687_1] = ((si[sbi + 0 + e687_0 * 64 + e687_1] != 0) ? (sf[sbf + 0 + e687_0 * 64 + e687_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      for (int rb689 = 0; rb689 < 64; rb689 += 64) {
        const int row690 = rb689 + lid / 2;
        const int part691 = lid % 2;
        float s692 = (-INFINITY);
        if (row690 < 64) { for (int i693 = part691; i693 < 64; i693 += 2) { s692 = sp_max(s692, sf[sbf + 4096 + row690 * 64 + i693]); } }
        for (int off694 = 1; off694 < 2; off694 *= 2) { s692 = sp_max(s692, __shfl_xor_sync(0xffffffffu, s692, off694)); }
        if (part691 == 0 && row690 < 64) { wf[8320 + row690] = s692; }
      }
      __syncthreads();
      {
        const int e695 = lid;
        if (e695 < 64) {
          const int e695_0 = e695;
          wf[8384 + e695_0] = sp_max(pr0[0], wf[8320 + e695_0]);
          wf[8320 + e695_0] = sp_softmax_exp(pr0[0], wf[8384 + e695_0]);
        }
      }
      __syncthreads();
      for (int j697 = 0; j697 < 32; j697++) {
        const int e696 = lid + j697 * 128;
        const int e696_0 = (e696 / 64);
        const int e696_1 = e696 % 64;
        sf[sbf + 0 + e696_0 * 64 + e696_1] = sp_softmax_exp(sf[sbf + 4096 + e696_0 * 64 + e696_1], wf[8384 + e696_0]);
      }
      __syncthreads();
      for (int rb698 = 0; rb698 < 64; rb698 += 64) {
        const int row699 = rb698 + lid / 2;
        const int part700 = lid % 2;
        float s701 = 0.0f;
        if (row699 < 64) { for (int i702 = part700; i702 < 64; i702 += 2) { s701 = (s701 + sf[sbf + 0 + row699 * 64 + i702]); } }
        for (int off703 = 1; off703 < 2; off703 *= 2) { s701 = (s701 + __shfl_xor_sync(0xffffffffu, s701, off703)); }
        if (part700 == 0 && row699 < 64) { wf[8448 + row699] = s701; }
      }
      __syncthreads();
      {
        const int e704 = lid;
        if (e704 < 64) {
          const int e704_0 = e704;
          pr4[0] = (wf[8256 + e704_0] * wf[8320 + e704_0] + wf[8448 + e704_0]);
        }
      }
      {
        const int dr705 = lid / 64;
        const int dc706 = lid % 64;
        float d707 = (wf[4160 + (dr705 + 0) * 64 + dc706] * wf[8320 + (dr705 + 0)]);
        float d708 = (wf[4160 + (dr705 + 2) * 64 + dc706] * wf[8320 + (dr705 + 2)]);
        float d709 = (wf[4160 + (dr705 + 4) * 64 + dc706] * wf[8320 + (dr705 + 4)]);
        float d710 = (wf[4160 + (dr705 + 6) * 64 + dc706] * wf[8320 + (dr705 + 6)]);
        float d711 = (wf[4160 + (dr705 + 8) * 64 + dc706] * wf[8320 + (dr705 + 8)]);
        float d712 = (wf[4160 + (dr705 + 10) * 64 + dc706] * wf[8320 + (dr705 + 10)]);
        float d713 = (wf[4160 + (dr705 + 12) * 64 + dc706] * wf[8320 + (dr705 + 12)]);
        float d714 = (wf[4160 + (dr705 + 14) * 64 + dc706] * wf[8320 + (dr705 + 14)]);
        float d715 = (wf[4160 + (dr705 + 16) * 64 + dc706] * wf[8320 + (dr705 + 16)]);
        float d716 = (wf[4160 + (dr705 + 18) * 64 + dc706] * wf[8320 + (dr705 + 18)]);
        float d717 = (wf[4160 + (dr705 + 20) * 64 + dc706] * wf[8320 + (dr705 + 20)]);
        float d718 = (wf[4160 + (dr705 + 22) * 64 + dc706] * wf[8320 + (dr705 + 22)]);
        float d719 = (wf[4160 + (dr705 + 24) * 64 + dc706] * wf[8320 + (dr705 + 24)]);
        float d720 = (wf[4160 + (dr705 + 26) * 64 + dc706] * wf[8320 + (dr705 + 26)]);
        float d721 = (wf[4160 + (dr705 + 28) * 64 + dc706] * wf[8320 + (dr705 + 28)]);
        float d722 = (wf[4160 + (dr705 + 30) * 64 + dc706] * wf[8320 + (dr705 + 30)]);
        float d723 = (wf[4160 + (dr705 + 32) * 64 + dc706] * wf[8320 + (dr705 + 32)]);
        float d724 = (wf[4160 + (dr705 + 34) * 64 + dc706] * wf[8320 + (dr705 + 34)]);
        float d725 = (wf[4160 + (dr705 + 36) * 64 + dc706] * wf[8320 + (dr705 + 36)]);
        float d726 = (wf[4160 + (dr705 + 38) * 64 + dc706] * wf[8320 + (dr705 + 38)]);
        float d727 = (wf[4160 + (dr705 + 40) * 64 + dc706] * wf[8320 + (dr705 + 40)]);
        float d728 = (wf[4160 + (dr705 + 42) * 64 + dc706] * wf[8320 + (dr705 + 42)]);
        float d729 = (wf[4160 + (dr705 + 44) * 64 + dc706] * wf[8320 + (dr705 + 44)]);
        float d730 = (wf[4160 + (dr705 + 46) * 64 + dc706] * wf[8320 + (dr705 + 46)]);
        float d731 = (wf[4160 + (dr705 + 48) * 64 + dc706] * wf[8320 + (dr705 + 48)]);
        float d732 = (wf[4160 + (dr705 + 50) * 64 + dc706] * wf[8320 + (dr705 + 50)]);
        float d733 = (wf[4160 + (dr705 + 52) * 64 + dc706] * wf[8320 + (dr705 + 52)]);
        float d734 = (wf[4160 + (dr705 + 54) * 64 + dc706] * wf[8320 + (dr705 + 54)]);
        float d735 = (wf[4160 + (dr705 + 56) * 64 + dc706] * wf[8320 + (dr705 + 56)]);
        float d736 = (wf[4160 + (dr705 + 58) * 64 + dc706] * wf[8320 + (dr705 + 58)]);
        float d737 = (wf[4160 + (dr705 + 60) * 64 + dc706] * wf[8320 + (dr705 + 60)]);
        float d738 = (wf[4160 + (dr705 + 62) * 64 + dc706] * wf[8320 + (dr705 + 62)]);
        for (int k739 = 0; k739 < 64; k739++) {
          const auto o740 = sf[sbf + 0 + (dr705 + 0) * 64 + k739];
          const auto o741 = ((k739 < v614) ? sp_rd_f32(g_v, n_v, (v612 + k739 * 64 + dc706)) : 0.0f);
          const auto o742 = sf[sbf + 0 + (dr705 + 2) * 64 + k739];
          const auto o743 = sf[sbf + 0 + (dr705 + 4) * 64 + k739];
          const auto o744 = sf[sbf + 0 + (dr705 + 6) * 64 + k739];
          const auto o745 = sf[sbf + 0 + (dr705 + 8) * 64 + k739];
          const auto o746 = sf[sbf + 0 + (dr705 + 10) * 64 + k739];
          const auto o747 = sf[sbf + 0 + (dr705 + 12) * 64 + k739];
          const auto o748 = sf[sbf + 0 + (dr705 + 14) * 64 + k739];
          const auto o749 = sf[sbf + 0 + (dr705 + 16) * 64 + k739];
          const auto o750 = sf[sbf + 0 + (dr705 + 18) * 64 + k739];
          const auto o751 = sf[sbf + 0 + (dr705 + 20) * 64 + k739];
          const auto o752 = sf[sbf + 0 + (dr705 + 22) * 64 + k739];
          const auto o753 = sf[sbf + 0 + (dr705 + 24) * 64 + k739];
          const auto o754 = sf[sbf + 0 + (dr705 + 26) * 64 + k739];
          const auto o755 = sf[sbf + 0 + (dr705 + 28) * 64 + k739];
          const auto o756 = sf[sbf + 0 + (dr705 + 30) * 64 + k739];
          const auto o757 = sf[sbf + 0 + (dr705 + 32) * 64 + k739];
          const auto o758 = sf[sbf + 0 + (dr705 + 34) * 64 + k739];
          const auto o759 = sf[sbf + 0 + (dr705 + 36) * 64 + k739];
          const auto o760 = sf[sbf + 0 + (dr705 + 38) * 64 + k739];
          const auto o761 = sf[sbf + 0 + (dr705 + 40) * 64 + k739];
          const auto o762 = sf[sbf + 0 + (dr705 + 42) * 64 + k739];
          const auto o763 = sf[sbf + 0 + (dr705 + 44) * 64 + k739];
          const auto o764 = sf[sbf + 0 + (dr705 + 46) * 64 + k739];
          const auto o765 = sf[sbf + 0 + (dr705 + 48) * 64 + k739];
          const auto o766 = sf[sbf + 0 + (dr705 + 50) * 64 + k739];
          const auto o767 = sf[sbf + 0 + (dr705 + 52) * 64 + k739];
          const auto o768 = sf[sbf + 0 + (dr705 + 54) * 64 + k739];
          const auto o769 = sf[sbf + 0 + (dr705 + 56) * 64 + k739];
          const auto o770 = sf[sbf + 0 + (dr705 + 58) * 64 + k739];
          const auto o771 = sf[sbf + 0 + (dr705 + 60) * 64 + k739];
          const auto o772 = sf[sbf + 0 + (dr705 + 62) * 64 + k739];
          d707 = d707 + (o740 != 0.0f ? o740 * o741 : 0.0f);
          d708 = d708 + (o742 != 0.0f ? o742 * o741 : 0.0f);
          d709 = d709 + (o743 != 0.0f ? o743 * o741 : 0.0f);
          d710 = d710 + (o744 != 0.0f ? o744 * o741 : 0.0f);
          d711 = d711 + (o745 != 0.0f ? o745 * o741 : 0.0f);
          d712 = d712 + (o746 != 0.0f ? o746 * o741 : 0.0f);
          d713 = d713 + (o747 != 0.0f ? o747 * o741 : 0.0f);
          d714 = d714 + (o748 != 0.0f ? o748 * o741 : 0.0f);
          d715 = d715 + (o749 != 0.0f ? o749 * o741 : 0.0f);
          d716 = d716 + (o750 != 0.0f ? o750 * o741 : 0.0f);
          d717 = d717 + (o751 != 0.0f ? o751 * o741 : 0.0f);
          d718 = d718 + (o752 != 0.0f ? o752 * o741 : 0.0f);
          d719 = d719 + (o753 != 0.0f ? o753 * o741 : 0.0f);
          d720 = d720 + (o754 != 0.0f ? o754 * o741 : 0.0f);
          d721 = d721 + (o755 != 0.0f ? o755 * o741 : 0.0f);
          d722 = d722 + (o756 != 0.0f ? o756 * o741 : 0.0f);
          d723 = d723 + (o757 != 0.0f ? o757 * o741 : 0.0f);
          d724 = d724 + (o758 != 0.0f ? o758 * o741 : 0.0f);
          d725 = d725 + (o759 != 0.0f ? o759 * o741 : 0.0f);
          d726 = d726 + (o760 != 0.0f ? o760 * o741 : 0.0f);
          d727 = d727 + (o761 != 0.0f ? o761 * o741 : 0.0f);
          d728 = d728 + (o762 != 0.0f ? o762 * o741 : 0.0f);
          d729 = d729 + (o763 != 0.0f ? o763 * o741 : 0.0f);
          d730 = d730 + (o764 != 0.0f ? o764 * o741 : 0.0f);
          d731 = d731 + (o765 != 0.0f ? o765 * o741 : 0.0f);
          d732 = d732 + (o766 != 0.0f ? o766 * o741 : 0.0f);
          d733 = d733 + (o767 != 0.0f ? o767 * o741 : 0.0f);
          d734 = d734 + (o768 != 0.0f ? o768 * o741 : 0.0f);
          d735 = d735 + (o769 != 0.0f ? o769 * o741 : 0.0f);
          d736 = d736 + (o770 != 0.0f ? o770 * o741 : 0.0f);
          d737 = d737 + (o771 != 0.0f ? o771 * o741 : 0.0f);
          d738 = d738 + (o772 != 0.0f ? o772 * o741 : 0.0f);
        }
        sf[sbf + 4096 + (dr705 + 0) * 64 + dc706] = d707;
        sf[sbf + 4096 + (dr705 + 2) * 64 + dc706] = d708;
        sf[sbf + 4096 + (dr705 + 4) * 64 + dc706] = d709;
        sf[sbf + 4096 + (dr705 + 6) * 64 + dc706] = d710;
        sf[sbf + 4096 + (dr705 + 8) * 64 + dc706] = d711;
        sf[sbf + 4096 + (dr705 + 10) * 64 + dc706] = d712;
        sf[sbf + 4096 + (dr705 + 12) * 64 + dc706] = d713;
        sf[sbf + 4096 + (dr705 + 14) * 64 + dc706] = d714;
        sf[sbf + 4096 + (dr705 + 16) * 64 + dc706] = d715;
        sf[sbf + 4096 + (dr705 + 18) * 64 + dc706] = d716;
        sf[sbf + 4096 + (dr705 + 20) * 64 + dc706] = d717;
        sf[sbf + 4096 + (dr705 + 22) * 64 + dc706] = d718;
        sf[sbf + 4096 + (dr705 + 24) * 64 + dc706] = d719;
        sf[sbf + 4096 + (dr705 + 26) * 64 + dc706] = d720;
        sf[sbf + 4096 + (dr705 + 28) * 64 + dc706] = d721;
        sf[sbf + 4096 + (dr705 + 30) * 64 + dc706] = d722;
        sf[sbf + 4096 + (dr705 + 32) * 64 + dc706] = d723;
        sf[sbf + 4096 + (dr705 + 34) * 64 + dc706] = d724;
        sf[sbf + 4096 + (dr705 + 36) * 64 + dc706] = d725;
        sf[sbf + 4096 + (dr705 + 38) * 64 + dc706] = d726;
        sf[sbf + 4096 + (dr705 + 40) * 64 + dc706] = d727;
        sf[sbf + 4096 + (dr705 + 42) * 64 + dc706] = d728;
        sf[sbf + 4096 + (dr705 + 44) * 64 + dc706] = d729;
        sf[sbf + 4096 + (dr705 + 46) * 64 + dc706] = d730;
        sf[sbf + 4096 + (dr705 + 48) * 64 + dc706] = d731;
        sf[sbf + 4096 + (dr705 + 50) * 64 + dc706] = d732;
        sf[sbf + 4096 + (dr705 + 52) * 64 + dc706] = d733;
        sf[sbf + 4096 + (dr705 + 54) * 64 + dc706] = d734;
        sf[sbf + 4096 + (dr705 + 56) * 64 + dc706] = d735;
        sf[sbf + 4096 + (dr705 + 58) * 64 + dc706] = d736;
        sf[sbf + 4096 + (dr705 + 60) * 64 + dc706] = d737;
        sf[sbf + 4096 + (dr705 + 62) * 64 + dc706] = d738;
      }
      {
        const int e773 = lid;
        if (e773 < 64) {
          const int e773_0 = e773;
          pr0[0] = wf[8384 + e773_0];
          wf[8256 + e773_0] = pr4[0];
        }
      }
      for (int j775 = 0; j775 < 32; j775++) {
        const int e774 = lid + j775 * 128;
        const int e774_0 = (e774 / 64);
        const int e774_1 = e774 % 64;
        wf[4160 + e774_0 * 64 + e774_1] = sf[sbf + 4096 + e774_0 * 64 + e774_1];
      }
      __syncthreads();
    }
    for (int j777 = 0; j777 < 32; j777++) {
      const int e776 = lid + j777 * 128;
      const int e776_0 = (e776 / 64);
      const int e776_1 = e776 % 64;
      const int a778 = v596 + e776_0 * 64 + e776_1 * 1;
      if (e776_0 < v43) { if (a778 >= 0 && a778 < n_out) { g_out[a778] = ((wf[8256 + e776_0] == 0.0f) ? 0.0f : (wf[4160 + e776_0 * 64 + e776_1] / wf[8256 + e776_0])); } }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_streaming_prefill_workspace_bytes(int blocks) { return (size_t)blocks * 49152; }

/** Launches streaming_prefill on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_streaming_prefill_run(const float* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const float* __restrict__ g_q, int n_q, const float* __restrict__ g_v, int n_v, float* __restrict__ g_out, int n_out, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, int s_q_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 8192);
  return SPARSEC_LAUNCH(sparsec_streaming_prefill_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_plan_full, n_plan_full, g_plan_ktiles, n_plan_ktiles, g_plan_rowptr, n_plan_rowptr, g_q, n_q, g_v, n_v, g_out, n_out, s_kv_len, s_plan_bmul, s_plan_hcount, s_plan_hmul, s_plan_len, s_plan_rows, s_q_len, sf, si);
}

extern "C" cudaError_t sparsec_streaming_prefill_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_streaming_prefill_run((const float*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const int*)buffers[3], lengths[3], (const float*)buffers[4], lengths[4], (const float*)buffers[5], lengths[5], (float*)buffers[6], lengths[6], scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], scalars[6], workspace, blocks, stream);
}
