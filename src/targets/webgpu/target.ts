/**
 * @file The `webgpu` target: compiles a kernel through the pass pipeline, prints the final IR to a
 * WGSL kernel, and runs it on Dawn (SwiftShader when there is no GPU) with plans bound as buffers.
 */
import { sideOutputBuffers } from '../../passes/lower-side-outputs.js';
import type { CompiledKernel } from '../../harness/target.js';
import type { Backend } from '../backend.js';
import { buildWebgpuTarget } from '../../build/webgpu.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../../model/values.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import type { WgslKernelArtifact } from '../../runtime/webgpu/artifact.js';
import { nodeDevice } from '../../runtime/webgpu/node-device.js';
import { prepareKernel, type PreparedKernel } from '../../runtime/webgpu/run.js';
import { bindAttention, bindGemm } from './bind.js';
import { DEFAULT_PRINT, launchOf, printWgsl, variantFor, type PrintOptions } from './print.js';

/** Test overrides `base` for `kernel`, minus keys its own webgpu block sets (the kernel's block wins). */
export function scheduleFor(kernel: Kernel, base: ScheduleSettings = {}): ScheduleSettings {
  const own = kernel.schedules['webgpu'] ?? {};
  return Object.fromEntries(Object.entries(base).filter(([key]) => !(key in own)));
}

/**
 * Final IR and WGSL of `kernel` (attention with a dynamic head_dim needs concrete `sizes`): the printer gets the
 * pipeline's last stage as it is, and launches the grid the schedule gives (targets/webgpu.json).
 */
export function compileWgsl(kernel: Kernel, sizes?: AttentionSizes, schedule?: ScheduleSettings, print: PrintOptions = DEFAULT_PRINT): { pipeline: PipelineResult; artifact: WgslKernelArtifact } {
  const pipeline = lowerForWebgpu(kernel, sizes, schedule);
  return { pipeline, artifact: printWgsl(pipeline.final, kernel.name, { ...print, ...launchOf(pipeline.schedule) }) };
}

/** The pipeline run whose last stage the webgpu printer prints. */
export function lowerForWebgpu(kernel: Kernel, sizes?: AttentionSizes, schedule?: ScheduleSettings): PipelineResult {
  return runPipeline(kernel, 'webgpu', { schedule: schedule ?? {}, ...(sizes ? { sizes } : {}) });
}

interface Variant {
  readonly pipeline: PipelineResult;
  readonly prepared: PreparedKernel;
}

async function deviceOrThrow(): Promise<GPUDevice> {
  const d = await nodeDevice();
  if (!d.ok) throw new Error(d.reason);
  return d.device;
}

/** Printer settings for `device`: tiles may use all of its workgroup memory (benchmarks; the library and verify use DEFAULT_PRINT). */
export function printFor(device: GPUDevice): PrintOptions {
  return { ...DEFAULT_PRINT, workgroupBytes: device.limits.maxComputeWorkgroupStorageSize };
}

function needsSizes(kernel: Kernel): boolean {
  return kernel.kind === 'attention' && (kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic');
}

/** Compiles `kernel`: one WGSL variant, or one per head_dim when that is dynamic. */
async function compileKernel(kernel: Kernel, schedule: ScheduleSettings | undefined, print: Partial<PrintOptions> | undefined): Promise<CompiledKernel> {
  const variants = new Map<string, Promise<Variant>>();
  const variant = (sizes?: AttentionSizes): Promise<Variant> => {
    const key = sizes && needsSizes(kernel) ? `${sizes.headDim}x${sizes.valueDim}` : '';
    let v = variants.get(key);
    if (!v) {
      v = (async () => {
        const device = await deviceOrThrow();
        // The portable workgroup-memory budget the generated library ships with (not this device's limit), so
        // verify checks the WGSL users get.
        const { pipeline, artifact } = compileWgsl(kernel, key ? sizes : undefined, schedule, { ...DEFAULT_PRINT, ...(print ?? variantFor(device.features)) });
        return { pipeline, prepared: await prepareKernel(device, artifact) };
      })();
      variants.set(key, v);
    }
    return v;
  };
  // NOTE: a static kernel is printed and compiled now, so WGSL errors surface as compile failures.
  if (!needsSizes(kernel)) await variant();
  return {
    async runAttention(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void> {
      const { pipeline, prepared } = await variant(sizes);
      const values = bindAttention(kernel as AttentionKernel, pipeline.walk, pipeline.schedule, sizes, inputs);
      await prepared.run(values, { out: outputs.out, ...(outputs.lse ? { lse: outputs.lse } : {}), ...(kernel.kind === 'attention' ? sideOutputBuffers(kernel, outputs.side) : {}) });
    },
    async runGemm(sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void> {
      const { prepared } = await variant();
      await prepared.run(bindGemm(kernel as GemmKernel, sizes, inputs), { y: outputs.y });
    },
    dispose() {
      variants.clear();
    },
  };
}

/**
 * Creates a webgpu target; `schedule` replaces the target's tile choices (tests vary it); `print` picks a variant of
 * WGSL_VARIANTS (default: the best one the device can run, as the generated library picks it).
 */
export function createWebgpuTarget(schedule?: ScheduleSettings, print?: Partial<PrintOptions>): Backend {
  const overrides = (kernel: Kernel): ScheduleSettings | undefined => (schedule ? scheduleFor(kernel, schedule) : undefined);
  return {
    name: 'webgpu',
    lower: (kernel, sizes) => lowerForWebgpu(kernel, sizes, overrides(kernel)),
    print: (lowered, kernel) => ({ language: 'wgsl', text: printWgsl(lowered.final, kernel.name, { ...DEFAULT_PRINT, ...print, ...launchOf(lowered.schedule) }).wgsl }),
    library: buildWebgpuTarget,
    async availability() {
      const d = await nodeDevice();
      return d.ok ? { ok: true } : { ok: false, reason: d.reason };
    },
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      return compileKernel(kernel, overrides(kernel), print);
    },
  };
}

/** The webgpu target with default schedules. */
export const webgpuTarget: Backend = createWebgpuTarget();
