/** @file The printed sources of a kernel that goldens compare: each backend's own printer on its own lowering. */
import type { Kernel } from '../../src/model/kernel.js';
import { getBackend } from '../../src/targets/index.js';
import { compileCuda } from '../../src/targets/cuda/target.js';

/** The source `target` prints for `kernel` (WGSL plain variant; WAT of the SIMD128 module before binaryen's optimiser). */
export function printedSource(target: string, kernel: Kernel): string {
  const backend = getBackend(target);
  if (!backend) throw new Error(`no backend '${target}'`);
  return backend.print(backend.lower(kernel), kernel).text;
}

/** WGSL and WAT text of `kernel` on the default schedules of webgpu and wasm. */
export function printedSources(kernel: Kernel): { wgsl: string; wat: string } {
  return { wgsl: printedSource('webgpu', kernel), wat: printedSource('wasm', kernel) };
}

/** The .cu file the cuda target prints for `kernel` on its default schedule (SIMT or tensor-core path). */
export function printedCuda(kernel: Kernel): string {
  return compileCuda(kernel).artifact.source;
}
