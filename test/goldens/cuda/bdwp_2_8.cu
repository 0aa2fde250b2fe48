// sparsec: kernel bdwp_2_8 (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_bdwp_2_8_kernel(const int* __restrict__ g_w_indices, int n_w_indices, const float* __restrict__ g_w_values, int n_w_values, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 1;
  const int sbi = wid * 1;
  __shared__ float wf[6144];
  float pr0[32];
  const int n0 = sp_max(0, 1 - 0);
  const int n1 = sp_max(0, 8 - 0);
  const int tasks = n0 * n1;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g3 = 0 + (task / (n1));
    const int g2 = 0 + task % n1;
    const int v4 = (g3 * 64);
    const int v5 = (v4 * 512);
    const int v6 = (64 - v4);
    const int v7 = sp_min(64, v6);
    const int v8 = (g2 * 64);
    const int v9 = (v5 + v8);
    const int v10 = (512 - v8);
    const int v11 = sp_min(64, v10);
    const int v12 = (v8 * 128);
    for (int j14 = 0; j14 < 32; j14++) {
      const int e13 = lid + j14 * 128;
      pr0[j14] = 0.0f;
    }
    for (int i15 = 0; i15 < 16; i15++) {
      const int v16 = (i15 * 32);
      const int v17 = (v5 + v16);
      const int v18 = (512 - v16);
      const int v19 = sp_min(32, v18);
      const int v20 = (i15 * 8);
      const int v21 = (v12 + v20);
      const int v22 = (i15 * 4);
      const int v23 = (64 - v22);
      const int v24 = (v23 * 2);
      const int v25 = sp_min(8, v24);
      for (int j27 = 0; j27 < 16; j27++) {
        const int e26 = lid + j27 * 128;
        const int e26_0 = (e26 / 32);
        const int e26_1 = e26 % 32;
        wf[4096 + e26_0 * 32 + e26_1] = ((e26_0 < v7 && e26_1 < v19) ? sp_rd_f32(g_x, n_x, (v17 + e26_0 * 512 + e26_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr28 = lid / 64;
        const int dc29 = lid % 64;
        float d30 = pr0[0];
        float d31 = pr0[1];
        float d32 = pr0[2];
        float d33 = pr0[3];
        float d34 = pr0[4];
        float d35 = pr0[5];
        float d36 = pr0[6];
        float d37 = pr0[7];
        float d38 = pr0[8];
        float d39 = pr0[9];
        float d40 = pr0[10];
        float d41 = pr0[11];
        float d42 = pr0[12];
        float d43 = pr0[13];
        float d44 = pr0[14];
        float d45 = pr0[15];
        float d46 = pr0[16];
        float d47 = pr0[17];
        float d48 = pr0[18];
        float d49 = pr0[19];
        float d50 = pr0[20];
        float d51 = pr0[21];
        float d52 = pr0[22];
        float d53 = pr0[23];
        float d54 = pr0[24];
        float d55 = pr0[25];
        float d56 = pr0[26];
        float d57 = pr0[27];
        float d58 = pr0[28];
        float d59 = pr0[29];
        float d60 = pr0[30];
        float d61 = pr0[31];
        for (int k62 = 0; k62 < 8; k62++) {
          const auto o63 = (k62 / 2) * 8 + ((dc29 < v11 && k62 < v25) ? sp_rd_i32(g_w_indices, n_w_indices, (v21 + dc29 * 128 + k62)) : 0);
          const auto o64 = wf[4096 + (dr28 + 0) * 32 + o63];
          const auto o65 = ((dc29 < v11 && k62 < v25) ? sp_rd_f32(g_w_values, n_w_values, (v21 + dc29 * 128 + k62)) : 0.0f);
          const auto o66 = wf[4096 + (dr28 + 2) * 32 + o63];
          const auto o67 = wf[4096 + (dr28 + 4) * 32 + o63];
          const auto o68 = wf[4096 + (dr28 + 6) * 32 + o63];
          const auto o69 = wf[4096 + (dr28 + 8) * 32 + o63];
          const auto o70 = wf[4096 + (dr28 + 10) * 32 + o63];
          const auto o71 = wf[4096 + (dr28 + 12) * 32 + o63];
          const auto o72 = wf[4096 + (dr28 + 14) * 32 + o63];
          const auto o73 = wf[4096 + (dr28 + 16) * 32 + o63];
          const auto o74 = wf[4096 + (dr28 + 18) * 32 + o63];
          const auto o75 = wf[4096 + (dr28 + 20) * 32 + o63];
          const auto o76 = wf[4096 + (dr28 + 22) * 32 + o63];
          const auto o77 = wf[4096 + (dr28 + 24) * 32 + o63];
          const auto o78 = wf[4096 + (dr28 + 26) * 32 + o63];
          const auto o79 = wf[4096 + (dr28 + 28) * 32 + o63];
          const auto o80 = wf[4096 + (dr28 + 30) * 32 + o63];
          const auto o81 = wf[4096 + (dr28 + 32) * 32 + o63];
          const auto o82 = wf[4096 + (dr28 + 34) * 32 + o63];
          const auto o83 = wf[4096 + (dr28 + 36) * 32 + o63];
          const auto o84 = wf[4096 + (dr28 + 38) * 32 + o63];
          const auto o85 = wf[4096 + (dr28 + 40) * 32 + o63];
          const auto o86 = wf[4096 + (dr28 + 42) * 32 + o63];
          const auto o87 = wf[4096 + (dr28 + 44) * 32 + o63];
          const auto o88 = wf[4096 + (dr28 + 46) * 32 + o63];
          const auto o89 = wf[4096 + (dr28 + 48) * 32 + o63];
          const auto o90 = wf[4096 + (dr28 + 50) * 32 + o63];
          const auto o91 = wf[4096 + (dr28 + 52) * 32 + o63];
          const auto o92 = wf[4096 + (dr28 + 54) * 32 + o63];
          const auto o93 = wf[4096 + (dr28 + 56) * 32 + o63];
          const auto o94 = wf[4096 + (dr28 + 58) * 32 + o63];
          const auto o95 = wf[4096 + (dr28 + 60) * 32 + o63];
          const auto o96 = wf[4096 + (dr28 + 62) * 32 + o63];
          d30 = d30 + o64 * o65;
          d31 = d31 + o66 * o65;
          d32 = d32 + o67 * o65;
          d33 = d33 + o68 * o65;
          d34 = d34 + o69 * o65;
          d35 = d35 + o70 * o65;
          d36 = d36 + o71 * o65;
          d37 = d37 + o72 * o65;
          d38 = d38 + o73 * o65;
          d39 = d39 + o74 * o65;
          d40 = d40 + o75 * o65;
          d41 = d41 + o76 * o65;
          d42 = d42 + o77 * o65;
          d43 = d43 + o78 * o65;
          d44 = d44 + o79 * o65;
          d45 = d45 + o80 * o65;
          d46 = d46 + o81 * o65;
          d47 = d47 + o82 * o65;
          d48 = d48 + o83 * o65;
          d49 = d49 + o84 * o65;
          d50 = d50 + o85 * o65;
          d51 = d51 + o86 * o65;
          d52 = d52 + o87 * o65;
          d53 = d53 + o88 * o65;
          d54 = d54 + o89 * o65;
          d55 = d55 + o90 * o65;
          d56 = d56 + o91 * o65;
          d57 = d57 + o92 * o65;
          d58 = d58 + o93 * o65;
          d59 = d59 + o94 * o65;
          d60 = d60 + o95 * o65;
          d61 = d61 + o96 * o65;
        }
        wf[0 + (dr28 + 0) * 64 + dc29] = d30;
        wf[0 + (dr28 + 2) * 64 + dc29] = d31;
        wf[0 + (dr28 + 4) * 64 + dc29] = d32;
        wf[0 + (dr28 + 6) * 64 + dc29] = d33;
        wf[0 + (dr28 + 8) * 64 + dc29] = d34;
        wf[0 + (dr28 + 10) * 64 + dc29] = d35;
        wf[0 + (dr28 + 12) * 64 + dc29] = d36;
        wf[0 + (dr28 + 14) * 64 + dc29] = d37;
        wf[0 + (dr28 + 16) * 64 + dc29] = d38;
        wf[0 + (dr28 + 18) * 64 + dc29] = d39;
        wf[0 + (dr28 + 20) * 64 + dc29] = d40;
        wf[0 + (dr28 + 22) * 64 + dc29] = d41;
        wf[0 + (dr28 + 24) * 64 + dc29] = d42;
        wf[0 + (dr28 + 26) * 64 + dc29] = d43;
        wf[0 + (dr28 + 28) * 64 + dc29] = d44;
        wf[0 + (dr28 + 30) * 64 + dc29] = d45;
        wf[0 + (dr28 + 32) * 64 + dc29] = d46;
        wf[0 + (dr28 + 34) * 64 + dc29] = d47;
        wf[0 + (dr28 + 36) * 64 + dc29] = d48;
        wf[0 + (dr28 + 38) * 64 + dc29] = d49;
        wf[0 + (dr28 + 40) * 64 + dc29] = d50;
        wf[0 + (dr28 + 42) * 64 + dc29] = d51;
        wf[0 + (dr28 + 44) * 64 + dc29] = d52;
        wf[0 + (dr28 + 46) * 64 + dc29] = d53;
        wf[0 + (dr28 + 48) * 64 + dc29] = d54;
        wf[0 + (dr28 + 50) * 64 + dc29] = d55;
        wf[0 + (dr28 + 52) * 64 + dc29] = d56;
        wf[0 + (dr28 + 54) * 64 + dc29] = d57;
        wf[0 + (dr28 + 56) * 64 + dc29] = d58;
        wf[0 + (dr28 + 58) * 64 + dc29] = d59;
        wf[0 + (dr28 + 60) * 64 + dc29] = d60;
        wf[0 + (dr28 + 62) * 64 + dc29] = d61;
      }
      for (int j98 = 0; j98 < 32; j98++) {
        const int e97 = lid + j98 * 128;
        const int e97_0 = (e97 / 64);
        const int e97_1 = e97 % 64;
        pr0[j98] = wf[0 + e97_0 * 64 + e97_1];
      }
      __syncthreads();
    }
    for (int j100 = 0; j100 < 32; j100++) {
      const int e99 = lid + j100 * 128;
      const int e99_0 = (e99 / 64);
      const int e99_1 = e99 % 64;
      const int a101 = v9 + e99_0 * 512 + e99_1 * 1;
      if (e99_0 < v7 && e99_1 < v11) { if (a101 >= 0 && a101 < n_y) { g_y[a101] = pr0[j100]; } }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_bdwp_2_8_workspace_bytes(int blocks) { return (size_t)blocks * 8; }

/** Launches bdwp_2_8 on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_bdwp_2_8_run(const int* __restrict__ g_w_indices, int n_w_indices, const float* __restrict__ g_w_values, int n_w_values, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 1);
  return SPARSEC_LAUNCH(sparsec_bdwp_2_8_kernel, dim3(blocks), dim3(128), 0, stream, g_w_indices, n_w_indices, g_w_values, n_w_values, g_x, n_x, g_y, n_y, sf, si);
}

extern "C" cudaError_t sparsec_bdwp_2_8_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_bdwp_2_8_run((const int*)buffers[0], lengths[0], (const float*)buffers[1], lengths[1], (const float*)buffers[2], lengths[2], (float*)buffers[3], lengths[3], workspace, blocks, stream);
}
