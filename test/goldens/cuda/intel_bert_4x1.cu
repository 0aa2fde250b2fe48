// sparsec: kernel intel_bert_4x1 (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_intel_bert_4x1_kernel(const float* __restrict__ g_bias, int n_bias, const int* __restrict__ g_w_cols, int n_w_cols, const int* __restrict__ g_w_rowptr, int n_w_rowptr, const float* __restrict__ g_w_values, int n_w_values, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, int s_m, int s_w_nnz, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 1;
  const int sbi = wid * 1;
  __shared__ float wf[2176];
  __shared__ int wi[64];
  float pr0[2];
  float pr1[2];
  const int v0 = (s_m + 63);
  const int v1 = sp_floor_div(v0, 64);
  const int v3 = (s_m * 256);
  {
    const int e2 = lid;
    if (e2 < 32) {
      const int e2_1 = e2 % 32;
      wi[0 + e2_1] = sp_floor_div(e2_1, 1);
    }
  }
  const int n4 = sp_max(0, v1 - 0);
  const int n5 = sp_max(0, 256 - 0);
  const int tasks = n4 * n5;
  __syncthreads();
  for (int task = wid; task < tasks; task += nblocks) {
    const int g7 = 0 + (task / (n5));
    const int g6 = 0 + task % n5;
    const int v8 = (g7 * 64);
    const int v9 = (v8 * 1024);
    const int v10 = (s_m - v8);
    const int v11 = sp_min(64, v10);
    const int v12 = (g6 * 4);
    const int v13 = (v9 + v12);
    const int v14 = (1024 - v12);
    const int v15 = sp_min(4, v14);
    const int v16 = (g6 + 1);
    const int v17 = ((v16) >= 0 && (v16) < 257 ? sp_rd_i32(g_w_rowptr, n_w_rowptr, v16) : 0);
    const int v18 = ((g6) >= 0 && (g6) < 257 ? sp_rd_i32(g_w_rowptr, n_w_rowptr, g6) : 0);
    const int v19 = (v17 - v18);
    const int v20 = (v19 + 31);
    const int v21 = sp_floor_div(v20, 32);
    for (int j23 = 0; j23 < 2; j23++) {
      const int e22 = lid + j23 * 128;
      pr0[j23] = 0.0f;
    }
    for (int i24 = 0; i24 < v21; i24++) {
      const int v25 = (i24 * 32);
      const int v26 = (v18 + v25);
      const int v27 = (v17 - v26);
      const int v28 = sp_min(32, v27);
      {
        const int e29 = lid;
        if (e29 < 32) {
          const int e29_1 = e29 % 32;
          wi[32 + e29_1] = (((((v26 + wi[0 + e29_1])) >= 0 && ((v26 + wi[0 + e29_1])) < s_w_nnz ? sp_rd_i32(g_w_cols, n_w_cols, (v26 + wi[0 + e29_1])) : 0) * 1) + sp_floor_mod(e29_1, 1));
        }
      }
      __syncthreads();
      const int v32 = (v26 * 4);
      for (int j31 = 0; j31 < 16; j31++) {
        const int e30 = lid + j31 * 128;
        const int e30_0 = (e30 / 32);
        const int e30_1 = e30 % 32;
        wf[0 + e30_0 * 32 + e30_1] = ((((((wi[0 + e30_1] < v28) && (wi[32 + e30_1] < 256)) && ((e30_0 + v8) < s_m)) ? (((e30_0 + v8) * 256) + wi[32 + e30_1]) : (-1))) >= 0 && (((((wi[0 + e30_1] < v28) && (wi[32 + e30_1] < 256)) && ((e30_0 + v8) < s_m)) ? (((e30_0 + v8) * 256) + wi[32 + e30_1]) : (-1))) < v3 ? sp_rd_f32(g_x, n_x, ((((wi[0 + e30_1] < v28) && (wi[32 + e30_1] < 256)) && ((e30_0 + v8) < s_m)) ? (((e30_0 + v8) * 256) + wi[32 + e30_1]) : (-1))) : 0.0f);
      }
      {
        const int e33 = lid;
        const int e33_0 = (e33 / 32);
        const int e33_1 = e33 % 32;
        wf[2048 + e33_0 * 32 + e33_1] = ((e33_1 < v28) ? sp_rd_f32(g_w_values, n_w_values, (v32 + e33_0 + e33_1 * 4 + 0)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr34 = lid / 4;
        const int dc35 = lid % 4;
        pr1[0] = pr0[0];
        pr1[1] = pr0[1];
        for (int k36 = 0; k36 < 32; k36++) {
          const auto o37 = wf[0 + (dr34 + 0) * 32 + k36];
          const auto o38 = wf[2048 + dc35 * 32 + k36];
          const auto o39 = wf[0 + (dr34 + 32) * 32 + k36];
          pr1[0] = pr1[0] + o37 * o38;
          pr1[1] = pr1[1] + o39 * o38;
        }
      }
      for (int j41 = 0; j41 < 2; j41++) {
        const int e40 = lid + j41 * 128;
        pr0[j41] = pr1[j41];
      }
      __syncthreads();
    }
    for (int j43 = 0; j43 < 2; j43++) {
      const int e42 = lid + j43 * 128;
      const int e42_0 = (e42 / 4);
      const int e42_1 = e42 % 4;
      const int a44 = v13 + e42_0 * 1024 + e42_1 * 1;
      if (e42_0 < v11 && e42_1 < v15) { if (a44 >= 0 && a44 < n_y) { g_y[a44] = ((0.5f * (pr0[j43] + ((e42_1 < v15) ? sp_rd_f32(g_bias, n_bias, (v12 + e42_1)) : 0.0f))) * (1.0f + erff(((pr0[j43] + ((e42_1 < v15) ? sp_rd_f32(g_bias, n_bias, (v12 + e42_1)) : 0.0f)) * 0.7071067690849304f)))); } }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_intel_bert_4x1_workspace_bytes(int blocks) { return (size_t)blocks * 8; }

/** Launches intel_bert_4x1 on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_intel_bert_4x1_run(const float* __restrict__ g_bias, int n_bias, const int* __restrict__ g_w_cols, int n_w_cols, const int* __restrict__ g_w_rowptr, int n_w_rowptr, const float* __restrict__ g_w_values, int n_w_values, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, int s_m, int s_w_nnz, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 1);
  return SPARSEC_LAUNCH(sparsec_intel_bert_4x1_kernel, dim3(blocks), dim3(128), 0, stream, g_bias, n_bias, g_w_cols, n_w_cols, g_w_rowptr, n_w_rowptr, g_w_values, n_w_values, g_x, n_x, g_y, n_y, s_m, s_w_nnz, sf, si);
}

extern "C" cudaError_t sparsec_intel_bert_4x1_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_intel_bert_4x1_run((const float*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const float*)buffers[3], lengths[3], (const float*)buffers[4], lengths[4], (float*)buffers[5], lengths[5], scalars[0], scalars[1], workspace, blocks, stream);
}
