/**
 * @file `load('cuda')` of a generated kernel in Node: the node-addon-api addon (native/cuda) loads the CUDA
 * driver with dlopen at run time (no link-time dependency), loads the cubin the build compiled for the
 * device's architecture, and launches the packed entry point. Where the addon, the driver or a GPU is
 * missing, loading fails with an error that names what is missing.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Bindings } from '../library/bind.js';
import type { HeadDims, TargetKernel } from '../library/loaders.js';
import { fetchBytes, type CudaVariant, type KernelManifest } from '../library/manifest.js';
import { decodeOutputs, encodeRun } from './packed.js';

/** Options of `load('cuda')`. */
export interface CudaLoadOptions {
  /** Device ordinal (default 0). */
  readonly device?: number;
  /** Persistent blocks per launch (default: 4 per multiprocessor; 3 with `launch`). */
  readonly blocks?: number;
  /**
   * Runs each packed launch in place of the addon and the GPU (no driver is opened, no cubin read): given the
   * variant, the URL of its .cu and the packed launch, returns the output buffers' bytes. The tests run the
   * host emulation under the sanitizers through it (test/fuzz/cuda-sanitize.fuzz.test.ts).
   */
  readonly launch?: CudaLauncher;
}

/** A packed launch run elsewhere than the addon (see `CudaLoadOptions.launch`). */
export type CudaLauncher = (variant: CudaVariant, cu: URL, packed: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** What the addon offers (native/cuda/sparsec_cuda.cc). */
export interface CudaAddon {
  /** Loads the driver and picks `device`: its name, compute capability and multiprocessor count; throws naming what is missing. */
  open(device: number): { name: string; major: number; minor: number; multiprocessors: number };
  /**
   * Runs a packed launch (the emulated runner's stdin format) of kernel `entry` in `cubin` with `threads` per
   * block and `floatsPerBlock` float scratch words per block at the start of a workspace of `workspaceBytes`;
   * returns the output bytes.
   */
  run(cubin: Uint8Array, entry: string, threads: number, workspaceBytes: number, floatsPerBlock: number, packed: Uint8Array): Uint8Array;
}

/** Where the built addon lives. */
export const ADDON_PATH = fileURLToPath(new URL('../../../native/cuda/build/Release/sparsec_cuda.node', import.meta.url));

/** The addon, or an error saying how to build it. */
export function loadAddon(): CudaAddon {
  try {
    return createRequire(import.meta.url)(ADDON_PATH) as CudaAddon;
  } catch (e) {
    throw new Error(`cuda: the sparsec CUDA addon is not built (${ADDON_PATH}: ${(e as Error).message.split('\n')[0]}); build it with \`npx node-gyp rebuild -C native/cuda\` (it needs no CUDA toolkit; the driver is loaded when a kernel is)`);
  }
}

/** The variant of `variants` for `dims` (null: the only one). */
function pick(variants: readonly CudaVariant[], dims: HeadDims | null): CudaVariant {
  const v = dims === null ? variants[0] : variants.find((x) => x.dims?.headDim === dims.headDim && x.dims.valueDim === dims.valueDim);
  if (!v) throw new Error(`cuda: no variant for head_dim ${dims?.headDim} / value_dim ${dims?.valueDim}`);
  return v;
}

/** Loads `manifest`'s cuda section on the GPU. */
export async function loadCudaKernel(manifest: KernelManifest, url: URL, options: CudaLoadOptions | undefined): Promise<TargetKernel> {
  const section = manifest.cuda!;
  const launch = options?.launch;
  if (launch) {
    const blocks = options.blocks ?? 3;
    return {
      variant: `${section.variants.map((v) => v.file).join(', ')} through the caller's launcher`,
      section,
      dims: section.variants.every((v) => v.dims) ? section.variants.map((v) => v.dims!) : null,
      async run(values: Bindings, outputs: Readonly<Record<string, Float32Array>>, dims: HeadDims | null): Promise<void> {
        const v = pick(section.variants, dims);
        const params = v.params as Parameters<typeof encodeRun>[0];
        decodeOutputs(params, await launch(v, new URL(v.file, url), encodeRun(params, new Map(Object.entries(values)), outputs, blocks)), outputs);
      },
      async dispose() {},
    };
  }
  const addon = loadAddon();
  const device = addon.open(options?.device ?? 0);
  const arch = `sm_${device.major}${device.minor}`;
  const usable = (v: CudaVariant): string => {
    const compiled = v.compiled ?? {};
    const best = Object.keys(compiled).filter((a) => Number(a.slice(3)) <= device.major * 10 + device.minor).sort().pop();
    if (!best) throw new Error(`cuda: ${v.file} has no cubin for ${device.name} (${arch}); built: ${Object.keys(compiled).join(', ') || 'none (nvcc was not run at build time)'}`);
    return compiled[best]!.cubin;
  };
  const cubins = new Map<string, Uint8Array>();
  for (const v of section.variants) cubins.set(v.file, await fetchBytes(new URL(usable(v), url)));
  const blocks = options?.blocks ?? 4 * device.multiprocessors;
  return {
    variant: `${section.variants.map((v) => v.file).join(', ')} on ${device.name} (${arch})`,
    section,
    dims: section.variants.every((v) => v.dims) ? section.variants.map((v) => v.dims!) : null,
    async run(values: Bindings, outputs: Readonly<Record<string, Float32Array>>, dims: HeadDims | null): Promise<void> {
      const v = pick(section.variants, dims);
      const params = v.params as Parameters<typeof encodeRun>[0];
      const packed = encodeRun(params, new Map(Object.entries(values)), outputs, blocks);
      const bytes = addon.run(cubins.get(v.file)!, `${v.symbol}_kernel`, v.threads, v.workspacePerBlock * blocks, v.scratchFloatsPerBlock, packed);
      decodeOutputs(params, bytes, outputs);
    },
    async dispose() {},
  };
}
