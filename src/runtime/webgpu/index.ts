/** @file The WebGPU runtime (no compiler imports): artifacts, word codecs, running on a device. */
export type { BufferSlot, RunValues, WgslKernelArtifact, WordCodec } from './artifact.js';
export { DECODE, ENCODE, fromBf16Bits, fromHalfBits, toBf16Bits, toHalfBits, wordsFor } from './codec.js';
export { bindRun, prepareKernel, type BoundRun, type PreparedKernel } from './run.js';
