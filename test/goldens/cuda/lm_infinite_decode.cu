// sparsec: kernel lm_infinite_decode (generated; do not edit)
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
extern "C" __global__ void __launch_bounds__(128) sparsec_lm_infinite_decode_kernel(const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 1040;
  const int sbi = wid * 1;
  __shared__ float wf[4291];
  float pr0[1];
  float pr1[1];
  float pr2[1];
  float pr3[1];
  float pr4[1];
  float pr5[1];
  float pr6[1];
  float pr7[1];
  float pr8[1];
  const int v0 = (s_kv_len - 1);
  const int n1 = sp_max(0, s_batch - 0);
  const int n2 = sp_max(0, 8 - 0);
  const int n3 = sp_max(0, 1 - 0);
  const int tasks = n1 * n2 * n3;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g6 = 0 + (task / (n3 * n2));
    const int g5 = 0 + (task / (n3)) % n2;
    const int g4 = 0 + task % n3;
    const int v7 = (g6 * s_plan_bmul);
    const int v8 = (v7 * s_plan_hcount);
    const int v9 = (g6 * 8);
    const int v10 = (g5 * s_plan_hmul);
    const int v11 = (v8 + v10);
    const int v12 = (v9 + g5);
    const int v13 = (v12 * s_kv_len);
    const int v14 = (v11 + g4);
    const int v15 = ((v14) >= 0 && (v14) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v14) : 0);
    const int v16 = (v14 + 1);
    const int v17 = ((v16) >= 0 && (v16) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, v16) : 0);
    const int v18 = (v17 - v15);
    const int v19 = (v18 + 15);
    const int v20 = sp_floor_div(v19, 16);
    const int v21 = (v12 + g4);
    const int v22 = (v21 * 64);
    const int v23 = (1 - g4);
    const int v24 = sp_min(1, v23);
    const int v25 = (g4 + v0);
    {
      const int e26 = lid;
      if (e26 < 64) {
        const int e26_1 = e26 % 64;
        wf[4160 + e26_1] = ((0 < v24) ? sp_rd_bf16(g_q, n_q, (v22 + 0 * 64 + e26_1)) : 0.0f);
      }
    }
    __syncthreads();
    for (int i27 = 0; i27 < 16; i27++) {
      const int v28 = (i27 * 64);
      const int v29 = (i27 * v20);
      const int v30 = (v15 + v29);
      const int v31 = (v30 + v20);
      const int v32 = sp_min(v17, v31);
      {
        const int e33 = lid;
        if (e33 < 1) {
          pr4[0] = (-INFINITY);
          wf[4288 + 0] = 0.0f;
        }
      }
      {
        const int e34 = lid;
        if (e34 < 64) {
          const int e34_1 = e34 % 64;
          wf[4224 + e34_1] = 0.0f;
        }
      }
      __syncthreads();
      for (int i35 = v30; i35 < v32; i35++) {
        const bool v36 = ((i35) >= 0 && (i35) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, i35) != 0) : false);
        const int v37 = ((i35) >= 0 && (i35) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, i35) : 0);
        const int v38 = (v37 * 64);
        const int v39 = (v38 + 64);
        const bool v40 = (v39 <= s_kv_len);
        const bool v41 = (v36 && v40);
        const int v42 = (v13 + v38);
        const int v43 = (v42 * 64);
        const int v44 = (s_kv_len - v38);
        const int v45 = sp_min(64, v44);
        for (int j47 = 0; j47 < 32; j47++) {
          const int e46 = lid + j47 * 128;
          const int e46_0 = (e46 / 64);
          const int e46_1 = e46 % 64;
          wf[0 + e46_0 * 65 + e46_1] = ((e46_0 < v45) ? sp_rd_bf16(g_k, n_k, (v43 + e46_0 * 64 + e46_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr0[0] = 0.0f;
          for (int k50 = 0; k50 < 64; k50++) {
            const auto o51 = wf[4160 + k50];
            const auto o52 = wf[0 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64) * 65 + k50];
            pr0[0] = pr0[0] + o51 * o52;
          }
        }
        if (v41) {
          __syncthreads();
          {
            const int e53 = lid;
            if (e53 < 64) {
              const int e53_1 = e53 % 64;
              wf[0 + e53_1] = (pr0[0] * 0.125f);
            }
          }
        } else {
          __syncthreads();
          {
            const int e54 = lid;
            if (e54 < 64) {
              const int e54_1 = e54 % 64;
              wf[0 + e54_1] = (((((e54_1 + v38) <= (0 + v25)) && (((e54_1 + v38) < 10) || (((0 + v25) - (e54_1 + v38)) < 96))) && ((e54_1 + v38) < s_kv_len)) ? (pr0[0] * 0.125f) : (-INFINITY));
            }
          }
        }
        __syncthreads();
        for (int rb55 = 0; rb55 < 1; rb55 += 4) {
          const int row56 = rb55 + lid / 32;
          const int part57 = lid % 32;
          float s58 = (-INFINITY);
          if (row56 < 1) { for (int i59 = part57; i59 < 64; i59 += 32) { s58 = sp_max(s58, wf[0 + i59]); } }
          for (int off60 = 1; off60 < 32; off60 *= 2) { s58 = sp_max(s58, __shfl_xor_sync(0xffffffffu, s58, off60)); }
          if (part57 == 0 && row56 < 1) { wf[64 + 0] = s58; }
        }
        __syncthreads();
        {
          const int e61 = lid;
          if (e61 < 1) {
            wf[4289 + 0] = sp_max(pr4[0], wf[64 + 0]);
            wf[4290 + 0] = sp_softmax_exp(pr4[0], wf[4289 + 0]);
          }
        }
        __syncthreads();
        {
          const int e62 = lid;
          if (e62 < 64) {
            const int e62_1 = e62 % 64;
            wf[4096 + e62_1] = sp_softmax_exp(wf[0 + e62_1], wf[4289 + 0]);
          }
        }
        __syncthreads();
        for (int rb63 = 0; rb63 < 1; rb63 += 4) {
          const int row64 = rb63 + lid / 32;
          const int part65 = lid % 32;
          float s66 = 0.0f;
          if (row64 < 1) { for (int i67 = part65; i67 < 64; i67 += 32) { s66 = (s66 + wf[4096 + i67]); } }
          for (int off68 = 1; off68 < 32; off68 *= 2) { s66 = (s66 + __shfl_xor_sync(0xffffffffu, s66, off68)); }
          if (part65 == 0 && row64 < 1) { wf[0 + 0] = s66; }
        }
        __syncthreads();
        {
          const int e69 = lid;
          if (e69 < 1) {
            pr5[0] = (wf[4288 + 0] * wf[4290 + 0] + wf[0 + 0]);
          }
        }
        __syncthreads();
        for (int j71 = 0; j71 < 32; j71++) {
          const int e70 = lid + j71 * 128;
          const int e70_0 = (e70 / 64);
          const int e70_1 = e70 % 64;
          wf[0 + e70_0 * 64 + e70_1] = ((e70_0 < v45) ? sp_rd_bf16(g_v, n_v, (v43 + e70_0 * 64 + e70_1)) : 0.0f);
        }
        __syncthreads();
        {
          pr1[0] = (wf[4224 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64)] * wf[4290 + 0]);
          for (int k74 = 0; k74 < 64; k74++) {
            const auto o75 = wf[4096 + k74];
            const auto o76 = wf[0 + k74 * 64 + (((lid + 0 < 64 ? lid + 0 : 63)) % 64)];
            pr1[0] = pr1[0] + (o75 != 0.0f ? o75 * o76 : 0.0f);
          }
        }
        {
          const int e77 = lid;
          if (e77 < 1) {
            pr4[0] = wf[4289 + 0];
            wf[4288 + 0] = pr5[0];
          }
        }
        __syncthreads();
        {
          const int e78 = lid;
          if (e78 < 64) {
            const int e78_1 = e78 % 64;
            wf[4224 + e78_1] = pr1[0];
          }
        }
        __syncthreads();
      }
      {
        const int e79 = lid;
        if (e79 < 64) {
          const int e79_1 = e79 % 64;
          const int a80 = v28 + 0 * 64 + e79_1 * 1;
          if (a80 >= 0 && a80 < 1024) { sf[sbf + 0 + a80] = ((wf[4288 + 0] == 0.0f) ? 0.0f : (wf[4224 + e79_1] / wf[4288 + 0])); }
        }
      }
      {
        const int e81 = lid;
        if (e81 < 1) {
          const int a82 = i27 + 0 * 1 + 0 * 1;
          if (a82 >= 0 && a82 < 16) { sf[sbf + 1024 + a82] = ((wf[4288 + 0] == 0.0f) ? (-INFINITY) : (pr4[0] + logf(wf[4288 + 0]))); }
        }
      }
      __syncthreads();
    }
    {
      const int e83 = lid;
      if (e83 < 1) {
        pr6[0] = (-INFINITY);
        wf[0 + 0] = 0.0f;
      }
    }
    {
      const int e84 = lid;
      if (e84 < 64) {
        pr2[0] = 0.0f;
      }
    }
    __syncthreads();
    for (int i85 = 0; i85 < 16; i85++) {
      const int v87 = (i85 * 64);
      {
        const int e86 = lid;
        if (e86 < 1) {
          pr7[0] = sp_max(pr6[0], (((i85 + 0 + 0)) >= 0 && ((i85 + 0 + 0)) < 16 ? sf[sbf + 1024 + sp_clamp((i85 + 0 + 0), 0, 15)] : 0.0f));
          wf[1 + 0] = sp_softmax_exp(pr6[0], pr7[0]);
          wf[2 + 0] = sp_softmax_exp((((i85 + 0 + 0)) >= 0 && ((i85 + 0 + 0)) < 16 ? sf[sbf + 1024 + sp_clamp((i85 + 0 + 0), 0, 15)] : 0.0f), pr7[0]);
          pr8[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      __syncthreads();
      {
        const int e88 = lid;
        if (e88 < 64) {
          const int e88_1 = e88 % 64;
          pr3[0] = (pr2[0] * wf[1 + 0] + ((((v87 + 0 * 64 + e88_1)) >= 0 && ((v87 + 0 * 64 + e88_1)) < 1024 ? sf[sbf + 0 + sp_clamp((v87 + 0 * 64 + e88_1), 0, 1023)] : 0.0f) * wf[2 + 0]));
        }
      }
      {
        const int e89 = lid;
        if (e89 < 1) {
          pr6[0] = pr7[0];
          wf[0 + 0] = pr8[0];
        }
      }
      {
        const int e90 = lid;
        if (e90 < 64) {
          pr2[0] = pr3[0];
        }
      }
      __syncthreads();
    }
    {
      const int e91 = lid;
      if (e91 < 64) {
        const int e91_1 = e91 % 64;
        const int a92 = v22 + 0 * 64 + e91_1 * 1;
        if (0 < v24) { if (a92 >= 0 && a92 < n_out) { g_out[a92] = sp_f32_to_bf16(((wf[0 + 0] == 0.0f) ? 0.0f : (pr2[0] / wf[0 + 0]))); } }
      }
    }
    {
      const int e93 = lid;
      if (e93 < 1) {
        const int a94 = v21 + 0 * 1 + 0 * 1;
        if (0 < v24) { if (a94 >= 0 && a94 < n_lse) { g_lse[a94] = ((wf[0 + 0] == 0.0f) ? (-INFINITY) : (pr6[0] + logf(wf[0 + 0]))); } }
      }
    }
    __syncthreads();
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_lm_infinite_decode_workspace_bytes(int blocks) { return (size_t)blocks * 4164; }

/** Launches lm_infinite_decode on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_lm_infinite_decode_run(const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 1040);
  return SPARSEC_LAUNCH(sparsec_lm_infinite_decode_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_plan_full, n_plan_full, g_plan_ktiles, n_plan_ktiles, g_plan_rowptr, n_plan_rowptr, g_q, n_q, g_v, n_v, g_lse, n_lse, g_out, n_out, s_batch, s_kv_len, s_plan_bmul, s_plan_hcount, s_plan_hmul, s_plan_len, s_plan_rows, sf, si);
}

extern "C" cudaError_t sparsec_lm_infinite_decode_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_lm_infinite_decode_run((const unsigned short*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const int*)buffers[3], lengths[3], (const unsigned short*)buffers[4], lengths[4], (const unsigned short*)buffers[5], lengths[5], (float*)buffers[6], lengths[6], (unsigned short*)buffers[7], lengths[7], scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], scalars[6], workspace, blocks, stream);
}
