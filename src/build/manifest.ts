/**
 * @file The per-kernel manifest of `sparsec build`: the checked model itself, the targets built, and per
 * target a section with the resolved schedule, how key tiles are walked and live-tile figures at static
 * sizes (target files are added by the target's builder). Deterministic: no times, no absolute paths.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { analyzeIterationSpace, classifyTiles, staticAttentionSizes } from '../analysis/index.js';
import type { Kernel } from '../model/kernel.js';
import type { PipelineResult } from '../passes/pipeline.js';
import type { CudaSection, KernelManifest, LibraryTarget, NeonSection, TargetSection, WasmSection, WebgpuSection } from '../runtime/library/manifest.js';

/** SHA-256 of a kernel's checked model without its origin (so moving a file keeps the hash). */
export function kernelHash(kernel: Kernel): string {
  const { origin: _origin, ...rest } = kernel;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

function tileFigures(kernel: Kernel, tileQ: number, tileK: number): Record<string, number> | null {
  if (kernel.kind !== 'attention' || kernel.inputs.length > 0) return null;
  const sizes = staticAttentionSizes(kernel);
  if (!sizes) return null;
  return { ...classifyTiles(kernel, sizes, {}, tileQ, tileK).figures };
}

/** What every target section holds, from the pipeline that target compiled `kernel` with. */
export function targetSection(kernel: Kernel, result: PipelineResult): TargetSection {
  const { tile_q, tile_k } = result.schedule;
  return {
    schedule: { ...result.schedule },
    walk: result.walk?.kind ?? 'none',
    space: kernel.kind === 'attention' ? analyzeIterationSpace(kernel, tile_q, tile_k).kind : 'none',
    tiles: tileFigures(kernel, tile_q, tile_k),
  };
}

/** The sections of one kernel, by target. */
export interface TargetSections {
  wasm?: WasmSection;
  webgpu?: WebgpuSection;
  neon?: NeonSection;
  cuda?: CudaSection;
}

/** The manifest of `kernel` built for `targets` (spec paths relative to `cwd`). */
export function kernelManifest(kernel: Kernel, targets: readonly LibraryTarget[], sections: TargetSections, cwd: string): KernelManifest {
  const origin = { ...kernel.origin, file: relative(cwd, kernel.origin.file).split('\\').join('/') };
  return {
    format: 2,
    name: kernel.name,
    kind: kernel.kind,
    targets: [...targets],
    source: { file: origin.file, hash: kernelHash(kernel) },
    kernel: { ...kernel, origin },
    ...sections,
  };
}
