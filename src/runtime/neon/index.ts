/**
 * @file The neon runtime: the calling convention and run stream of compiled kernels, the toolchain that
 * builds and runs them here (native on arm64, cross + qemu-aarch64 elsewhere), and the driver process.
 */
export { decodeResults, encodeRun, resultBytes, storageBytes, type NeonAbi, type NeonParam, type NeonScalar } from './abi.js';
export { NEON_CFLAGS, buildExecutable, findNeonToolchain, type NeonToolchain } from './toolchain.js';
export { NeonProcess } from './process.js';
export { NEON_ADDON_PATH, NeonNativeKernel, neonAddon, type NeonNativeOptions } from './native.js';
