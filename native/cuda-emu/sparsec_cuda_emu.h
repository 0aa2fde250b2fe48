// @file Host emulation of the CUDA subset sparsec's generated kernels use, so the same .cu compiles with g++:
// every CUDA thread of a block is a fiber on one host thread (a 6-register switch on x86-64, ucontext elsewhere), blocks run one after another,
// __syncthreads is a barrier of the block's fibers, __shared__ arrays are statics (one block lives at a
// time), warp shuffles go through a per-warp exchange, and sparsec's tensor-core macros are a C++ model
// of the documented fragment layouts (sparsec_mma_emu.h). Fibers are resumed in forward order after one
// barrier and in reverse order after the next, so a read of another lane's word without a barrier between
// sees a stale value in one order or the other. A barrier that not every live thread reaches aborts the run.
#pragma once
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#define SPARSEC_EMULATED 1
#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __launch_bounds__(...)
#define __shared__ static
#define __restrict__ __restrict

struct dim3 {
  unsigned x, y, z;
  dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};
typedef struct CUstream_st *cudaStream_t;
typedef int cudaError_t;
#define cudaSuccess 0
#define cudaErrorInvalidValue 1
#define cudaErrorLaunchFailure 719

inline dim3 threadIdx, blockIdx, blockDim, gridDim;
static const int warpSize = 32;

#if defined(__x86_64__)
// Switches stacks: saves the callee-saved registers on the current stack and its pointer in *from, then resumes
// the stack `to` (no signal-mask system call, unlike swapcontext). Weak: every translation unit may carry it.
__asm__(R"(
  .text
  .weak sparsec_emu_switch
  .type sparsec_emu_switch,@function
sparsec_emu_switch:
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  movq %rsp, (%rdi)
  movq %rsi, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
)");
extern "C" void sparsec_emu_switch(void **from, void *to);
#endif

namespace sparsec_emu {

/** A saved execution context: a stack pointer (x86-64) or a ucontext. */
struct Context {
#if defined(__x86_64__)
  void *sp = nullptr;
#else
  ucontext_t uc;
#endif
};

inline void switchTo(Context &from, Context &to) {
#if defined(__x86_64__)
  sparsec_emu_switch(&from.sp, to.sp);
#else
  swapcontext(&from.uc, &to.uc);
#endif
}

enum class Wait { none, block, warp, done };

/** Threads per block the emulator can run. */
static const int kMaxThreads = 1024;
static const size_t kStackBytes = 256 * 1024;

struct Fiber {
  Context ctx;
  char *stack = nullptr;
  Wait wait = Wait::none;
};

struct Block {
  Fiber fibers[kMaxThreads];
  int threads = 0;
  Context scheduler;
  int current = -1;
  void (*call)(void *) = nullptr;
  void *body = nullptr;
  // per-lane exchange slots of warp shuffles, ballots and fragment gathers
  uint64_t exchange[kMaxThreads][4];
  bool failed = false;
  char message[256] = {0};
};

inline Block &block() {
  static Block b;
  return b;
}

inline void fail(const char *what) {
  Block &b = block();
  if (!b.failed) snprintf(b.message, sizeof b.message, "%s", what);
  b.failed = true;
}

inline void fiberEntry() {
  Block &b = block();
  b.call(b.body);
  b.fibers[b.current].wait = Wait::done;
  switchTo(b.fibers[b.current].ctx, b.scheduler);
}

/** Parks the running fiber until the scheduler releases its barrier. */
inline void park(Wait w) {
  Block &b = block();
  Fiber &f = b.fibers[b.current];
  f.wait = w;
  switchTo(f.ctx, b.scheduler);
}

/** Releases warps whose live lanes all wait at a warp barrier; true when any was released. */
inline bool releaseWarps(Block &b) {
  bool any = false;
  const int n = b.threads;
  for (int w0 = 0; w0 < n; w0 += 32) {
    const int w1 = n < w0 + 32 ? n : w0 + 32;
    bool waiting = false, all = true;
    for (int t = w0; t < w1; t++) {
      if (b.fibers[t].wait == Wait::warp) waiting = true;
      else if (b.fibers[t].wait != Wait::done) all = false;
    }
    if (waiting && all) {
      for (int t = w0; t < w1; t++) if (b.fibers[t].wait == Wait::warp) b.fibers[t].wait = Wait::none;
      any = true;
    }
  }
  return any;
}

/** Runs one block: every fiber until all are done; aborts the block on a barrier some thread never reaches. */
inline void runBlock(unsigned threads, void (*call)(void *), void *body) {
  Block &b = block();
  b.threads = (int)threads;
  b.call = call;
  b.body = body;
  for (unsigned t = 0; t < threads; t++) {
    Fiber &f = b.fibers[t];
    if (!f.stack) f.stack = (char *)malloc(kStackBytes);
    memset(b.exchange[t], 0, sizeof b.exchange[t]);
#if defined(__x86_64__)
    // the first switch pops six zero registers and returns into fiberEntry with the stack as after a call
    void **top = (void **)(((uintptr_t)(f.stack + kStackBytes)) & ~(uintptr_t)15);
    *--top = nullptr;
    *--top = (void *)&fiberEntry;
    for (int r = 0; r < 6; r++) *--top = nullptr;
    f.ctx.sp = top;
#else
    getcontext(&f.ctx.uc);
    f.ctx.uc.uc_stack.ss_sp = f.stack;
    f.ctx.uc.uc_stack.ss_size = kStackBytes;
    f.ctx.uc.uc_link = nullptr;
    makecontext(&f.ctx.uc, fiberEntry, 0);
#endif
    f.wait = Wait::none;
  }
  bool forward = true;
  for (;;) {
    for (unsigned i = 0; i < threads; i++) {
      const unsigned t = forward ? i : threads - 1 - i;
      if (b.fibers[t].wait != Wait::none) continue;
      b.current = (int)t;
      threadIdx = dim3(t, 0, 0);
      switchTo(b.scheduler, b.fibers[t].ctx);
    }
    if (releaseWarps(b)) continue;
    unsigned done = 0, atBlock = 0;
    for (unsigned t = 0; t < threads; t++) {
      done += b.fibers[t].wait == Wait::done;
      atBlock += b.fibers[t].wait == Wait::block;
    }
    if (done == threads) return;
    if (atBlock == threads) {
      for (unsigned t = 0; t < threads; t++) b.fibers[t].wait = Wait::none;
      forward = !forward;
      continue;
    }
    fail("__syncthreads or a warp operation is not reached by every thread of the block (divergent barrier)");
    return;
  }
}

template <typename F> void trampoline(void *f) { (*(F *)f)(); }

/** Runs a kernel (`body`, called by every thread) over the grid, block after block. */
template <typename F> inline cudaError_t launch(dim3 grid, dim3 threads, F body) {
  if (threads.y != 1 || threads.z != 1 || grid.y != 1 || grid.z != 1 || threads.x > (unsigned)kMaxThreads) {
    fail("the emulator runs 1-d grids and blocks of at most 1024 threads only");
    return cudaErrorInvalidValue;
  }
  gridDim = grid;
  blockDim = threads;
  for (unsigned g = 0; g < grid.x && !block().failed; g++) {
    blockIdx = dim3(g, 0, 0);
    runBlock(threads.x, trampoline<F>, &body);
  }
  return block().failed ? cudaErrorLaunchFailure : cudaSuccess;
}

/** The message of the last failed launch, or null. */
inline const char *lastFailure() { return block().failed ? block().message : nullptr; }

template <typename T> inline uint64_t bitsOf(T v) {
  uint64_t u = 0;
  memcpy(&u, &v, sizeof(T));
  return u;
}
template <typename T> inline T fromBits(uint64_t u) {
  T v;
  memcpy(&v, &u, sizeof(T));
  return v;
}

/** Every lane of the warp publishes `v`; returns the word lane `src` published. */
template <typename T> inline T exchange(T v, int src) {
  Block &b = block();
  const int me = b.current;
  const int base = me & ~31;
  b.exchange[me][0] = bitsOf(v);
  park(Wait::warp);
  const int from = base + (src & 31);
  const T got = from < b.threads ? fromBits<T>(b.exchange[from][0]) : v;
  park(Wait::warp);
  return got;
}

/** Every lane of the warp publishes `mine` (at most 32 bytes); `all[l]` receives lane l's (the caller's own where a lane is missing). */
template <typename T> inline void gather(const T &mine, T *all) {
  static_assert(sizeof(T) <= sizeof(uint64_t) * 4, "gather slots hold 32 bytes");
  Block &b = block();
  const int me = b.current;
  const int base = me & ~31;
  memcpy(b.exchange[me], &mine, sizeof(T));
  park(Wait::warp);
  for (int l = 0; l < 32; l++) {
    if (base + l < b.threads) memcpy(&all[l], b.exchange[base + l], sizeof(T));
    else all[l] = mine;
  }
  park(Wait::warp);
}

}  // namespace sparsec_emu

