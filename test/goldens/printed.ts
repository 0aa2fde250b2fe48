/** @file The printed sources of a kernel that goldens compare: WGSL (plain variant) and WAT (SIMD128, unoptimised). */
import type { Kernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { printWasmModules } from '../../src/targets/wasm/module.js';
import { compileWgsl } from '../../src/targets/webgpu/target.js';

/** WGSL and WAT text of `kernel` on the default schedules of webgpu and wasm. */
export function printedSources(kernel: Kernel): { wgsl: string; wat: string } {
  const wgsl = compileWgsl(kernel).artifact.wgsl;
  const wat = printWasmModules(runPipeline(kernel, 'wasm').final, { model: kernel }).simd;
  return { wgsl, wat };
}
