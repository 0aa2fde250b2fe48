/**
 * @file The generated library: compiles checked kernels in memory, per target (a table of builders: wasm
 * modules, WGSL artifacts), into manifests, typed wrappers (`.js` with `.d.ts`) and `index`;
 * `replaceFolder` then swaps the output folder atomically. Same input, same bytes; a kernel whose cache key is
 * unchanged is taken from the cache of built kernels (`cache.ts`).
 */
import type { Kernel } from '../model/kernel.js';
import { LIBRARY_TARGETS, type LibraryTarget } from '../runtime/library/manifest.js';
import { BuildCache, cacheKey, compilerIdentity } from './cache.js';
import { kernelManifest, type TargetSections } from './manifest.js';
import type { TargetBuildOptions } from './target-build.js';
import { getBackend } from '../targets/index.js';
import { STANDALONE_RUNTIME_IMPORT, standaloneRuntimeFiles } from './standalone.js';
import { indexModule, kernelWrapper } from './wrapper.js';

/** Options of a build. */
export interface BuildOptions extends TargetBuildOptions {
  /** Targets to build (default ['wasm']). */
  readonly targets?: readonly string[];
  /** Output folder (default `generated`). */
  readonly outDir?: string;
  /** Folder that manifest paths are relative to (default the process's working folder). */
  readonly cwd?: string;
  /** Write a copy of the runtime into the library (`sparsec/`), so it needs no installed sparsec package. */
  readonly standalone?: boolean;
  /** Called before each kernel is built (for progress). */
  readonly onKernel?: (kernel: string) => void;
  /** Called after each kernel is built (`cached`: every target's build came from the cache). */
  readonly onKernelDone?: (kernel: string, cached: boolean) => void;
  /** The cache of built kernels to reuse and fill (none: every kernel is built). */
  readonly cache?: BuildCache;
  /** The compiler identity in cache keys (default `compilerIdentity()`; tests fake a new version). */
  readonly compilerVersion?: string;
}

/** The library builder of `target`: its backend's (the registry is the one list of targets). */
function builderOf(target: LibraryTarget): NonNullable<ReturnType<typeof getBackend>>['library'] & object {
  const library = getBackend(target)?.library;
  if (!library) throw new Error(`the ${target} backend has no library builder (a sparsec bug: the runtime can load it)`);
  return library;
}

/** Targets `sparsec build` can write: registered backends with a library builder whose kernels the runtime can load. */
export const BUILD_TARGETS: readonly string[] = LIBRARY_TARGETS.filter((t) => getBackend(t)?.library !== undefined);

/** `targets` checked against BUILD_TARGETS, in the library's order (default: wasm). */
function libraryTargets(targets: readonly string[] = ['wasm']): LibraryTarget[] {
  const unknown = targets.filter((t) => !BUILD_TARGETS.includes(t));
  if (unknown.length > 0) throw new Error(`sparsec build cannot write target ${unknown.join(', ')} (buildable: ${BUILD_TARGETS.join(', ')})`);
  const out = LIBRARY_TARGETS.filter((t) => targets.includes(t));
  if (out.length === 0) throw new Error('sparsec build needs at least one target');
  return out;
}

/** Every output file of `kernels` built for `opts.targets`, by name. Throws on a kernel that cannot be built. */
export function buildLibraryFiles(kernels: readonly Kernel[], opts: BuildOptions = {}): Map<string, string | Uint8Array> {
  const cwd = opts.cwd ?? process.cwd();
  const targets = libraryTargets(opts.targets);
  const files = new Map<string, string | Uint8Array>();
  const seen = new Set<string>();
  for (const kernel of kernels) {
    if (seen.has(kernel.name)) throw new Error(`two kernels are called '${kernel.name}'; kernel names must be unique in one build`);
    seen.add(kernel.name);
    opts.onKernel?.(kernel.name);
    const sections: Record<string, unknown> = {};
    let cached = opts.cache !== undefined;
    for (const target of targets) {
      const key = opts.cache ? cacheKey(kernel, target, opts, opts.compilerVersion ?? compilerIdentity()) : '';
      const hit = opts.cache?.get(key) ?? null;
      const built = hit ?? builderOf(target)(kernel, opts);
      if (!hit) {
        cached = false;
        opts.cache?.put(key, built);
      }
      sections[target] = built.section;
      for (const [name, data] of built.files) files.set(name, data);
    }
    const manifest = kernelManifest(kernel, targets, sections as TargetSections, cwd);
    const wrapper = kernelWrapper(kernel, manifest.source.file, targets, opts.standalone ? STANDALONE_RUNTIME_IMPORT : 'sparsec/runtime');
    files.set(`${kernel.name}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    files.set(`${kernel.name}.js`, wrapper.js);
    files.set(`${kernel.name}.d.ts`, wrapper.dts);
    opts.onKernelDone?.(kernel.name, cached);
  }
  const index = indexModule(kernels);
  files.set('index.js', index.js);
  files.set('index.d.ts', index.dts);
  if (opts.standalone) for (const [name, text] of standaloneRuntimeFiles()) files.set(name, text);
  return files;
}

export { BuildCache, defaultCacheDir } from './cache.js';
export { OUTPUT_MARKER, OutputFolderError, replaceFolder } from './write.js';
export { libraryPackageFiles } from './package-scope.js';
export { cudaCompileGate } from './cuda-gate.js';
