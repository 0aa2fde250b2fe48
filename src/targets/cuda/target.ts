/**
 * @file The `cuda` target for the verify harness: compiles a kernel through the pass pipeline, prints it as
 * CUDA C, and runs it: on the GPU when the addon opens one and nvcc is here, otherwise compiled by the host g++
 * against the emulation prelude and run on the CPU; reports then name the target `cuda (emulated)`.
 */
import type { LibraryTargetOf } from '../backend.js';
import { buildCudaTarget } from '../../build/cuda.js';
import type { CompiledKernel, Target } from '../../harness/target.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../../model/values.js';
import { sideOutputBuffers } from '../../passes/lower-side-outputs.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import { bindAttention, bindGemm } from '../webgpu/bind.js';
import { compileEmulated, hostCompiler, type EmulatedKernel } from './emulate.js';
import { compileForGpu, gpuDevice } from './gpu.js';
import { cName } from './cuda-spelling.js';
import { planTensorCore } from './tensor-core/plan.js';
import { printTensorCore } from './tensor-core/print.js';
import { DEFAULT_CUDA_PRINT, printCuda, type CudaKernelArtifact, type CudaPrintOptions } from './print.js';

/** The schedule overrides for `kernel`: short static queries get short query tiles (decode), unless its own cuda block sets them. */
export function cudaScheduleFor(kernel: Kernel, base: ScheduleSettings = {}): ScheduleSettings {
  const own = kernel.schedules['cuda'] ?? {};
  const out: Record<string, number | boolean | string> = {};
  for (const [key, value] of Object.entries(base)) if (!(key in own)) out[key] = value;
  if (kernel.kind === 'attention' && typeof kernel.qLen === 'number' && !('tile_q' in own) && !('tile_q' in out)) {
    out['tile_q'] = Math.min(64, 2 ** Math.ceil(Math.log2(Math.max(1, kernel.qLen))));
  }
  return out;
}

/** Final IR and CUDA C of `kernel` (attention with a dynamic head_dim needs concrete `sizes`). */
export function compileCuda(kernel: Kernel, sizes?: AttentionSizes, schedule?: ScheduleSettings, print: Partial<CudaPrintOptions> = {}, symbol?: string): { pipeline: PipelineResult; artifact: CudaKernelArtifact } {
  const pipeline = runPipeline(kernel, 'cuda', { schedule: schedule ?? cudaScheduleFor(kernel), ...(sizes ? { sizes } : {}) });
  // NOTE: the schedule's num_warps sets the block size unless the caller fixes the threads.
  const threads = 32 * Number(pipeline.schedule.extra['num_warps'] ?? DEFAULT_CUDA_PRINT.threads / 32);
  // NOTE: the schedule's mma (targets/cuda.json) picks the tensor-core path where the kernel fits it; SIMT otherwise.
  const path = print.threads === undefined ? planTensorCore(pipeline.final, pipeline.schedule.extra['mma'] as string | undefined) : null;
  if (path?.ok) return { pipeline, artifact: printTensorCore(pipeline.final, kernel.name, path.plan, symbol ?? `sparsec_${cName(kernel.name)}`) };
  const artifact = printCuda(pipeline.final, kernel.name, { ...DEFAULT_CUDA_PRINT, threads, ...print }, symbol);
  return { pipeline, artifact: path ? { ...artifact, path: `simt (${path.reason})` } : artifact };
}

/** True when the kernel's printed source depends on the run's head_dim / value_dim. */
export function needsSizes(kernel: Kernel): boolean {
  return kernel.kind === 'attention' && (kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic');
}

interface Variant {
  readonly pipeline: PipelineResult;
  readonly binary: EmulatedKernel;
}

function compileKernel(kernel: Kernel, schedule: ScheduleSettings | undefined, print: Partial<CudaPrintOptions>): CompiledKernel {
  const variants = new Map<string, Variant>();
  const variant = (sizes?: AttentionSizes): Variant => {
    const key = sizes && needsSizes(kernel) ? `${sizes.headDim}x${sizes.valueDim}` : '';
    let v = variants.get(key);
    if (!v) {
      const { pipeline, artifact } = compileCuda(kernel, key ? sizes : undefined, schedule ? cudaScheduleFor(kernel, schedule) : undefined, print);
      const device = gpuDevice();
      v = { pipeline, binary: device ? compileForGpu(artifact, device) : compileEmulated(artifact) };
      variants.set(key, v);
    }
    return v;
  };
  // NOTE: a static kernel is printed and compiled now, so compile errors surface as compile failures.
  if (!needsSizes(kernel)) variant();
  let last: Variant | null = null;
  return {
    async runAttention(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void> {
      const { pipeline, binary } = (last = variant(sizes));
      const values = bindAttention(kernel as AttentionKernel, pipeline.walk, pipeline.schedule, sizes, inputs);
      binary.run(values, { out: outputs.out, lse: outputs.lse ?? new Float32Array(0), ...sideOutputBuffers(kernel as AttentionKernel, outputs.side) });
    },
    async runGemm(sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void> {
      const { binary } = (last = variant());
      binary.run(bindGemm(kernel as GemmKernel, sizes, inputs), { y: outputs.y });
    },
    describeLastRun() {
      // NOTE: the table names the path; why a kernel stayed on SIMT is in the manifest (variants[].path).
      const path = last?.binary.artifact.path ?? 'simt';
      return last ? (path.startsWith('simt') ? 'simt' : path) : '';
    },
    dispose() {
      variants.clear();
    },
  };
}

/** Creates a cuda target; `schedule` replaces the target's tile choices and `print` the printer settings (tests vary them). */
export function createCudaTarget(schedule?: ScheduleSettings, print: Partial<CudaPrintOptions> = {}): LibraryTargetOf & { readonly label: string } {
  return {
    name: 'cuda',
    library: buildCudaTarget,
    get label() {
      const device = gpuDevice();
      return device ? `cuda (${device.name})` : 'cuda (emulated)';
    },
    async availability() {
      return gpuDevice() ? { ok: true } : hostCompiler();
    },
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      return compileKernel(kernel, schedule, print);
    },
  };
}

/** The cuda target with default schedules. */
export const cudaTarget: LibraryTargetOf = createCudaTarget();
