/**
 * @file Any checked kernel as a timed body on one target (wasm, neon, webgpu): compiled once, its inputs bound once,
 * each run one kernel call; a table from target to preparer, so `sparsec bench FILE --kernel NAME` stays target-blind.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, GemmInputs } from '../../model/values.js';
import { planFor } from '../../passes/attention-space.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import { sideOutputBuffers } from '../../passes/lower-side-outputs.js';
import { sideOutputLength } from '../../model/side-outputs.js';
import { packWeight } from '../../runtime/packing.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings, type Bindings } from '../../runtime/library/bind.js';
import { WasmKernel } from '../../runtime/wasm/kernel.js';
import { compileWasmModules } from '../../targets/wasm/module.js';

/** What a preparer is asked to run: one kernel, its sizes and its inputs. */
export type KernelRun =
  | { readonly kernel: AttentionKernel; readonly sizes: AttentionSizes; readonly inputs: AttentionInputs }
  | { readonly kernel: GemmKernel; readonly sizes: GemmSizes; readonly inputs: GemmInputs };

/** A kernel ready to be timed: `run` calls it on the bound inputs, `output` reads the last result. */
export interface KernelBody {
  /** Which code runs, e.g. `simd`, `relaxed`, `SIMDe`, a WGSL variant. */
  readonly variant: string;
  run(): Promise<void> | void;
  /** The output of the last run (`out` for attention, `y` for gemm). */
  output(): Promise<Float32Array>;
  release(): Promise<void> | void;
}

/** Prepares a kernel run on one target with `threads` threads (targets that cannot choose ignore it). */
export type KernelPreparer = (run: KernelRun, threads: number) => Promise<KernelBody>;

/** Output length of a run: O [b, h, q_len, value_dim] or Y [m, n]. */
export function outputLength(run: KernelRun): number {
  if (run.kernel.kind === 'gemm') {
    const s = run.sizes as GemmSizes;
    return s.m * s.n;
  }
  const s = run.sizes as AttentionSizes;
  return s.batch * s.heads * s.qLen * s.valueDim;
}

/** Sizes the pipeline must specialise on: attention kernels with a dynamic head_dim / value_dim. */
function pipelineSizes(run: KernelRun): AttentionSizes | undefined {
  const k = run.kernel;
  return k.kind === 'attention' && (k.headDim === 'dynamic' || k.valueDim === 'dynamic') ? (run.sizes as AttentionSizes) : undefined;
}

/** The parameter values of a run (sizes, tensors, runtime inputs, the block plan, a packed weight). */
export function runBindings(run: KernelRun, pipeline: PipelineResult): Bindings {
  if (run.kernel.kind === 'gemm') {
    const { sizes, inputs } = run as Extract<KernelRun, { kernel: GemmKernel }>;
    return gemmBindings(sizes, inputs.x, packWeight(run.kernel.weight, inputs.w, sizes.n, sizes.k), inputs.bias);
  }
  const { kernel, sizes, inputs } = run as Extract<KernelRun, { kernel: AttentionKernel }>;
  const plan = pipeline.walk?.kind === 'plan'
    ? planBindings(planFor(kernel, pipeline.walk, sizes, inputs.runtime, pipeline.schedule.tile_q, pipeline.schedule.tile_k))
    : {};
  return { ...attentionSizeBindings(sizes), q: inputs.q, k: inputs.k, v: inputs.v, ...runtimeBindings(kernel.inputs.map((i) => i.name), inputs.runtime), ...plan };
}

/** Output arrays of a run under their parameter names (an empty lse: not read back; side outputs written, not read back), poisoned with NaN until a run writes them. */
function outputArrays(run: KernelRun): { outputs: Record<string, Float32Array>; main: Float32Array } {
  const main = new Float32Array(outputLength(run)).fill(Number.NaN);
  if (run.kernel.kind === 'gemm') return { outputs: { y: main }, main };
  const { kernel, sizes } = run as Extract<KernelRun, { kernel: AttentionKernel }>;
  const side = sideOutputBuffers(kernel, (kernel.sideOutputs ?? []).map((s) => new Float32Array(sideOutputLength(s, sizes))));
  return { outputs: { out: main, lse: new Float32Array(0), ...side }, main };
}

