// sparsec: kernel gqa_prefill (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_gqa_prefill_kernel(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_q_len, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 66688;
  const int sbi = wid * 8192;
  __shared__ float wf[12288];
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
  float pr12[1];
  float pr13[1];
  float pr14[1];
  float pr15[1];
  const int v0 = (s_q_len + 127);
  const int v1 = sp_floor_div(v0, 128);
  const int v2 = (s_kv_len - 1);
  const int v3 = (s_kv_len - s_q_len);
  const int n4 = sp_max(0, 1 - 0);
  const int n5 = sp_max(0, 4 - 0);
  const int n6 = sp_max(0, v1 - 0);
  const int tasks = n4 * n5 * n6;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g9 = 0 + (task / (n6 * n5));
    const int g8 = 0 + (task / (n6)) % n5;
    const int g7 = 0 + task % n6;
    const int v10 = (g9 * 16);
    const int v11 = (g9 * 4);
    const int v12 = (g8 * 4);
    const int v13 = (v10 + v12);
    const int v14 = (v13 * s_q_len);
    const int v15 = (v11 + g8);
    const int v16 = (v15 * s_kv_len);
    const int v17 = (v12 + 1);
    const int v18 = (v10 + v17);
    const int v19 = (v18 * s_q_len);
    const int v20 = (v12 + 2);
    const int v21 = (v10 + v20);
    const int v22 = (v21 * s_q_len);
    const int v23 = (v12 + 3);
    const int v24 = (v10 + v23);
    const int v25 = (v24 * s_q_len);
    const int v26 = (g7 * 128);
    const int v27 = (v14 + v26);
    const int v28 = (v27 * 64);
    const int v29 = (s_q_len - v26);
    const int v30 = sp_min(128, v29);
    const int v31 = (v26 + v3);
    const int v32 = (v31 + 128);
    const int v33 = sp_min(s_kv_len, v32);
    const int v34 = (v33 - 1);
    const int v35 = sp_min(v2, v34);
    const int v36 = sp_floor_div(v35, 64);
    const int v37 = (v36 + 1);
    const int v38 = sp_max(0, v37);
    const int v39 = (v19 + v26);
    const int v40 = (v39 * 64);
    const int v41 = (v22 + v26);
    const int v42 = (v41 * 64);
    const int v43 = (v25 + v26);
    const int v44 = (v43 * 64);
    {
      const int e45 = lid;
      const int e45_0 = e45;
      pr0[0] = (-INFINITY);
      sf[sbf + 65536 + e45_0] = 0.0f;
    }
    for (int j47 = 0; j47 < 64; j47++) {
      const int e46 = lid + j47 * 128;
      const int e46_0 = (e46 / 64);
      const int e46_1 = e46 % 64;
      wf[0 + e46_0 * 64 + e46_1] = 0.0f;
    }
    {
      const int e48 = lid;
      const int e48_0 = e48;
      pr1[0] = (-INFINITY);
      sf[sbf + 65664 + e48_0] = 0.0f;
    }
    for (int j50 = 0; j50 < 64; j50++) {
      const int e49 = lid + j50 * 128;
      const int e49_0 = (e49 / 64);
      const int e49_1 = e49 % 64;
      sf[sbf + 0 + e49_0 * 64 + e49_1] = 0.0f;
    }
    {
      const int e51 = lid;
      const int e51_0 = e51;
      pr2[0] = (-INFINITY);
      sf[sbf + 65792 + e51_0] = 0.0f;
    }
    for (int j53 = 0; j53 < 64; j53++) {
      const int e52 = lid + j53 * 128;
      const int e52_0 = (e52 / 64);
      const int e52_1 = e52 % 64;
      sf[sbf + 8192 + e52_0 * 64 + e52_1] = 0.0f;
    }
    {
      const int e54 = lid;
      const int e54_0 = e54;
      pr3[0] = (-INFINITY);
      sf[sbf + 65920 + e54_0] = 0.0f;
    }
    for (int j56 = 0; j56 < 64; j56++) {
      const int e55 = lid + j56 * 128;
      const int e55_0 = (e55 / 64);
      const int e55_1 = e55 % 64;
      sf[sbf + 16384 + e55_0 * 64 + e55_1] = 0.0f;
    }
    __syncthreads();
    for (int i57 = 0; i57 < v38; i57++) {
      const int v58 = (i57 * 64);
      const bool v59 = (0 <= v58);
      const int v60 = (v58 + 64);
      const int v61 = sp_min(s_kv_len, v60);
      const int v62 = (v61 - 1);
      const bool v63 = (v62 <= v31);
      const bool v64 = (v59 && v63);
      const bool v65 = (v60 <= s_kv_len);
      const bool v66 = (v64 && v65);
      const int v67 = (v16 + v58);
      const int v68 = (v67 * 64);
      const int v69 = (s_kv_len - v58);
      const int v70 = sp_min(64, v69);
      for (int j72 = 0; j72 < 64; j72++) {
        const int e71 = lid + j72 * 128;
        const int e71_0 = (e71 / 64);
        const int e71_1 = e71 % 64;
        float s73 = 0.0f;
        for (int k74 = 0; k74 < 64; k74++) { s73 = s73 + ((e71_0 < v30) ? sp_rd_bf16(g_q, n_q, (v28 + e71_0 * 64 + k74)) : 0.0f) * ((e71_1 < v70) ? sp_rd_bf16(g_k, n_k, (v68 + e71_1 * 64 + k74)) : 0.0f); }
        sf[sbf + 24576 + e71_0 * 64 + e71_1] = s73;
      }
      if (v66) {
        for (int j76 = 0; j76 < 64; j76++) {
          const int e75 = lid + j76 * 128;
          const int e75_0 = (e75 / 64);
          const int e75_1 = e75 % 64;
          sf[sbf + 32768 + e75_0 * 64 + e75_1] = (sf[sbf + 24576 + e75_0 * 64 + e75_1] * 0.125f);
        }
      } else {
        for (int j78 = 0; j78 < 64; j78++) {
          const int e77 = lid + j78 * 128;
          const int e77_0 = (e77 / 64);
          const int e77_1 = e77 % 64;
          si[sbi + 0 + e77_0 * 64 + e77_1] = (((((e77_1 + v58) <= (e77_0 + v31)) && ((e77_1 + v58) < s_kv_len))) ? 1 : 0);
          sf[sbf + 32768 + e77_0 * 64 + e77_1] = ((si[sbi + 0 + e77_0 * 64 + e77_1] != 0) ? (sf[sbf + 24576 + e77_0 * 64 + e77_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      {
        const int e79 = lid;
        const int e79_0 = e79;
        float s80 = (-INFINITY);
        for (int r81 = 0; r81 < 64; r81++) { s80 = sp_max(s80, sf[sbf + 32768 + e79_0 * 64 + r81]); }
        pr4[0] = s80;
        sf[sbf + 66048 + e79_0] = sp_max(pr0[0], pr4[0]);
        sf[sbf + 40960 + e79_0] = sp_softmax_exp(pr0[0], sf[sbf + 66048 + e79_0]);
      }
      __syncthreads();
      for (int j83 = 0; j83 < 64; j83++) {
        const int e82 = lid + j83 * 128;
        const int e82_0 = (e82 / 64);
        const int e82_1 = e82 % 64;
        sf[sbf + 24576 + e82_0 * 64 + e82_1] = sp_softmax_exp(sf[sbf + 32768 + e82_0 * 64 + e82_1], sf[sbf + 66048 + e82_0]);
      }
      __syncthreads();
      {
        const int e84 = lid;
        const int e84_0 = e84;
        float s85 = 0.0f;
        for (int r86 = 0; r86 < 64; r86++) { s85 = (s85 + sf[sbf + 24576 + e84_0 * 64 + r86]); }
        pr5[0] = s85;
        pr6[0] = (sf[sbf + 65536 + e84_0] * sf[sbf + 40960 + e84_0] + pr5[0]);
      }
      for (int j88 = 0; j88 < 32; j88++) {
        const int e87 = lid + j88 * 128;
        const int e87_0 = (e87 / 64);
        const int e87_1 = e87 % 64;
        wf[8192 + e87_0 * 64 + e87_1] = ((e87_0 < v70) ? sp_rd_bf16(g_v, n_v, (v68 + e87_0 * 64 + e87_1)) : 0.0f);
      }
      __syncthreads();
      for (int j90 = 0; j90 < 64; j90++) {
        const int e89 = lid + j90 * 128;
        const int e89_0 = (e89 / 64);
        const int e89_1 = e89 % 64;
        float s91 = (wf[0 + e89_0 * 64 + e89_1] * sf[sbf + 40960 + e89_0]);
        for (int k92 = 0; k92 < 64; k92++) { const float s91a = sf[sbf + 24576 + e89_0 * 64 + k92]; s91 = s91 + (s91a != 0.0f ? s91a * wf[8192 + k92 * 64 + e89_1] : 0.0f); }
        sf[sbf + 32768 + e89_0 * 64 + e89_1] = s91;
      }
      __syncthreads();
      for (int j90 = 0; j90 < 64; j90++) {
        const int e89 = lid + j90 * 128;
        const int e89_0 = (e89 / 64);
        const int e89_1 = e89 % 64;
        float s93 = 0.0f;
        for (int k94 = 0; k94 < 64; k94++) { s93 = s93 + ((e89_0 < v30) ? sp_rd_bf16(g_q, n_q, (v40 + e89_0 * 64 + k94)) : 0.0f) * ((e89_1 < v70) ? sp_rd_bf16(g_k, n_k, (v68 + e89_1 * 64 + k94)) : 0.0f); }
        sf[sbf + 24576 + e89_0 * 64 + e89_1] = s93;
      }
      if (v66) {
        for (int j96 = 0; j96 < 64; j96++) {
          const int e95 = lid + j96 * 128;
          const int e95_0 = (e95 / 64);
          const int e95_1 = e95 % 64;
          sf[sbf + 40960 + e95_0 * 64 + e95_1] = (sf[sbf + 24576 + e95_0 * 64 + e95_1] * 0.125f);
        }
      } else {
        for (int j98 = 0; j98 < 64; j98++) {
          const int e97 = lid + j98 * 128;
          const int e97_0 = (e97 / 64);
          const int e97_1 = e97 % 64;
          si[sbi + 0 + e97_0 * 64 + e97_1] = (((((e97_1 + v58) <= (e97_0 + v31)) && ((e97_1 + v58) < s_kv_len))) ? 1 : 0);
          sf[sbf + 40960 + e97_0 * 64 + e97_1] = ((si[sbi + 0 + e97_0 * 64 + e97_1] != 0) ? (sf[sbf + 24576 + e97_0 * 64 + e97_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      {
        const int e99 = lid;
        const int e99_0 = e99;
        float s100 = (-INFINITY);
        for (int r101 = 0; r101 < 64; r101++) { s100 = sp_max(s100, sf[sbf + 40960 + e99_0 * 64 + r101]); }
        pr7[0] = s100;
        sf[sbf + 66176 + e99_0] = sp_max(pr1[0], pr7[0]);
        sf[sbf + 49152 + e99_0] = sp_softmax_exp(pr1[0], sf[sbf + 66176 + e99_0]);
      }
      __syncthreads();
      for (int j103 = 0; j103 < 64; j103++) {
        const int e102 = lid + j103 * 128;
        const int e102_0 = (e102 / 64);
        const int e102_1 = e102 % 64;
        sf[sbf + 24576 + e102_0 * 64 + e102_1] = sp_softmax_exp(sf[sbf + 40960 + e102_0 * 64 + e102_1], sf[sbf + 66176 + e102_0]);
      }
      __syncthreads();
      {
        const int e104 = lid;
        const int e104_0 = e104;
        float s105 = 0.0f;
        for (int r106 = 0; r106 < 64; r106++) { s105 = (s105 + sf[sbf + 24576 + e104_0 * 64 + r106]); }
        pr8[0] = s105;
        pr9[0] = (sf[sbf + 65664 + e104_0] * sf[sbf + 49152 + e104_0] + pr8[0]);
      }
      for (int j108 = 0; j108 < 64; j108++) {
        const int e107 = lid + j108 * 128;
        const int e107_0 = (e107 / 64);
        const int e107_1 = e107 % 64;
        float s109 = (sf[sbf + 0 + e107_0 * 64 + e107_1] * sf[sbf + 49152 + e107_0]);
        for (int k110 = 0; k110 < 64; k110++) { const float s109a = sf[sbf + 24576 + e107_0 * 64 + k110]; s109 = s109 + (s109a != 0.0f ? s109a * wf[8192 + k110 * 64 + e107_1] : 0.0f); }
        sf[sbf + 40960 + e107_0 * 64 + e107_1] = s109;
      }
      __syncthreads();
      for (int j108 = 0; j108 < 64; j108++) {
        const int e107 = lid + j108 * 128;
        const int e107_0 = (e107 / 64);
        const int e107_1 = e107 % 64;
        float s111 = 0.0f;
        for (int k112 = 0; k112 < 64; k112++) { s111 = s111 + ((e107_0 < v30) ? sp_rd_bf16(g_q, n_q, (v42 + e107_0 * 64 + k112)) : 0.0f) * ((e107_1 < v70) ? sp_rd_bf16(g_k, n_k, (v68 + e107_1 * 64 + k112)) : 0.0f); }
        sf[sbf + 24576 + e107_0 * 64 + e107_1] = s111;
      }
      if (v66) {
        for (int j114 = 0; j114 < 64; j114++) {
          const int e113 = lid + j114 * 128;
          const int e113_0 = (e113 / 64);
          const int e113_1 = e113 % 64;
          sf[sbf + 49152 + e113_0 * 64 + e113_1] = (sf[sbf + 24576 + e113_0 * 64 + e113_1] * 0.125f);
        }
      } else {
        for (int j116 = 0; j116 < 64; j116++) {
          const int e115 = lid + j116 * 128;
          const int e115_0 = (e115 / 64);
          const int e115_1 = e115 % 64;
          si[sbi + 0 + e115_0 * 64 + e115_1] = (((((e115_1 + v58) <= (e115_0 + v31)) && ((e115_1 + v58) < s_kv_len))) ? 1 : 0);
          sf[sbf + 49152 + e115_0 * 64 + e115_1] = ((si[sbi + 0 + e115_0 * 64 + e115_1] != 0) ? (sf[sbf + 24576 + e115_0 * 64 + e115_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      {
        const int e117 = lid;
        const int e117_0 = e117;
        float s118 = (-INFINITY);
        for (int r119 = 0; r119 < 64; r119++) { s118 = sp_max(s118, sf[sbf + 49152 + e117_0 * 64 + r119]); }
        pr10[0] = s118;
        sf[sbf + 66304 + e117_0] = sp_max(pr2[0], pr10[0]);
        sf[sbf + 57344 + e117_0] = sp_softmax_exp(pr2[0], sf[sbf + 66304 + e117_0]);
      }
      __syncthreads();
      for (int j121 = 0; j121 < 64; j121++) {
        const int e120 = lid + j121 * 128;
        const int e120_0 = (e120 / 64);
        const int e120_1 = e120 % 64;
        sf[sbf + 24576 + e120_0 * 64 + e120_1] = sp_softmax_exp(sf[sbf + 49152 + e120_0 * 64 + e120_1], sf[sbf + 66304 + e120_0]);
      }
      __syncthreads();
      {
        const int e122 = lid;
        const int e122_0 = e122;
        float s123 = 0.0f;
        for (int r124 = 0; r124 < 64; r124++) { s123 = (s123 + sf[sbf + 24576 + e122_0 * 64 + r124]); }
        pr11[0] = s123;
        pr12[0] = (sf[sbf + 65792 + e122_0] * sf[sbf + 57344 + e122_0] + pr11[0]);
      }
      for (int j126 = 0; j126 < 64; j126++) {
        const int e125 = lid + j126 * 128;
        const int e125_0 = (e125 / 64);
        const int e125_1 = e125 % 64;
        float s127 = (sf[sbf + 8192 + e125_0 * 64 + e125_1] * sf[sbf + 57344 + e125_0]);
        for (int k128 = 0; k128 < 64; k128++) { const float s127a = sf[sbf + 24576 + e125_0 * 64 + k128]; s127 = s127 + (s127a != 0.0f ? s127a * wf[8192 + k128 * 64 + e125_1] : 0.0f); }
        sf[sbf + 49152 + e125_0 * 64 + e125_1] = s127;
      }
      __syncthreads();
      for (int j126 = 0; j126 < 64; j126++) {
        const int e125 = lid + j126 * 128;
        const int e125_0 = (e125 / 64);
        const int e125_1 = e125 % 64;
        float s129 = 0.0f;
        for (int k130 = 0; k130 < 64; k130++) { s129 = s129 + ((e125_0 < v30) ? sp_rd_bf16(g_q, n_q, (v44 + e125_0 * 64 + k130)) : 0.0f) * ((e125_1 < v70) ? sp_rd_bf16(g_k, n_k, (v68 + e125_1 * 64 + k130)) : 0.0f); }
        sf[sbf + 24576 + e125_0 * 64 + e125_1] = s129;
      }
      if (v66) {
        for (int j132 = 0; j132 < 64; j132++) {
          const int e131 = lid + j132 * 128;
          const int e131_0 = (e131 / 64);
          const int e131_1 = e131 % 64;
          sf[sbf + 57344 + e131_0 * 64 + e131_1] = (sf[sbf + 24576 + e131_0 * 64 + e131_1] * 0.125f);
        }
      } else {
        for (int j134 = 0; j134 < 64; j134++) {
          const int e133 = lid + j134 * 128;
          const int e133_0 = (e133 / 64);
          const int e133_1 = e133 % 64;
          si[sbi + 0 + e133_0 * 64 + e133_1] = (((((e133_1 + v58) <= (e133_0 + v31)) && ((e133_1 + v58) < s_kv_len))) ? 1 : 0);
          sf[sbf + 57344 + e133_0 * 64 + e133_1] = ((si[sbi + 0 + e133_0 * 64 + e133_1] != 0) ? (sf[sbf + 24576 + e133_0 * 64 + e133_1] * 0.125f) : (-INFINITY));
        }
      }
      __syncthreads();
      {
        const int e135 = lid;
        const int e135_0 = e135;
        float s136 = (-INFINITY);
        for (int r137 = 0; r137 < 64; r137++) { s136 = sp_max(s136, sf[sbf + 57344 + e135_0 * 64 + r137]); }
        pr13[0] = s136;
        sf[sbf + 66432 + e135_0] = sp_max(pr3[0], pr13[0]);
        sf[sbf + 66560 + e135_0] = sp_softmax_exp(pr3[0], sf[sbf + 66432 + e135_0]);
      }
      __syncthreads();
      for (int j139 = 0; j139 < 64; j139++) {
        const int e138 = lid + j139 * 128;
        const int e138_0 = (e138 / 64);
        const int e138_1 = e138 % 64;
        sf[sbf + 24576 + e138_0 * 64 + e138_1] = sp_softmax_exp(sf[sbf + 57344 + e138_0 * 64 + e138_1], sf[sbf + 66432 + e138_0]);
      }
      __syncthreads();
      {
        const int e140 = lid;
        const int e140_0 = e140;
        float s141 = 0.0f;
        for (int r142 = 0; r142 < 64; r142++) { s141 = (s141 + sf[sbf + 24576 + e140_0 * 64 + r142]); }
        pr14[0] = s141;
        pr15[0] = (sf[sbf + 65920 + e140_0] * sf[sbf + 66560 + e140_0] + pr14[0]);
      }
      for (int j144 = 0; j144 < 64; j144++) {
        const int e143 = lid + j144 * 128;
        const int e143_0 = (e143 / 64);
        const int e143_1 = e143 % 64;
        float s145 = (sf[sbf + 16384 + e143_0 * 64 + e143_1] * sf[sbf + 66560 + e143_0]);
        for (int k146 = 0; k146 < 64; k146++) { const float s145a = sf[sbf + 24576 + e143_0 * 64 + k146]; s145 = s145 + (s145a != 0.0f ? s145a * wf[8192 + k146 * 64 + e143_1] : 0.0f); }
        sf[sbf + 57344 + e143_0 * 64 + e143_1] = s145;
      }
      {
        const int e147 = lid;
        const int e147_0 = e147;
        pr0[0] = sf[sbf + 66048 + e147_0];
        sf[sbf + 65536 + e147_0] = pr6[0];
      }
      for (int j149 = 0; j149 < 64; j149++) {
        const int e148 = lid + j149 * 128;
        const int e148_0 = (e148 / 64);
        const int e148_1 = e148 % 64;
        wf[0 + e148_0 * 64 + e148_1] = sf[sbf + 32768 + e148_0 * 64 + e148_1];
      }
      {
        const int e150 = lid;
        const int e150_0 = e150;
        pr1[0] = sf[sbf + 66176 + e150_0];
        sf[sbf + 65664 + e150_0] = pr9[0];
      }
      for (int j152 = 0; j152 < 64; j152++) {
        const int e151 = lid + j152 * 128;
        const int e151_0 = (e151 / 64);
        const int e151_1 = e151 % 64;
        sf[sbf + 0 + e151_0 * 64 + e151_1] = sf[sbf + 40960 + e151_0 * 64 + e151_1];
      }
      {
        const int e153 = lid;
        const int e153_0 = e153;
        pr2[0] = sf[sbf + 66304 + e153_0];
        sf[sbf + 65792 + e153_0] = pr12[0];
      }
      for (int j155 = 0; j155 < 64; j155++) {
        const int e154 = lid + j155 * 128;
        const int e154_0 = (e154 / 64);
        const int e154_1 = e154 % 64;
        sf[sbf + 8192 + e154_0 * 64 + e154_1] = sf[sbf + 49152 + e154_0 * 64 + e154_1];
      }
      {
        const int e156 = lid;
        const int e156_0 = e156;
        pr3[0] = sf[sbf + 66432 + e156_0];
        sf[sbf + 65920 + e156_0] = pr15[0];
      }
      for (int j158 = 0; j158 < 64; j158++) {
        const int e157 = lid + j158 * 128;
        const int e157_0 = (e157 / 64);
        const int e157_1 = e157 % 64;
        sf[sbf + 16384 + e157_0 * 64 + e157_1] = sf[sbf + 57344 + e157_0 * 64 + e157_1];
      }
      __syncthreads();
    }
    for (int j160 = 0; j160 < 64; j160++) {
      const int e159 = lid + j160 * 128;
      const int e159_0 = (e159 / 64);
      const int e159_1 = e159 % 64;
      const int a161 = v28 + e159_0 * 64 + e159_1 * 1;
      if (e159_0 < v30) { if (a161 >= 0 && a161 < n_out) { g_out[a161] = sp_f32_to_bf16(((sf[sbf + 65536 + e159_0] == 0.0f) ? 0.0f : (wf[0 + e159_0 * 64 + e159_1] / sf[sbf + 65536 + e159_0]))); } }
      const int a162 = v40 + e159_0 * 64 + e159_1 * 1;
      if (e159_0 < v30) { if (a162 >= 0 && a162 < n_out) { g_out[a162] = sp_f32_to_bf16(((sf[sbf + 65664 + e159_0] == 0.0f) ? 0.0f : (sf[sbf + 0 + e159_0 * 64 + e159_1] / sf[sbf + 65664 + e159_0]))); } }
      const int a163 = v42 + e159_0 * 64 + e159_1 * 1;
      if (e159_0 < v30) { if (a163 >= 0 && a163 < n_out) { g_out[a163] = sp_f32_to_bf16(((sf[sbf + 65792 + e159_0] == 0.0f) ? 0.0f : (sf[sbf + 8192 + e159_0 * 64 + e159_1] / sf[sbf + 65792 + e159_0]))); } }
      const int a164 = v44 + e159_0 * 64 + e159_1 * 1;
      if (e159_0 < v30) { if (a164 >= 0 && a164 < n_out) { g_out[a164] = sp_f32_to_bf16(((sf[sbf + 65920 + e159_0] == 0.0f) ? 0.0f : (sf[sbf + 16384 + e159_0 * 64 + e159_1] / sf[sbf + 65920 + e159_0]))); } }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_gqa_prefill_workspace_bytes(int blocks) { return (size_t)blocks * 299520; }

/** Launches gqa_prefill on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_gqa_prefill_run(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_q_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 66688);
  return SPARSEC_LAUNCH(sparsec_gqa_prefill_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_q, n_q, g_v, n_v, g_out, n_out, s_kv_len, s_q_len, sf, si);
}

extern "C" cudaError_t sparsec_gqa_prefill_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_gqa_prefill_run((const unsigned short*)buffers[0], lengths[0], (const unsigned short*)buffers[1], lengths[1], (const unsigned short*)buffers[2], lengths[2], (unsigned short*)buffers[3], lengths[3], scalars[0], scalars[1], workspace, blocks, stream);
}
