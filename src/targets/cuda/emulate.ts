/**
 * @file The semantic check without a GPU: a generated .cu compiled by the host g++ against the emulation
 * prelude (native/cuda-emu) with the runner, then run per case with the run's buffers on stdin. Binaries are
 * cached by a hash of the source, the flags and the runner in $SPARSEC_CACHE_DIR/cuda-emu (else the system temp
 * folder), so two test files that build the same kernel compile it once.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeOutputs, encodeRun, type PackedValue } from '../../runtime/cuda/packed.js';
import type { CudaKernelArtifact } from './print.js';

/** The emulation prelude and runner (native/cuda-emu at the repository root). */
export const EMU_DIR = fileURLToPath(new URL('../../../native/cuda-emu', import.meta.url));

/** The host C++ compiler used for the emulation (SPARSEC_CXX overrides). */
export const HOST_CXX = process.env['SPARSEC_CXX'] ?? 'g++';

/** Blocks an emulated run launches (blocks run one after another; more only adds scheduling). */
export const EMULATED_BLOCKS = 3;

/** Whether the host compiler runs here, and if not why. */
export function hostCompiler(): { ok: true } | { ok: false; reason: string } {
  const r = spawnSync(HOST_CXX, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { ok: false, reason: `no host C++ compiler '${HOST_CXX}' for the CUDA emulation (${r.error?.message ?? r.stderr})` };
  if (!existsSync(join(EMU_DIR, 'sparsec_cuda_emu.h'))) return { ok: false, reason: `the CUDA emulation prelude is missing (${EMU_DIR})` };
  return { ok: true };
}

/** An emulated kernel binary. */
export interface EmulatedKernel {
  readonly artifact: CudaKernelArtifact;
  /** Runs with `values` by parameter name; `outputs` give the initial contents and receive the results. */
  run(values: ReadonlyMap<string, PackedValue>, outputs: Readonly<Record<string, Float32Array>>): void;
}

/** What the emulation compiles: the printed source and its entry points' prefix (an artifact, or a library's .cu). */
export type EmulatedSource = Pick<CudaKernelArtifact, 'name' | 'symbol' | 'source'>;

const COMPILE_FLAGS = ['-std=c++17', '-O1', '-w', '-DSPARSEC_EMULATE'];

/** Runs the host compiler; throws with its first messages and the repro command. */
function cxx(args: readonly string[], what: string): void {
  const r = spawnSync(HOST_CXX, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${what} does not compile: ${(r.stderr || r.error?.message || '').split('\n').slice(0, 12).join('\n')}\nrepro: ${HOST_CXX} ${args.join(' ')}`);
  }
}

/** The cache folder of emulation binaries (entries are keyed by content, so a shared folder is never stale). */
function cacheDir(): string {
  const base = process.env['SPARSEC_CACHE_DIR'];
  const dir = base ? join(base, 'cuda-emu') : join(tmpdir(), 'sparsec-cuda-emu');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The runner object (compiled once per prelude and runner text). */
function runnerObject(): string {
  const text = ['sparsec_cuda_emu.h', 'sparsec_mma_emu.h', 'runner.cpp'].map((f) => readFileSync(join(EMU_DIR, f), 'utf8')).join('\n');
  const hash = createHash('sha256').update(text).update(HOST_CXX).digest('hex').slice(0, 16);
  const obj = join(cacheDir(), `runner-${hash}.o`);
  if (!existsSync(obj)) {
    const tmp = `${obj}.${process.pid}.tmp`;
    cxx([...COMPILE_FLAGS, '-I', EMU_DIR, '-c', join(EMU_DIR, 'runner.cpp'), '-o', tmp], 'the CUDA emulation runner');
    renameSync(tmp, obj);
  }
  return obj;
}

/** Compiles `unit` with the host compiler against the prelude (cached); the binary's path. */
function emulatedBinary(unit: EmulatedSource, extraFlags: readonly string[]): string {
  const runner = runnerObject();
  const hash = createHash('sha256').update(unit.source).update(extraFlags.join(' ')).update(runner).digest('hex').slice(0, 16);
  const exe = join(cacheDir(), `${unit.symbol}-${hash}`);
  if (!existsSync(exe)) {
    const cu = `${exe}.cu`;
    writeFileSync(cu, unit.source);
    // NOTE: the runner calls fixed names; this unit forwards them to the artifact's entry points.
    const shim = `${exe}.emu.cpp`;
    writeFileSync(shim, [
      `#include "${cu}"`,
      `extern "C" size_t sparsec_entry_workspace_bytes(int blocks) { return ${unit.symbol}_workspace_bytes(blocks); }`,
      `extern "C" cudaError_t sparsec_entry_run_packed(void* const* b, const int* l, const int* s, void* w, int n, cudaStream_t st) { return ${unit.symbol}_run_packed(b, l, s, w, n, st); }`,
      '',
    ].join('\n'));
    const tmp = `${exe}.${process.pid}.tmp`;
    cxx([...COMPILE_FLAGS, '-I', EMU_DIR, ...extraFlags, shim, runner, '-o', tmp], `the emulated CUDA of ${unit.name} (${cu})`);
    renameSync(tmp, exe);
  }
  return exe;
}

/**
 * Compiles `unit` (an artifact, or a library's .cu with its symbol); returns its packed launcher: a packed launch
 * (src/runtime/cuda/packed.ts `encodeRun`, the addon's format) in, the output buffers' bytes out.
 */
export function compileEmulatedLauncher(unit: EmulatedSource, extraFlags: readonly string[] = []): (packed: Uint8Array) => Uint8Array {
  const exe = emulatedBinary(unit, extraFlags);
  return (packed) => {
    const r = spawnSync(exe, [], { input: packed, maxBuffer: 1 << 30 });
    if (r.error || r.status !== 0) throw new Error(`emulated run of ${unit.name} failed: ${r.error?.message ?? `exit ${r.status}: ${r.stderr.toString().trim()}`}`);
    return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length);
  };
}

/** Compiles `artifact` with the host compiler against the prelude; throws with the compiler's messages. */
export function compileEmulated(artifact: CudaKernelArtifact, extraFlags: readonly string[] = []): EmulatedKernel {
  const launch = compileEmulatedLauncher(artifact, extraFlags);
  return {
    artifact,
    run(values, outputs) {
      decodeOutputs(artifact.params, launch(encodeRun(artifact.params, values, outputs, EMULATED_BLOCKS)), outputs);
    },
  };
}