const prepareWasm: KernelPreparer = async (run, threads) => {
  const sizes = pipelineSizes(run);
  const pipeline = runPipeline(run.kernel, 'wasm', { schedule: {}, ...(sizes ? { sizes } : {}) });
  const wasm = await WasmKernel.load(compileWasmModules(pipeline.final), { threads, relaxed: 'auto' });
  const { outputs, main } = outputArrays(run);
  const bound = wasm.bind(runBindings(run, pipeline), outputs);
  return {
    variant: wasm.variant,
    run: () => bound.execute(),
    output: async () => {
      bound.readOutputs();
      return main;
    },
    release: () => wasm.dispose(),
  };
};

const prepareNeon: KernelPreparer = async (run, threads) => {
  const [{ hostKind, sharedLibrary }, { NeonNativeKernel }, { neonSource }] = await Promise.all([
    import('../../build/neon.js'), import('../../runtime/neon/native.js'), import('../../targets/neon/source.js'),
  ]);
  const host = hostKind();
  if (!host) throw new Error('bench: this host cannot build neon libraries (no C compiler, or no SIMDe on x86): bash scripts/setup-neon.sh');
  const pipeline = runPipeline(run.kernel, 'neon');
  const src = neonSource(pipeline.final);
  const path = join(mkdtempSync(join(tmpdir(), 'sparsec-neon-bench-')), `${run.kernel.name}.neon.so`);
  writeFileSync(path, sharedLibrary(src.c));
  const native = NeonNativeKernel.load(path, src.abi, { threads });
  const values = runBindings(run, pipeline);
  const { outputs, main } = outputArrays(run);
  return {
    variant: host,
    run: () => native.run(values, outputs),
    output: async () => main,
    release: () => native.dispose(),
  };
};

const prepareWebgpu: KernelPreparer = async (run) => {
  const [{ nodeDevice }, { prepareKernel }, { compileWgsl, printFor }] = await Promise.all([
    import('../../runtime/webgpu/node-device.js'), import('../../runtime/webgpu/run.js'), import('../../targets/webgpu/target.js'),
  ]);
  const device = await nodeDevice();
  if (!device.ok) throw new Error(`bench: no WebGPU adapter (${device.reason})`);
  const { pipeline, artifact } = compileWgsl(run.kernel, pipelineSizes(run), undefined, printFor(device.device));
  const prepared = await prepareKernel(device.device, artifact);
  const { outputs, main } = outputArrays(run);
  const bound = prepared.bind(new Map(Object.entries(runBindings(run, pipeline))), outputs);
  return {
    variant: 'wgsl',
    run: async () => {
      await bound.execute();
    },
    output: async () => {
      await bound.read();
      return main;
    },
    release: () => bound.release(),
  };
};

/** The targets `sparsec bench FILE --kernel NAME` can time, each with its preparer. */
export const KERNEL_PREPARERS = { wasm: prepareWasm, neon: prepareNeon, webgpu: prepareWebgpu } as const satisfies Record<string, KernelPreparer>;

/** A target name `KERNEL_PREPARERS` knows. */
export type KernelBenchTarget = keyof typeof KERNEL_PREPARERS;

/** The kernel `kernel` with every tile live: mask `true` (attention; score modifier kept) or a dense weight and no input threshold (gemm). */
export function denseTwin(kernel: Kernel): Kernel {
  const name = `${kernel.name}_dense`;
  if (kernel.kind === 'gemm') return { ...kernel, name, weight: { format: 'dense' }, threshold: null };
  if (kernel.kind === 'select') throw new Error(`kernel ${kernel.name}: selector kernels are not benchmarked yet`);
  return { ...kernel, name, mask: { op: 'const', type: 'bool', value: true } };
}
