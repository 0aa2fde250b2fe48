/// <reference types="@webgpu/types" preserve="true" />
/**
 * @file The manifest `sparsec build` writes next to each kernel (format 2): the checked kernel, which
 * targets the library holds, and one section per target (schedule, key walk, files). Plus reading it.
 */
import type { AttentionKernel, GemmKernel } from '../../model/kernel.js';
import type { SelectKernel } from '../../model/select.js';
import type { NeonAbi } from '../neon/abi.js';
import type { WasmAbi } from '../wasm/abi.js';

/** Targets a generated library can hold. */
export type LibraryTarget = 'wasm' | 'webgpu' | 'neon' | 'cuda';

/** Every library target, in the order `sparsec build` writes them. */
export const LIBRARY_TARGETS: readonly LibraryTarget[] = ['wasm', 'webgpu', 'neon', 'cuda'];

/** How key tiles are walked: every tile, closed-form bounds, or a block plan ('none' for gemm). */
export type KeyWalkKind = 'dense' | 'bounds' | 'plan' | 'none';

/** What every target section says: the resolved schedule (tile sizes), the key walk and live-tile figures. */
export interface TargetSection {
  readonly schedule: Readonly<Record<string, unknown>> & { readonly tile_q: number; readonly tile_k: number };
  readonly walk: KeyWalkKind;
  /** The iteration space the analysis found ('none' for gemm). */
  readonly space: string;
  /** Live-tile figures at the declared sizes and this section's tiles (null when sizes or runtime inputs make them unknown). */
  readonly tiles: Readonly<Record<string, number>> | null;
}

/** The wasm section: a SIMD128 module and its relaxed-SIMD twin. */
export interface WasmSection extends TargetSection {
  readonly abi: WasmAbi;
  readonly simd: string;
  readonly relaxed: string;
  readonly simdBytes: number;
  readonly relaxedBytes: number;
}

/** The neon section: the NEON C source and header, and a shared library of it built for the building host. */
export interface NeonSection extends TargetSection {
  readonly abi: NeonAbi;
  readonly source: string;
  readonly header: string;
  /** The shared library (null when the building host had no C compiler or SIMDe). */
  readonly library: string | null;
  /** What the library was compiled for: `arm64 (arm_neon.h)` or `x64 (SIMDe, for testing)`. */
  readonly host: string;
}

/** One WGSL artifact of a kernel and what it needs to run. */
export interface WebgpuVariant {
  /** The `WgslKernelArtifact` JSON file, relative to the manifest. */
  readonly file: string;
  /** Device features the shader needs (a device without one of them takes a later variant). */
  readonly requires: readonly GPUFeatureName[];
  /** The head_dim / value_dim it was printed for (only on kernels whose head_dim or value_dim is dynamic). */
  readonly dims?: { readonly headDim: number; readonly valueDim: number };
}

/** The webgpu section: WGSL artifacts, best first. */
export interface WebgpuSection extends TargetSection {
  readonly variants: readonly WebgpuVariant[];
}

/** One CUDA translation unit of a kernel (a .cu with its .h), and the nvcc report when it was compiled. */
export interface CudaVariant {
  /** The .cu and .h files, relative to the manifest. */
  readonly file: string;
  readonly header: string;
  /** Prefix of the extern "C" entry points (`_run`, `_run_packed`, `_workspace_bytes`). */
  readonly symbol: string;
  /** Parameters of the packed launcher, in order. */
  readonly params: readonly { readonly name: string; readonly kind: 'in' | 'out' | 'scalar'; readonly dtype: string }[];
  readonly threads: number;
  readonly workspacePerBlock: number;
  /** Float words per block at the start of the workspace (the int scratch follows all blocks' float scratch). */
  readonly scratchFloatsPerBlock: number;
  readonly sharedBytes: number;
  /** The printing path: `tensor-core (mma.sync m16n8k16)`, or `simt` (with why the tensor-core path did not apply). */
  readonly path?: string;
  /** The head_dim / value_dim it was printed for (only on kernels whose head_dim or value_dim is dynamic). */
  readonly dims?: { readonly headDim: number; readonly valueDim: number };
  /** Per architecture (`sm_80`, `sm_90`): the cubin file and ptxas's figures; absent when nvcc was not run. */
  readonly compiled?: Readonly<Record<string, CudaPtxasReport>>;
}

/** What `ptxas -v` reported for one kernel on one architecture. */
export interface CudaPtxasReport {
  readonly cubin: string;
  readonly registers: number;
  readonly sharedBytes: number;
  readonly spillStores: number;
  readonly spillLoads: number;
  readonly stackBytes: number;
  readonly barriers: number;
}

/** The cuda section: CUDA C per head_dim pair; `nvcc` says whether the compile gate ran. */
export interface CudaSection extends TargetSection {
  readonly variants: readonly CudaVariant[];
  readonly nvcc: string;
}

/** The manifest of one generated kernel. */
export interface KernelManifest {
  readonly format: 2;
  readonly name: string;
  readonly kind: 'attention' | 'gemm' | 'select';
  /** The targets this library was built for (`sparsec build --target ...`). */
  readonly targets: readonly LibraryTarget[];
  /** Spec file and SHA-256 of the kernel's checked model (changes when the kernel changes). */
  readonly source: { readonly file: string; readonly hash: string };
  readonly kernel: AttentionKernel | GemmKernel | SelectKernel;
  readonly wasm?: WasmSection;
  readonly webgpu?: WebgpuSection;
  readonly neon?: NeonSection;
  readonly cuda?: CudaSection;
}

/** The bytes at `url` (a file: URL through node:fs in Node, else fetch). */
export async function fetchBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    return new Uint8Array(await fs.readFile(fileURLToPath(url)));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot fetch ${url.href}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The JSON document at `url`. */
export async function fetchJson<T>(url: URL): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await fetchBytes(url))) as T;
}

/** Reads the manifest at `url`; rejects manifests of another format. */
export async function readManifest(url: URL): Promise<KernelManifest> {
  const m = await fetchJson<KernelManifest>(url);
  if (m.format !== 2) throw new Error(`${url.href}: manifest format ${String(m.format)} is not supported by this runtime (expected 2); rebuild with sparsec build`);
  return m;
}
