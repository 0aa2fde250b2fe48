/** @file The neon loader of generated kernels: opens the kernel's shared library through the node addon (Node only). */
import { fileURLToPath } from 'node:url';
import { NeonNativeKernel, type NeonNativeOptions } from '../neon/native.js';
import type { KernelManifest } from './manifest.js';
import type { TargetKernel } from './loaders.js';

/** Loads the neon section of `manifest` (at a file: `url`). */
export async function loadNeonKernel(manifest: KernelManifest, url: URL, options: NeonNativeOptions | undefined): Promise<TargetKernel> {
  const section = manifest.neon!;
  if (url.protocol !== 'file:') throw new Error(`${manifest.name}: neon kernels run in Node only (through the node addon), not from ${url.protocol} URLs`);
  if (!section.library) throw new Error(`${manifest.name}: the library was built on a host without a C compiler or SIMDe, so it has no neon shared library; rebuild it where \`bash scripts/setup-neon.sh\` has run`);
  const kernel = NeonNativeKernel.load(fileURLToPath(new URL(section.library, url)), section.abi, options);
  return {
    variant: section.host,
    threads: kernel.threads,
    section,
    dims: null,
    run: (values, outputs) => kernel.run(values, outputs),
    dispose: () => kernel.dispose(),
  };
}
