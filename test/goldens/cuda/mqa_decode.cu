// sparsec: kernel mqa_decode (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_mqa_decode_kernel(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 16512;
  const int sbi = wid * 1;
  __shared__ float wf[10448];
  float pr0[1];
  float pr1[1];
  float pr2[1];
  float pr3[1];
  float pr4[1];
  float pr5[1];
  float pr6[1];
  float pr7[1];
  bool pr8[1];
  float pr9[1];
  float pr10[1];
  float pr11[1];
  float pr12[1];
  float pr13[1];
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
  const int n1 = sp_max(0, s_batch - 0);
  const int n2 = sp_max(0, 1 - 0);
  const int n3 = sp_max(0, 1 - 0);
  const int tasks = n1 * n2 * n3;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g6 = 0 + (task / (n3 * n2));
    const int g5 = 0 + (task / (n3)) % n2;
    const int g4 = 0 + task % n3;
    const int v7 = (g6 * 8);
    const int v8 = (g5 * 8);
    const int v9 = (v7 + v8);
    const int v10 = (g6 + g5);
    const int v11 = (v10 * s_kv_len);
    const int v12 = (v8 + 1);
    const int v13 = (v7 + v12);
    const int v14 = (v8 + 2);
    const int v15 = (v7 + v14);
    const int v16 = (v8 + 3);
    const int v17 = (v7 + v16);
    const int v18 = (v8 + 4);
    const int v19 = (v7 + v18);
    const int v20 = (v8 + 5);
    const int v21 = (v7 + v20);
    const int v22 = (v8 + 6);
    const int v23 = (v7 + v22);
    const int v24 = (v8 + 7);
    const int v25 = (v7 + v24);
    const int v26 = (g4 + v0);
    const int v27 = (v26 + 1);
    const int v28 = sp_min(s_kv_len, v27);
    const int v29 = (v28 - 1);
    const int v30 = sp_min(v0, v29);
    const int v31 = sp_floor_div(v30, 64);
    const int v32 = (v31 + 1);
    const int v33 = sp_max(0, v32);
    const int v34 = (v33 + 15);
    const int v35 = sp_floor_div(v34, 16);
    const int v36 = (v9 + g4);
    const int v37 = (v36 * 128);
    const int v38 = (1 - g4);
    const int v39 = sp_min(1, v38);
    const int v40 = (v13 + g4);
    const int v41 = (v40 * 128);
    const int v42 = (v15 + g4);
    const int v43 = (v42 * 128);
    const int v44 = (v17 + g4);
    const int v45 = (v44 * 128);
    const int v46 = (v19 + g4);
    const int v47 = (v46 * 128);
    const int v48 = (v21 + g4);
    const int v49 = (v48 * 128);
    const int v50 = (v23 + g4);
    const int v51 = (v50 * 128);
    const int v52 = (v25 + g4);
    const int v53 = (v52 * 128);
    {
      const int e54 = lid;
      const int e54_1 = e54 % 128;
      wf[8256 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v37 + 0 * 128 + e54_1)) : 0.0f);
      wf[8384 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v41 + 0 * 128 + e54_1)) : 0.0f);
      wf[8512 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v43 + 0 * 128 + e54_1)) : 0.0f);
      wf[8640 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v45 + 0 * 128 + e54_1)) : 0.0f);
      wf[8768 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v47 + 0 * 128 + e54_1)) : 0.0f);
      wf[8896 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v49 + 0 * 128 + e54_1)) : 0.0f);
      wf[9024 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v51 + 0 * 128 + e54_1)) : 0.0f);
      wf[9152 + e54_1] = ((0 < v39) ? sp_rd_f16(g_q, n_q, (v53 + 0 * 128 + e54_1)) : 0.0f);
    }
    __syncthreads();
    for (int i55 = 0; i55 < 16; i55++) {
      const int v56 = (i55 * 128);
      const int v57 = (i55 * v35);
      const int v58 = (v57 + v35);
      const int v59 = sp_min(v33, v58);
      {
        const int e60 = lid;
        if (e60 < 1) {
          pr16[0] = (-INFINITY);
          wf[10432 + 0] = 0.0f;
        }
      }
      {
        const int e61 = lid;
        const int e61_1 = e61 % 128;
        wf[9280 + e61_1] = 0.0f;
      }
      {
        const int e62 = lid;
        if (e62 < 1) {
          pr17[0] = (-INFINITY);
          wf[10433 + 0] = 0.0f;
        }
      }
      {
        const int e63 = lid;
        const int e63_1 = e63 % 128;
        wf[9408 + e63_1] = 0.0f;
      }
      {
        const int e64 = lid;
        if (e64 < 1) {
          pr18[0] = (-INFINITY);
          wf[10434 + 0] = 0.0f;
        }
      }
      {
        const int e65 = lid;
        const int e65_1 = e65 % 128;
        wf[9536 + e65_1] = 0.0f;
      }
      {
        const int e66 = lid;
        if (e66 < 1) {
          pr19[0] = (-INFINITY);
          wf[10435 + 0] = 0.0f;
        }
      }
      {
        const int e67 = lid;
        const int e67_1 = e67 % 128;
        wf[9664 + e67_1] = 0.0f;
      }
      {
        const int e68 = lid;
        if (e68 < 1) {
          pr20[0] = (-INFINITY);
          wf[10436 + 0] = 0.0f;
        }
      }
      {
        const int e69 = lid;
        const int e69_1 = e69 % 128;
        wf[9792 + e69_1] = 0.0f;
      }
      {
        const int e70 = lid;
        if (e70 < 1) {
          pr21[0] = (-INFINITY);
          wf[10437 + 0] = 0.0f;
        }
      }
      {
        const int e71 = lid;
        const int e71_1 = e71 % 128;
        wf[9920 + e71_1] = 0.0f;
      }
      {
        const int e72 = lid;
        if (e72 < 1) {
          pr22[0] = (-INFINITY);
          wf[10438 + 0] = 0.0f;
        }
      }
      {
        const int e73 = lid;
        const int e73_1 = e73 % 128;
        wf[10048 + e73_1] = 0.0f;
      }
      {
        const int e74 = lid;
        if (e74 < 1) {
          pr23[0] = (-INFINITY);
          wf[10439 + 0] = 0.0f;
        }
      }
      {
        const int e75 = lid;
        const int e75_1 = e75 % 128;
        wf[10176 + e75_1] = 0.0f;
      }
      __syncthreads();
      for (int i76 = v57; i76 < v59; i76++) {
        const int v77 = (i76 * 64);
        const bool v78 = (0 <= v77);
        const int v79 = (v77 + 64);
        const int v80 = sp_min(s_kv_len, v79);
        const int v81 = (v80 - 1);
        const bool v82 = (v81 <= v26);
        const bool v83 = (v78 && v82);
        const bool v84 = (v79 <= s_kv_len);
        const bool v85 = (v83 && v84);
        const int v86 = (v11 + v77);
        const int v87 = (v86 * 128);
        const int v88 = (s_kv_len - v77);
        const int v89 = sp_min(64, v88);
        for (int j91 = 0; j91 < 64; j91++) {
          const int e90 = lid + j91 * 128;
          const int e90_0 = (e90 / 128);
          const int e90_1 = e90 % 128;
          wf[0 + e90_0 * 129 + e90_1] = ((e90_0 < v89) ? sp_rd_f16(g_k, n_k, (v87 + e90_0 * 128 + e90_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr7[0] = 0.0f;
          for (int k94 = 0; k94 < 128; k94++) {
            const auto o95 = wf[8256 + k94];
            const auto o96 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k94];
            pr7[0] = pr7[0] + o95 * o96;
          }
        }
        if (v85) {
          {
            const int e97 = lid;
            if (e97 < 64) {
              const int e97_1 = e97 % 64;
              wf[10304 + e97_1] = (pr7[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e98 = lid;
            if (e98 < 64) {
              const int e98_1 = e98 % 64;
              pr8[0] = (((e98_1 + v77) <= (0 + v26)) && ((e98_1 + v77) < s_kv_len));
              wf[10304 + e98_1] = (pr8[0] ? (pr7[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb99 = 0; rb99 < 1; rb99 += 4) {
          const int row100 = rb99 + lid / 32;
          const int part101 = lid % 32;
          float s102 = (-INFINITY);
          if (row100 < 1) { for (int i103 = part101; i103 < 64; i103 += 32) { s102 = sp_max(s102, wf[10304 + i103]); } }
          for (int off104 = 1; off104 < 32; off104 *= 2) { s102 = sp_max(s102, __shfl_xor_sync(0xffffffffu, s102, off104)); }
          if (part101 == 0 && row100 < 1) { wf[10368 + 0] = s102; }
        }
        __syncthreads();
        {
          const int e105 = lid;
          if (e105 < 1) {
            wf[10440 + 0] = sp_max(pr16[0], wf[10368 + 0]);
            wf[10441 + 0] = sp_softmax_exp(pr16[0], wf[10440 + 0]);
          }
        }
        __syncthreads();
        {
          const int e106 = lid;
          if (e106 < 64) {
            const int e106_1 = e106 % 64;
            wf[10368 + e106_1] = sp_softmax_exp(wf[10304 + e106_1], wf[10440 + 0]);
          }
        }
        __syncthreads();
        for (int rb107 = 0; rb107 < 1; rb107 += 4) {
          const int row108 = rb107 + lid / 32;
          const int part109 = lid % 32;
          float s110 = 0.0f;
          if (row108 < 1) { for (int i111 = part109; i111 < 64; i111 += 32) { s110 = (s110 + wf[10368 + i111]); } }
          for (int off112 = 1; off112 < 32; off112 *= 2) { s110 = (s110 + __shfl_xor_sync(0xffffffffu, s110, off112)); }
          if (part109 == 0 && row108 < 1) { wf[10304 + 0] = s110; }
        }
        __syncthreads();
        {
          const int e113 = lid;
          if (e113 < 1) {
            pr24[0] = (wf[10432 + 0] * wf[10441 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr114 = lid / 128;
          const int dc115 = lid % 128;
          pr0[0] = (wf[9280 + dc115] * wf[10441 + 0]);
          for (int k116 = 0; k116 < 64; k116++) {
            const auto o117 = wf[10368 + k116];
            const auto o118 = ((k116 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k116 * 128 + dc115)) : 0.0f);
            pr0[0] = pr0[0] + (o117 != 0.0f ? o117 * o118 : 0.0f);
          }
        }
        {
          pr9[0] = 0.0f;
          for (int k121 = 0; k121 < 128; k121++) {
            const auto o122 = wf[8384 + k121];
            const auto o123 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k121];
            pr9[0] = pr9[0] + o122 * o123;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e124 = lid;
            if (e124 < 64) {
              const int e124_1 = e124 % 64;
              wf[10304 + e124_1] = (pr9[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e125 = lid;
            if (e125 < 64) {
              const int e125_1 = e125 % 64;
              pr8[0] = (((e125_1 + v77) <= (0 + v26)) && ((e125_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e125 = lid;
            if (e125 < 64) {
              const int e125_1 = e125 % 64;
              wf[10304 + e125_1] = (pr8[0] ? (pr9[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb126 = 0; rb126 < 1; rb126 += 4) {
          const int row127 = rb126 + lid / 32;
          const int part128 = lid % 32;
          float s129 = (-INFINITY);
          if (row127 < 1) { for (int i130 = part128; i130 < 64; i130 += 32) { s129 = sp_max(s129, wf[10304 + i130]); } }
          for (int off131 = 1; off131 < 32; off131 *= 2) { s129 = sp_max(s129, __shfl_xor_sync(0xffffffffu, s129, off131)); }
          if (part128 == 0 && row127 < 1) { wf[10368 + 0] = s129; }
        }
        __syncthreads();
        {
          const int e132 = lid;
          if (e132 < 1) {
            wf[10441 + 0] = sp_max(pr17[0], wf[10368 + 0]);
            wf[10442 + 0] = sp_softmax_exp(pr17[0], wf[10441 + 0]);
          }
        }
        __syncthreads();
        {
          const int e133 = lid;
          if (e133 < 64) {
            const int e133_1 = e133 % 64;
            wf[10368 + e133_1] = sp_softmax_exp(wf[10304 + e133_1], wf[10441 + 0]);
          }
        }
        __syncthreads();
        for (int rb134 = 0; rb134 < 1; rb134 += 4) {
          const int row135 = rb134 + lid / 32;
          const int part136 = lid % 32;
          float s137 = 0.0f;
          if (row135 < 1) { for (int i138 = part136; i138 < 64; i138 += 32) { s137 = (s137 + wf[10368 + i138]); } }
          for (int off139 = 1; off139 < 32; off139 *= 2) { s137 = (s137 + __shfl_xor_sync(0xffffffffu, s137, off139)); }
          if (part136 == 0 && row135 < 1) { wf[10304 + 0] = s137; }
        }
        __syncthreads();
        {
          const int e140 = lid;
          if (e140 < 1) {
            pr25[0] = (wf[10433 + 0] * wf[10442 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr141 = lid / 128;
          const int dc142 = lid % 128;
          pr1[0] = (wf[9408 + dc142] * wf[10442 + 0]);
          for (int k143 = 0; k143 < 64; k143++) {
            const auto o144 = wf[10368 + k143];
            const auto o145 = ((k143 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k143 * 128 + dc142)) : 0.0f);
            pr1[0] = pr1[0] + (o144 != 0.0f ? o144 * o145 : 0.0f);
          }
        }
        {
          pr10[0] = 0.0f;
          for (int k148 = 0; k148 < 128; k148++) {
            const auto o149 = wf[8512 + k148];
            const auto o150 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k148];
            pr10[0] = pr10[0] + o149 * o150;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e151 = lid;
            if (e151 < 64) {
              const int e151_1 = e151 % 64;
              wf[10304 + e151_1] = (pr10[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e152 = lid;
            if (e152 < 64) {
              const int e152_1 = e152 % 64;
              pr8[0] = (((e152_1 + v77) <= (0 + v26)) && ((e152_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e152 = lid;
            if (e152 < 64) {
              const int e152_1 = e152 % 64;
              wf[10304 + e152_1] = (pr8[0] ? (pr10[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb153 = 0; rb153 < 1; rb153 += 4) {
          const int row154 = rb153 + lid / 32;
          const int part155 = lid % 32;
          float s156 = (-INFINITY);
          if (row154 < 1) { for (int i157 = part155; i157 < 64; i157 += 32) { s156 = sp_max(s156, wf[10304 + i157]); } }
          for (int off158 = 1; off158 < 32; off158 *= 2) { s156 = sp_max(s156, __shfl_xor_sync(0xffffffffu, s156, off158)); }
          if (part155 == 0 && row154 < 1) { wf[10368 + 0] = s156; }
        }
        __syncthreads();
        {
          const int e159 = lid;
          if (e159 < 1) {
            wf[10442 + 0] = sp_max(pr18[0], wf[10368 + 0]);
            wf[10443 + 0] = sp_softmax_exp(pr18[0], wf[10442 + 0]);
          }
        }
        __syncthreads();
        {
          const int e160 = lid;
          if (e160 < 64) {
            const int e160_1 = e160 % 64;
            wf[10368 + e160_1] = sp_softmax_exp(wf[10304 + e160_1], wf[10442 + 0]);
          }
        }
        __syncthreads();
        for (int rb161 = 0; rb161 < 1; rb161 += 4) {
          const int row162 = rb161 + lid / 32;
          const int part163 = lid % 32;
          float s164 = 0.0f;
          if (row162 < 1) { for (int i165 = part163; i165 < 64; i165 += 32) { s164 = (s164 + wf[10368 + i165]); } }
          for (int off166 = 1; off166 < 32; off166 *= 2) { s164 = (s164 + __shfl_xor_sync(0xffffffffu, s164, off166)); }
          if (part163 == 0 && row162 < 1) { wf[10304 + 0] = s164; }
        }
        __syncthreads();
        {
          const int e167 = lid;
          if (e167 < 1) {
            pr26[0] = (wf[10434 + 0] * wf[10443 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr168 = lid / 128;
          const int dc169 = lid % 128;
          pr2[0] = (wf[9536 + dc169] * wf[10443 + 0]);
          for (int k170 = 0; k170 < 64; k170++) {
            const auto o171 = wf[10368 + k170];
            const auto o172 = ((k170 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k170 * 128 + dc169)) : 0.0f);
            pr2[0] = pr2[0] + (o171 != 0.0f ? o171 * o172 : 0.0f);
          }
        }
        {
          pr11[0] = 0.0f;
          for (int k175 = 0; k175 < 128; k175++) {
            const auto o176 = wf[8640 + k175];
            const auto o177 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k175];
            pr11[0] = pr11[0] + o176 * o177;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e178 = lid;
            if (e178 < 64) {
              const int e178_1 = e178 % 64;
              wf[10304 + e178_1] = (pr11[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e179 = lid;
            if (e179 < 64) {
              const int e179_1 = e179 % 64;
              pr8[0] = (((e179_1 + v77) <= (0 + v26)) && ((e179_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e179 = lid;
            if (e179 < 64) {
              const int e179_1 = e179 % 64;
              wf[10304 + e179_1] = (pr8[0] ? (pr11[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb180 = 0; rb180 < 1; rb180 += 4) {
          const int row181 = rb180 + lid / 32;
          const int part182 = lid % 32;
          float s183 = (-INFINITY);
          if (row181 < 1) { for (int i184 = part182; i184 < 64; i184 += 32) { s183 = sp_max(s183, wf[10304 + i184]); } }
          for (int off185 = 1; off185 < 32; off185 *= 2) { s183 = sp_max(s183, __shfl_xor_sync(0xffffffffu, s183, off185)); }
          if (part182 == 0 && row181 < 1) { wf[10368 + 0] = s183; }
        }
        __syncthreads();
        {
          const int e186 = lid;
          if (e186 < 1) {
            wf[10443 + 0] = sp_max(pr19[0], wf[10368 + 0]);
            wf[10444 + 0] = sp_softmax_exp(pr19[0], wf[10443 + 0]);
          }
        }
        __syncthreads();
        {
          const int e187 = lid;
          if (e187 < 64) {
            const int e187_1 = e187 % 64;
            wf[10368 + e187_1] = sp_softmax_exp(wf[10304 + e187_1], wf[10443 + 0]);
          }
        }
        __syncthreads();
        for (int rb188 = 0; rb188 < 1; rb188 += 4) {
          const int row189 = rb188 + lid / 32;
          const int part190 = lid % 32;
          float s191 = 0.0f;
          if (row189 < 1) { for (int i192 = part190; i192 < 64; i192 += 32) { s191 = (s191 + wf[10368 + i192]); } }
          for (int off193 = 1; off193 < 32; off193 *= 2) { s191 = (s191 + __shfl_xor_sync(0xffffffffu, s191, off193)); }
          if (part190 == 0 && row189 < 1) { wf[10304 + 0] = s191; }
        }
        __syncthreads();
        {
          const int e194 = lid;
          if (e194 < 1) {
            pr27[0] = (wf[10435 + 0] * wf[10444 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr195 = lid / 128;
          const int dc196 = lid % 128;
          pr3[0] = (wf[9664 + dc196] * wf[10444 + 0]);
          for (int k197 = 0; k197 < 64; k197++) {
            const auto o198 = wf[10368 + k197];
            const auto o199 = ((k197 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k197 * 128 + dc196)) : 0.0f);
            pr3[0] = pr3[0] + (o198 != 0.0f ? o198 * o199 : 0.0f);
          }
        }
        {
          pr12[0] = 0.0f;
          for (int k202 = 0; k202 < 128; k202++) {
            const auto o203 = wf[8768 + k202];
            const auto o204 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k202];
            pr12[0] = pr12[0] + o203 * o204;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e205 = lid;
            if (e205 < 64) {
              const int e205_1 = e205 % 64;
              wf[10304 + e205_1] = (pr12[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e206 = lid;
            if (e206 < 64) {
              const int e206_1 = e206 % 64;
              pr8[0] = (((e206_1 + v77) <= (0 + v26)) && ((e206_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e206 = lid;
            if (e206 < 64) {
              const int e206_1 = e206 % 64;
              wf[10304 + e206_1] = (pr8[0] ? (pr12[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb207 = 0; rb207 < 1; rb207 += 4) {
          const int row208 = rb207 + lid / 32;
          const int part209 = lid % 32;
          float s210 = (-INFINITY);
          if (row208 < 1) { for (int i211 = part209; i211 < 64; i211 += 32) { s210 = sp_max(s210, wf[10304 + i211]); } }
          for (int off212 = 1; off212 < 32; off212 *= 2) { s210 = sp_max(s210, __shfl_xor_sync(0xffffffffu, s210, off212)); }
          if (part209 == 0 && row208 < 1) { wf[10368 + 0] = s210; }
        }
        __syncthreads();
        {
          const int e213 = lid;
          if (e213 < 1) {
            wf[10444 + 0] = sp_max(pr20[0], wf[10368 + 0]);
            wf[10445 + 0] = sp_softmax_exp(pr20[0], wf[10444 + 0]);
          }
        }
        __syncthreads();
        {
          const int e214 = lid;
          if (e214 < 64) {
            const int e214_1 = e214 % 64;
            wf[10368 + e214_1] = sp_softmax_exp(wf[10304 + e214_1], wf[10444 + 0]);
          }
        }
        __syncthreads();
        for (int rb215 = 0; rb215 < 1; rb215 += 4) {
          const int row216 = rb215 + lid / 32;
          const int part217 = lid % 32;
          float s218 = 0.0f;
          if (row216 < 1) { for (int i219 = part217; i219 < 64; i219 += 32) { s218 = (s218 + wf[10368 + i219]); } }
          for (int off220 = 1; off220 < 32; off220 *= 2) { s218 = (s218 + __shfl_xor_sync(0xffffffffu, s218, off220)); }
          if (part217 == 0 && row216 < 1) { wf[10304 + 0] = s218; }
        }
        __syncthreads();
        {
          const int e221 = lid;
          if (e221 < 1) {
            pr28[0] = (wf[10436 + 0] * wf[10445 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr222 = lid / 128;
          const int dc223 = lid % 128;
          pr4[0] = (wf[9792 + dc223] * wf[10445 + 0]);
          for (int k224 = 0; k224 < 64; k224++) {
            const auto o225 = wf[10368 + k224];
            const auto o226 = ((k224 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k224 * 128 + dc223)) : 0.0f);
            pr4[0] = pr4[0] + (o225 != 0.0f ? o225 * o226 : 0.0f);
          }
        }
        {
          pr13[0] = 0.0f;
          for (int k229 = 0; k229 < 128; k229++) {
            const auto o230 = wf[8896 + k229];
            const auto o231 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k229];
            pr13[0] = pr13[0] + o230 * o231;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e232 = lid;
            if (e232 < 64) {
              const int e232_1 = e232 % 64;
              wf[10304 + e232_1] = (pr13[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e233 = lid;
            if (e233 < 64) {
              const int e233_1 = e233 % 64;
              pr8[0] = (((e233_1 + v77) <= (0 + v26)) && ((e233_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e233 = lid;
            if (e233 < 64) {
              const int e233_1 = e233 % 64;
              wf[10304 + e233_1] = (pr8[0] ? (pr13[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb234 = 0; rb234 < 1; rb234 += 4) {
          const int row235 = rb234 + lid / 32;
          const int part236 = lid % 32;
          float s237 = (-INFINITY);
          if (row235 < 1) { for (int i238 = part236; i238 < 64; i238 += 32) { s237 = sp_max(s237, wf[10304 + i238]); } }
          for (int off239 = 1; off239 < 32; off239 *= 2) { s237 = sp_max(s237, __shfl_xor_sync(0xffffffffu, s237, off239)); }
          if (part236 == 0 && row235 < 1) { wf[10368 + 0] = s237; }
        }
        __syncthreads();
        {
          const int e240 = lid;
          if (e240 < 1) {
            wf[10445 + 0] = sp_max(pr21[0], wf[10368 + 0]);
            wf[10446 + 0] = sp_softmax_exp(pr21[0], wf[10445 + 0]);
          }
        }
        __syncthreads();
        {
          const int e241 = lid;
          if (e241 < 64) {
            const int e241_1 = e241 % 64;
            wf[10368 + e241_1] = sp_softmax_exp(wf[10304 + e241_1], wf[10445 + 0]);
          }
        }
        __syncthreads();
        for (int rb242 = 0; rb242 < 1; rb242 += 4) {
          const int row243 = rb242 + lid / 32;
          const int part244 = lid % 32;
          float s245 = 0.0f;
          if (row243 < 1) { for (int i246 = part244; i246 < 64; i246 += 32) { s245 = (s245 + wf[10368 + i246]); } }
          for (int off247 = 1; off247 < 32; off247 *= 2) { s245 = (s245 + __shfl_xor_sync(0xffffffffu, s245, off247)); }
          if (part244 == 0 && row243 < 1) { wf[10304 + 0] = s245; }
        }
        __syncthreads();
        {
          const int e248 = lid;
          if (e248 < 1) {
            pr29[0] = (wf[10437 + 0] * wf[10446 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr249 = lid / 128;
          const int dc250 = lid % 128;
          pr5[0] = (wf[9920 + dc250] * wf[10446 + 0]);
          for (int k251 = 0; k251 < 64; k251++) {
            const auto o252 = wf[10368 + k251];
            const auto o253 = ((k251 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k251 * 128 + dc250)) : 0.0f);
            pr5[0] = pr5[0] + (o252 != 0.0f ? o252 * o253 : 0.0f);
          }
        }
        {
          pr14[0] = 0.0f;
          for (int k256 = 0; k256 < 128; k256++) {
            const auto o257 = wf[9024 + k256];
            const auto o258 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k256];
            pr14[0] = pr14[0] + o257 * o258;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e259 = lid;
            if (e259 < 64) {
              const int e259_1 = e259 % 64;
              wf[10304 + e259_1] = (pr14[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e260 = lid;
            if (e260 < 64) {
              const int e260_1 = e260 % 64;
              pr8[0] = (((e260_1 + v77) <= (0 + v26)) && ((e260_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e260 = lid;
            if (e260 < 64) {
              const int e260_1 = e260 % 64;
              wf[10304 + e260_1] = (pr8[0] ? (pr14[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb261 = 0; rb261 < 1; rb261 += 4) {
          const int row262 = rb261 + lid / 32;
          const int part263 = lid % 32;
          float s264 = (-INFINITY);
          if (row262 < 1) { for (int i265 = part263; i265 < 64; i265 += 32) { s264 = sp_max(s264, wf[10304 + i265]); } }
          for (int off266 = 1; off266 < 32; off266 *= 2) { s264 = sp_max(s264, __shfl_xor_sync(0xffffffffu, s264, off266)); }
          if (part263 == 0 && row262 < 1) { wf[10368 + 0] = s264; }
        }
        __syncthreads();
        {
          const int e267 = lid;
          if (e267 < 1) {
            wf[10446 + 0] = sp_max(pr22[0], wf[10368 + 0]);
            wf[10447 + 0] = sp_softmax_exp(pr22[0], wf[10446 + 0]);
          }
        }
        __syncthreads();
        {
          const int e268 = lid;
          if (e268 < 64) {
            const int e268_1 = e268 % 64;
            wf[10368 + e268_1] = sp_softmax_exp(wf[10304 + e268_1], wf[10446 + 0]);
          }
        }
        __syncthreads();
        for (int rb269 = 0; rb269 < 1; rb269 += 4) {
          const int row270 = rb269 + lid / 32;
          const int part271 = lid % 32;
          float s272 = 0.0f;
          if (row270 < 1) { for (int i273 = part271; i273 < 64; i273 += 32) { s272 = (s272 + wf[10368 + i273]); } }
          for (int off274 = 1; off274 < 32; off274 *= 2) { s272 = (s272 + __shfl_xor_sync(0xffffffffu, s272, off274)); }
          if (part271 == 0 && row270 < 1) { wf[10304 + 0] = s272; }
        }
        __syncthreads();
        {
          const int e275 = lid;
          if (e275 < 1) {
            pr30[0] = (wf[10438 + 0] * wf[10447 + 0] + wf[10304 + 0]);
          }
        }
        {
          const int dr276 = lid / 128;
          const int dc277 = lid % 128;
          pr6[0] = (wf[10048 + dc277] * wf[10447 + 0]);
          for (int k278 = 0; k278 < 64; k278++) {
            const auto o279 = wf[10368 + k278];
            const auto o280 = ((k278 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k278 * 128 + dc277)) : 0.0f);
            pr6[0] = pr6[0] + (o279 != 0.0f ? o279 * o280 : 0.0f);
          }
        }
        {
          pr15[0] = 0.0f;
          for (int k283 = 0; k283 < 128; k283++) {
            const auto o284 = wf[9152 + k283];
            const auto o285 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 129 + k283];
            pr15[0] = pr15[0] + o284 * o285;
          }
        }
        if (v85) {
          __syncthreads();
          {
            const int e286 = lid;
            if (e286 < 64) {
              const int e286_1 = e286 % 64;
              wf[0 + e286_1] = (pr15[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            const int e287 = lid;
            if (e287 < 64) {
              const int e287_1 = e287 % 64;
              pr8[0] = (((e287_1 + v77) <= (0 + v26)) && ((e287_1 + v77) < s_kv_len));
            }
          }
          __syncthreads();
          {
            const int e287 = lid;
            if (e287 < 64) {
              const int e287_1 = e287 % 64;
              wf[0 + e287_1] = (pr8[0] ? (pr15[0] * 0.0883883461356163f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb288 = 0; rb288 < 1; rb288 += 4) {
          const int row289 = rb288 + lid / 32;
          const int part290 = lid % 32;
          float s291 = (-INFINITY);
          if (row289 < 1) { for (int i292 = part290; i292 < 64; i292 += 32) { s291 = sp_max(s291, wf[0 + i292]); } }
          for (int off293 = 1; off293 < 32; off293 *= 2) { s291 = sp_max(s291, __shfl_xor_sync(0xffffffffu, s291, off293)); }
          if (part290 == 0 && row289 < 1) { wf[64 + 0] = s291; }
        }
        __syncthreads();
        {
          const int e294 = lid;
          if (e294 < 1) {
            wf[192 + 0] = sp_max(pr23[0], wf[64 + 0]);
            wf[193 + 0] = sp_softmax_exp(pr23[0], wf[192 + 0]);
          }
        }
        __syncthreads();
        {
          const int e295 = lid;
          if (e295 < 64) {
            const int e295_1 = e295 % 64;
            wf[128 + e295_1] = sp_softmax_exp(wf[0 + e295_1], wf[192 + 0]);
          }
        }
        __syncthreads();
        for (int rb296 = 0; rb296 < 1; rb296 += 4) {
          const int row297 = rb296 + lid / 32;
          const int part298 = lid % 32;
          float s299 = 0.0f;
          if (row297 < 1) { for (int i300 = part298; i300 < 64; i300 += 32) { s299 = (s299 + wf[128 + i300]); } }
          for (int off301 = 1; off301 < 32; off301 *= 2) { s299 = (s299 + __shfl_xor_sync(0xffffffffu, s299, off301)); }
          if (part298 == 0 && row297 < 1) { wf[0 + 0] = s299; }
        }
        __syncthreads();
        {
          const int e302 = lid;
          if (e302 < 1) {
            pr31[0] = (wf[10439 + 0] * wf[193 + 0] + wf[0 + 0]);
          }
        }
        __syncthreads();
        {
          const int dr303 = lid / 128;
          const int dc304 = lid % 128;
          float d305 = (wf[10176 + dc304] * wf[193 + 0]);
          for (int k306 = 0; k306 < 64; k306++) {
            const auto o307 = wf[128 + k306];
            const auto o308 = ((k306 < v89) ? sp_rd_f16(g_v, n_v, (v87 + k306 * 128 + dc304)) : 0.0f);
            d305 = d305 + (o307 != 0.0f ? o307 * o308 : 0.0f);
          }
          wf[0 + dc304] = d305;
        }
        {
          const int e309 = lid;
          if (e309 < 1) {
            pr16[0] = wf[10440 + 0];
            wf[10432 + 0] = pr24[0];
          }
        }
        {
          const int e310 = lid;
          const int e310_1 = e310 % 128;
          wf[9280 + e310_1] = pr0[0];
        }
        {
          const int e311 = lid;
          if (e311 < 1) {
            pr17[0] = wf[10441 + 0];
            wf[10433 + 0] = pr25[0];
          }
        }
        {
          const int e312 = lid;
          const int e312_1 = e312 % 128;
          wf[9408 + e312_1] = pr1[0];
        }
        {
          const int e313 = lid;
          if (e313 < 1) {
            pr18[0] = wf[10442 + 0];
            wf[10434 + 0] = pr26[0];
          }
        }
        {
          const int e314 = lid;
          const int e314_1 = e314 % 128;
          wf[9536 + e314_1] = pr2[0];
        }
        {
          const int e315 = lid;
          if (e315 < 1) {
            pr19[0] = wf[10443 + 0];
            wf[10435 + 0] = pr27[0];
          }
        }
        {
          const int e316 = lid;
          const int e316_1 = e316 % 128;
          wf[9664 + e316_1] = pr3[0];
        }
        {
          const int e317 = lid;
          if (e317 < 1) {
            pr20[0] = wf[10444 + 0];
            wf[10436 + 0] = pr28[0];
          }
        }
        {
          const int e318 = lid;
          const int e318_1 = e318 % 128;
          wf[9792 + e318_1] = pr4[0];
        }
        {
          const int e319 = lid;
          if (e319 < 1) {
            pr21[0] = wf[10445 + 0];
            wf[10437 + 0] = pr29[0];
          }
        }
        {
          const int e320 = lid;
          const int e320_1 = e320 % 128;
          wf[9920 + e320_1] = pr5[0];
        }
        {
          const int e321 = lid;
          if (e321 < 1) {
            pr22[0] = wf[10446 + 0];
            wf[10438 + 0] = pr30[0];
          }
        }
        {
          const int e322 = lid;
          const int e322_1 = e322 % 128;
          wf[10048 + e322_1] = pr6[0];
        }
        {
          const int e323 = lid;
          if (e323 < 1) {
            pr23[0] = wf[192 + 0];
            wf[10439 + 0] = pr31[0];
          }
        }
        __syncthreads();
        {
          const int e324 = lid;
          const int e324_1 = e324 % 128;
          wf[10176 + e324_1] = wf[0 + e324_1];
        }
        __syncthreads();
      }
      {
        const int e325 = lid;
        const int e325_1 = e325 % 128;
        const int a326 = v56 + 0 * 128 + e325_1 * 1;
        if (a326 >= 0 && a326 < 2048) { sf[sbf + 0 + a326] = ((wf[10432 + 0] == 0.0f) ? 0.0f : (wf[9280 + e325_1] / wf[10432 + 0])); }
      }
      {
        const int e327 = lid;
        if (e327 < 1) {
          const int a328 = i55 + 0 * 1 + 0 * 1;
          if (a328 >= 0 && a328 < 16) { sf[sbf + 2048 + a328] = ((wf[10432 + 0] == 0.0f) ? (-INFINITY) : (pr16[0] + logf(wf[10432 + 0]))); }
        }
      }
      {
        const int e329 = lid;
        const int e329_1 = e329 % 128;
        const int a330 = v56 + 0 * 128 + e329_1 * 1;
        if (a330 >= 0 && a330 < 2048) { sf[sbf + 2064 + a330] = ((wf[10433 + 0] == 0.0f) ? 0.0f : (wf[9408 + e329_1] / wf[10433 + 0])); }
      }
      {
        const int e331 = lid;
        if (e331 < 1) {
          const int a332 = i55 + 0 * 1 + 0 * 1;
          if (a332 >= 0 && a332 < 16) { sf[sbf + 4112 + a332] = ((wf[10433 + 0] == 0.0f) ? (-INFINITY) : (pr17[0] + logf(wf[10433 + 0]))); }
        }
      }
      {
        const int e333 = lid;
        const int e333_1 = e333 % 128;
        const int a334 = v56 + 0 * 128 + e333_1 * 1;
        if (a334 >= 0 && a334 < 2048) { sf[sbf + 4128 + a334] = ((wf[10434 + 0] == 0.0f) ? 0.0f : (wf[9536 + e333_1] / wf[10434 + 0])); }
      }
      {
        const int e335 = lid;
        if (e335 < 1) {
          const int a336 = i55 + 0 * 1 + 0 * 1;
          if (a336 >= 0 && a336 < 16) { sf[sbf + 6176 + a336] = ((wf[10434 + 0] == 0.0f) ? (-INFINITY) : (pr18[0] + logf(wf[10434 + 0]))); }
        }
      }
      {
        const int e337 = lid;
        const int e337_1 = e337 % 128;
        const int a338 = v56 + 0 * 128 + e337_1 * 1;
        if (a338 >= 0 && a338 < 2048) { sf[sbf + 6192 + a338] = ((wf[10435 + 0] == 0.0f) ? 0.0f : (wf[9664 + e337_1] / wf[10435 + 0])); }
      }
      {
        const int e339 = lid;
        if (e339 < 1) {
          const int a340 = i55 + 0 * 1 + 0 * 1;
          if (a340 >= 0 && a340 < 16) { sf[sbf + 8240 + a340] = ((wf[10435 + 0] == 0.0f) ? (-INFINITY) : (pr19[0] + logf(wf[10435 + 0]))); }
        }
      }
      {
        const int e341 = lid;
        const int e341_1 = e341 % 128;
        const int a342 = v56 + 0 * 128 + e341_1 * 1;
        if (a342 >= 0 && a342 < 2048) { sf[sbf + 8256 + a342] = ((wf[10436 + 0] == 0.0f) ? 0.0f : (wf[9792 + e341_1] / wf[10436 + 0])); }
      }
      {
        const int e343 = lid;
        if (e343 < 1) {
          const int a344 = i55 + 0 * 1 + 0 * 1;
          if (a344 >= 0 && a344 < 16) { sf[sbf + 10304 + a344] = ((wf[10436 + 0] == 0.0f) ? (-INFINITY) : (pr20[0] + logf(wf[10436 + 0]))); }
        }
      }
      {
        const int e345 = lid;
        const int e345_1 = e345 % 128;
        const int a346 = v56 + 0 * 128 + e345_1 * 1;
        if (a346 >= 0 && a346 < 2048) { sf[sbf + 10320 + a346] = ((wf[10437 + 0] == 0.0f) ? 0.0f : (wf[9920 + e345_1] / wf[10437 + 0])); }
      }
      {
        const int e347 = lid;
        if (e347 < 1) {
          const int a348 = i55 + 0 * 1 + 0 * 1;
          if (a348 >= 0 && a348 < 16) { sf[sbf + 12368 + a348] = ((wf[10437 + 0] == 0.0f) ? (-INFINITY) : (pr21[0] + logf(wf[10437 + 0]))); }
        }
      }
      {
        const int e349 = lid;
        const int e349_1 = e349 % 128;
        const int a350 = v56 + 0 * 128 + e349_1 * 1;
        if (a350 >= 0 && a350 < 2048) { sf[sbf + 12384 + a350] = ((wf[10438 + 0] == 0.0f) ? 0.0f : (wf[10048 + e349_1] / wf[10438 + 0])); }
      }
      {
        const int e351 = lid;
        if (e351 < 1) {
          const int a352 = i55 + 0 * 1 + 0 * 1;
          if (a352 >= 0 && a352 < 16) { sf[sbf + 14432 + a352] = ((wf[10438 + 0] == 0.0f) ? (-INFINITY) : (pr22[0] + logf(wf[10438 + 0]))); }
        }
      }
      {
        const int e353 = lid;
        const int e353_1 = e353 % 128;
        const int a354 = v56 + 0 * 128 + e353_1 * 1;
        if (a354 >= 0 && a354 < 2048) { sf[sbf + 14448 + a354] = ((wf[10439 + 0] == 0.0f) ? 0.0f : (wf[10176 + e353_1] / wf[10439 + 0])); }
      }
      {
        const int e355 = lid;
        if (e355 < 1) {
          const int a356 = i55 + 0 * 1 + 0 * 1;
          if (a356 >= 0 && a356 < 16) { sf[sbf + 16496 + a356] = ((wf[10439 + 0] == 0.0f) ? (-INFINITY) : (pr23[0] + logf(wf[10439 + 0]))); }
        }
      }
      __syncthreads();
    }
    {
      const int e357 = lid;
      if (e357 < 1) {
        wf[2048 + 0] = (-INFINITY);
        wf[2049 + 0] = 0.0f;
      }
    }
    {
      const int e358 = lid;
      const int e358_1 = e358 % 128;
      wf[0 + e358_1] = 0.0f;
    }
    {
      const int e359 = lid;
      if (e359 < 1) {
        wf[2050 + 0] = (-INFINITY);
        wf[2051 + 0] = 0.0f;
      }
    }
    {
      const int e360 = lid;
      const int e360_1 = e360 % 128;
      wf[128 + e360_1] = 0.0f;
    }
    {
      const int e361 = lid;
      if (e361 < 1) {
        wf[2052 + 0] = (-INFINITY);
        wf[2053 + 0] = 0.0f;
      }
    }
    {
      const int e362 = lid;
      const int e362_1 = e362 % 128;
      wf[256 + e362_1] = 0.0f;
    }
    {
      const int e363 = lid;
      if (e363 < 1) {
        wf[2054 + 0] = (-INFINITY);
        wf[2055 + 0] = 0.0f;
      }
    }
    {
      const int e364 = lid;
      const int e364_1 = e364 % 128;
      wf[384 + e364_1] = 0.0f;
    }
    {
      const int e365 = lid;
      if (e365 < 1) {
        wf[2056 + 0] = (-INFINITY);
        wf[2057 + 0] = 0.0f;
      }
    }
    {
      const int e366 = lid;
      const int e366_1 = e366 % 128;
      wf[512 + e366_1] = 0.0f;
    }
    {
      const int e367 = lid;
      if (e367 < 1) {
        wf[2058 + 0] = (-INFINITY);
        wf[2059 + 0] = 0.0f;
      }
    }
    {
      const int e368 = lid;
      const int e368_1 = e368 % 128;
      wf[640 + e368_1] = 0.0f;
    }
    {
      const int e369 = lid;
      if (e369 < 1) {
        wf[2060 + 0] = (-INFINITY);
        wf[2061 + 0] = 0.0f;
      }
    }
    {
      const int e370 = lid;
      const int e370_1 = e370 % 128;
      wf[768 + e370_1] = 0.0f;
    }
    {
      const int e371 = lid;
      if (e371 < 1) {
        wf[2062 + 0] = (-INFINITY);
        wf[2063 + 0] = 0.0f;
      }
    }
    {
      const int e372 = lid;
      const int e372_1 = e372 % 128;
      wf[896 + e372_1] = 0.0f;
    }
    __syncthreads();
    for (int i373 = 0; i373 < 16; i373++) {
      const int v375 = (i373 * 128);
      {
        const int e374 = lid;
        if (e374 < 1) {
          wf[2064 + 0] = sp_max(wf[2048 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 2048 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1152 + 0] = sp_softmax_exp(wf[2048 + 0], wf[2064 + 0]);
          wf[1153 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 2048 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2064 + 0]);
          wf[2065 + 0] = (wf[2049 + 0] * wf[1152 + 0] + wf[1153 + 0]);
        }
      }
      __syncthreads();
      {
        const int e376 = lid;
        const int e376_1 = e376 % 128;
        wf[1024 + e376_1] = (wf[0 + e376_1] * wf[1152 + 0] + ((((v375 + 0 * 128 + e376_1)) >= 0 && ((v375 + 0 * 128 + e376_1)) < 2048 ? sf[sbf + 0 + sp_clamp((v375 + 0 * 128 + e376_1), 0, 2047)] : 0.0f) * wf[1153 + 0]));
      }
      {
        const int e377 = lid;
        if (e377 < 1) {
          wf[2066 + 0] = sp_max(wf[2050 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 4112 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1280 + 0] = sp_softmax_exp(wf[2050 + 0], wf[2066 + 0]);
          wf[1281 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 4112 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2066 + 0]);
          wf[2067 + 0] = (wf[2051 + 0] * wf[1280 + 0] + wf[1281 + 0]);
        }
      }
      __syncthreads();
      {
        const int e378 = lid;
        const int e378_1 = e378 % 128;
        wf[1152 + e378_1] = (wf[128 + e378_1] * wf[1280 + 0] + ((((v375 + 0 * 128 + e378_1)) >= 0 && ((v375 + 0 * 128 + e378_1)) < 2048 ? sf[sbf + 2064 + sp_clamp((v375 + 0 * 128 + e378_1), 0, 2047)] : 0.0f) * wf[1281 + 0]));
      }
      {
        const int e379 = lid;
        if (e379 < 1) {
          wf[2068 + 0] = sp_max(wf[2052 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 6176 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1408 + 0] = sp_softmax_exp(wf[2052 + 0], wf[2068 + 0]);
          wf[1409 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 6176 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2068 + 0]);
          wf[2069 + 0] = (wf[2053 + 0] * wf[1408 + 0] + wf[1409 + 0]);
        }
      }
      __syncthreads();
      {
        const int e380 = lid;
        const int e380_1 = e380 % 128;
        wf[1280 + e380_1] = (wf[256 + e380_1] * wf[1408 + 0] + ((((v375 + 0 * 128 + e380_1)) >= 0 && ((v375 + 0 * 128 + e380_1)) < 2048 ? sf[sbf + 4128 + sp_clamp((v375 + 0 * 128 + e380_1), 0, 2047)] : 0.0f) * wf[1409 + 0]));
      }
      {
        const int e381 = lid;
        if (e381 < 1) {
          wf[2070 + 0] = sp_max(wf[2054 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 8240 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1536 + 0] = sp_softmax_exp(wf[2054 + 0], wf[2070 + 0]);
          wf[1537 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 8240 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2070 + 0]);
          wf[2071 + 0] = (wf[2055 + 0] * wf[1536 + 0] + wf[1537 + 0]);
        }
      }
      __syncthreads();
      {
        const int e382 = lid;
        const int e382_1 = e382 % 128;
        wf[1408 + e382_1] = (wf[384 + e382_1] * wf[1536 + 0] + ((((v375 + 0 * 128 + e382_1)) >= 0 && ((v375 + 0 * 128 + e382_1)) < 2048 ? sf[sbf + 6192 + sp_clamp((v375 + 0 * 128 + e382_1), 0, 2047)] : 0.0f) * wf[1537 + 0]));
      }
      {
        const int e383 = lid;
        if (e383 < 1) {
          wf[2072 + 0] = sp_max(wf[2056 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 10304 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1664 + 0] = sp_softmax_exp(wf[2056 + 0], wf[2072 + 0]);
          wf[1665 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 10304 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2072 + 0]);
          wf[2073 + 0] = (wf[2057 + 0] * wf[1664 + 0] + wf[1665 + 0]);
        }
      }
      __syncthreads();
      {
        const int e384 = lid;
        const int e384_1 = e384 % 128;
        wf[1536 + e384_1] = (wf[512 + e384_1] * wf[1664 + 0] + ((((v375 + 0 * 128 + e384_1)) >= 0 && ((v375 + 0 * 128 + e384_1)) < 2048 ? sf[sbf + 8256 + sp_clamp((v375 + 0 * 128 + e384_1), 0, 2047)] : 0.0f) * wf[1665 + 0]));
      }
      {
        const int e385 = lid;
        if (e385 < 1) {
          wf[2074 + 0] = sp_max(wf[2058 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 12368 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1792 + 0] = sp_softmax_exp(wf[2058 + 0], wf[2074 + 0]);
          wf[1793 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 12368 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2074 + 0]);
          wf[2075 + 0] = (wf[2059 + 0] * wf[1792 + 0] + wf[1793 + 0]);
        }
      }
      __syncthreads();
      {
        const int e386 = lid;
        const int e386_1 = e386 % 128;
        wf[1664 + e386_1] = (wf[640 + e386_1] * wf[1792 + 0] + ((((v375 + 0 * 128 + e386_1)) >= 0 && ((v375 + 0 * 128 + e386_1)) < 2048 ? sf[sbf + 10320 + sp_clamp((v375 + 0 * 128 + e386_1), 0, 2047)] : 0.0f) * wf[1793 + 0]));
      }
      {
        const int e387 = lid;
        if (e387 < 1) {
          wf[2076 + 0] = sp_max(wf[2060 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 14432 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[1920 + 0] = sp_softmax_exp(wf[2060 + 0], wf[2076 + 0]);
          wf[1921 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 14432 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2076 + 0]);
          wf[2077 + 0] = (wf[2061 + 0] * wf[1920 + 0] + wf[1921 + 0]);
        }
      }
      __syncthreads();
      {
        const int e388 = lid;
        const int e388_1 = e388 % 128;
        wf[1792 + e388_1] = (wf[768 + e388_1] * wf[1920 + 0] + ((((v375 + 0 * 128 + e388_1)) >= 0 && ((v375 + 0 * 128 + e388_1)) < 2048 ? sf[sbf + 12384 + sp_clamp((v375 + 0 * 128 + e388_1), 0, 2047)] : 0.0f) * wf[1921 + 0]));
      }
      {
        const int e389 = lid;
        if (e389 < 1) {
          wf[2078 + 0] = sp_max(wf[2062 + 0], (((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 16496 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f));
          wf[2079 + 0] = sp_softmax_exp(wf[2062 + 0], wf[2078 + 0]);
          wf[2080 + 0] = sp_softmax_exp((((i373 + 0 + 0)) >= 0 && ((i373 + 0 + 0)) < 16 ? sf[sbf + 16496 + sp_clamp((i373 + 0 + 0), 0, 15)] : 0.0f), wf[2078 + 0]);
          wf[2081 + 0] = (wf[2063 + 0] * wf[2079 + 0] + wf[2080 + 0]);
        }
      }
      __syncthreads();
      {
        const int e390 = lid;
        const int e390_1 = e390 % 128;
        wf[1920 + e390_1] = (wf[896 + e390_1] * wf[2079 + 0] + ((((v375 + 0 * 128 + e390_1)) >= 0 && ((v375 + 0 * 128 + e390_1)) < 2048 ? sf[sbf + 14448 + sp_clamp((v375 + 0 * 128 + e390_1), 0, 2047)] : 0.0f) * wf[2080 + 0]));
      }
      {
        const int e391 = lid;
        if (e391 < 1) {
          wf[2048 + 0] = wf[2064 + 0];
          wf[2049 + 0] = wf[2065 + 0];
        }
      }
      {
        const int e392 = lid;
        const int e392_1 = e392 % 128;
        wf[0 + e392_1] = wf[1024 + e392_1];
      }
      {
        const int e393 = lid;
        if (e393 < 1) {
          wf[2050 + 0] = wf[2066 + 0];
          wf[2051 + 0] = wf[2067 + 0];
        }
      }
      {
        const int e394 = lid;
        const int e394_1 = e394 % 128;
        wf[128 + e394_1] = wf[1152 + e394_1];
      }
      {
        const int e395 = lid;
        if (e395 < 1) {
          wf[2052 + 0] = wf[2068 + 0];
          wf[2053 + 0] = wf[2069 + 0];
        }
      }
      {
        const int e396 = lid;
        const int e396_1 = e396 % 128;
        wf[256 + e396_1] = wf[1280 + e396_1];
      }
      {
        const int e397 = lid;
        if (e397 < 1) {
          wf[2054 + 0] = wf[2070 + 0];
          wf[2055 + 0] = wf[2071 + 0];
        }
      }
      {
        const int e398 = lid;
        const int e398_1 = e398 % 128;
        wf[384 + e398_1] = wf[1408 + e398_1];
      }
      {
        const int e399 = lid;
        if (e399 < 1) {
          wf[2056 + 0] = wf[2072 + 0];
          wf[2057 + 0] = wf[2073 + 0];
        }
      }
      {
        const int e400 = lid;
        const int e400_1 = e400 % 128;
        wf[512 + e400_1] = wf[1536 + e400_1];
      }
      {
        const int e401 = lid;
        if (e401 < 1) {
          wf[2058 + 0] = wf[2074 + 0];
          wf[2059 + 0] = wf[2075 + 0];
        }
      }
      {
        const int e402 = lid;
        const int e402_1 = e402 % 128;
        wf[640 + e402_1] = wf[1664 + e402_1];
      }
      {
        const int e403 = lid;
        if (e403 < 1) {
          wf[2060 + 0] = wf[2076 + 0];
          wf[2061 + 0] = wf[2077 + 0];
        }
      }
      {
        const int e404 = lid;
        const int e404_1 = e404 % 128;
        wf[768 + e404_1] = wf[1792 + e404_1];
      }
      {
        const int e405 = lid;
        if (e405 < 1) {
          wf[2062 + 0] = wf[2078 + 0];
          wf[2063 + 0] = wf[2081 + 0];
        }
      }
      {
        const int e406 = lid;
        const int e406_1 = e406 % 128;
        wf[896 + e406_1] = wf[1920 + e406_1];
      }
      __syncthreads();
    }
    {
      const int e407 = lid;
      const int e407_1 = e407 % 128;
      const int a408 = v37 + 0 * 128 + e407_1 * 1;
      if (0 < v39) { if (a408 >= 0 && a408 < n_out) { g_out[a408] = sp_f32_to_f16(((wf[2049 + 0] == 0.0f) ? 0.0f : (wf[0 + e407_1] / wf[2049 + 0]))); } }
    }
    {
      const int e409 = lid;
      if (e409 < 1) {
        const int a410 = v36 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a410 >= 0 && a410 < n_lse) { g_lse[a410] = ((wf[2049 + 0] == 0.0f) ? (-INFINITY) : (wf[2048 + 0] + logf(wf[2049 + 0]))); } }
      }
    }
    {
      const int e411 = lid;
      const int e411_1 = e411 % 128;
      const int a412 = v41 + 0 * 128 + e411_1 * 1;
      if (0 < v39) { if (a412 >= 0 && a412 < n_out) { g_out[a412] = sp_f32_to_f16(((wf[2051 + 0] == 0.0f) ? 0.0f : (wf[128 + e411_1] / wf[2051 + 0]))); } }
    }
    {
      const int e413 = lid;
      if (e413 < 1) {
        const int a414 = v40 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a414 >= 0 && a414 < n_lse) { g_lse[a414] = ((wf[2051 + 0] == 0.0f) ? (-INFINITY) : (wf[2050 + 0] + logf(wf[2051 + 0]))); } }
      }
    }
    {
      const int e415 = lid;
      const int e415_1 = e415 % 128;
      const int a416 = v43 + 0 * 128 + e415_1 * 1;
      if (0 < v39) { if (a416 >= 0 && a416 < n_out) { g_out[a416] = sp_f32_to_f16(((wf[2053 + 0] == 0.0f) ? 0.0f : (wf[256 + e415_1] / wf[2053 + 0]))); } }
    }
    {
      const int e417 = lid;
      if (e417 < 1) {
        const int a418 = v42 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a418 >= 0 && a418 < n_lse) { g_lse[a418] = ((wf[2053 + 0] == 0.0f) ? (-INFINITY) : (wf[2052 + 0] + logf(wf[2053 + 0]))); } }
      }
    }
    {
      const int e419 = lid;
      const int e419_1 = e419 % 128;
      const int a420 = v45 + 0 * 128 + e419_1 * 1;
      if (0 < v39) { if (a420 >= 0 && a420 < n_out) { g_out[a420] = sp_f32_to_f16(((wf[2055 + 0] == 0.0f) ? 0.0f : (wf[384 + e419_1] / wf[2055 + 0]))); } }
    }
    {
      const int e421 = lid;
      if (e421 < 1) {
        const int a422 = v44 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a422 >= 0 && a422 < n_lse) { g_lse[a422] = ((wf[2055 + 0] == 0.0f) ? (-INFINITY) : (wf[2054 + 0] + logf(wf[2055 + 0]))); } }
      }
    }
    {
      const int e423 = lid;
      const int e423_1 = e423 % 128;
      const int a424 = v47 + 0 * 128 + e423_1 * 1;
      if (0 < v39) { if (a424 >= 0 && a424 < n_out) { g_out[a424] = sp_f32_to_f16(((wf[2057 + 0] == 0.0f) ? 0.0f : (wf[512 + e423_1] / wf[2057 + 0]))); } }
    }
    {
      const int e425 = lid;
      if (e425 < 1) {
        const int a426 = v46 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a426 >= 0 && a426 < n_lse) { g_lse[a426] = ((wf[2057 + 0] == 0.0f) ? (-INFINITY) : (wf[2056 + 0] + logf(wf[2057 + 0]))); } }
      }
    }
    {
      const int e427 = lid;
      const int e427_1 = e427 % 128;
      const int a428 = v49 + 0 * 128 + e427_1 * 1;
      if (0 < v39) { if (a428 >= 0 && a428 < n_out) { g_out[a428] = sp_f32_to_f16(((wf[2059 + 0] == 0.0f) ? 0.0f : (wf[640 + e427_1] / wf[2059 + 0]))); } }
    }
    {
      const int e429 = lid;
      if (e429 < 1) {
        const int a430 = v48 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a430 >= 0 && a430 < n_lse) { g_lse[a430] = ((wf[2059 + 0] == 0.0f) ? (-INFINITY) : (wf[2058 + 0] + logf(wf[2059 + 0]))); } }
      }
    }
    {
      const int e431 = lid;
      const int e431_1 = e431 % 128;
      const int a432 = v51 + 0 * 128 + e431_1 * 1;
      if (0 < v39) { if (a432 >= 0 && a432 < n_out) { g_out[a432] = sp_f32_to_f16(((wf[2061 + 0] == 0.0f) ? 0.0f : (wf[768 + e431_1] / wf[2061 + 0]))); } }
    }
    {
      const int e433 = lid;
      if (e433 < 1) {
        const int a434 = v50 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a434 >= 0 && a434 < n_lse) { g_lse[a434] = ((wf[2061 + 0] == 0.0f) ? (-INFINITY) : (wf[2060 + 0] + logf(wf[2061 + 0]))); } }
      }
    }
    {
      const int e435 = lid;
      const int e435_1 = e435 % 128;
      const int a436 = v53 + 0 * 128 + e435_1 * 1;
      if (0 < v39) { if (a436 >= 0 && a436 < n_out) { g_out[a436] = sp_f32_to_f16(((wf[2063 + 0] == 0.0f) ? 0.0f : (wf[896 + e435_1] / wf[2063 + 0]))); } }
    }
    {
      const int e437 = lid;
      if (e437 < 1) {
        const int a438 = v52 + 0 * 1 + 0 * 1;
        if (0 < v39) { if (a438 >= 0 && a438 < n_lse) { g_lse[a438] = ((wf[2063 + 0] == 0.0f) ? (-INFINITY) : (wf[2062 + 0] + logf(wf[2063 + 0]))); } }
      }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_mqa_decode_workspace_bytes(int blocks) { return (size_t)blocks * 66052; }

/** Launches mqa_decode on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_mqa_decode_run(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 16512);
  return SPARSEC_LAUNCH(sparsec_mqa_decode_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_q, n_q, g_v, n_v, g_lse, n_lse, g_out, n_out, s_batch, s_kv_len, sf, si);
}

extern "C" cudaError_t sparsec_mqa_decode_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_mqa_decode_run((const unsigned short*)buffers[0], lengths[0], (const unsigned short*)buffers[1], lengths[1], (const unsigned short*)buffers[2], lengths[2], (float*)buffers[3], lengths[3], (unsigned short*)buffers[4], lengths[4], scalars[0], scalars[1], workspace, blocks, stream);
}
