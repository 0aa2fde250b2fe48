/**
 * @file The generated library: compiles checked kernels for wasm in memory into modules, manifests,
 * typed wrappers (`.ts`, `.js`, `.d.ts`) and `index`; `replaceFolder` then swaps the output folder
 * atomically. Same input, same bytes.
 */
import type { Kernel } from '../model/kernel.js';
import { runPipeline } from '../passes/pipeline.js';
import { compileWasmModules } from '../targets/wasm/module.js';
import { wasmManifest } from './manifest.js';
import { indexModule, kernelWrapper } from './wrapper.js';

/** Options of a build. */
export interface BuildOptions {
  /** Targets to build (default ['wasm']). */
  readonly targets?: readonly string[];
  /** Output folder (default `generated`). */
  readonly outDir?: string;
  /** Also write the optimised module text as `<kernel>.wat`. */
  readonly emit?: readonly 'wat'[];
  /** Folder that manifest paths are relative to (default the process's working folder). */
  readonly cwd?: string;
}

/** Targets `sparsec build` can write. */
export const BUILD_TARGETS: readonly string[] = ['wasm'];

/** Every output file of `kernels` built for wasm, by name. Throws on a kernel that cannot be built. */
export function buildWasmFiles(kernels: readonly Kernel[], opts: BuildOptions = {}): Map<string, string | Uint8Array> {
  const cwd = opts.cwd ?? process.cwd();
  const files = new Map<string, string | Uint8Array>();
  const seen = new Set<string>();
  for (const kernel of kernels) {
    if (seen.has(kernel.name)) throw new Error(`two kernels are called '${kernel.name}'; kernel names must be unique in one build`);
    seen.add(kernel.name);
    if (kernel.kind === 'attention' && (kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic')) {
      throw new Error(`kernel ${kernel.name}: wasm builds need a static head_dim and value_dim`);
    }
    const result = runPipeline(kernel, 'wasm');
    const mods = compileWasmModules(result.final, { model: kernel });
    const manifest = wasmManifest(kernel, result, mods, cwd);
    const wrapper = kernelWrapper(kernel, manifest.source.file);
    files.set(`${kernel.name}.wasm`, mods.simd);
    files.set(`${kernel.name}.relaxed.wasm`, mods.relaxed);
    files.set(`${kernel.name}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    files.set(`${kernel.name}.ts`, wrapper.ts);
    files.set(`${kernel.name}.js`, wrapper.js);
    files.set(`${kernel.name}.d.ts`, wrapper.dts);
    if (opts.emit?.includes('wat')) files.set(`${kernel.name}.wat`, mods.text);
  }
  const index = indexModule(kernels);
  files.set('index.ts', index.ts);
  files.set('index.js', index.js);
  files.set('index.d.ts', index.dts);
  return files;
}

export { replaceFolder } from './write.js';
