// sparsec: kernel packed_documents_prefill (generated; do not edit): tensor-core (mma.sync m16n8k16), bf16, 4 warps x 16 query rows, tile_k 64
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
extern "C" __global__ void __launch_bounds__(128) sparsec_packed_documents_prefill_kernel(const int* __restrict__ g_doc, int n_doc, const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, int s_q_len, float* __restrict__ sf, int* __restrict__ si) {
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
  const int s8 = (s_batch * s_kv_len);
  const int n9 = sp_max(0, s_batch - 0);
  const int n10 = sp_max(0, 2 - 0);
  const int n11 = sp_max(0, s1 - 0);
  const int tasks = n9 * n10 * n11;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g14 = 0 + (task / (n11 * n10));
    const int g13 = 0 + (task / (n11)) % n10;
    const int g12 = 0 + task % n11;
    const int s15 = (g14 * 4);
    const int s16 = (g14 * s_plan_bmul);
    const int s17 = (s16 * s_plan_hcount);
    const int s18 = (g14 * 2);
    const bool s19 = (g14 >= 0);
    const bool s20 = (g14 < s_batch);
    const bool s21 = (s19 && s20);
    const int s22 = (g14 * s_kv_len);
    const int s23 = (g13 * 2);
    const int s24 = (s15 + s23);
    const int s25 = (s24 * s_q_len);
    const int s26 = (s23 * s_plan_hmul);
    const int s27 = (s17 + s26);
    const int s28 = (s27 * s1);
    const int s29 = (s18 + g13);
    const int s30 = (s29 * s_kv_len);
    const int s31 = (s23 + 1);
    const int s32 = (s15 + s31);
    const int s33 = (s32 * s_q_len);
    const int s34 = (s31 * s_plan_hmul);
    const int s35 = (s17 + s34);
    const int s36 = (s35 * s1);
    const int s37 = (g12 * 64);
    const int s38 = (s25 + s37);
    const int s39 = (s38 * 64);
    const int s40 = (s_q_len - s37);
    const int s41 = sp_min(64, s40);
    const int s42 = (s28 + g12);
    const int s43 = ((s42) >= 0 && (s42) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s42) : 0);
    const int s44 = (s42 + 1);
    const int s45 = ((s44) >= 0 && (s44) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s44) : 0);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s41 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s39 + tc_row * 64 + tc_col * 1;
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
    unsigned tc_qa46[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa46[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    const int s47 = (s37 + s7);
    int f48[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f48[tc_h] = (f6[tc_h] + s47);
    }
    bool f49[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f49[tc_h] = (f48[tc_h] >= 0);
    }
    bool f50[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f50[tc_h] = (f48[tc_h] < s_kv_len);
    }
    bool f51[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f51[tc_h] = (f49[tc_h] && f50[tc_h]);
    }
    bool f52[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f52[tc_h] = (s21 && f51[tc_h]);
    }
    int f53[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f53[tc_h] = (s22 + f48[tc_h]);
    }
    int f54[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f54[tc_h] = (f52[tc_h] ? f53[tc_h] : (-1));
    }
    int f55[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f55[tc_h] = ((f54[tc_h]) >= 0 && (f54[tc_h]) < s8 ? sp_rd_i32(g_doc, n_doc, f54[tc_h]) : 0);
    }
    float cf56[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf56[tc_h] = f2[tc_h];
    }
    float cf57[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf57[tc_h] = f3[tc_h];
    }
    float cf58[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf58[tc_n][tc_i] = f4[tc_n][tc_i];
      }
    }
    for (int r59 = s43; r59 < s45; r59++) {
      const bool s60 = ((r59) >= 0 && (r59) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, r59) != 0) : false);
      const int s61 = ((r59) >= 0 && (r59) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, r59) : 0);
      const int s62 = (s61 * 64);
      const int s63 = (s62 + 64);
      const bool s64 = (s63 <= s_kv_len);
      const bool s65 = (s60 && s64);
      const int s66 = (s30 + s62);
      const int s67 = (s66 * 64);
      const int s68 = (s_kv_len - s62);
      const int s69 = sp_min(64, s68);
      __syncthreads();
      {
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s69 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s67 + tc_row * 64 + tc_col * 1;
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
      float f70[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f70[tc_n][tc_i] = f4[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_BF16(f70[tc_n], tc_qa46[tc_k], tc_b, f70[tc_n]);
          SPARSEC_MMA_16816_BF16(f70[tc_n + 1], tc_qa46[tc_k], tc_b + 2, f70[tc_n + 1]);
        }
      }
      float f71[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f71[tc_n][tc_i] = (f70[tc_n][tc_i] * 0.125f);
        }
      }
      float b72[8][4];
      if (s65) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b72[tc_n][tc_i] = f71[tc_n][tc_i];
          }
        }
      } else {
        int f73[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f73[tc_n][tc_e] = (f5[tc_n][tc_e] + s62);
          }
        }
        bool f74[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f74[tc_n][tc_i] = (f73[tc_n][(tc_i & 1)] <= f48[(tc_i >> 1)]);
          }
        }
        bool f75[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f75[tc_n][tc_e] = (f73[tc_n][tc_e] >= 0);
          }
        }
        bool f76[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f76[tc_n][tc_e] = (f73[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f77[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f77[tc_n][tc_e] = (f75[tc_n][tc_e] && f76[tc_n][tc_e]);
          }
        }
        bool f78[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f78[tc_n][tc_e] = (s21 && f77[tc_n][tc_e]);
          }
        }
        int f79[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f79[tc_n][tc_e] = (s22 + f73[tc_n][tc_e]);
          }
        }
        int f80[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f80[tc_n][tc_e] = (f78[tc_n][tc_e] ? f79[tc_n][tc_e] : (-1));
          }
        }
        int f81[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f81[tc_n][tc_e] = ((f80[tc_n][tc_e]) >= 0 && (f80[tc_n][tc_e]) < s8 ? sp_rd_i32(g_doc, n_doc, f80[tc_n][tc_e]) : 0);
          }
        }
        bool f82[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f82[tc_n][tc_i] = (f55[(tc_i >> 1)] == f81[tc_n][(tc_i & 1)]);
          }
        }
        bool f83[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f83[tc_n][tc_i] = (f74[tc_n][tc_i] && f82[tc_n][tc_i]);
          }
        }
        bool f84[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f84[tc_n][tc_i] = (f83[tc_n][tc_i] && f76[tc_n][(tc_i & 1)]);
          }
        }
        float f85[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f85[tc_n][tc_i] = (f84[tc_n][tc_i] ? f71[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b72[tc_n][tc_i] = f85[tc_n][tc_i];
          }
        }
      }
      float f86[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b72[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b72[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f86[tc_h] = tc_r;
      }
      float f87[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f87[tc_h] = sp_max(cf56[tc_h], f86[tc_h]);
      }
      float f88[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f88[tc_h] = sp_softmax_exp(cf56[tc_h], f87[tc_h]);
      }
      float f89[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f89[tc_n][tc_i] = sp_softmax_exp(b72[tc_n][tc_i], f87[(tc_i >> 1)]);
        }
      }
      float f90[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f89[tc_n][2 * tc_h]);
          tc_r = (tc_r + f89[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f90[tc_h] = tc_r;
      }
      float f91[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f91[tc_h] = (cf57[tc_h] * f88[tc_h] + f90[tc_h]);
      }
      int tc_vbad92;
      __syncthreads();
      {
        int tc_bad = 0;
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_v[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s69 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s67 + tc_row * 64 + tc_col * 1;
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
        tc_vbad92 = __syncthreads_or(tc_bad);
      }
      float f93[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f93[tc_n][tc_i] = (cf58[tc_n][tc_i] * f88[(tc_i >> 1)]);
        }
      }
      float f94[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f94[tc_n][tc_i] = f93[tc_n][tc_i];
        }
      }
      if (!tc_vbad92) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_bf16(f89[2 * tc_k][0], f89[2 * tc_k][1]), tc_pack_bf16(f89[2 * tc_k][2], f89[2 * tc_k][3]),
                                    tc_pack_bf16(f89[2 * tc_k + 1][0], f89[2 * tc_k + 1][1]), tc_pack_bf16(f89[2 * tc_k + 1][2], f89[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_BF16(f94[tc_n], tc_a, tc_b, f94[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f89[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_bf16_to_f32(tc_v[tc_key * 72 + 8 * tc_n + tc_c0 + tc_e]);
              f94[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f94[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf56[tc_h] = f87[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf57[tc_h] = f91[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf58[tc_n][tc_i] = f94[tc_n][tc_i];
        }
      }
    }
    bool f95[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f95[tc_h] = (cf57[tc_h] == 0.0f);
    }
    float f96[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f96[tc_n][tc_i] = (cf58[tc_n][tc_i] / cf57[(tc_i >> 1)]);
      }
    }
    float f97[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f97[tc_n][tc_i] = (f95[(tc_i >> 1)] ? 0.0f : f96[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s39 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s41 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_bf16(f97[tc_n][tc_i]); } }
        }
      }
    }
    const int s98 = (s33 + s37);
    const int s99 = (s98 * 64);
    const int s100 = (s36 + g12);
    const int s101 = ((s100) >= 0 && (s100) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s100) : 0);
    const int s102 = (s100 + 1);
    const int s103 = ((s102) >= 0 && (s102) < s_plan_rows ? sp_rd_i32(g_plan_rowptr, n_plan_rowptr, s102) : 0);
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 512; tc_x += 128) {
        const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
        const int tc_n = tc_row < s41 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
        const int tc_a = s99 + tc_row * 64 + tc_col * 1;
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
    unsigned tc_qa104[4][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 4; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa104[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    float cf105[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf105[tc_h] = f2[tc_h];
    }
    float cf106[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf106[tc_h] = f3[tc_h];
    }
    float cf107[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf107[tc_n][tc_i] = f4[tc_n][tc_i];
      }
    }
    for (int r108 = s101; r108 < s103; r108++) {
      const bool s109 = ((r108) >= 0 && (r108) < s_plan_len ? (sp_rd_i32(g_plan_full, n_plan_full, r108) != 0) : false);
      const int s110 = ((r108) >= 0 && (r108) < s_plan_len ? sp_rd_i32(g_plan_ktiles, n_plan_ktiles, r108) : 0);
      const int s111 = (s110 * 64);
      const int s112 = (s111 + 64);
      const bool s113 = (s112 <= s_kv_len);
      const bool s114 = (s109 && s113);
      const int s115 = (s30 + s111);
      const int s116 = (s115 * 64);
      const int s117 = (s_kv_len - s111);
      const int s118 = sp_min(64, s117);
      __syncthreads();
      {
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_qk[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s118 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s116 + tc_row * 64 + tc_col * 1;
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
      float f119[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f119[tc_n][tc_i] = f4[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 4; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 72 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_BF16(f119[tc_n], tc_qa104[tc_k], tc_b, f119[tc_n]);
          SPARSEC_MMA_16816_BF16(f119[tc_n + 1], tc_qa104[tc_k], tc_b + 2, f119[tc_n + 1]);
        }
      }
      float f120[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f120[tc_n][tc_i] = (f119[tc_n][tc_i] * 0.125f);
        }
      }
      float b121[8][4];
      if (s114) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b121[tc_n][tc_i] = f120[tc_n][tc_i];
          }
        }
      } else {
        int f122[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f122[tc_n][tc_e] = (f5[tc_n][tc_e] + s111);
          }
        }
        bool f123[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f123[tc_n][tc_i] = (f122[tc_n][(tc_i & 1)] <= f48[(tc_i >> 1)]);
          }
        }
        bool f124[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f124[tc_n][tc_e] = (f122[tc_n][tc_e] >= 0);
          }
        }
        bool f125[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f125[tc_n][tc_e] = (f122[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f126[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f126[tc_n][tc_e] = (f124[tc_n][tc_e] && f125[tc_n][tc_e]);
          }
        }
        bool f127[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f127[tc_n][tc_e] = (s21 && f126[tc_n][tc_e]);
          }
        }
        int f128[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f128[tc_n][tc_e] = (s22 + f122[tc_n][tc_e]);
          }
        }
        int f129[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f129[tc_n][tc_e] = (f127[tc_n][tc_e] ? f128[tc_n][tc_e] : (-1));
          }
        }
        int f130[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f130[tc_n][tc_e] = ((f129[tc_n][tc_e]) >= 0 && (f129[tc_n][tc_e]) < s8 ? sp_rd_i32(g_doc, n_doc, f129[tc_n][tc_e]) : 0);
          }
        }
        bool f131[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f131[tc_n][tc_i] = (f55[(tc_i >> 1)] == f130[tc_n][(tc_i & 1)]);
          }
        }
        bool f132[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f132[tc_n][tc_i] = (f123[tc_n][tc_i] && f131[tc_n][tc_i]);
          }
        }
        bool f133[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f133[tc_n][tc_i] = (f132[tc_n][tc_i] && f125[tc_n][(tc_i & 1)]);
          }
        }
        float f134[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f134[tc_n][tc_i] = (f133[tc_n][tc_i] ? f120[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b121[tc_n][tc_i] = f134[tc_n][tc_i];
          }
        }
      }
      float f135[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b121[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b121[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f135[tc_h] = tc_r;
      }
      float f136[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f136[tc_h] = sp_max(cf105[tc_h], f135[tc_h]);
      }
      float f137[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f137[tc_h] = sp_softmax_exp(cf105[tc_h], f136[tc_h]);
      }
      float f138[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f138[tc_n][tc_i] = sp_softmax_exp(b121[tc_n][tc_i], f136[(tc_i >> 1)]);
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
        f140[tc_h] = (cf106[tc_h] * f137[tc_h] + f139[tc_h]);
      }
      int tc_vbad141;
      __syncthreads();
      {
        int tc_bad = 0;
        for (int tc_x = lid; tc_x < 512; tc_x += 128) {
          const int tc_row = tc_x / 8, tc_col = (tc_x % 8) * 8;
          unsigned short* tc_dst = &tc_v[tc_row * 72 + tc_col];
          const int tc_n = tc_row < s118 ? sp_max(0, sp_min(8, 64 - tc_col)) : 0;
          const int tc_a = s116 + tc_row * 64 + tc_col * 1;
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
        tc_vbad141 = __syncthreads_or(tc_bad);
      }
      float f142[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f142[tc_n][tc_i] = (cf107[tc_n][tc_i] * f137[(tc_i >> 1)]);
        }
      }
      float f143[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f143[tc_n][tc_i] = f142[tc_n][tc_i];
        }
      }
      if (!tc_vbad141) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_bf16(f138[2 * tc_k][0], f138[2 * tc_k][1]), tc_pack_bf16(f138[2 * tc_k][2], f138[2 * tc_k][3]),
                                    tc_pack_bf16(f138[2 * tc_k + 1][0], f138[2 * tc_k + 1][1]), tc_pack_bf16(f138[2 * tc_k + 1][2], f138[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 8; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 72 + tc_n * 8]);
            SPARSEC_MMA_16816_BF16(f143[tc_n], tc_a, tc_b, f143[tc_n]);
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
              f143[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f143[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf105[tc_h] = f136[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf106[tc_h] = f140[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf107[tc_n][tc_i] = f143[tc_n][tc_i];
        }
      }
    }
    bool f144[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f144[tc_h] = (cf106[tc_h] == 0.0f);
    }
    float f145[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f145[tc_n][tc_i] = (cf107[tc_n][tc_i] / cf106[(tc_i >> 1)]);
      }
    }
    float f146[8][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 8; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f146[tc_n][tc_i] = (f144[(tc_i >> 1)] ? 0.0f : f145[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s99 + (tc_r0 + 8 * (tc_i >> 1)) * 64 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s41 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 64 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_bf16(f146[tc_n][tc_i]); } }
        }
      }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_packed_documents_prefill_workspace_bytes(int blocks) { return (size_t)blocks * 16388; }

