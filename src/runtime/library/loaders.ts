/**
 * @file The per-target loaders of generated kernels, in one table: each turns a manifest section into a
 * kernel that runs values bound by parameter name. Loaders are imported lazily (a page needs no wasm threads).
 */
import type { Bindings } from './bind.js';
import type { NeonNativeOptions } from '../neon/native.js';
import type { WasmLoadOptions } from '../wasm/kernel.js';
import { LIBRARY_TARGETS, type KernelManifest, type LibraryTarget, type TargetSection } from './manifest.js';
import type { WebgpuLoadOptions } from './webgpu.js';
import type { CudaLoadOptions } from '../cuda/load.js';
import type { ResidentMemory } from './resident.js';

/** Load options of each target. */
export interface LoadOptions {
  readonly wasm: WasmLoadOptions;
  readonly webgpu: WebgpuLoadOptions;
  readonly neon: NeonNativeOptions;
  readonly cuda: CudaLoadOptions;
}

/** A head_dim / value_dim pair. */
export interface HeadDims {
  readonly headDim: number;
  readonly valueDim: number;
}

/** One kernel loaded for one target. */
export interface TargetKernel {
  /** Which module or artifact runs. */
  readonly variant: string;
  /** CPU threads a run uses (the caller plus workers) on wasm and neon; absent on targets that run on a device. */
  readonly threads?: number;
  /** The manifest section it was loaded from (its schedule gives the block plan's tiles). */
  readonly section: TargetSection;
  /** The head_dim / value_dim pairs it can run when the kernel's are dynamic; null when they are static. */
  readonly dims: readonly HeadDims[] | null;
  /** Runs on `values` and fills `outputs`; `dims` picks the variant of a kernel with dynamic head_dim. */
  run(values: Bindings, outputs: Readonly<Record<string, Float32Array>>, dims: HeadDims | null): Promise<void>;
  /** Kernel memory that keeps K / V between runs (a run whose values leave them out reads them there); absent where the target has none yet. */
  readonly resident?: ResidentMemory;
  dispose(): Promise<void>;
}

/** Loads the kernel of `manifest` (at `url`) for one target. */
export type TargetLoader<T extends LibraryTarget> = (manifest: KernelManifest, url: URL, options: LoadOptions[T] | undefined) => Promise<TargetKernel>;

/** The loader of each target. */
export const LOADERS: { readonly [T in LibraryTarget]: () => Promise<TargetLoader<T>> } = {
  wasm: async () => (await import('./wasm.js')).loadWasmKernel,
  webgpu: async () => (await import('./webgpu.js')).loadWebgpuKernel,
  neon: async () => (await import('./neon.js')).loadNeonKernel,
  cuda: async () => (await import('../cuda/load.js')).loadCudaKernel,
};

/** Loads `manifest` for `target`; a target the library was not built for is refused with the command that builds it. */
export async function loadTarget(manifest: KernelManifest, url: URL, target: string, options: unknown): Promise<TargetKernel> {
  if (!(LIBRARY_TARGETS as readonly string[]).includes(target)) {
    throw new Error(`${manifest.name}: unknown target '${target}' (a generated library can hold: ${LIBRARY_TARGETS.join(', ')})`);
  }
  const t = target as LibraryTarget;
  if (!manifest.targets.includes(t) || !manifest[t]) {
    const want = LIBRARY_TARGETS.filter((x) => x === t || manifest.targets.includes(x));
    throw new Error(`${manifest.name}: target '${t}' is not built into this library (built: ${manifest.targets.join(', ')}); rebuild it with \`sparsec build ${manifest.source.file} --target ${want.join(',')}\``);
  }
  const load = (await LOADERS[t]()) as TargetLoader<LibraryTarget>;
  return load(manifest, url, options as LoadOptions[LibraryTarget] | undefined);
}
