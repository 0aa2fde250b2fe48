/**
 * @file sparsec's wasm kernels as bench implementations: `sparsec` (each case's own sparse kernel, credited with
 * live-tile FLOPs) and `sparsec-dense` (sparsec's dense attention / dense gemm, credited with dense FLOPs).
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, Kernel } from '../../model/kernel.js';
import type { RuntimeValues } from '../../model/values.js';
import { planFor } from '../../passes/attention-space.js';
import { runPipeline } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import { packWeight } from '../../runtime/packing.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings, type Bindings } from '../../runtime/library/bind.js';
import { WasmKernel } from '../../runtime/wasm/kernel.js';
import { compileWasmModules } from '../../targets/wasm/module.js';
import { attentionTensors, attentionWork, DEFAULT_TILING, type AttentionTensors, type Tiling } from '../framework/attention-work.js';
import { denseAttentionFlops, type AttentionCase } from '../framework/cases.js';
import type { GemmCase, GemmData } from '../framework/gemm-cases.js';
import type { BenchImplementation, PreparedBody } from '../framework/runner.js';
import { attentionKernelFor, gemmKernelFor } from './kernels.js';

/** Options of a sparsec bench implementation. */
export interface SparsecBenchOptions {
  /** Threads the kernels run on (the calling thread plus workers). */
  readonly threads: number;
  /** True for `sparsec-dense`: the dense kernel for every case. */
  readonly dense: boolean;
  /** Tiling that states live-work FLOPs of attention cases (the runner's, so rows agree). */
  readonly tiling?: Tiling;
  /** Relaxed SIMD: 'auto' (default) where the engine validates it. */
  readonly relaxed?: boolean | 'auto';
  /** Overrides of the wasm target's default schedule (experiments). */
  readonly schedule?: ScheduleSettings;
}

/** A prepared sparsec body that also exposes the kernel it ran and its output after `run` (for checks). */
export interface SparsecPreparedBody extends PreparedBody {
  readonly kernel: Kernel;
  /** Which module runs: 'simd' or 'relaxed'. */
  readonly variant: string;
  /** Copies the output of the last run out of kernel memory (`out` for attention, `y` for gemm). */
  output(): Float32Array;
}

/** Sizes of an attention case as kernel sizes (q_len = kv_len = seq, no GQA). */
export function attentionSizesOf(c: AttentionCase): AttentionSizes {
  const { batch, heads, seq, headDim } = c.shape;
  return { batch, heads, kvHeads: heads, qLen: seq, kvLen: seq, headDim, valueDim: headDim };
}

async function loadKernel(kernel: Kernel, o: SparsecBenchOptions) {
  const result = runPipeline(kernel, 'wasm', { schedule: o.schedule ?? {} });
  const wasm = await WasmKernel.load(compileWasmModules(result.final), { threads: o.threads, relaxed: o.relaxed ?? 'auto' });
  return { result, wasm };
}

/** Binds inputs once and returns the body the runner times (kernel calls only, no input copies). */
function boundBody(kernel: Kernel, wasm: WasmKernel, values: Bindings, outName: string, outLength: number, creditedFlops: number): SparsecPreparedBody {
  const out = new Float32Array(outLength);
  const outputs: Record<string, Float32Array> = { [outName]: out };
  if (kernel.kind === 'attention') outputs['lse'] = new Float32Array(0);
  const bound = wasm.bind(values, outputs);
  return {
    kernel,
    variant: wasm.variant,
    creditedFlops,
    run: () => bound.execute(),
    output: () => {
      bound.readOutputs();
      return out;
    },
    release: () => wasm.dispose(),
  };
}

/** Prepares the attention kernel of a case with Q / K / V (default: the case's deterministic tensors). */
export async function prepareSparsecAttention(c: AttentionCase, o: SparsecBenchOptions, tensors: AttentionTensors = attentionTensors(c)): Promise<SparsecPreparedBody> {
  const kernel: AttentionKernel = attentionKernelFor(c, o.dense);
  const { result, wasm } = await loadKernel(kernel, o);
  const sizes = attentionSizesOf(c);
  const runtime = c.runtime as RuntimeValues;
  const plan = result.walk?.kind === 'plan'
    ? planBindings(planFor(kernel, result.walk, sizes, runtime, result.schedule.tile_q, result.schedule.tile_k))
    : {};
  const values: Bindings = {
    ...attentionSizeBindings(sizes),
    q: tensors.q, k: tensors.k, v: tensors.v,
    ...runtimeBindings(kernel.inputs.map((i) => i.name), runtime),
    ...plan,
  };
  const flops = o.dense ? denseAttentionFlops(c.shape) : attentionWork(c, o.tiling ?? DEFAULT_TILING).liveFlops;
  return boundBody(kernel, wasm, values, 'out', tensors.q.length, flops);
}

/** Prepares the gemm kernel of a case: the weight packed once in the kernel's format, X bound once. */
export async function prepareSparsecGemm(c: GemmCase, data: GemmData, o: SparsecBenchOptions): Promise<SparsecPreparedBody> {
  const kernel: GemmKernel = gemmKernelFor(c, data, o.dense);
  const { wasm } = await loadKernel(kernel, o);
  const packed = packWeight(kernel.weight, data.w, c.n, c.k);
  const values = gemmBindings({ m: c.m, n: c.n, k: c.k }, data.x, packed, undefined);
  return boundBody(kernel, wasm, values, 'y', c.m * c.n, o.dense ? data.denseFlops : data.liveFlops);
}

/** `sparsec` (sparse kernels) or `sparsec-dense` (dense kernels) on the wasm target. */
export function sparsecImplementation(o: SparsecBenchOptions): BenchImplementation {
  return {
    impl: o.dense ? 'sparsec-dense' : 'sparsec',
    target: 'wasm',
    threads: o.threads,
    denseOnly: o.dense,
    prepareAttention: (c) => prepareSparsecAttention(c, o),
    prepareGemm: (c, data) => prepareSparsecGemm(c, data, o),
  };
}
