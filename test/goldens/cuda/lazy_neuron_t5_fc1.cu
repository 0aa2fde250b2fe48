// sparsec: kernel lazy_neuron_t5_fc1 (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_lazy_neuron_t5_fc1_kernel(const float* __restrict__ g_w, int n_w, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, int s_m, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 1;
  const int sbi = wid * 1;
  __shared__ float wf[8256];
  float pr0[32];
  const int v0 = (s_m + 63);
  const int v1 = sp_floor_div(v0, 64);
  const int n2 = sp_max(0, v1 - 0);
  const int n3 = sp_max(0, 32 - 0);
  const int tasks = n2 * n3;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g5 = 0 + (task / (n3));
    const int g4 = 0 + task % n3;
    const int v6 = (g5 * 64);
    const int v7 = (v6 * 2048);
    const int v8 = (s_m - v6);
    const int v9 = sp_min(64, v8);
    const int v10 = (v6 * 512);
    const int v11 = (g4 * 64);
    const int v12 = (v7 + v11);
    const int v13 = (2048 - v11);
    const int v14 = sp_min(64, v13);
    const int v15 = (v11 * 512);
    for (int j17 = 0; j17 < 32; j17++) {
      const int e16 = lid + j17 * 128;
      pr0[j17] = 0.0f;
    }
    for (int i18 = 0; i18 < 16; i18++) {
      const int v19 = (i18 * 32);
      const int v20 = (v10 + v19);
      const int v21 = (512 - v19);
      const int v22 = sp_min(32, v21);
      const int v23 = (v15 + v19);
      for (int j25 = 0; j25 < 16; j25++) {
        const int e24 = lid + j25 * 128;
        const int e24_0 = (e24 / 32);
        const int e24_1 = e24 % 32;
        wf[4096 + e24_0 * 33 + e24_1] = ((e24_0 < v14 && e24_1 < v22) ? sp_rd_f32(g_w, n_w, (v23 + e24_0 * 512 + e24_1)) : 0.0f);
        wf[6208 + e24_0 * 32 + e24_1] = ((e24_0 < v9 && e24_1 < v22) ? sp_rd_f32(g_x, n_x, (v20 + e24_0 * 512 + e24_1)) : 0.0f);
      }
      __syncthreads();
      {
        const int dr26 = lid / 64;
        const int dc27 = lid % 64;
        float d28 = pr0[0];
        float d29 = pr0[1];
        float d30 = pr0[2];
        float d31 = pr0[3];
        float d32 = pr0[4];
        float d33 = pr0[5];
        float d34 = pr0[6];
        float d35 = pr0[7];
        float d36 = pr0[8];
        float d37 = pr0[9];
        float d38 = pr0[10];
        float d39 = pr0[11];
        float d40 = pr0[12];
        float d41 = pr0[13];
        float d42 = pr0[14];
        float d43 = pr0[15];
        float d44 = pr0[16];
        float d45 = pr0[17];
        float d46 = pr0[18];
        float d47 = pr0[19];
        float d48 = pr0[20];
        float d49 = pr0[21];
        float d50 = pr0[22];
        float d51 = pr0[23];
        float d52 = pr0[24];
        float d53 = pr0[25];
        float d54 = pr0[26];
        float d55 = pr0[27];
        float d56 = pr0[28];
        float d57 = pr0[29];
        float d58 = pr0[30];
        float d59 = pr0[31];
        for (int k60 = 0; k60 < 32; k60++) {
          const auto o61 = wf[6208 + (dr26 + 0) * 32 + k60];
          const auto o62 = wf[4096 + dc27 * 33 + k60];
          const auto o63 = wf[6208 + (dr26 + 2) * 32 + k60];
          const auto o64 = wf[6208 + (dr26 + 4) * 32 + k60];
          const auto o65 = wf[6208 + (dr26 + 6) * 32 + k60];
          const auto o66 = wf[6208 + (dr26 + 8) * 32 + k60];
          const auto o67 = wf[6208 + (dr26 + 10) * 32 + k60];
          const auto o68 = wf[6208 + (dr26 + 12) * 32 + k60];
          const auto o69 = wf[6208 + (dr26 + 14) * 32 + k60];
          const auto o70 = wf[6208 + (dr26 + 16) * 32 + k60];
          const auto o71 = wf[6208 + (dr26 + 18) * 32 + k60];
          const auto o72 = wf[6208 + (dr26 + 20) * 32 + k60];
          const auto o73 = wf[6208 + (dr26 + 22) * 32 + k60];
          const auto o74 = wf[6208 + (dr26 + 24) * 32 + k60];
          const auto o75 = wf[6208 + (dr26 + 26) * 32 + k60];
          const auto o76 = wf[6208 + (dr26 + 28) * 32 + k60];
          const auto o77 = wf[6208 + (dr26 + 30) * 32 + k60];
          const auto o78 = wf[6208 + (dr26 + 32) * 32 + k60];
          const auto o79 = wf[6208 + (dr26 + 34) * 32 + k60];
          const auto o80 = wf[6208 + (dr26 + 36) * 32 + k60];
          const auto o81 = wf[6208 + (dr26 + 38) * 32 + k60];
          const auto o82 = wf[6208 + (dr26 + 40) * 32 + k60];
          const auto o83 = wf[6208 + (dr26 + 42) * 32 + k60];
          const auto o84 = wf[6208 + (dr26 + 44) * 32 + k60];
          const auto o85 = wf[6208 + (dr26 + 46) * 32 + k60];
          const auto o86 = wf[6208 + (dr26 + 48) * 32 + k60];
          const auto o87 = wf[6208 + (dr26 + 50) * 32 + k60];
          const auto o88 = wf[6208 + (dr26 + 52) * 32 + k60];
          const auto o89 = wf[6208 + (dr26 + 54) * 32 + k60];
          const auto o90 = wf[6208 + (dr26 + 56) * 32 + k60];
          const auto o91 = wf[6208 + (dr26 + 58) * 32 + k60];
          const auto o92 = wf[6208 + (dr26 + 60) * 32 + k60];
          const auto o93 = wf[6208 + (dr26 + 62) * 32 + k60];
          d28 = d28 + o61 * o62;
          d29 = d29 + o63 * o62;
          d30 = d30 + o64 * o62;
          d31 = d31 + o65 * o62;
          d32 = d32 + o66 * o62;
          d33 = d33 + o67 * o62;
          d34 = d34 + o68 * o62;
          d35 = d35 + o69 * o62;
          d36 = d36 + o70 * o62;
          d37 = d37 + o71 * o62;
          d38 = d38 + o72 * o62;
          d39 = d39 + o73 * o62;
          d40 = d40 + o74 * o62;
          d41 = d41 + o75 * o62;
          d42 = d42 + o76 * o62;
          d43 = d43 + o77 * o62;
          d44 = d44 + o78 * o62;
          d45 = d45 + o79 * o62;
          d46 = d46 + o80 * o62;
          d47 = d47 + o81 * o62;
          d48 = d48 + o82 * o62;
          d49 = d49 + o83 * o62;
          d50 = d50 + o84 * o62;
          d51 = d51 + o85 * o62;
          d52 = d52 + o86 * o62;
          d53 = d53 + o87 * o62;
          d54 = d54 + o88 * o62;
          d55 = d55 + o89 * o62;
          d56 = d56 + o90 * o62;
          d57 = d57 + o91 * o62;
          d58 = d58 + o92 * o62;
          d59 = d59 + o93 * o62;
        }
        wf[0 + (dr26 + 0) * 64 + dc27] = d28;
        wf[0 + (dr26 + 2) * 64 + dc27] = d29;
        wf[0 + (dr26 + 4) * 64 + dc27] = d30;
        wf[0 + (dr26 + 6) * 64 + dc27] = d31;
        wf[0 + (dr26 + 8) * 64 + dc27] = d32;
        wf[0 + (dr26 + 10) * 64 + dc27] = d33;
        wf[0 + (dr26 + 12) * 64 + dc27] = d34;
        wf[0 + (dr26 + 14) * 64 + dc27] = d35;
        wf[0 + (dr26 + 16) * 64 + dc27] = d36;
        wf[0 + (dr26 + 18) * 64 + dc27] = d37;
        wf[0 + (dr26 + 20) * 64 + dc27] = d38;
        wf[0 + (dr26 + 22) * 64 + dc27] = d39;
        wf[0 + (dr26 + 24) * 64 + dc27] = d40;
        wf[0 + (dr26 + 26) * 64 + dc27] = d41;
        wf[0 + (dr26 + 28) * 64 + dc27] = d42;
        wf[0 + (dr26 + 30) * 64 + dc27] = d43;
        wf[0 + (dr26 + 32) * 64 + dc27] = d44;
        wf[0 + (dr26 + 34) * 64 + dc27] = d45;
        wf[0 + (dr26 + 36) * 64 + dc27] = d46;
        wf[0 + (dr26 + 38) * 64 + dc27] = d47;
        wf[0 + (dr26 + 40) * 64 + dc27] = d48;
        wf[0 + (dr26 + 42) * 64 + dc27] = d49;
        wf[0 + (dr26 + 44) * 64 + dc27] = d50;
        wf[0 + (dr26 + 46) * 64 + dc27] = d51;
        wf[0 + (dr26 + 48) * 64 + dc27] = d52;
        wf[0 + (dr26 + 50) * 64 + dc27] = d53;
        wf[0 + (dr26 + 52) * 64 + dc27] = d54;
        wf[0 + (dr26 + 54) * 64 + dc27] = d55;
        wf[0 + (dr26 + 56) * 64 + dc27] = d56;
        wf[0 + (dr26 + 58) * 64 + dc27] = d57;
        wf[0 + (dr26 + 60) * 64 + dc27] = d58;
        wf[0 + (dr26 + 62) * 64 + dc27] = d59;
      }
      for (int j95 = 0; j95 < 32; j95++) {
        const int e94 = lid + j95 * 128;
        const int e94_0 = (e94 / 64);
        const int e94_1 = e94 % 64;
        pr0[j95] = wf[0 + e94_0 * 64 + e94_1];
      }
      __syncthreads();
    }
    for (int j97 = 0; j97 < 32; j97++) {
      const int e96 = lid + j97 * 128;
      const int e96_0 = (e96 / 64);
      const int e96_1 = e96 % 64;
      const int a98 = v12 + e96_0 * 2048 + e96_1 * 1;
      if (e96_0 < v9 && e96_1 < v14) { if (a98 >= 0 && a98 < n_y) { g_y[a98] = sp_max(pr0[j97], 0.0f); } }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_lazy_neuron_t5_fc1_workspace_bytes(int blocks) { return (size_t)blocks * 8; }

/** Launches lazy_neuron_t5_fc1 on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_lazy_neuron_t5_fc1_run(const float* __restrict__ g_w, int n_w, const float* __restrict__ g_x, int n_x, float* __restrict__ g_y, int n_y, int s_m, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 1);
  return SPARSEC_LAUNCH(sparsec_lazy_neuron_t5_fc1_kernel, dim3(blocks), dim3(128), 0, stream, g_w, n_w, g_x, n_x, g_y, n_y, s_m, sf, si);
}

extern "C" cudaError_t sparsec_lazy_neuron_t5_fc1_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_lazy_neuron_t5_fc1_run((const float*)buffers[0], lengths[0], (const float*)buffers[1], lengths[1], (float*)buffers[2], lengths[2], scalars[0], workspace, blocks, stream);
}
