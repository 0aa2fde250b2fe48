/**
 * @file sparsec's webgpu kernels as a bench implementation: each case's kernel printed to WGSL, its buffers bound
 * once, and every timed run one dispatch (GPU time from timestamp queries when the adapter has them).
 */
import type { AttentionKernel, GemmKernel } from '../../model/kernel.js';
import { nodeDevice } from '../../runtime/webgpu/node-device.js';
import { prepareKernel, type BoundRun } from '../../runtime/webgpu/run.js';
import { bindAttention, bindGemm } from '../../targets/webgpu/bind.js';
import type { PrintOptions } from '../../targets/webgpu/print.js';
import { compileWgsl, printFor, scheduleFor } from '../../targets/webgpu/target.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import { attentionTensors, attentionWork, DEFAULT_TILING, type Tiling } from '../framework/attention-work.js';
import { denseAttentionFlops, type AttentionCase } from '../framework/cases.js';
import type { GemmCase, GemmData } from '../framework/gemm-cases.js';
import type { BenchImplementation, PreparedBody } from '../framework/runner.js';
import { attentionSizesOf } from '../sparsec/implementation.js';
import { attentionKernelFor, gemmKernelFor } from '../sparsec/kernels.js';

/** Options of the webgpu bench implementation. */
export interface WebgpuBenchOptions {
  /** True for `sparsec-dense`: the dense kernel for every case. */
  readonly dense?: boolean;
  /** Tiling that states live-work FLOPs of attention cases (the runner's, so rows agree). */
  readonly tiling?: Tiling;
  /** Overrides of the webgpu target's schedule (experiments). */
  readonly schedule?: ScheduleSettings;
  /** Workgroup memory for tiles in bytes (default: the device's limit; 0 keeps every tile in storage scratch). */
  readonly workgroupBytes?: number;
}

/** A prepared webgpu body: also the GPU times of its runs (timestamp queries) and its output after `run`. */
export interface WebgpuPreparedBody extends PreparedBody {
  /** GPU milliseconds of each run so far (empty when the adapter has no `timestamp-query`). */
  readonly gpuMs: readonly number[];
  /** Reads the output of the last run back from the GPU (`out` for attention, `y` for gemm). */
  output(): Promise<Float32Array>;
}

function body(bound: BoundRun, out: Float32Array, creditedFlops: number): WebgpuPreparedBody {
  const gpuMs: number[] = [];
  return {
    creditedFlops,
    gpuMs,
    async run() {
      const ms = await bound.execute();
      if (ms !== null) gpuMs.push(ms);
    },
    async output() {
      await bound.read();
      return out;
    },
    release: () => bound.release(),
  };
}

function printOptions(gpu: GPUDevice, o: WebgpuBenchOptions): PrintOptions {
  const base = printFor(gpu);
  return o.workgroupBytes === undefined ? base : { ...base, workgroupBytes: o.workgroupBytes };
}

async function device(): Promise<GPUDevice> {
  const d = await nodeDevice();
  if (!d.ok) throw new Error(d.reason);
  return d.device;
}

/** Prepares the attention kernel of a case on webgpu (inputs bound once). */
export async function prepareWebgpuAttention(c: AttentionCase, o: WebgpuBenchOptions = {}): Promise<WebgpuPreparedBody> {
  const kernel: AttentionKernel = attentionKernelFor(c, o.dense ?? false);
  const sizes = attentionSizesOf(c);
  const gpu = await device();
  const { pipeline, artifact } = compileWgsl(kernel, sizes, scheduleFor(kernel, o.schedule), printOptions(gpu, o));
  const prepared = await prepareKernel(gpu, artifact);
  const tensors = attentionTensors(c);
  const values = bindAttention(kernel, pipeline.walk, pipeline.schedule, sizes, { q: tensors.q, k: tensors.k, v: tensors.v, runtime: c.runtime });
  const out = new Float32Array(tensors.q.length);
  const flops = o.dense ? denseAttentionFlops(c.shape) : attentionWork(c, o.tiling ?? DEFAULT_TILING).liveFlops;
  return body(prepared.bind(values, { out, lse: new Float32Array(0) }), out, flops);
}

/** Prepares the gemm kernel of a case on webgpu (weight packed and bound once). */
export async function prepareWebgpuGemm(c: GemmCase, data: GemmData, o: WebgpuBenchOptions = {}): Promise<WebgpuPreparedBody> {
  const kernel: GemmKernel = gemmKernelFor(c, data, o.dense ?? false);
  const gpu = await device();
  const { artifact } = compileWgsl(kernel, undefined, scheduleFor(kernel, o.schedule), printOptions(gpu, o));
  const prepared = await prepareKernel(gpu, artifact);
  const values = bindGemm(kernel, { m: c.m, n: c.n, k: c.k }, { x: data.x, w: data.w });
  const y = new Float32Array(c.m * c.n);
  return body(prepared.bind(values, { y }), y, o.dense ? data.denseFlops : data.liveFlops);
}

/** sparsec on webgpu as a bench implementation, or null when there is no WebGPU adapter. */
export async function createWebgpuBenchImplementation(o: WebgpuBenchOptions = {}): Promise<BenchImplementation | null> {
  if (!(await nodeDevice()).ok) return null;
  return {
    impl: o.dense ? 'sparsec-dense' : 'sparsec',
    target: 'webgpu',
    threads: 1,
    denseOnly: o.dense ?? false,
    prepareAttention: (c) => prepareWebgpuAttention(c, o),
    prepareGemm: (c, data) => prepareWebgpuGemm(c, data, o),
  };
}