/** Launches packed_documents_prefill on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_packed_documents_prefill_run(const int* __restrict__ g_doc, int n_doc, const unsigned short* __restrict__ g_k, int n_k, const int* __restrict__ g_plan_full, int n_plan_full, const int* __restrict__ g_plan_ktiles, int n_plan_ktiles, const int* __restrict__ g_plan_rowptr, int n_plan_rowptr, const unsigned short* __restrict__ g_q, int n_q, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_batch, int s_kv_len, int s_plan_bmul, int s_plan_hcount, int s_plan_hmul, int s_plan_len, int s_plan_rows, int s_q_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 4096);
  return SPARSEC_LAUNCH(sparsec_packed_documents_prefill_kernel, dim3(blocks), dim3(128), 0, stream, g_doc, n_doc, g_k, n_k, g_plan_full, n_plan_full, g_plan_ktiles, n_plan_ktiles, g_plan_rowptr, n_plan_rowptr, g_q, n_q, g_v, n_v, g_out, n_out, s_batch, s_kv_len, s_plan_bmul, s_plan_hcount, s_plan_hmul, s_plan_len, s_plan_rows, s_q_len, sf, si);
}

extern "C" cudaError_t sparsec_packed_documents_prefill_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_packed_documents_prefill_run((const int*)buffers[0], lengths[0], (const unsigned short*)buffers[1], lengths[1], (const int*)buffers[2], lengths[2], (const int*)buffers[3], lengths[3], (const int*)buffers[4], lengths[4], (const unsigned short*)buffers[5], lengths[5], (const unsigned short*)buffers[6], lengths[6], (unsigned short*)buffers[7], lengths[7], scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], scalars[6], scalars[7], workspace, blocks, stream);
}
