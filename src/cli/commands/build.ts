/**
 * @file `sparsec build PATH... [--target T,...] [--out DIR] [--emit ir]`: compile every kernel into the
 * generated library (wasm modules and/or WGSL artifacts, manifests, typed wrappers), replacing DIR only when everything built;
 * `--emit ir` dumps the tile IR instead.
 */
import { EXIT, UsageError, type Io } from '../io.js';
import { loadAndCheck, printDiagnostics, selectKernels } from '../frontend-run.js';
import { parseTargetList } from '../targets.js';
import { emitIr } from './emit-ir.js';
import { BUILD_TARGETS, buildLibraryFiles, cudaCompileGate, replaceFolder } from '../../build/index.js';

export interface BuildCliOptions {
  readonly target?: string[];
  readonly out?: string;
  readonly emit?: string;
  readonly stages?: boolean;
  readonly kernel?: string[];
  /** Also write each module's text form as `<kernel>.wat`. */
  readonly wat?: boolean;
  /** Folder that manifest paths are relative to (default the working folder). */
  readonly cwd?: string;
}

/** The target `build` writes when none is named: the embedded default. */
export const BUILD_DEFAULT_TARGET = 'wasm';

export async function runBuild(paths: readonly string[], opts: BuildCliOptions, io: Io): Promise<number> {
  const targets = parseTargetList(opts.target, [BUILD_DEFAULT_TARGET]);
  const emit = opts.emit ?? 'code';
  if (emit !== 'ir' && emit !== 'code') throw new UsageError(`--emit expects 'ir' or 'code', got '${emit}'`);
  const c = await loadAndCheck(paths);
  printDiagnostics(io, c);
  if (!c.ok) return EXIT.failed;
  const kernels = selectKernels(c.kernels, opts.kernel);
  if (emit === 'ir') return emitIr(kernels, { targets, ...(opts.out ? { out: opts.out } : {}), stages: Boolean(opts.stages) }, io);
  const unsupported = targets.filter((t) => !BUILD_TARGETS.includes(t));
  if (unsupported.length > 0) {
    throw new UsageError(`sparsec build cannot write target${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')} yet (buildable: ${BUILD_TARGETS.join(', ')}; --emit ir works for every target)`);
  }
  let files: Map<string, string | Uint8Array>;
  try {
    files = buildLibraryFiles(kernels, { targets, ...(opts.cwd ? { cwd: opts.cwd } : {}), emit: opts.wat ? ['wat'] : [] });
    // NOTE: the cuda sources go through nvcc (sm_80, sm_90) before anything is written; a compile error or a spill fails the build.
    if (targets.includes('cuda')) {
      const gate = await cudaCompileGate(files);
      if (gate.skipped) io.err(`note: ${gate.skipped}`);
      else io.out(`nvcc: compiled ${gate.compiled} translation units (sm_80, sm_90)`);
    }
  } catch (e) {
    io.err(`error: ${(e as Error).message}`);
    return EXIT.failed;
  }
  const outDir = opts.out ?? 'generated';
  await replaceFolder(outDir, files);
  io.out(`built ${kernels.length} kernel${kernels.length === 1 ? '' : 's'} for ${targets.join(', ')} into ${outDir}/`);
  return EXIT.ok;
}
