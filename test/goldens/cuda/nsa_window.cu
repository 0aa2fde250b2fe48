// sparsec: kernel nsa_window (generated; do not edit): tensor-core (mma.sync m16n8k16), bf16, 4 warps x 16 query rows, tile_k 64
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
#ifndef SPARSEC_EMULATE
#define SPARSEC_CP_ASYNC_16(dst, src, bytes) \
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" :: "r"((unsigned)__cvta_generic_to_shared(dst)), "l"(src), "r"(bytes) : "memory")
#define SPARSEC_CP_ASYNC_WAIT_ALL() asm volatile("cp.async.wait_all;\n" ::: "memory")
#endif
#ifdef SPARSEC_EMULATE
__device__ __forceinline__ unsigned tc_pack_bf16(float lo, float hi) { return (unsigned)sp_f32_to_bf16(lo) | ((unsigned)sp_f32_to_bf16(hi) << 16); }
__device__ __forceinline__ unsigned tc_pack_f16(float lo, float hi) { return (unsigned)sp_f32_to_f16(lo) | ((unsigned)sp_f32_to_f16(hi) << 16); }
#else
// cvt.rn.{bf16x2,f16x2}.f32 d, a, b puts a in the upper half and b in the lower.
__device__ __forceinline__ unsigned tc_pack_bf16(float lo, float hi) { unsigned r; asm("cvt.rn.bf16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo)); return r; }
__device__ __forceinline__ unsigned tc_pack_f16(float lo, float hi) { unsigned r; asm("cvt.rn.f16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo)); return r; }
#endif
extern "C" __global__ void __launch_bounds__(128) sparsec_nsa_window_kernel(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_q_len, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 4096;
  const int tc_lane = lid & 31, tc_warp = lid >> 5;
  // this lane's first row (of 16 per warp) and first column (of 8 per n-block) in the mma accumulator layout
  const int tc_r0 = tc_warp * 16 + (tc_lane >> 2), tc_c0 = 2 * (tc_lane & 3);
  __shared__ unsigned short tc_qk[4608] __attribute__((aligned(16)));
  __shared__ unsigned short tc_v[4608] __attribute__((aligned(16)));
  const int s0 = (s_q_len + 63);
  const int s1 = sp_floor_div(s0, 64);
  const int s2 = (s_kv_len - s_q_len);
  const int s3 = (s_kv_len - 1);
  float f4[2];
  #pragma unroll
  for (int tc_h = 0; tc_h < 2; tc_h++) {
    f4[tc_h] = (-INFINITY);
  }
  float f5[2];
  #pragma unroll
  for (int tc_h = 0; tc_h < 2; tc_h++) {
    f5[tc_h] = 0.0f;
  }
  float f6[8][4];
  #pragma unroll
  for (int tc_n = 0; tc_n < 8; tc_n++) {
    #pragma unroll
    for (int tc_i = 0; tc_i < 4; tc_i++) {
      f6[tc_n][tc_i] = 0.0f;
    }
  }
  int f7[8][2];
  #pragma unroll
  for (int tc_n = 0; tc_n < 8; tc_n++) {
    #pragma unroll
    for (int tc_e = 0; tc_e < 2; tc_e++) {
      f7[tc_n][tc_e] = (8 * tc_n + tc_c0 + tc_e);
    }
  }
  int f8[2];
  #pragma unroll
  for (int tc_h = 0; tc_h < 2; tc_h++) {
    f8[tc_h] = (tc_r0 + 8 * tc_h);
  }
  const int n9 = sp_max(0, 1 - 0);
  const int n10 = sp_max(0, 2 - 0);
  const int n11 = sp_max(0, s1 - 0);
  const int tasks = n9 * n10 * n11;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g14 = 0 + (task / (n11 * n10));
    const int g13 = 0 + (task / (n11)) % n10;
    const int g12 = 0 + task % n11;
    const int s15 = (g14 * 8);
    const int s16 = (g14 * 2);
    const int s17 = (g13 * 4);
    const int s18 = (s15 + s17);
    const int s19 = (s18 * s_q_len);
    const int s20 = (s16 + g13);
    const int s21 = (s20 * s_kv_len);
    const int s22 = (s17 + 1);
    const int s23 = (s15 + s22);
    const int s24 = (s23 * s_q_len);
    const int s25 = (s17 + 2);
    const int s26 = (s15 + s25);
    const int s27 = (s26 * s_q_len);
    const int s28 = (s17 + 3);
    const int s29 = (s15 + s28);
    const int s30 = (s29 * s_q_len);
    const int s31 = (g12 * 64);
    const int s32 = (s19 + s31);
    const int s33 = (s32 * 64);
    const int s34 = (s_q_len - s31);
    const int s35 = sp_min(64, s34);
    const int s36 = (s31 + s2);
    const int s37 = (s36 + (-127));
    const int s38 = sp_max(0, s37);
    const int s39 = sp_floor_div(s38, 64);
    const int s40 = (s36 + 64);
    const int s41 = sp_min(s_kv_len, s40);
    const int s42 = (s41 - 1);
    const int s43 = sp_min(s3, s42);
    const int s44 = sp_floor_div(s43, 64);
    const int s45 = (s44 + 1);
    const int s46 = sp_max(s39, s45);
    const int s47 = (s42 + (-127));
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s35 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s33 + tc_row * 64 + tc_col * 1;
        if (tc_n == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q, 0);
        } else if (1 == 1 && tc_a >= 0 && tc_a + tc_n <= n_q && (((unsigned long long)(g_q + tc_a)) & 15) == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q + tc_a, 2 * tc_n);
        } else {
          for (int tc_e = 0; tc_e < 8; tc_e++) {
            const int tc_ae = tc_a + tc_e * 1;
            tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < n_q) ? g_q[tc_ae] : (unsigned short)0;
          }
        }
      }
      SPARSEC_CP_ASYNC_WAIT_ALL();
      __syncthreads();
    }
    unsigned tc_qa48[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa48[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    int f49[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f49[tc_h] = (f8[tc_h] + s36);
    }
    const int s50 = (s24 + s31);
    const int s51 = (s50 * 64);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s35 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s51 + tc_row * 64 + tc_col * 1;
        if (tc_n == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q, 0);
        } else if (1 == 1 && tc_a >= 0 && tc_a + tc_n <= n_q && (((unsigned long long)(g_q + tc_a)) & 15) == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q + tc_a, 2 * tc_n);
        } else {
          for (int tc_e = 0; tc_e < 8; tc_e++) {
            const int tc_ae = tc_a + tc_e * 1;
            tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < n_q) ? g_q[tc_ae] : (unsigned short)0;
          }
        }
      }
      SPARSEC_CP_ASYNC_WAIT_ALL();
      __syncthreads();
    }
    unsigned tc_qa52[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa52[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    const int s53 = (s27 + s31);
    const int s54 = (s53 * 64);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s35 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s54 + tc_row * 64 + tc_col * 1;
        if (tc_n == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q, 0);
        } else if (1 == 1 && tc_a >= 0 && tc_a + tc_n <= n_q && (((unsigned long long)(g_q + tc_a)) & 15) == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q + tc_a, 2 * tc_n);
        } else {
          for (int tc_e = 0; tc_e < 8; tc_e++) {
            const int tc_ae = tc_a + tc_e * 1;
            tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < n_q) ? g_q[tc_ae] : (unsigned short)0;
          }
        }
      }
      SPARSEC_CP_ASYNC_WAIT_ALL();
      __syncthreads();
    }
    unsigned tc_qa55[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa55[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    const int s56 = (s30 + s31);
    const int s57 = (s56 * 64);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s35 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s57 + tc_row * 64 + tc_col * 1;
        if (tc_n == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q, 0);
        } else if (1 == 1 && tc_a >= 0 && tc_a + tc_n <= n_q && (((unsigned long long)(g_q + tc_a)) & 15) == 0) {
          SPARSEC_CP_ASYNC_16(tc_dst, g_q + tc_a, 2 * tc_n);
        } else {
          for (int tc_e = 0; tc_e < 8; tc_e++) {
            const int tc_ae = tc_a + tc_e * 1;
            tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < n_q) ? g_q[tc_ae] : (unsigned short)0;
          }
        }
      }
      SPARSEC_CP_ASYNC_WAIT_ALL();
      __syncthreads();
    }
    unsigned tc_qa58[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa58[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    float cf59[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf59[tc_h] = f4[tc_h];
    }
    float cf60[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf60[tc_h] = f5[tc_h];
    }
    float cf61[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf61[tc_n][tc_i] = f6[tc_n][tc_i];
      }
    }
    float cf62[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf62[tc_h] = f4[tc_h];
    }
    float cf63[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf63[tc_h] = f5[tc_h];
    }
    float cf64[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf64[tc_n][tc_i] = f6[tc_n][tc_i];
      }
    }
    float cf65[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf65[tc_h] = f4[tc_h];
    }
    float cf66[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf66[tc_h] = f5[tc_h];
    }
    float cf67[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf67[tc_n][tc_i] = f6[tc_n][tc_i];
      }
    }
    float cf68[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf68[tc_h] = f4[tc_h];
    }
    float cf69[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf69[tc_h] = f5[tc_h];
    }
    float cf70[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf70[tc_n][tc_i] = f6[tc_n][tc_i];
      }
    }
    for (int r71 = s39; r71 < s46; r71++) {
      const int s72 = (r71 * 64);
      const bool s73 = (s47 <= s72);
      const int s74 = (s72 + 64);
      const int s75 = sp_min(s_kv_len, s74);
      const int s76 = (s75 - 1);
      const bool s77 = (s76 <= s36);
      const bool s78 = (s73 && s77);
      const bool s79 = (s74 <= s_kv_len);
      const bool s80 = (s78 && s79);
      const int s81 = (s21 + s72);
      const int s82 = (s81 * 64);
      const int s83 = (s_kv_len - s72);
      const int s84 = sp_min(64, s83);
      __syncthreads();
      {
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s84 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s82 + tc_row * 64 + tc_col * 1;
          if (tc_n == 0) {
            SPARSEC_CP_ASYNC_16(tc_dst, g_k, 0);
          } else if (1 == 1 && tc_a >= 0 && tc_a + tc_n <= n_k && (((unsigned long long)(g_k + tc_a)) & 15) == 0) {
            SPARSEC_CP_ASYNC_16(tc_dst, g_k + tc_a, 2 * tc_n);
          } else {
            for (int tc_e = 0; tc_e < 8; tc_e++) {
              const int tc_ae = tc_a + tc_e * 1;
              tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < n_k) ? g_k[tc_ae] : (unsigned short)0;
            }
          }
        }
        SPARSEC_CP_ASYNC_WAIT_ALL();
        __syncthreads();
      }
      float f85[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f85[tc_n][tc_i] = f6[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_BF16(f85[tc_n], tc_qa48[tc_k], tc_b, f85[tc_n]);
          SPARSEC_MMA_16816_BF16(f85[tc_n + 1], tc_qa48[tc_k], tc_b + 2, f85[tc_n + 1]);
        }
      }
      float f86[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f86[tc_n][tc_i] = (f85[tc_n][tc_i] * 0.125f);
        }
      }
      float b87[8][4];
      if (s80) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b87[tc_n][tc_i] = f86[tc_n][tc_i];
          }
        }
      } else {
        int f88[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f88[tc_n][tc_e] = (f7[tc_n][tc_e] + s72);
          }
        }
        bool f89[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f89[tc_n][tc_i] = (f88[tc_n][(tc_i & 1)] <= f49[(tc_i >> 1)]);
          }
        }
        int f90[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f90[tc_n][tc_i] = (f49[(tc_i >> 1)] - f88[tc_n][(tc_i & 1)]);
          }
        }
        bool f91[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f91[tc_n][tc_i] = (f90[tc_n][tc_i] < 128);
          }
        }
        bool f92[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f92[tc_n][tc_i] = (f89[tc_n][tc_i] && f91[tc_n][tc_i]);
          }
        }
        bool f93[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f93[tc_n][tc_e] = (f88[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f94[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f94[tc_n][tc_i] = (f92[tc_n][tc_i] && f93[tc_n][(tc_i & 1)]);
          }
        }
        float f95[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f95[tc_n][tc_i] = (f94[tc_n][tc_i] ? f86[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b87[tc_n][tc_i] = f95[tc_n][tc_i];
          }
        }
      }
      float f96[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b87[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b87[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f96[tc_h] = tc_r;
      }
      float f97[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f97[tc_h] = sp_max(cf59[tc_h], f96[tc_h]);
      }
      float f98[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f98[tc_h] = sp_softmax_exp(cf59[tc_h], f97[tc_h]);
      }
      float f99[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f99[tc_n][tc_i] = sp_softmax_exp(b87[tc_n][tc_i], f97[(tc_i >> 1)]);
        }
      }
      float f100[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f99[tc_n][2 * tc_h]);
          tc_r = (tc_r + f99[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f100[tc_h] = tc_r;
      }
      float f101[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f101[tc_h] = (cf60[tc_h] * f98[tc_h] + f100[tc_h]);
      }
      int tc_vbad102;
      __syncthreads();
      {
        int tc_bad = 0;
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_v[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s84 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s82 + tc_row * 64 + tc_col * 1;
          if (tc_n == 0) {
            SPARSEC_CP_ASYNC_16(tc_dst, g_v, 0);
          } else if (1 == 1 && tc_a >= 0 && tc_a + tc_n <= n_v && (((unsigned long long)(g_v + tc_a)) & 15) == 0) {
            SPARSEC_CP_ASYNC_16(tc_dst, g_v + tc_a, 2 * tc_n);
          } else {
            for (int tc_e = 0; tc_e < 8; tc_e++) {
              const int tc_ae = tc_a + tc_e * 1;
              tc_dst[tc_e] = (tc_e < tc_n && tc_ae >= 0 && tc_ae < n_v) ? g_v[tc_ae] : (unsigned short)0;
            }
          }
        }
        SPARSEC_CP_ASYNC_WAIT_ALL();
        // NOTE: each thread checks the chunks it staged (its own copies are complete after the wait).
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const unsigned short* tc_src = &tc_v[(tc_x / 8) * 72 + (tc_x % 8) * 8];
          for (int tc_e = 0; tc_e < 8; tc_e++) tc_bad |= (tc_src[tc_e] & 0x7f80u) == 0x7f80u;
        }
        tc_vbad102 = __syncthreads_or(tc_bad);
      }
      float f103[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f103[tc_n][tc_i] = (cf61[tc_n][tc_i] * f98[(tc_i >> 1)]);
        }
      }
      float f104[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f104[tc_n][tc_i] = f103[tc_n][tc_i];
        }
      }
      if (!tc_vbad102) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_bf16(f99[2 * tc_k][0], f99[2 * tc_k][1]), tc_pack_bf16(f99[2 * tc_k][2], f99[2 * tc_k][3]),
                                    tc_pack_bf16(f99[2 * tc_k + 1][0], f99[2 * tc_k + 1][1]), tc_pack_bf16(f99[2 * tc_k + 1][2], f99[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_BF16(f104[tc_n], tc_a, tc_b, f104[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f99[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_bf16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f104[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f104[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      float f105[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f105[tc_n][tc_i] = f6[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_BF16(f105[tc_n], tc_qa52[tc_k], tc_b, f105[tc_n]);
          SPARSEC_MMA_16816_BF16(f105[tc_n + 1], tc_qa52[tc_k], tc_b + 2, f105[tc_n + 1]);
        }
      }
      float f106[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f106[tc_n][tc_i] = (f105[tc_n][tc_i] * 0.125f);
        }
      }
      float b107[8][4];
      if (s80) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b107[tc_n][tc_i] = f106[tc_n][tc_i];
          }
        }
      } else {
        int f108[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f108[tc_n][tc_e] = (f7[tc_n][tc_e] + s72);
          }
        }
        bool f109[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f109[tc_n][tc_i] = (f108[tc_n][(tc_i & 1)] <= f49[(tc_i >> 1)]);
          }
        }
        int f110[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f110[tc_n][tc_i] = (f49[(tc_i >> 1)] - f108[tc_n][(tc_i & 1)]);
          }
        }
        bool f111[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f111[tc_n][tc_i] = (f110[tc_n][tc_i] < 128);
          }
        }
        bool f112[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f112[tc_n][tc_i] = (f109[tc_n][tc_i] && f111[tc_n][tc_i]);
          }
        }
        bool f113[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f113[tc_n][tc_e] = (f108[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f114[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f114[tc_n][tc_i] = (f112[tc_n][tc_i] && f113[tc_n][(tc_i & 1)]);
          }
        }
        float f115[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f115[tc_n][tc_i] = (f114[tc_n][tc_i] ? f106[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b107[tc_n][tc_i] = f115[tc_n][tc_i];
          }
        }
      }
      float f116[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b107[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b107[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f116[tc_h] = tc_r;
      }
      float f117[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f117[tc_h] = sp_max(cf62[tc_h], f116[tc_h]);
      }
      float f118[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f118[tc_h] = sp_softmax_exp(cf62[tc_h], f117[tc_h]);
      }
      float f119[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f119[tc_n][tc_i] = sp_softmax_exp(b107[tc_n][tc_i], f117[(tc_i >> 1)]);
        }
      }
      float f120[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f119[tc_n][2 * tc_h]);
          tc_r = (tc_r + f119[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f120[tc_h] = tc_r;
      }
      float f121[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f121[tc_h] = (cf63[tc_h] * f118[tc_h] + f120[tc_h]);
      }
      float f122[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f122[tc_n][tc_i] = (cf64[tc_n][tc_i] * f118[(tc_i >> 1)]);
        }
      }
      float f123[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f123[tc_n][tc_i] = f122[tc_n][tc_i];
        }
      }
      if (!tc_vbad102) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_bf16(f119[2 * tc_k][0], f119[2 * tc_k][1]), tc_pack_bf16(f119[2 * tc_k][2], f119[2 * tc_k][3]),
                                    tc_pack_bf16(f119[2 * tc_k + 1][0], f119[2 * tc_k + 1][1]), tc_pack_bf16(f119[2 * tc_k + 1][2], f119[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_BF16(f123[tc_n], tc_a, tc_b, f123[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f119[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_bf16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f123[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f123[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      float f124[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f124[tc_n][tc_i] = f6[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_BF16(f124[tc_n], tc_qa55[tc_k], tc_b, f124[tc_n]);
          SPARSEC_MMA_16816_BF16(f124[tc_n + 1], tc_qa55[tc_k], tc_b + 2, f124[tc_n + 1]);
        }
      }
      float f125[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f125[tc_n][tc_i] = (f124[tc_n][tc_i] * 0.125f);
        }
      }
      float b126[8][4];
      if (s80) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b126[tc_n][tc_i] = f125[tc_n][tc_i];
          }
        }
      } else {
        int f127[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f127[tc_n][tc_e] = (f7[tc_n][tc_e] + s72);
          }
        }
        bool f128[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f128[tc_n][tc_i] = (f127[tc_n][(tc_i & 1)] <= f49[(tc_i >> 1)]);
          }
        }
        int f129[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f129[tc_n][tc_i] = (f49[(tc_i >> 1)] - f127[tc_n][(tc_i & 1)]);
          }
        }
        bool f130[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f130[tc_n][tc_i] = (f129[tc_n][tc_i] < 128);
          }
        }
        bool f131[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f131[tc_n][tc_i] = (f128[tc_n][tc_i] && f130[tc_n][tc_i]);
          }
        }
        bool f132[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f132[tc_n][tc_e] = (f127[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f133[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f133[tc_n][tc_i] = (f131[tc_n][tc_i] && f132[tc_n][(tc_i & 1)]);
          }
        }
        float f134[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f134[tc_n][tc_i] = (f133[tc_n][tc_i] ? f125[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b126[tc_n][tc_i] = f134[tc_n][tc_i];
          }
        }
      }
      float f135[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b126[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b126[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f135[tc_h] = tc_r;
      }
      float f136[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f136[tc_h] = sp_max(cf65[tc_h], f135[tc_h]);
      }
      float f137[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f137[tc_h] = sp_softmax_exp(cf65[tc_h], f136[tc_h]);
      }
      float f138[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f138[tc_n][tc_i] = sp_softmax_exp(b126[tc_n][tc_i], f136[(tc_i >> 1)]);
        }
      }
      float f139[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f138[tc_n][2 * tc_h]);
          tc_r = (tc_r + f138[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f139[tc_h] = tc_r;
      }
      float f140[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f140[tc_h] = (cf66[tc_h] * f137[tc_h] + f139[tc_h]);
      }
      float f141[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f141[tc_n][tc_i] = (cf67[tc_n][tc_i] * f137[(tc_i >> 1)]);
        }
      }
      float f142[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f142[tc_n][tc_i] = f141[tc_n][tc_i];
        }
      }
      if (!tc_vbad102) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_bf16(f138[2 * tc_k][0], f138[2 * tc_k][1]), tc_pack_bf16(f138[2 * tc_k][2], f138[2 * tc_k][3]),
                                    tc_pack_bf16(f138[2 * tc_k + 1][0], f138[2 * tc_k + 1][1]), tc_pack_bf16(f138[2 * tc_k + 1][2], f138[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_BF16(f142[tc_n], tc_a, tc_b, f142[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f138[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_bf16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f142[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f142[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      float f143[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f143[tc_n][tc_i] = f6[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_BF16(f143[tc_n], tc_qa58[tc_k], tc_b, f143[tc_n]);
          SPARSEC_MMA_16816_BF16(f143[tc_n + 1], tc_qa58[tc_k], tc_b + 2, f143[tc_n + 1]);
        }
      }
      float f144[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f144[tc_n][tc_i] = (f143[tc_n][tc_i] * 0.125f);
        }
      }
      float b145[8][4];
      if (s80) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b145[tc_n][tc_i] = f144[tc_n][tc_i];
          }
        }
      } else {
        int f146[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f146[tc_n][tc_e] = (f7[tc_n][tc_e] + s72);
          }
        }
        bool f147[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f147[tc_n][tc_i] = (f146[tc_n][(tc_i & 1)] <= f49[(tc_i >> 1)]);
          }
        }
        int f148[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f148[tc_n][tc_i] = (f49[(tc_i >> 1)] - f146[tc_n][(tc_i & 1)]);
          }
        }
        bool f149[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f149[tc_n][tc_i] = (f148[tc_n][tc_i] < 128);
          }
        }
        bool f150[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f150[tc_n][tc_i] = (f147[tc_n][tc_i] && f149[tc_n][tc_i]);
          }
        }
        bool f151[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f151[tc_n][tc_e] = (f146[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f152[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f152[tc_n][tc_i] = (f150[tc_n][tc_i] && f151[tc_n][(tc_i & 1)]);
          }
        }
        float f153[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f153[tc_n][tc_i] = (f152[tc_n][tc_i] ? f144[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b145[tc_n][tc_i] = f153[tc_n][tc_i];
          }
        }
      }
      float f154[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b145[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b145[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f154[tc_h] = tc_r;
      }
      float f155[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f155[tc_h] = sp_max(cf68[tc_h], f154[tc_h]);
      }
      float f156[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f156[tc_h] = sp_softmax_exp(cf68[tc_h], f155[tc_h]);
      }
      float f157[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f157[tc_n][tc_i] = sp_softmax_exp(b145[tc_n][tc_i], f155[(tc_i >> 1)]);
        }
      }
      float f158[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f157[tc_n][2 * tc_h]);
          tc_r = (tc_r + f157[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f158[tc_h] = tc_r;
      }
      float f159[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f159[tc_h] = (cf69[tc_h] * f156[tc_h] + f158[tc_h]);
      }
      float f160[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f160[tc_n][tc_i] = (cf70[tc_n][tc_i] * f156[(tc_i >> 1)]);
        }
      }
      float f161[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f161[tc_n][tc_i] = f160[tc_n][tc_i];
        }
      }
      if (!tc_vbad102) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_bf16(f157[2 * tc_k][0], f157[2 * tc_k][1]), tc_pack_bf16(f157[2 * tc_k][2], f157[2 * tc_k][3]),
                                    tc_pack_bf16(f157[2 * tc_k + 1][0], f157[2 * tc_k + 1][1]), tc_pack_bf16(f157[2 * tc_k + 1][2], f157[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_BF16(f161[tc_n], tc_a, tc_b, f161[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f157[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_bf16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f161[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f161[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf59[tc_h] = f97[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf60[tc_h] = f101[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf61[tc_n][tc_i] = f104[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf62[tc_h] = f117[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf63[tc_h] = f121[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf64[tc_n][tc_i] = f123[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf65[tc_h] = f136[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf66[tc_h] = f140[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf67[tc_n][tc_i] = f142[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf68[tc_h] = f155[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf69[tc_h] = f159[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf70[tc_n][tc_i] = f161[tc_n][tc_i];
        }
      }
    }
    bool f162[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f162[tc_h] = (cf60[tc_h] == 0.0f);
    }
    float f163[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f163[tc_n][tc_i] = (cf61[tc_n][tc_i] / cf60[(tc_i >> 1)]);
      }
    }
    float f164[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f164[tc_n][tc_i] = (f162[(tc_i >> 1)] ? 0.0f : f163[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s33 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s35 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_bf16(f164[tc_n][tc_i]); } }
        }
      }
    }
    float f165[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f165[tc_h] = logf(cf60[tc_h]);
    }
    float f166[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f166[tc_h] = (cf59[tc_h] + f165[tc_h]);
    }
    float f167[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f167[tc_h] = (f162[tc_h] ? (-INFINITY) : f166[tc_h]);
    }
    {
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        { const int tc_a = s32 + (tc_r0 + 8 * tc_h) * 1 + 0 * 1; if ((tc_lane & 3) == 0 && (tc_r0 + 8 * tc_h) < s35 && 0 < 1 && tc_a >= 0 && tc_a < n_lse) { g_lse[tc_a] = f167[tc_h]; } }
      }
    }
    bool f168[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f168[tc_h] = (cf63[tc_h] == 0.0f);
    }
    float f169[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f169[tc_n][tc_i] = (cf64[tc_n][tc_i] / cf63[(tc_i >> 1)]);
      }
    }
    float f170[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f170[tc_n][tc_i] = (f168[(tc_i >> 1)] ? 0.0f : f169[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s51 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s35 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_bf16(f170[tc_n][tc_i]); } }
        }
      }
    }
    float f171[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f171[tc_h] = logf(cf63[tc_h]);
    }
    float f172[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f172[tc_h] = (cf62[tc_h] + f171[tc_h]);
    }
    float f173[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f173[tc_h] = (f168[tc_h] ? (-INFINITY) : f172[tc_h]);
    }
    {
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        { const int tc_a = s50 + (tc_r0 + 8 * tc_h) * 1 + 0 * 1; if ((tc_lane & 3) == 0 && (tc_r0 + 8 * tc_h) < s35 && 0 < 1 && tc_a >= 0 && tc_a < n_lse) { g_lse[tc_a] = f173[tc_h]; } }
      }
    }
    bool f174[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f174[tc_h] = (cf66[tc_h] == 0.0f);
    }
    float f175[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f175[tc_n][tc_i] = (cf67[tc_n][tc_i] / cf66[(tc_i >> 1)]);
      }
    }
    float f176[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f176[tc_n][tc_i] = (f174[(tc_i >> 1)] ? 0.0f : f175[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s54 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s35 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_bf16(f176[tc_n][tc_i]); } }
        }
      }
    }
    float f177[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f177[tc_h] = logf(cf66[tc_h]);
    }
    float f178[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f178[tc_h] = (cf65[tc_h] + f177[tc_h]);
    }
    float f179[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f179[tc_h] = (f174[tc_h] ? (-INFINITY) : f178[tc_h]);
    }
    {
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        { const int tc_a = s53 + (tc_r0 + 8 * tc_h) * 1 + 0 * 1; if ((tc_lane & 3) == 0 && (tc_r0 + 8 * tc_h) < s35 && 0 < 1 && tc_a >= 0 && tc_a < n_lse) { g_lse[tc_a] = f179[tc_h]; } }
      }
    }
    bool f180[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f180[tc_h] = (cf69[tc_h] == 0.0f);
    }
    float f181[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f181[tc_n][tc_i] = (cf70[tc_n][tc_i] / cf69[(tc_i >> 1)]);
      }
    }
    float f182[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f182[tc_n][tc_i] = (f180[(tc_i >> 1)] ? 0.0f : f181[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s57 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s35 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_bf16(f182[tc_n][tc_i]); } }
        }
      }
    }
    float f183[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f183[tc_h] = logf(cf69[tc_h]);
    }
    float f184[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f184[tc_h] = (cf68[tc_h] + f183[tc_h]);
    }
    float f185[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f185[tc_h] = (f180[tc_h] ? (-INFINITY) : f184[tc_h]);
    }
    {
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        { const int tc_a = s56 + (tc_r0 + 8 * tc_h) * 1 + 0 * 1; if ((tc_lane & 3) == 0 && (tc_r0 + 8 * tc_h) < s35 && 0 < 1 && tc_a >= 0 && tc_a < n_lse) { g_lse[tc_a] = f185[tc_h]; } }
      }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_nsa_window_workspace_bytes(int blocks) { return (size_t)blocks * 16388; }

/** Launches nsa_window on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_nsa_window_run(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, float* __restrict__ g_lse, int n_lse, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_q_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 4096);
  return SPARSEC_LAUNCH(sparsec_nsa_window_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_q, n_q, g_v, n_v, g_lse, n_lse, g_out, n_out, s_kv_len, s_q_len, sf, si);
}

extern "C" cudaError_t sparsec_nsa_window_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_nsa_window_run((const unsigned short*)buffers[0], lengths[0], (const unsigned short*)buffers[1], lengths[1], (const unsigned short*)buffers[2], lengths[2], (float*)buffers[3], lengths[3], (unsigned short*)buffers[4], lengths[4], scalars[0], scalars[1], workspace, blocks, stream);
}
