/**
 * @file The GPU path of the cuda target: where the addon (native/cuda) opens a device and nvcc is here, a printed
 * kernel is compiled to a cubin for the device's architecture and run through the driver; otherwise the target
 * falls back to the host emulation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAddon, type CudaAddon } from '../../runtime/cuda/load.js';
import { decodeOutputs, encodeRun, type PackedValue } from '../../runtime/cuda/packed.js';
import type { EmulatedKernel } from './emulate.js';
import type { CudaKernelArtifact } from './print.js';

/** An opened device. */
export interface GpuDevice {
  readonly addon: CudaAddon;
  readonly name: string;
  readonly arch: string;
  readonly blocks: number;
}

/** The nvcc that compiles kernels for the device (SPARSEC_NVCC overrides). */
const NVCC = process.env['SPARSEC_NVCC'] ?? 'nvcc';

let probed: GpuDevice | null | undefined;

/** The first device when the addon, a driver, a GPU and nvcc are all here; null otherwise (probed once). */
export function gpuDevice(): GpuDevice | null {
  if (probed !== undefined) return probed;
  probed = null;
  try {
    const addon = loadAddon();
    const d = addon.open(0);
    const nvcc = spawnSync(NVCC, ['--version']);
    if (!nvcc.error && nvcc.status === 0) probed = { addon, name: d.name, arch: `sm_${d.major}${d.minor}`, blocks: 4 * d.multiprocessors };
  } catch {
    probed = null;
  }
  return probed;
}

/** Compiles `artifact` to a cubin for `device` and returns a kernel that runs on it (same interface as the emulated one). */
export function compileForGpu(artifact: CudaKernelArtifact, device: GpuDevice): EmulatedKernel {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-cuda-gpu-'));
  let cubin: Uint8Array;
  try {
    const cu = join(dir, `${artifact.symbol}.cu`);
    writeFileSync(cu, artifact.source);
    const args = ['-cubin', `-arch=${device.arch}`, '-O3', '-o', join(dir, 'k.cubin'), cu];
    const r = spawnSync(NVCC, args, { encoding: 'utf8' });
    if (r.error || r.status !== 0) throw new Error(`nvcc failed on ${artifact.name}: ${r.stderr || r.error?.message}\nrepro: ${NVCC} ${args.join(' ')}`);
    cubin = new Uint8Array(readFileSync(join(dir, 'k.cubin')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    artifact,
    run(values: ReadonlyMap<string, PackedValue>, outputs: Readonly<Record<string, Float32Array>>) {
      const packed = encodeRun(artifact.params, values, outputs, device.blocks);
      const bytes = device.addon.run(cubin, `${artifact.symbol}_kernel`, artifact.threads, artifact.workspacePerBlock * device.blocks, artifact.scratchFloatsPerBlock, packed);
      decodeOutputs(artifact.params, bytes, outputs);
    },
  };
}
