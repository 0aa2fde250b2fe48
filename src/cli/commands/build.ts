/**
 * @file `sparsec build PATH... [--target T,...] [--out DIR] [--emit ir]`: compile every kernel into the
 * generated library (wasm modules and/or WGSL artifacts, manifests, typed wrappers), replacing DIR only when everything built;
 * `--emit ir` dumps the tile IR instead.
 */
import { EXIT, UsageError, type Io } from '../io.js';
import { loadAndCheck, printDiagnostics, selectKernels } from '../frontend-run.js';
import { parseTargetList } from '../targets.js';
import { emitIr } from './emit-ir.js';
import { Progress, progressMode } from '../progress.js';
import { BUILD_TARGETS, BuildCache, OutputFolderError, buildLibraryFiles, cudaCompileGate, defaultCacheDir, libraryPackageFiles, replaceFolder } from '../../build/index.js';

export interface BuildCliOptions {
  /** Warnings count as errors. */
  readonly denyWarnings?: boolean;
  readonly target?: string[];
  readonly out?: string;
  readonly emit?: string;
  readonly stages?: boolean;
  readonly kernel?: string[];
  /** Also write each module's text form as `<kernel>.wat`. */
  readonly wat?: boolean;
  /** Folder that manifest paths are relative to (default the working folder). */
  readonly cwd?: string;
  /** Copy the runtime into the library, so it runs without the sparsec package. */
  readonly standalone?: boolean;
  /** No progress on standard error. */
  readonly quiet?: boolean;
  /** `--no-cache` sets it false: every kernel is built, and the cache is neither read nor written. */
  readonly cache?: boolean;
  /** The cache folder (default `defaultCacheDir()`: $SPARSEC_CACHE_DIR, $XDG_CACHE_HOME/sparsec, ~/.cache/sparsec). */
  readonly cacheDir?: string;
  /** The compiler identity in cache keys (tests fake a new version; default the running compiler's). */
  readonly compilerVersion?: string;
}

/** The target `build` writes when none is named: the embedded default. */
export const BUILD_DEFAULT_TARGET = 'wasm';

export async function runBuild(paths: readonly string[], opts: BuildCliOptions, io: Io): Promise<number> {
  const targets = parseTargetList(opts.target, [BUILD_DEFAULT_TARGET]);
  const emit = opts.emit ?? 'code';
  if (emit !== 'ir' && emit !== 'code') throw new UsageError(`--emit expects 'ir' or 'code', got '${emit}'`);
  const c = await loadAndCheck(paths, { denyWarnings: Boolean(opts.denyWarnings) });
  printDiagnostics(io, c);
  if (!c.ok) return EXIT.failed;
  const kernels = selectKernels(c.kernels, opts.kernel);
  if (emit === 'ir') return emitIr(kernels, { targets, ...(opts.out ? { out: opts.out } : {}), stages: Boolean(opts.stages) }, io);
  const unsupported = targets.filter((t) => !BUILD_TARGETS.includes(t));
  if (unsupported.length > 0) {
    throw new UsageError(`sparsec build cannot write target${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')} yet (buildable: ${BUILD_TARGETS.join(', ')}; --emit ir works for every target)`);
  }
  let files: Map<string, string | Uint8Array>;
  const progress = new Progress(io, progressMode(io, Boolean(opts.quiet)), 'build', kernels.length);
  let cachedKernels = 0;
  try {
    files = buildLibraryFiles(kernels, {
      targets, ...(opts.cwd ? { cwd: opts.cwd } : {}), emit: opts.wat ? ['wat'] : [], standalone: Boolean(opts.standalone),
      ...(opts.cache === false ? {} : { cache: new BuildCache(opts.cacheDir ?? defaultCacheDir()) }),
      ...(opts.compilerVersion ? { compilerVersion: opts.compilerVersion } : {}),
      onKernel: (name) => progress.note(name),
      onKernelDone: (name, cached) => {
        if (cached) cachedKernels++;
        progress.step(name, cached ? 'cached' : '');
      },
    });
    // NOTE: the cuda sources go through nvcc (sm_80, sm_90) before anything is written; a compile error or a spill fails the build.
    if (targets.includes('cuda')) {
      const gate = await cudaCompileGate(files);
      if (gate.skipped) io.err(`note: ${gate.skipped}`);
      else io.out(`nvcc: compiled ${gate.compiled} translation units (sm_80, sm_90)`);
    }
  } catch (e) {
    progress.finish();
    io.err(`error: ${(e as Error).message}`);
    return EXIT.failed;
  }
  progress.finish();
  const outDir = opts.out ?? 'generated';
  for (const [name, text] of libraryPackageFiles(outDir, Boolean(opts.standalone))) files.set(name, text);
  try {
    await replaceFolder(outDir, files);
  } catch (e) {
    if (!(e instanceof OutputFolderError)) throw e;
    io.err(`error: ${e.message}`);
    return EXIT.failed;
  }
  const reused = cachedKernels > 0 ? ` (${cachedKernels} cached)` : '';
  io.out(`built ${kernels.length} kernel${kernels.length === 1 ? '' : 's'}${reused} for ${targets.join(', ')} into ${outDir}/`);
  return EXIT.ok;
}
