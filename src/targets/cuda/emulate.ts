/**
 * @file The semantic check without a GPU: a generated .cu compiled by the host g++ against the emulation
 * prelude (native/cuda-emu) with the runner, then run per case with the run's buffers on stdin. Binaries are
 * cached by a hash of the source in the system temp folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
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

/** Compiles `artifact` with the host compiler against the prelude; throws with the compiler's messages. */
export function compileEmulated(artifact: CudaKernelArtifact, extraFlags: readonly string[] = []): EmulatedKernel {
  const hash = createHash('sha256').update(artifact.source).update(extraFlags.join(' ')).update(HOST_CXX).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'sparsec-cuda-emu');
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, `${artifact.symbol}-${hash}`);
  if (!existsSync(exe)) {
    const cu = join(dir, `${artifact.symbol}-${hash}.cu`);
    writeFileSync(cu, artifact.source);
    const tmp = `${exe}.${process.pid}.tmp`;
    const args = [
      '-std=c++17', '-O1', '-w', '-DSPARSEC_EMULATE', `-DSPARSEC_ENTRY=${artifact.symbol}`, '-I', EMU_DIR,
      ...extraFlags, '-x', 'c++', cu, '-x', 'c++', join(EMU_DIR, 'runner.cpp'), '-o', tmp,
    ];
    const r = spawnSync(HOST_CXX, args, { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      throw new Error(`the emulated CUDA of ${artifact.name} does not compile (${cu}): ${(r.stderr || r.error?.message || '').split('\n').slice(0, 12).join('\n')}\nrepro: ${HOST_CXX} ${args.join(' ')}`);
    }
    renameSync(tmp, exe);
  }
  return {
    artifact,
    run(values, outputs) {
      const input = encodeRun(artifact.params, values, outputs, EMULATED_BLOCKS);
      const r = spawnSync(exe, [], { input, maxBuffer: 1 << 30 });
      if (r.error || r.status !== 0) throw new Error(`emulated run of ${artifact.name} failed: ${r.error?.message ?? r.stderr.toString().trim()}`);
      decodeOutputs(artifact.params, new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length), outputs);
    },
  };
}
