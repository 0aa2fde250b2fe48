// @file The emulator's model of the tensor-core operations sparsec's macros name (SPARSEC_MMA_16816_BF16 / _F16,
// SPARSEC_LDMATRIX_X4 / _X2 / _X2_TRANS, SPARSEC_CP_ASYNC_16 / _WAIT_ALL), written from the fragment layouts of the PTX ISA (mma.m16n8k16 with
// .bf16 / .f16 inputs and .f32 accumulators; ldmatrix .m8n8 .b16). groupID = lane / 4, tig = lane % 4:
//   A (16x16, 4 regs of 2 halves): a0 (g, 2t..2t+1), a1 (g+8, 2t..), a2 (g, 2t+8..), a3 (g+8, 2t+8..)
//   B (16x8, 2 regs):              b0 (k 2t..2t+1, n g), b1 (k 2t+8..2t+9, n g)
//   C / D (16x8 f32, 4 regs):      c0 c1 (g, 2t..2t+1), c2 c3 (g+8, 2t..2t+1)
//   ldmatrix: lanes 8j..8j+7 give the row addresses of 8x8 matrix j; register j of a lane holds row lane/4,
//             columns 2(lane%4)..+1 of matrix j (.trans: rows 2(lane%4)..+1 of column lane/4).
// Each lane publishes its fragments to the warp and computes its own outputs from all of them.
#pragma once
#include <vector>

namespace sparsec_emu {

inline float halfToFloat(uint16_t h) {
  const uint32_t s = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu;
  if (e == 0x1fu) return fromBits<float>(s | 0x7f800000u | (m << 13));
  if (e != 0) return fromBits<float>(s | ((e + 112u) << 23) | (m << 13));
  const float v = (float)m * 5.9604644775390625e-8f;
  return s ? -v : v;
}
inline float bf16ToFloat(uint16_t h) { return fromBits<float>((uint32_t)h << 16); }

/** Element `half` (0: low 16 bits, 1: high) of a packed register, widened. */
template <bool Bf16> inline float unpack(uint32_t r, int half) {
  const uint16_t h = (uint16_t)(half ? r >> 16 : r & 0xffffu);
  return Bf16 ? bf16ToFloat(h) : halfToFloat(h);
}

struct MmaIn {
  uint32_t a[4];
  uint32_t b[2];
};

/** d = a x b + c for one m16n8k16 tile held by the 32 lanes of the warp (f32 accumulation in k order). */
template <bool Bf16> inline void mma16816(float *d, const uint32_t *a, const uint32_t *b, const float *c) {
  MmaIn mine, all[32];
  memcpy(mine.a, a, sizeof mine.a);
  memcpy(mine.b, b, sizeof mine.b);
  gather(mine, all);
  const int lane = (int)(threadIdx.x & 31), g = lane >> 2, t = lane & 3;
  auto A = [&](int row, int col) {
    const int reg = (row >= 8 ? 1 : 0) + (col >= 8 ? 2 : 0);
    return unpack<Bf16>(all[(row & 7) * 4 + ((col & 7) >> 1)].a[reg], col & 1);
  };
  auto B = [&](int k, int n) { return unpack<Bf16>(all[n * 4 + ((k & 7) >> 1)].b[k >= 8 ? 1 : 0], k & 1); };
  float out[4];
  for (int i = 0; i < 4; i++) {
    const int row = g + (i >= 2 ? 8 : 0), col = 2 * t + (i & 1);
    float s = c[i];
    for (int k = 0; k < 16; k++) s += A(row, k) * B(k, col);
    out[i] = s;
  }
  memcpy(d, out, sizeof out);
}

/** ldmatrix .m8n8 .b16 of `count` matrices (.trans when `trans`); `row` is this lane's row address. */
inline void ldmatrix(uint32_t *regs, int count, bool trans, const uint16_t *row) {
  const uint16_t *rows[32];
  gather(row, rows);
  const int lane = (int)(threadIdx.x & 31);
  for (int j = 0; j < count; j++) {
    uint16_t h[2];
    for (int i = 0; i < 2; i++) {
      h[i] = trans ? rows[8 * j + 2 * (lane & 3) + i][lane >> 2] : rows[8 * j + (lane >> 2)][2 * (lane & 3) + i];
    }
    regs[j] = (uint32_t)h[0] | ((uint32_t)h[1] << 16);
  }
}

/** One cp.async of 16 bytes: `bytes` read from `src`, the rest of the 16 zero-filled. */
struct CpAsync {
  void *dst;
  const void *src;
  int bytes;
};

/** This thread's copies not yet waited for: they land only at its next cp.async.wait_all, so a kernel that reads
 * shared memory without waiting (or without the barrier after the wait) sees stale words. */
inline std::vector<CpAsync> &cpAsyncPending() {
  static std::vector<CpAsync> pending[1024];
  return pending[threadIdx.x & 1023];
}
inline void cpAsync16(void *dst, const void *src, int bytes) { cpAsyncPending().push_back({dst, src, bytes}); }
inline void cpAsyncWaitAll() {
  for (const CpAsync &c : cpAsyncPending()) {
    if (c.bytes > 0) memcpy(c.dst, c.src, (size_t)c.bytes);
    memset((char *)c.dst + c.bytes, 0, (size_t)(16 - c.bytes));
  }
  cpAsyncPending().clear();
}

}  // namespace sparsec_emu

#define SPARSEC_MMA_16816_BF16(d, a, b, c) sparsec_emu::mma16816<true>((d), (a), (b), (c))
#define SPARSEC_MMA_16816_F16(d, a, b, c) sparsec_emu::mma16816<false>((d), (a), (b), (c))
#define SPARSEC_LDMATRIX_X4(r, p) sparsec_emu::ldmatrix((r), 4, false, (const uint16_t *)(p))
#define SPARSEC_LDMATRIX_X2(r, p) sparsec_emu::ldmatrix((r), 2, false, (const uint16_t *)(p))
#define SPARSEC_LDMATRIX_X2_TRANS(r, p) sparsec_emu::ldmatrix((r), 2, true, (const uint16_t *)(p))
#define SPARSEC_CP_ASYNC_16(dst, src, bytes) sparsec_emu::cpAsync16((void *)(dst), (const void *)(src), (bytes))
#define SPARSEC_CP_ASYNC_WAIT_ALL() sparsec_emu::cpAsyncWaitAll()
