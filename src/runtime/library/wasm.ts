/** @file The wasm loader of generated kernels: fetches the SIMD128 and relaxed-SIMD modules and loads a WasmKernel. */
import { WasmKernel, type WasmLoadOptions } from '../wasm/kernel.js';
import { fetchBytes, type KernelManifest } from './manifest.js';
import type { TargetKernel } from './loaders.js';

/** Loads the wasm section of `manifest` (at `url`). */
export async function loadWasmKernel(manifest: KernelManifest, url: URL, options: WasmLoadOptions | undefined): Promise<TargetKernel> {
  const section = manifest.wasm!;
  const [simd, relaxed] = await Promise.all([fetchBytes(new URL(section.simd, url)), fetchBytes(new URL(section.relaxed, url))]);
  const kernel = await WasmKernel.load({ abi: section.abi, simd, relaxed }, options);
  return {
    variant: kernel.variant,
    threads: kernel.threads,
    section,
    dims: null,
    run: (values, outputs) => kernel.run(values, outputs),
    resident: {
      reserve: (capacities) => kernel.reserveResident(capacities),
      write: (name, atElem, data) => kernel.writeResident(name, atElem, data),
      move: (name, from, to, count) => kernel.moveResident(name, from, to, count),
    },
    dispose: () => kernel.dispose(),
  };
}
