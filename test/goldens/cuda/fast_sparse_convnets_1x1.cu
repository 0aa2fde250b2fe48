// sparsec: kernel fast_sparse_convnets_1x1 (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_fast_sparse_convnets_1x1_kernel(const float* __restrict__ g_bias, int n_bias, const int* __restrict__ g_w_indices, int n_w_indices, const int* __restrict__ g_w_indptr, int n_w_indptr, const float* __restrict__ g_w_values, int n_w_values, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, int s_w_nnz, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 1;
  const int sbi = wid * 1;
  __shared__ float wf[2144];
  __shared__ int wi[64];
  float pr0[1];
  {
    const int e0 = lid;
    if (e0 < 32) {
      const int e0_1 = e0 % 32;
      wi[0 + e0_1] = sp_floor_div(e0_1, 1);
    }
  }
  const int n1 = sp_max(0, 4 - 0);
  const int n2 = sp_max(0, 512 - 0);
  const int tasks = n1 * n2;
  __syncthreads();
  for (int task = wid; task < tasks; task += nblocks) {
    const int g4 = 0 + (task / (n2));
    const int g3 = 0 + task % n2;
    const int v5 = (g4 * 64);
    const int v6 = (v5 * 512);
    const int v7 = (196 - v5);
    const int v8 = sp_min(64, v7);
    const int v9 = (v6 + g3);
    const int v10 = (512 - g3);
    const int v11 = sp_min(1, v10);
    const int v12 = (g3 + 1);
    const int v13 = ((v12) >= 0 && (v12) < 513 ? sp_rd_i32(g_w_indptr, n_w_indptr, v12) : 0);
    const int v14 = ((g3) >= 0 && (g3) < 513 ? sp_rd_i32(g_w_indptr, n_w_indptr, g3) : 0);
    const int v15 = (v13 - v14);
    const int v16 = (v15 + 31);
    const int v17 = sp_floor_div(v16, 32);
    {
      const int e18 = lid;
      if (e18 < 64) {
        const int e18_0 = e18;
        wf[2048 + e18_0] = 0.0f;
      }
    }
    __syncthreads();
    for (int i19 = 0; i19 < v17; i19++) {
      const int v20 = (i19 * 32);
      const int v21 = (v14 + v20);
      const int v22 = (v13 - v21);
      const int v23 = sp_min(32, v22);
      {
        const int e24 = lid;
        if (e24 < 32) {
          const int e24_1 = e24 % 32;
          wi[32 + e24_1] = (((((v21 + wi[0 + e24_1])) >= 0 && ((v21 + wi[0 + e24_1])) < s_w_nnz ? sp_rd_i32(g_w_indices, n_w_indices, (v21 + wi[0 + e24_1])) : 0) * 1) + sp_floor_mod(e24_1, 1));
        }
      }
      __syncthreads();
      for (int j26 = 0; j26 < 16; j26++) {
        const int e25 = lid + j26 * 128;
        const int e25_0 = (e25 / 32);
        const int e25_1 = e25 % 32;
        wf[0 + e25_0 * 32 + e25_1] = ((((((wi[0 + e25_1] < v23) && (wi[32 + e25_1] < 256)) && ((e25_0 + v5) < 196)) ? (((e25_0 + v5) * 256) + wi[32 + e25_1]) : (-1))) >= 0 && (((((wi[0 + e25_1] < v23) && (wi[32 + e25_1] < 256)) && ((e25_0 + v5) < 196)) ? (((e25_0 + v5) * 256) + wi[32 + e25_1]) : (-1))) < 50176 ? sp_rd_f32(g_x, n_x, ((((wi[0 + e25_1] < v23) && (wi[32 + e25_1] < 256)) && ((e25_0 + v5) < 196)) ? (((e25_0 + v5) * 256) + wi[32 + e25_1]) : (-1))) : 0.0f);
      }
      {
        const int e27 = lid;
        if (e27 < 32) {
          const int e27_1 = e27 % 32;
          wf[2112 + e27_1] = ((e27_1 < v23) ? sp_rd_f32(g_w_values, n_w_values, (v21 + 0 + e27_1 + 0)) : 0.0f);
        }
      }
      __syncthreads();
      {
        pr0[0] = wf[2048 + (((lid + 0 < 64 ? lid + 0 : 63)) / 1)];
        for (int k30 = 0; k30 < 32; k30++) {
          const auto o31 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) / 1) * 32 + k30];
          const auto o32 = wf[2112 + k30];
          pr0[0] = pr0[0] + o31 * o32;
        }
      }
      __syncthreads();
      {
        const int e33 = lid;
        if (e33 < 64) {
          const int e33_0 = e33;
          wf[2048 + e33_0] = pr0[0];
        }
      }
      __syncthreads();
    }
    {
      const int e34 = lid;
      if (e34 < 64) {
        const int e34_0 = e34;
        const int a35 = v9 + e34_0 * 512 + 0 * 1;
        if (e34_0 < v8 && 0 < v11) { if (a35 >= 0 && a35 < n_y) { g_y[a35] = sp_max((wf[2048 + e34_0] + ((0 < v11) ? sp_rd_f32(g_bias, n_bias, (g3 + 0)) : 0.0f)), 0.0f); } }
      }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_fast_sparse_convnets_1x1_workspace_bytes(int blocks) { return (size_t)blocks * 8; }

/** Launches fast_sparse_convnets_1x1 on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_fast_sparse_convnets_1x1_run(const float* __restrict__ g_bias, int n_bias, const int* __restrict__ g_w_indices, int n_w_indices, const int* __restrict__ g_w_indptr, int n_w_indptr, const float* __restrict__ g_w_values, int n_w_values, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, int s_w_nnz, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 1);
  return SPARSEC_LAUNCH(sparsec_fast_sparse_convnets_1x1_kernel, dim3(blocks), dim3(128), 0, stream, g_bias, n_bias, g_w_indices, n_w_indices, g_w_indptr, n_w_indptr, g_w_values, n_w_values, g_x, n_x, g_y, n_y, s_w_nnz, sf, si);
}

extern "C" cudaError_t sparsec_fast_sparse_convnets_1x1_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_fast_sparse_convnets_1x1_run((const float*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const float*)buffers[3], lengths[3], (const float*)buffers[4], lengths[4], (float*)buffers[5], lengths[5], scalars[0], workspace, blocks, stream);
}
