// @file Host runner of one emulated kernel: reads a run from stdin, calls the kernel's packed launcher (built
// from the same generated .cu with -DSPARSEC_EMULATE), writes the output buffers to stdout.
// Input: int32 buffers, scalars, blocks; per buffer int32 is_output, int32 elements, int32 element_bytes, then
// its bytes; then the scalars (int32 each). Output: the bytes of every output buffer, in order.
// Compile with -DSPARSEC_ENTRY=<symbol> (the artifact's symbol).
#include "sparsec_cuda_emu.h"

#define SPARSEC_CAT2(a, b) a##b
#define SPARSEC_CAT(a, b) SPARSEC_CAT2(a, b)

extern "C" cudaError_t SPARSEC_CAT(SPARSEC_ENTRY, _run_packed)(void *const *, const int *, const int *, void *, int, cudaStream_t);
extern "C" size_t SPARSEC_CAT(SPARSEC_ENTRY, _workspace_bytes)(int);

static int readInt(FILE *f) {
  int v = 0;
  if (std::fread(&v, 4, 1, f) != 1) {
    std::fprintf(stderr, "sparsec cuda-emu runner: truncated input\n");
    std::exit(3);
  }
  return v;
}

int main() {
  const int nbuf = readInt(stdin), nscalar = readInt(stdin), blocks = readInt(stdin);
  std::vector<std::vector<char>> data(nbuf);
  std::vector<void *> ptrs(nbuf);
  std::vector<int> lengths(nbuf), outputs(nbuf);
  for (int i = 0; i < nbuf; i++) {
    outputs[i] = readInt(stdin);
    lengths[i] = readInt(stdin);
    const int bytes = readInt(stdin);
    // NOTE: one extra element so that an empty buffer still has a valid, distinct address.
    data[i].assign((size_t)(lengths[i] + 1) * bytes, 0);
    if (lengths[i] > 0 && std::fread(data[i].data(), (size_t)bytes, (size_t)lengths[i], stdin) != (size_t)lengths[i]) {
      std::fprintf(stderr, "sparsec cuda-emu runner: truncated buffer %d\n", i);
      return 3;
    }
    ptrs[i] = data[i].data();
  }
  std::vector<int> scalars(nscalar + 1);
  for (int j = 0; j < nscalar; j++) scalars[j] = readInt(stdin);
  std::vector<char> workspace(SPARSEC_CAT(SPARSEC_ENTRY, _workspace_bytes)(blocks));
  const cudaError_t err = SPARSEC_CAT(SPARSEC_ENTRY, _run_packed)(ptrs.data(), lengths.data(), scalars.data(), workspace.data(), blocks, nullptr);
  if (err != cudaSuccess) {
    const char *why = sparsec_emu::lastFailure();
    std::fprintf(stderr, "sparsec cuda-emu: launch failed (%d): %s\n", err, why ? why : "invalid launch");
    return 2;
  }
  for (int i = 0; i < nbuf; i++) {
    if (!outputs[i]) continue;
    const size_t bytes = data[i].size() - data[i].size() / (size_t)(lengths[i] + 1);
    std::fwrite(data[i].data(), 1, bytes, stdout);
  }
  return 0;
}
