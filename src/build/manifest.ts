/**
 * @file The per-kernel manifest of `sparsec build`: sizes and inputs (the checked model itself),
 * the resolved schedule, how key tiles are walked, live-tile figures at static sizes, the module
 * files and ABI, and a hash of the kernel. Deterministic: no times, no absolute paths.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { analyzeIterationSpace, classifyTiles, staticAttentionSizes } from '../analysis/index.js';
import type { Kernel } from '../model/kernel.js';
import type { PipelineResult } from '../passes/pipeline.js';
import type { KernelManifest } from '../runtime/wasm/library.js';
import type { WasmModules } from '../targets/wasm/module.js';

/** SHA-256 of a kernel's checked model without its origin (so moving a file keeps the hash). */
export function kernelHash(kernel: Kernel): string {
  const { origin: _origin, ...rest } = kernel;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

function tileFigures(kernel: Kernel, result: PipelineResult): Record<string, number> | null {
  if (kernel.kind !== 'attention' || kernel.inputs.length > 0) return null;
  const sizes = staticAttentionSizes(kernel);
  if (!sizes) return null;
  const f = classifyTiles(kernel, sizes, {}, result.schedule.tile_q, result.schedule.tile_k).figures;
  return { ...f };
}

/** The manifest of one kernel built for wasm. */
export function wasmManifest(kernel: Kernel, result: PipelineResult, mods: WasmModules, cwd: string): KernelManifest {
  const space = kernel.kind === 'attention' ? analyzeIterationSpace(kernel, result.schedule.tile_q, result.schedule.tile_k).kind : 'none';
  const origin = { ...kernel.origin, file: relative(cwd, kernel.origin.file).split('\\').join('/') };
  return {
    format: 1,
    name: kernel.name,
    kind: kernel.kind,
    source: { file: origin.file, hash: kernelHash(kernel) },
    kernel: { ...kernel, origin },
    schedule: { ...result.schedule },
    plan: { walk: result.walk?.kind ?? 'none', space },
    tiles: tileFigures(kernel, result),
    wasm: {
      abi: mods.abi,
      simd: `${kernel.name}.wasm`,
      relaxed: `${kernel.name}.relaxed.wasm`,
      simdBytes: mods.simd.length,
      relaxedBytes: mods.relaxed.length,
    },
  };
}