inline void __syncthreads() { sparsec_emu::park(sparsec_emu::Wait::block); }
inline void __syncwarp(unsigned = 0xffffffffu) { sparsec_emu::park(sparsec_emu::Wait::warp); }
/** A block barrier that returns whether any thread's `pred` was nonzero: three barriers around one per-block word
 * (blocks run one at a time), so a call's contributions never mix with the previous call's reset. */
inline int __syncthreads_or(int pred) {
  static int any = 0;
  __syncthreads();
  if (pred) any = 1;
  __syncthreads();
  const int out = any;
  __syncthreads();
  if (threadIdx.x == 0) any = 0;
  return out;
}
template <typename T> inline T __shfl_xor_sync(unsigned, T v, int mask, int = 32) {
  return sparsec_emu::exchange(v, (int)(threadIdx.x & 31) ^ mask);
}
template <typename T> inline T __shfl_sync(unsigned, T v, int src, int = 32) { return sparsec_emu::exchange(v, src); }
inline unsigned __ballot_sync(unsigned, int pred) {
  unsigned out = 0;
  for (int l = 0; l < 32; l++) out |= (sparsec_emu::exchange(pred ? 1 : 0, l) ? 1u : 0u) << l;
  return out;
}
inline int __popc(unsigned x) { return __builtin_popcount(x); }
inline float __int_as_float(int x) { return sparsec_emu::fromBits<float>((uint32_t)x); }
inline int __float_as_int(float x) { return (int)(uint32_t)sparsec_emu::bitsOf(x); }

inline cudaError_t cudaGetLastError() { return sparsec_emu::block().failed ? cudaErrorLaunchFailure : cudaSuccess; }

#include "sparsec_mma_emu.h"

/** `kernel<<<grid, block, shared, stream>>>(args...)` of the generated launchers. */
#define SPARSEC_LAUNCH(kernel, grid, threads, shared, stream, ...) \
  sparsec_emu::launch((grid), (threads), [=]() { kernel(__VA_ARGS__); })
