// @file Host runner of one emulated kernel: reads a run from stdin, calls the kernel's packed launcher (built
// from the same generated .cu with -DSPARSEC_EMULATE), writes the output buffers to stdout.
// Input: int32 buffers, scalars, blocks; per buffer int32 is_output, int32 elements, int32 element_bytes, then
// its bytes; then the scalars (int32 each). Output: the bytes of every output buffer, in order.
// The kernel's translation unit defines sparsec_entry_run_packed / sparsec_entry_workspace_bytes (forwarders to
// the artifact's symbol), so this runner is compiled once and linked with every kernel.
#include "sparsec_cuda_emu.h"

extern "C" cudaError_t sparsec_entry_run_packed(void *const *, const int *, const int *, void *, int, cudaStream_t);
extern "C" size_t sparsec_entry_workspace_bytes(int);

static int readInt(FILE *f) {
  int v = 0;
  if (fread(&v, 4, 1, f) != 1) {
    fprintf(stderr, "sparsec cuda-emu runner: truncated input\n");
    exit(3);
  }
  return v;
}

int main() {
  const int nbuf = readInt(stdin), nscalar = readInt(stdin), blocks = readInt(stdin);
  void **ptrs = (void **)calloc(nbuf + 1, sizeof(void *));
  int *lengths = (int *)calloc(nbuf + 1, sizeof(int)), *outputs = (int *)calloc(nbuf + 1, sizeof(int));
  size_t *bytes = (size_t *)calloc(nbuf + 1, sizeof(size_t));
  for (int i = 0; i < nbuf; i++) {
    outputs[i] = readInt(stdin);
    lengths[i] = readInt(stdin);
    bytes[i] = (size_t)lengths[i] * (size_t)readInt(stdin);
    // NOTE: exactly the buffer's bytes (one for an empty one: a valid, distinct address), so that AddressSanitizer
    // sees a read one element past the end (test/fuzz/cuda-sanitize.fuzz.test.ts).
    ptrs[i] = calloc(bytes[i] > 0 ? bytes[i] : 1, 1);
    if (bytes[i] > 0 && fread(ptrs[i], 1, bytes[i], stdin) != bytes[i]) {
      fprintf(stderr, "sparsec cuda-emu runner: truncated buffer %d\n", i);
      return 3;
    }
  }
  int *scalars = (int *)calloc(nscalar + 1, sizeof(int));
  for (int j = 0; j < nscalar; j++) scalars[j] = readInt(stdin);
  // NOTE: the workspace starts as NaN / -1 words, as uninitialised device memory might: no kernel may read scratch it did not write.
  const size_t wsBytes = sparsec_entry_workspace_bytes(blocks) + 1;
  void *workspace = malloc(wsBytes);
  memset(workspace, 0xff, wsBytes);
  const cudaError_t err = sparsec_entry_run_packed(ptrs, lengths, scalars, workspace, blocks, nullptr);
  if (err != cudaSuccess) {
    const char *why = sparsec_emu::lastFailure();
    fprintf(stderr, "sparsec cuda-emu: launch failed (%d): %s\n", err, why ? why : "invalid launch");
    return 2;
  }
  for (int i = 0; i < nbuf; i++) if (outputs[i]) fwrite(ptrs[i], 1, bytes[i], stdout);
  return 0;
}
