// sparsec: kernel alibi_softcap (generated; do not edit): tensor-core (mma.sync m16n8k16), f16, 4 warps x 16 query rows, tile_k 64
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
extern "C" __global__ void __launch_bounds__(128) sparsec_alibi_softcap_kernel(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const float* __restrict__ g_slopes, int n_slopes, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_q_len, float* __restrict__ sf, int* __restrict__ si) {
  const int lid = (int)threadIdx.x;
  const int wid = (int)blockIdx.x;
  const int nblocks = (int)gridDim.x;
  const int sbf = wid * 4096;
  const int tc_lane = lid & 31, tc_warp = lid >> 5;
  // this lane's first row (of 16 per warp) and first column (of 8 per n-block) in the mma accumulator layout
  const int tc_r0 = tc_warp * 16 + (tc_lane >> 2), tc_c0 = 2 * (tc_lane & 3);
  __shared__ unsigned short tc_qk[8704] __attribute__((aligned(16)));
  __shared__ unsigned short tc_v[8704] __attribute__((aligned(16)));
  const int s0 = (s_q_len + 63);
  const int s1 = sp_floor_div(s0, 64);
  const int s2 = (s_kv_len - 1);
  const int s3 = (s_kv_len - s_q_len);
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
  float f6[16][4];
  #pragma unroll
  for (int tc_n = 0; tc_n < 16; tc_n++) {
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
  float f9[8][4];
  #pragma unroll
  for (int tc_n = 0; tc_n < 8; tc_n++) {
    #pragma unroll
    for (int tc_i = 0; tc_i < 4; tc_i++) {
      f9[tc_n][tc_i] = 0.0f;
    }
  }
  const int n10 = sp_max(0, 1 - 0);
  const int n11 = sp_max(0, 8 - 0);
  const int n12 = sp_max(0, s1 - 0);
  const int tasks = n10 * n11 * n12;
  for (int task = wid; task < tasks; task += nblocks) {
    const int g15 = 0 + (task / (n12 * n11));
    const int g14 = 0 + (task / (n12)) % n11;
    const int g13 = 0 + task % n12;
    const int s16 = (g15 * 8);
    const int s17 = (s16 + g14);
    const int s18 = (s17 * s_q_len);
    const int s19 = (s17 * s_kv_len);
    const float s20 = ((g14) >= 0 && (g14) < 8 ? sp_rd_f32(g_slopes, n_slopes, g14) : 0.0f);
    const int s21 = (g13 * 64);
    const int s22 = (s18 + s21);
    const int s23 = (s22 * 128);
    const int s24 = (s_q_len - s21);
    const int s25 = sp_min(64, s24);
    const int s26 = (s21 + s3);
    const int s27 = (s26 + 64);
    const int s28 = sp_min(s_kv_len, s27);
    const int s29 = (s28 - 1);
    const int s30 = sp_min(s2, s29);
    const int s31 = sp_floor_div(s30, 64);
    const int s32 = (s31 + 1);
    const int s33 = sp_max(0, s32);
    int f34[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f34[tc_h] = (f8[tc_h] + s26);
    }
    __syncthreads();
    {
      for (int tc_x = lid; tc_x < 1024; tc_x += 128) {
        const int tc_row = tc_x / 16, tc_col = (tc_x % 16) * 8;
        unsigned short* tc_dst = &tc_qk[tc_row * 136 + tc_col];
        const int tc_n = tc_row < s25 ? sp_max(0, sp_min(8, 128 - tc_col)) : 0;
        const int tc_a = s23 + tc_row * 128 + tc_col * 1;
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
    unsigned tc_qa35[8][4];
    #pragma unroll
    for (int tc_k = 0; tc_k < 8; tc_k++) {
      // NOTE: matrix j = lane / 8: rows +8 (j odd) and columns +8 (j >= 2) give a0..a3 of the m16k16 A fragment.
      SPARSEC_LDMATRIX_X4(tc_qa35[tc_k], &tc_qk[(tc_warp * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 136 + tc_k * 16 + (tc_lane >> 4) * 8]);
    }
    float cf36[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf36[tc_h] = f4[tc_h];
    }
    float cf37[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      cf37[tc_h] = f5[tc_h];
    }
    float cf38[16][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 16; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        cf38[tc_n][tc_i] = f6[tc_n][tc_i];
      }
    }
    for (int r39 = 0; r39 < s33; r39++) {
      const int s40 = (r39 * 64);
      const bool s41 = (0 <= s40);
      const int s42 = (s40 + 64);
      const int s43 = sp_min(s_kv_len, s42);
      const int s44 = (s43 - 1);
      const bool s45 = (s44 <= s26);
      const bool s46 = (s41 && s45);
      const bool s47 = (s42 <= s_kv_len);
      const bool s48 = (s46 && s47);
      int f49[8][2];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_e = 0; tc_e < 2; tc_e++) {
          f49[tc_n][tc_e] = (f7[tc_n][tc_e] + s40);
        }
      }
      const int s50 = (s19 + s40);
      const int s51 = (s50 * 128);
      const int s52 = (s_kv_len - s40);
      const int s53 = sp_min(64, s52);
      __syncthreads();
      {
        for (int tc_x = lid; tc_x < 1024; tc_x += 128) {
          const int tc_row = tc_x / 16, tc_col = (tc_x % 16) * 8;
          unsigned short* tc_dst = &tc_qk[tc_row * 136 + tc_col];
          const int tc_n = tc_row < s53 ? sp_max(0, sp_min(8, 128 - tc_col)) : 0;
          const int tc_a = s51 + tc_row * 128 + tc_col * 1;
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
      float f54[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f54[tc_n][tc_i] = f9[tc_n][tc_i];
        }
      }
      #pragma unroll
      for (int tc_k = 0; tc_k < 8; tc_k++) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n += 2) {
          unsigned tc_b[4];
          // NOTE: matrix j = lane / 8: columns +8 (j odd), keys +8 (j >= 2): b0 b1 of n-block tc_n, then of tc_n + 1.
          SPARSEC_LDMATRIX_X4(tc_b, &tc_qk[(tc_n * 8 + (tc_lane >> 4) * 8 + (tc_lane & 7)) * 136 + tc_k * 16 + ((tc_lane >> 3) & 1) * 8]);
          SPARSEC_MMA_16816_F16(f54[tc_n], tc_qa35[tc_k], tc_b, f54[tc_n]);
          SPARSEC_MMA_16816_F16(f54[tc_n + 1], tc_qa35[tc_k], tc_b + 2, f54[tc_n + 1]);
        }
      }
      float f55[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f55[tc_n][tc_i] = (f54[tc_n][tc_i] * 0.0883883461356163f);
        }
      }
      int f56[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f56[tc_n][tc_i] = (f34[(tc_i >> 1)] - f49[tc_n][(tc_i & 1)]);
        }
      }
      float f57[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f57[tc_n][tc_i] = ((float)(f56[tc_n][tc_i]));
        }
      }
      float f58[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f58[tc_n][tc_i] = (s20 * f57[tc_n][tc_i]);
        }
      }
      float f59[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f59[tc_n][tc_i] = (f55[tc_n][tc_i] - f58[tc_n][tc_i]);
        }
      }
      float f60[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f60[tc_n][tc_i] = (f59[tc_n][tc_i] / 30.0f);
        }
      }
      float f61[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f61[tc_n][tc_i] = tanhf(f60[tc_n][tc_i]);
        }
      }
      float f62[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f62[tc_n][tc_i] = (30.0f * f61[tc_n][tc_i]);
        }
      }
      float b63[8][4];
      if (s48) {
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b63[tc_n][tc_i] = f62[tc_n][tc_i];
          }
        }
      } else {
        bool f64[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f64[tc_n][tc_i] = (f49[tc_n][(tc_i & 1)] <= f34[(tc_i >> 1)]);
          }
        }
        bool f65[8][2];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_e = 0; tc_e < 2; tc_e++) {
            f65[tc_n][tc_e] = (f49[tc_n][tc_e] < s_kv_len);
          }
        }
        bool f66[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f66[tc_n][tc_i] = (f64[tc_n][tc_i] && f65[tc_n][(tc_i & 1)]);
          }
        }
        float f67[8][4];
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            f67[tc_n][tc_i] = (f66[tc_n][tc_i] ? f62[tc_n][tc_i] : (-INFINITY));
          }
        }
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) {
            b63[tc_n][tc_i] = f67[tc_n][tc_i];
          }
        }
      }
      float f68[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = (-INFINITY);
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = sp_max(tc_r, b63[tc_n][2 * tc_h]);
          tc_r = sp_max(tc_r, b63[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = sp_max(tc_r, __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f68[tc_h] = tc_r;
      }
      float f69[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f69[tc_h] = sp_max(cf36[tc_h], f68[tc_h]);
      }
      float f70[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f70[tc_h] = sp_softmax_exp(cf36[tc_h], f69[tc_h]);
      }
      float f71[8][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 8; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f71[tc_n][tc_i] = sp_softmax_exp(b63[tc_n][tc_i], f69[(tc_i >> 1)]);
        }
      }
      float f72[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        float tc_r = 0.0f;
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          tc_r = (tc_r + f71[tc_n][2 * tc_h]);
          tc_r = (tc_r + f71[tc_n][2 * tc_h + 1]);
        }
        // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 1));
        tc_r = (tc_r + __shfl_xor_sync(0xffffffffu, tc_r, 2));
        f72[tc_h] = tc_r;
      }
      float f73[2];
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        f73[tc_h] = (cf37[tc_h] * f70[tc_h] + f72[tc_h]);
      }
      int tc_vbad74;
      __syncthreads();
      {
        int tc_bad = 0;
        for (int tc_x = lid; tc_x < 1024; tc_x += 128) {
          const int tc_row = tc_x / 16, tc_col = (tc_x % 16) * 8;
          unsigned short* tc_dst = &tc_v[tc_row * 136 + tc_col];
          const int tc_n = tc_row < s53 ? sp_max(0, sp_min(8, 128 - tc_col)) : 0;
          const int tc_a = s51 + tc_row * 128 + tc_col * 1;
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
        for (int tc_x = lid; tc_x < 1024; tc_x += 128) {
          const unsigned short* tc_src = &tc_v[(tc_x / 16) * 136 + (tc_x % 16) * 8];
          for (int tc_e = 0; tc_e < 8; tc_e++) tc_bad |= (tc_src[tc_e] & 0x7c00u) == 0x7c00u;
        }
        tc_vbad74 = __syncthreads_or(tc_bad);
      }
      float f75[16][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 16; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f75[tc_n][tc_i] = (cf38[tc_n][tc_i] * f70[(tc_i >> 1)]);
        }
      }
      float f76[16][4];
      #pragma unroll
      for (int tc_n = 0; tc_n < 16; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          f76[tc_n][tc_i] = f75[tc_n][tc_i];
        }
      }
      if (!tc_vbad74) {
        #pragma unroll
        for (int tc_k = 0; tc_k < 4; tc_k++) {
          const unsigned tc_a[4] = {tc_pack_f16(f71[2 * tc_k][0], f71[2 * tc_k][1]), tc_pack_f16(f71[2 * tc_k][2], f71[2 * tc_k][3]),
                                    tc_pack_f16(f71[2 * tc_k + 1][0], f71[2 * tc_k + 1][1]), tc_pack_f16(f71[2 * tc_k + 1][2], f71[2 * tc_k + 1][3])};
          #pragma unroll
          for (int tc_n = 0; tc_n < 16; tc_n++) {
            unsigned tc_b[2];
            SPARSEC_LDMATRIX_X2_TRANS(tc_b, &tc_v[(tc_k * 16 + ((tc_lane >> 3) & 1) * 8 + (tc_lane & 7)) * 136 + tc_n * 8]);
            SPARSEC_MMA_16816_F16(f76[tc_n], tc_a, tc_b, f76[tc_n]);
          }
        }
      } else {
        // NOTE: skip_zero: a zero weight contributes nothing, even against a NaN / inf V (a select, not a product).
        #pragma unroll
        for (int tc_n = 0; tc_n < 8; tc_n++) {
          #pragma unroll
          for (int tc_i = 0; tc_i < 4; tc_i++) sf[sbf + (tc_r0 + 8 * (tc_i >> 1)) * 64 + 8 * tc_n + tc_c0 + (tc_i & 1)] = f71[tc_n][tc_i];
        }
        __syncwarp();
        for (int tc_key = 0; tc_key < 64; tc_key++) {
          const float tc_p0 = sf[sbf + tc_r0 * 64 + tc_key], tc_p1 = sf[sbf + (tc_r0 + 8) * 64 + tc_key];
          #pragma unroll
          for (int tc_n = 0; tc_n < 16; tc_n++) {
            #pragma unroll
            for (int tc_e = 0; tc_e < 2; tc_e++) {
              const float tc_x = sp_f16_to_f32(tc_v[tc_key * 136 + 8 * tc_n + tc_c0 + tc_e]);
              f76[tc_n][tc_e] += tc_p0 != 0.0f ? tc_p0 * tc_x : 0.0f;
              f76[tc_n][2 + tc_e] += tc_p1 != 0.0f ? tc_p1 * tc_x : 0.0f;
            }
          }
        }
        __syncwarp();
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf36[tc_h] = f69[tc_h];
      }
      #pragma unroll
      for (int tc_h = 0; tc_h < 2; tc_h++) {
        cf37[tc_h] = f73[tc_h];
      }
      #pragma unroll
      for (int tc_n = 0; tc_n < 16; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          cf38[tc_n][tc_i] = f76[tc_n][tc_i];
        }
      }
    }
    bool f77[2];
    #pragma unroll
    for (int tc_h = 0; tc_h < 2; tc_h++) {
      f77[tc_h] = (cf37[tc_h] == 0.0f);
    }
    float f78[16][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 16; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f78[tc_n][tc_i] = (cf38[tc_n][tc_i] / cf37[(tc_i >> 1)]);
      }
    }
    float f79[16][4];
    #pragma unroll
    for (int tc_n = 0; tc_n < 16; tc_n++) {
      #pragma unroll
      for (int tc_i = 0; tc_i < 4; tc_i++) {
        f79[tc_n][tc_i] = (f77[(tc_i >> 1)] ? 0.0f : f78[tc_n][tc_i]);
      }
    }
    {
      #pragma unroll
      for (int tc_n = 0; tc_n < 16; tc_n++) {
        #pragma unroll
        for (int tc_i = 0; tc_i < 4; tc_i++) {
          { const int tc_a = s23 + (tc_r0 + 8 * (tc_i >> 1)) * 128 + (8 * tc_n + tc_c0 + (tc_i & 1)) * 1; if ((tc_r0 + 8 * (tc_i >> 1)) < s25 && (8 * tc_n + tc_c0 + (tc_i & 1)) < 128 && tc_a >= 0 && tc_a < n_out) { g_out[tc_a] = sp_f32_to_f16(f79[tc_n][tc_i]); } }
        }
      }
    }
  }
}

