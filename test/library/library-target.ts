/**
 * @file Test support: a built library folder made importable (its wrappers import `sparsec/runtime`,
 * resolved through a `node_modules/sparsec` link to this repository's dist/), and its handles seen as a
 * verify-harness Target, so `verifyKernels` runs generated kernels on its size cases with poisoned
 * outputs (a selector's `sel` layout, or its `cols` and `diags` lists, compared as the harness's output).
 */
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledKernel, Target } from '../../src/harness/target.js';
import type { Kernel } from '../../src/model/kernel.js';
import type { RaggedList } from '../../src/model/values.js';
import { sideOutputBuffers } from '../../src/passes/lower-side-outputs.js';
import type { LibraryTarget } from '../../src/runtime/library/manifest.js';

/** The repository root (its package.json exports `sparsec/runtime`). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A fresh temp folder with `node_modules/sparsec` linked to this repository; build libraries under it. */
export async function libraryHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'sparsec-lib-'));
  await mkdir(join(home, 'node_modules'));
  await symlink(ROOT, join(home, 'node_modules', 'sparsec'), 'dir');
  return home;
}

/** What the tests use of a loaded generated kernel (attention, gemm or selector). */
interface LoadedKernel {
  readonly variant: string;
  run(inputs: Record<string, unknown>, into?: Record<string, Float32Array>): Promise<unknown>;
  dispose(): Promise<void>;
}

/** A generated kernel handle, untyped. */
export interface AnyHandle {
  readonly name: string;
  load(target: string, options?: unknown): Promise<LoadedKernel>;
}

/** Imports the generated `index.js` of the library in `dir`. */
export async function importLibrary(dir: string): Promise<Record<string, AnyHandle>> {
  return (await import(pathToFileURL(join(dir, 'index.js')).href)) as Record<string, AnyHandle>;
}

/** The library's kernels, loaded for `target`, as a verify-harness Target; `variants` records what each load ran. */
export function libraryTarget(lib: Record<string, AnyHandle>, target: LibraryTarget, variants: Map<string, string> = new Map()): Target {
  return {
    // NOTE: named as its target, so what verify refuses per target (its table's side_outputs) is refused here too
    name: target,
    label: `library-${target}`,
    availability: async () => ({ ok: true }),
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      const handle = lib[kernel.name];
      if (!handle) throw new Error(`the library has no kernel ${kernel.name}`);
      const loaded = await handle.load(target);
      variants.set(kernel.name, loaded.variant);
      if (kernel.kind === 'select') {
        return {
          // a selector's layout comes back as bytes (`sel`); the harness compares it in its f32 output
          async runAttention(sizes, inputs, outputs) {
            const result = (await loaded.run({ q: inputs.q, k: inputs.k, sizes: { batch: sizes.batch, qLen: sizes.qLen, kvLen: sizes.kvLen } })) as { sel?: Uint8Array; cols?: RaggedList; diags?: RaggedList };
            // a vertical-slash selector's lists: their values, columns then offsets, are the kernel's output layout
            if (result.sel) outputs.out.set(result.sel);
            else outputs.out.set([...result.cols!.values, ...result.diags!.values]);
          },
          dispose: () => loaded.dispose(),
        };
      }
      return {
        async runAttention(sizes, inputs, outputs) {
          const given = { batch: sizes.batch, qLen: sizes.qLen, kvLen: sizes.kvLen };
          const { side, ...named } = outputs;
          await loaded.run({ q: inputs.q, k: inputs.k, v: inputs.v, ...inputs.runtime, sizes: given }, { ...named, ...(kernel.kind === 'attention' ? sideOutputBuffers(kernel, side) : {}) });
        },
        async runGemm(sizes, inputs, outputs) {
          await loaded.run({ x: inputs.x, w: inputs.w, ...(inputs.bias ? { bias: inputs.bias } : {}), sizes: { m: sizes.m } }, { ...outputs });
        },
        dispose: () => loaded.dispose(),
      };
    },
  };
}
