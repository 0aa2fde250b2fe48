/** @file The wasm part of a generated kernel: the SIMD128 and relaxed-SIMD modules and the manifest's wasm section. */
import type { Kernel } from '../model/kernel.js';
import { runPipeline } from '../passes/pipeline.js';
import type { WasmSection } from '../runtime/library/manifest.js';
import { compileWasmModules } from '../targets/wasm/module.js';
import { targetSection } from './manifest.js';
import type { TargetBuild, TargetBuildOptions } from './target-build.js';

/** Builds `kernel` for wasm. Throws on a kernel wasm cannot build (a dynamic head_dim or value_dim). */
export function buildWasmTarget(kernel: Kernel, opts: TargetBuildOptions): TargetBuild<WasmSection> {
  if (kernel.kind === 'attention' && (kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic')) {
    throw new Error(`kernel ${kernel.name}: wasm builds need a static head_dim and value_dim (--target webgpu builds head_dim 64 and 128 variants)`);
  }
  const result = runPipeline(kernel, 'wasm');
  const mods = compileWasmModules(result.final);
  const files = new Map<string, string | Uint8Array>([
    [`${kernel.name}.wasm`, mods.simd],
    [`${kernel.name}.relaxed.wasm`, mods.relaxed],
  ]);
  if (opts.emit?.includes('wat')) files.set(`${kernel.name}.wat`, mods.text);
  const section: WasmSection = {
    ...targetSection(kernel, result),
    abi: mods.abi,
    simd: `${kernel.name}.wasm`,
    relaxed: `${kernel.name}.relaxed.wasm`,
    simdBytes: mods.simd.length,
    relaxedBytes: mods.relaxed.length,
  };
  return { section, files };
}
