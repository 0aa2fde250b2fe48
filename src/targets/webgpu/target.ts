/**
 * @file The `webgpu` target: compiles a kernel through the pass pipeline, prints the final IR to a
 * WGSL kernel, and runs it on Dawn (SwiftShader when there is no GPU) with plans bound as buffers.
 */
import type { CompiledKernel, Target } from '../../harness/target.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../../model/values.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import type { WgslKernelArtifact } from '../../runtime/webgpu/artifact.js';
import { nodeDevice } from '../../runtime/webgpu/node-device.js';
import { prepareKernel, type PreparedKernel } from '../../runtime/webgpu/run.js';
import { bindAttention, bindGemm } from './bind.js';
import { DEFAULT_PRINT, printWgsl, variantFor, type PrintOptions } from './print.js';

/** Tile sizes this target uses (no GQA packing: the head loop is a grid axis, which keeps shaders small) unless the kernel's `schedule webgpu { }` block says otherwise. */
export const WEBGPU_SCHEDULE: ScheduleSettings = { tile_q: 16, tile_k: 32, tile_m: 16, tile_n: 32, tile_kd: 32, pack_gqa: false };

/** The schedule overrides for `kernel`: ours, minus keys its own webgpu block sets; short static queries get short tiles. */
export function scheduleFor(kernel: Kernel, base: ScheduleSettings = WEBGPU_SCHEDULE): ScheduleSettings {
  const own = kernel.schedules['webgpu'] ?? {};
  const out: Record<string, number | boolean | string> = {};
  for (const [key, value] of Object.entries(base)) if (!(key in own)) out[key] = value;
  if (kernel.kind === 'attention' && typeof kernel.qLen === 'number' && !('tile_q' in own)) {
    const tq = Number(out['tile_q'] ?? 16);
    out['tile_q'] = Math.min(tq, 2 ** Math.ceil(Math.log2(Math.max(1, kernel.qLen))));
  }
  return out;
}

/** Final IR and WGSL of `kernel` (attention with a dynamic head_dim needs concrete `sizes`). */
export function compileWgsl(kernel: Kernel, sizes?: AttentionSizes, schedule?: ScheduleSettings, print: PrintOptions = DEFAULT_PRINT): { pipeline: PipelineResult; artifact: WgslKernelArtifact } {
  const pipeline = runPipeline(kernel, 'webgpu', { schedule: schedule ?? scheduleFor(kernel), ...(sizes ? { sizes } : {}) });
  return { pipeline, artifact: printWgsl(pipeline.final, kernel.name, print) };
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

/** Printer settings for `device`: tiles may use all of its workgroup memory. */
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
        const { pipeline, artifact } = compileWgsl(kernel, key ? sizes : undefined, schedule, { ...printFor(device), ...(print ?? variantFor(device.features)) });
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
      await prepared.run(values, { out: outputs.out, ...(outputs.lse ? { lse: outputs.lse } : {}) });
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
export function createWebgpuTarget(schedule?: ScheduleSettings, print?: Partial<PrintOptions>): Target {
  return {
    name: 'webgpu',
    async availability() {
      const d = await nodeDevice();
      return d.ok ? { ok: true } : { ok: false, reason: d.reason };
    },
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      return compileKernel(kernel, schedule ? scheduleFor(kernel, schedule) : undefined, print);
    },
  };
}

/** The webgpu target with default schedules. */
export const webgpuTarget: Target = createWebgpuTarget();
