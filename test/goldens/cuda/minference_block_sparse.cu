// sparsec: kernel minference_block_sparse (generated; do not edit): tensor-core (mma.sync m16n8k16), f16, 4 warps x 16 query rows, tile_k 64
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
extern "C" __global__ void __launch_bounds__(128) sparsec_minference_block_sparse_kernel(const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const int* __restrict__ g_sel, int n_sel, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, int s_q_len, float* __restrict__ sf, int* __restrict__ si) {
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
  float f2[2];
  #pragma unroll
  for (int tc_h = 0; tc_h < 2; tc_h++) {
    f2[tc_h] = (-INFINITY);
  }
  float f3[2];
  #pragma unroll
  for (int tc_h = 0; tc_h < 2; tc_h++) {
    f3[tc_h] = 0.0f;
  }
  float f4[8][4];
  #pragma unroll
  for (int tc_n = 0; tc_n < 8; tc_n++) {
    #pragma unroll
    for (int tc_i = 0; tc_i < 4; tc_i++) {
      f4[tc_n][tc_i] = 0.0f;
    }
  }
  int f5[8][2];
  #pragma unroll
  for (int tc_n = 0; tc_n < 8; tc_n++) {
    #pragma unroll
    for (int tc_e = 0; tc_e < 2; tc_e++) {
      f5[tc_n][tc_e] = (8 * tc_n + tc_c0 + tc_e);
    }
  }
  int f6[2];
  #pragma unroll
  for (int tc_h = 0; tc_h < 2; tc_h++) {
    f6[tc_h] = (tc_r0 + 8 * tc_h);
  }
  const int s7 = (s_kv_len - s_q_len);
  const int s8 = (s_kv_len + 63);
  const int s9 = sp_floor_div(s8, 64);
  const int s10 = (s9 * 4);
  const int s11 = (s10 * s9);
  const int n12 = sp_max(0, 1 - 0);
  const int n13 = sp_max(0, 2 - 0);
  const int n14 = sp_max(0, s1 - 0);
  const int tasks = n12 * n13 * n14;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g17 = 0 + (task / (n14 * n13));
    const int g16 = 0 + (task / (n14)) % n13;
    const int g15 = 0 + task % n14;
    const int s18 = (g17 * 4);
    const int s19 = (g17 * s_plan_bmul);
    const int s20 = (s19 * s_plan_hcount);
    const int s21 = (g17 * 2);
    const bool s22 = (g17 >= 0);
    const bool s23 = (g17 < 1);
    const bool s24 = (s22 && s23);
    const int s25 = (g16 * 2);
    const int s26 = (s18 + s25);
    const int s27 = (s26 * s_q_len);
    const int s28 = (s25 * s_plan_hmul);
    const int s29 = (s20 + s28);
    const int s30 = (s29 * s1);
    const int s31 = (s21 + g16);
    const int s32 = (s31 * s_kv_len);
    const bool s33 = (s25 >= 0);
    const bool s34 = (s25 < 4);
    const bool s35 = (s33 && s34);
    const bool s36 = (s24 && s35);
    const int s37 = (s26 * s9);
    const int s38 = (s25 + 1);
    const int s39 = (s18 + s38);
    const int s40 = (s39 * s_q_len);
    const int s41 = (s38 * s_plan_hmul);
    const int s42 = (s20 + s41);
    const int s43 = (s42 * s1);
    const bool s44 = (s38 >= 0);
    const bool s45 = (s38 < 4);
    const bool s46 = (s44 && s45);
    const bool s47 = (s24 && s46);
    const int s48 = (s39 * s9);
    const int s49 = (g15 * 64);
    const int s50 = (s27 + s49);
    const int s51 = (s50 * 64);
    const int s52 = (s_q_len - s49);
    const int s53 = sp_min(64, s52);
    const int s54 = (s30 + g15);
    const int s55 = ((s54) >= 0 && (s54) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s54) : 0);
    const int s56 = (s54 + 1);
    const int s57 = ((s56) >= 0 && (s56) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s56) : 0);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s53 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
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
    unsigned tc_qa58[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa58[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    const int s59 = (s49 + s7);
    int f60[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f60[tc_h] = (f6[tc_h] + s59);
    }
    int f61[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f61[tc_h] = sp_floor_div(f60[tc_h], 64);
    }
    bool f62[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f62[tc_h] = (f61[tc_h] >= 0);
    }
    bool f63[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f63[tc_h] = (f61[tc_h] < s9);
    }
    bool f64[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f64[tc_h] = (f62[tc_h] && f63[tc_h]);
    }
    bool f65[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f65[tc_h] = (s36 && f64[tc_h]);
    }
    int f66[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f66[tc_h] = (s37 + f61[tc_h]);
    }
    int f67[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f67[tc_h] = (f66[tc_h] * s9);
    }
    float cf68[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf68[tc_h] = f2[tc_h];
    }
    float cf69[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf69[tc_h] = f3[tc_h];
    }
    float cf70[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf70[tc_n][tc_i] = f4[tc_n][tc_i];
      }
    }
    for (int r71 = s55; r71 < s57; r71++) {
      const bool s72 = ((r71) >= 0 && (r71) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, r71) != 0) : false);
      const int s73 = ((r71) >= 0 && (r71) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, r71) : 0);
      const int s74 = (s73 * 64);
      const int s75 = (s74 + 64);
      const bool s76 = (s75 <= s_kv_len);
      const bool s77 = (s72 && s76);
      const int s78 = (s32 + s74);
      const int s79 = (s78 * 64);
      const int s80 = (s_kv_len - s74);
      const int s81 = sp_min(64, s80);
      __syncthreads();
      {
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s81 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s79 + tc_row * 64 + tc_col * 1;
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
      float f82[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f82[tc_n][tc_i] = f4[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_F16(f82[tc_n], tc_qa58[tc_k], tc_b, f82[tc_n]);
          SPARSEC_MMA_16816_F16(f82[tc_n + 1], tc_qa58[tc_k], tc_b + 2, f82[tc_n + 1]);
        }
      }
      float f83[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f83[tc_n][tc_i] = (f82[tc_n][tc_i] * 0.125f);
        }
      }
      float b84[8][4];
      if (s77) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b84[tc_n][tc_i] = f83[tc_n][tc_i];
          }
        }
      } else {
        int f85[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f85[tc_n][tc_e] = (f5[tc_n][tc_e] + s74);
          }
        }
        bool f86[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f86[tc_n][tc_i] = (f85[tc_n][(tc_i & 1)] <= f60[(tc_i >> 1)]);
          }
        }
        int f87[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f87[tc_n][tc_e] = sp_floor_div(f85[tc_n][tc_e], 64);
          }
        }
        bool f88[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f88[tc_n][tc_e] = (f87[tc_n][tc_e] >= 0);
          }
        }
        bool f89[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f89[tc_n][tc_e] = (f87[tc_n][tc_e] < s9);
          }
        }
        bool f90[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f90[tc_n][tc_e] = (f88[tc_n][tc_e] && f89[tc_n][tc_e]);
          }
        }
        bool f91[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f91[tc_n][tc_i] = (f65[(tc_i >> 1)] && f90[tc_n][(tc_i & 1)]);
          }
        }
        int f92[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f92[tc_n][tc_i] = (f67[(tc_i >> 1)] + f87[tc_n][(tc_i & 1)]);
          }
        }
        int f93[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f93[tc_n][tc_i] = (f91[tc_n][tc_i] ? f92[tc_n][tc_i] : (-1));
          }
        }
        bool f94[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f94[tc_n][tc_i] = ((f93[tc_n][tc_i]) >= 0 && (f93[tc_n][tc_i]) < s11 ? (sp_rd_i32(g_sel, n_sel, f93[tc_n][tc_i]) != 0) : false);
          }
        }
        bool f95[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f95[tc_n][tc_i] = (f86[tc_n][tc_i] && f94[tc_n][tc_i]);
          }
        }
        bool f96[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f96[tc_n][tc_e] = (f85[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f97[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f97[tc_n][tc_i] = (f95[tc_n][tc_i] && f96[tc_n][(tc_i & 1)]);
          }
        }
        float f98[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f98[tc_n][tc_i] = (f97[tc_n][tc_i] ? f83[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b84[tc_n][tc_i] = f98[tc_n][tc_i];
          }
        }
      }
      float f99[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b84[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b84[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f99[tc_h] = tc_r;
      }
      float f100[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f100[tc_h] = sp_max(cf68[tc_h], f99[tc_h]);
      }
      float f101[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f101[tc_h] = sp_softmax_exp(cf68[tc_h], f100[tc_h]);
      }
      float f102[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f102[tc_n][tc_i] = sp_softmax_exp(b84[tc_n][tc_i], f100[(tc_i >> 1)]);
        }
      }
      float f103[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f102[tc_n][2 * tc_h]);
          tc_r = (tc_r + f102[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f103[tc_h] = tc_r;
      }
      float f104[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f104[tc_h] = (cf69[tc_h] * f101[tc_h] + f103[tc_h]);
      }
      int tc_vbad105;
      __syncthreads();
      {
        int tc_bad = 0;
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_v[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s81 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s79 + tc_row * 64 + tc_col * 1;
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
          for (int tc_e = 0; tc_e < 8; tc_e++) tc_bad |= (tc_src[tc_e] & 0x7c00u) == 0x7c00u;
        }
        tc_vbad105 = __syncthreads_or(tc_bad);
      }
      float f106[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f106[tc_n][tc_i] = (cf70[tc_n][tc_i] * f101[(tc_i >> 1)]);
        }
      }
      float f107[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f107[tc_n][tc_i] = f106[tc_n][tc_i];
        }
      }
      if (!tc_vbad105) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_f16(f102[2 * tc_k][0], f102[2 * tc_k][1]), tc_pack_f16(f102[2 * tc_k][2], f102[2 * tc_k][3]),
                                    tc_pack_f16(f102[2 * tc_k + 1][0], f102[2 * tc_k + 1][1]), tc_pack_f16(f102[2 * tc_k + 1][2], f102[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_F16(f107[tc_n], tc_a, tc_b, f107[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f102[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_f16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f107[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f107[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf68[tc_h] = f100[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf69[tc_h] = f104[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf70[tc_n][tc_i] = f107[tc_n][tc_i];
        }
      }
    }
    bool f108[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f108[tc_h] = (cf69[tc_h] == 0.0f);
    }
    float f109[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f109[tc_n][tc_i] = (cf70[tc_n][tc_i] / cf69[(tc_i >> 1)]);
      }
    }
    float f110[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f110[tc_n][tc_i] = (f108[(tc_i >> 1)] ? 0.0f : f109[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s51 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s53 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_f16(f110[tc_n][tc_i]); } }
        }
      }
    }
    const int s111 = (s40 + s49);
    const int s112 = (s111 * 64);
    const int s113 = (s43 + g15);
    const int s114 = ((s113) >= 0 && (s113) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s113) : 0);
    const int s115 = (s113 + 1);
    const int s116 = ((s115) >= 0 && (s115) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s115) : 0);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s53 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s112 + tc_row * 64 + tc_col * 1;
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
    unsigned tc_qa117[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa117[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    bool f118[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f118[tc_h] = (s47 && f64[tc_h]);
    }
    int f119[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f119[tc_h] = (s48 + f61[tc_h]);
    }
    int f120[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f120[tc_h] = (f119[tc_h] * s9);
    }
    float cf121[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf121[tc_h] = f2[tc_h];
    }
    float cf122[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf122[tc_h] = f3[tc_h];
    }
    float cf123[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf123[tc_n][tc_i] = f4[tc_n][tc_i];
      }
    }
    for (int r124 = s114; r124 < s116; r124++) {
      const bool s125 = ((r124) >= 0 && (r124) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, r124) != 0) : false);
      const int s126 = ((r124) >= 0 && (r124) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, r124) : 0);
      const int s127 = (s126 * 64);
      const int s128 = (s127 + 64);
      const bool s129 = (s128 <= s_kv_len);
      const bool s130 = (s125 && s129);
      const int s131 = (s32 + s127);
      const int s132 = (s131 * 64);
      const int s133 = (s_kv_len - s127);
      const int s134 = sp_min(64, s133);
      __syncthreads();
      {
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s134 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s132 + tc_row * 64 + tc_col * 1;
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
      float f135[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f135[tc_n][tc_i] = f4[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_F16(f135[tc_n], tc_qa117[tc_k], tc_b, f135[tc_n]);
          SPARSEC_MMA_16816_F16(f135[tc_n + 1], tc_qa117[tc_k], tc_b + 2, f135[tc_n + 1]);
        }
      }
      float f136[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f136[tc_n][tc_i] = (f135[tc_n][tc_i] * 0.125f);
        }
      }
      float b137[8][4];
      if (s130) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b137[tc_n][tc_i] = f136[tc_n][tc_i];
          }
        }
      } else {
        int f138[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f138[tc_n][tc_e] = (f5[tc_n][tc_e] + s127);
          }
        }
        bool f139[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f139[tc_n][tc_i] = (f138[tc_n][(tc_i & 1)] <= f60[(tc_i >> 1)]);
          }
        }
        int f140[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f140[tc_n][tc_e] = sp_floor_div(f138[tc_n][tc_e], 64);
          }
        }
        bool f141[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f141[tc_n][tc_e] = (f140[tc_n][tc_e] >= 0);
          }
        }
        bool f142[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f142[tc_n][tc_e] = (f140[tc_n][tc_e] < s9);
          }
        }
        bool f143[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f143[tc_n][tc_e] = (f141[tc_n][tc_e] && f142[tc_n][tc_e]);
          }
        }
        bool f144[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f144[tc_n][tc_i] = (f118[(tc_i >> 1)] && f143[tc_n][(tc_i & 1)]);
          }
        }
        int f145[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f145[tc_n][tc_i] = (f120[(tc_i >> 1)] + f140[tc_n][(tc_i & 1)]);
          }
        }
        int f146[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f146[tc_n][tc_i] = (f144[tc_n][tc_i] ? f145[tc_n][tc_i] : (-1));
          }
        }
        bool f147[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f147[tc_n][tc_i] = ((f146[tc_n][tc_i]) >= 0 && (f146[tc_n][tc_i]) < s11 ? (sp_rd_i32(g_sel, n_sel, f146[tc_n][tc_i]) != 0) : false);
          }
        }
        bool f148[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f148[tc_n][tc_i] = (f139[tc_n][tc_i] && f147[tc_n][tc_i]);
          }
        }
        bool f149[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f149[tc_n][tc_e] = (f138[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f150[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f150[tc_n][tc_i] = (f148[tc_n][tc_i] && f149[tc_n][(tc_i & 1)]);
          }
        }
        float f151[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f151[tc_n][tc_i] = (f150[tc_n][tc_i] ? f136[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b137[tc_n][tc_i] = f151[tc_n][tc_i];
          }
        }
      }
      float f152[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b137[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b137[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f152[tc_h] = tc_r;
      }
      float f153[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f153[tc_h] = sp_max(cf121[tc_h], f152[tc_h]);
      }
      float f154[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f154[tc_h] = sp_softmax_exp(cf121[tc_h], f153[tc_h]);
      }
      float f155[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f155[tc_n][tc_i] = sp_softmax_exp(b137[tc_n][tc_i], f153[(tc_i >> 1)]);
        }
      }
      float f156[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f155[tc_n][2 * tc_h]);
          tc_r = (tc_r + f155[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f156[tc_h] = tc_r;
      }
      float f157[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f157[tc_h] = (cf122[tc_h] * f154[tc_h] + f156[tc_h]);
      }
      int tc_vbad158;
      __syncthreads();
      {
        int tc_bad = 0;
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_v[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s134 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s132 + tc_row * 64 + tc_col * 1;
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
          for (int tc_e = 0; tc_e < 8; tc_e++) tc_bad |= (tc_src[tc_e] & 0x7c00u) == 0x7c00u;
        }
        tc_vbad158 = __syncthreads_or(tc_bad);
      }
      float f159[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f159[tc_n][tc_i] = (cf123[tc_n][tc_i] * f154[(tc_i >> 1)]);
        }
      }
      float f160[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f160[tc_n][tc_i] = f159[tc_n][tc_i];
        }
      }
      if (!tc_vbad158) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_f16(f155[2 * tc_k][0], f155[2 * tc_k][1]), tc_pack_f16(f155[2 * tc_k][2], f155[2 * tc_k][3]),
                                    tc_pack_f16(f155[2 * tc_k + 1][0], f155[2 * tc_k + 1][1]), tc_pack_f16(f155[2 * tc_k + 1][2], f155[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_F16(f160[tc_n], tc_a, tc_b, f160[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f155[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_f16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f160[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f160[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf121[tc_h] = f153[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf122[tc_h] = f157[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf123[tc_n][tc_i] = f160[tc_n][tc_i];
        }
      }
    }
    bool f161[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f161[tc_h] = (cf122[tc_h] == 0.0f);
    }
    float f162[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f162[tc_n][tc_i] = (cf123[tc_n][tc_i] / cf122[(tc_i >> 1)]);
      }
    }
    float f163[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f163[tc_n][tc_i] = (f161[(tc_i >> 1)] ? 0.0f : f162[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s112 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s53 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_f16(f163[tc_n][tc_i]); } }
        }
      }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_minference_block_sparse_workspace_bytes(int blocks) { return (size_t)blocks * 16388; }

/** Launches minference_block_sparse on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_minference_block_sparse_run(const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const int* __restrict__ g_sel, int n_sel, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, int s_q_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 4096);
  return SPARSEC_LAUNCH(sparsec_minference_block_sparse_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_plan_full, n_plan_full, g_plan_ktiles, n_plan_ktiles, g_plan_rowptr, n_plan_rowptr, g_q, n_q, g_sel, n_sel, g_v, n_v, g_out, n_out, s_kv_len, s_plan_bmul, s_plan_hcount, s_plan_hmul, s_plan_len, s_plan_rows, s_q_len, sf, si);
}

extern "C" cudaError_t sparsec_minference_block_sparse_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_minference_block_sparse_run((const unsigned short*)buffers[0], lengths[0], (const int*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const int*)buffers[3], lengths[3], (const unsigned short*)buffers[4], lengths[4], (const int*)buffers[5], lengths[5], (const unsigned short*)buffers[6], lengths[6], (unsigned short*)buffers[7], lengths[7], scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], scalars[6], workspace, blocks, stream);
}