/** Workspace bytes a run with `blocks` blocks needs (global scratch of tiles that do not fit in shared memory). */
extern "C" size_t sparsec_alibi_softcap_workspace_bytes(int blocks) { return (size_t)blocks * 16388; }

/** Launches alibi_softcap on `stream` with `blocks` persistent blocks; returns the launch status and never synchronises. */
extern "C" cudaError_t sparsec_alibi_softcap_run(const unsigned short* __restrict__ g_k, int n_k, const unsigned short* __restrict__ g_q, int n_q, const float* __restrict__ g_slopes, int n_slopes, const unsigned short* __restrict__ g_v, int n_v, unsigned short* __restrict__ g_out, int n_out, int s_kv_len, int s_q_len, void* workspace, int blocks, cudaStream_t stream) {
  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;
  float* sf = (float*)workspace;
  int* si = (int*)(sf + (size_t)blocks * 4096);
  return SPARSEC_LAUNCH(sparsec_alibi_softcap_kernel, dim3(blocks), dim3(128), 0, stream, g_k, n_k, g_q, n_q, g_slopes, n_slopes, g_v, n_v, g_out, n_out, s_kv_len, s_q_len, sf, si);
}

extern "C" cudaError_t sparsec_alibi_softcap_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {
  return sparsec_alibi_softcap_run((const unsigned short*)buffers[0], lengths[0], (const unsigned short*)buffers[1], lengths[1], (const float*)buffers[2], lengths[2], (const unsigned short*)buffers[3], lengths[3], (unsigned short*)buffers[4], lengths[4], scalars[0], scalars[1], workspace, blocks, stream);
}
