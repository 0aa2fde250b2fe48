/**
 * @file The `neon` target: compiles a kernel through the pass pipeline for `neon`, prints it as NEON C, builds it
 * with its test driver (aarch64-linux-gnu-gcc -O2 -static, run under qemu-aarch64; native gcc on arm64) and
 * runs every case of the kernel in one driver process. Plans and packed weights are bound as on wasm.
 */
import type { CompiledKernel, Target } from '../../harness/target.js';
import type { SelectKernel } from '../../model/select.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../../model/values.js';
import { planFor } from '../../passes/attention-space.js';
import type { LibraryTargetOf } from '../backend.js';
import { buildNeonTarget } from '../../build/neon.js';
import { sideOutputBuffers } from '../../passes/lower-side-outputs.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import { packWeight } from '../../runtime/packing.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings, type Bindings } from '../../runtime/library/bind.js';
import { NeonProcess, buildExecutable, decodeResults, encodeRun, findNeonToolchain, resultBytes, type NeonAbi } from '../../runtime/neon/index.js';
import { driverMain, neonSource } from './source.js';

/** Options of a neon target instance. */
export interface NeonTargetOptions {
  /** Threads per run (pthreads over the work loops; default 1). */
  readonly threads?: number;
  /** Overrides the schedule of every kernel (tests vary it). */
  readonly schedule?: ScheduleSettings;
}

interface Loaded {
  readonly abi: NeonAbi;
  readonly process: NeonProcess;
  readonly result: PipelineResult;
}

async function loadFor(kernel: Kernel, o: NeonTargetOptions, sizes?: AttentionSizes): Promise<Loaded> {
  const tc = await findNeonToolchain();
  if (typeof tc === 'string') throw new Error(`neon: ${tc}`);
  const result = runPipeline(kernel, 'neon', { schedule: o.schedule ?? {}, ...(sizes ? { sizes } : {}) });
  const src = neonSource(result.final);
  const exe = await buildExecutable(tc, `${src.c}\n${driverMain(src.abi)}`, src.abi.fn);
  return { abi: src.abi, process: new NeonProcess([...tc.runner, exe]), result };
}

async function runOn(l: Loaded, threads: number, values: Bindings, outputs: Record<string, Float32Array>): Promise<void> {
  const bytes = await l.process.run(encodeRun(l.abi, threads, values, outputs), resultBytes(l.abi, values, outputs));
  decodeResults(l.abi, bytes, values, outputs);
}

/** A build started before anyone awaits it: its failure surfaces at the first run, never as an unhandled rejection. */
function early<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

function compileAttention(kernel: AttentionKernel | SelectKernel, o: NeonTargetOptions): CompiledKernel {
  const dynamicDims = kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic';
  const cache = new Map<string, Promise<Loaded>>();
  const get = (sizes: AttentionSizes): Promise<Loaded> => {
    const key = dynamicDims ? `${sizes.headDim}x${sizes.valueDim}` : '';
    let hit = cache.get(key);
    if (!hit) {
      hit = loadFor(kernel, o, dynamicDims ? sizes : undefined);
      cache.set(key, hit);
    }
    return hit;
  };
  // NOTE: static dims build now, so gcc runs while the harness computes the first case's reference.
  if (!dynamicDims) cache.set('', early(loadFor(kernel, o)));
  return {
    async runAttention(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void> {
      const l = await get(sizes);
      const values = {
        ...attentionSizeBindings(sizes),
        q: inputs.q, k: inputs.k, v: inputs.v,
        ...runtimeBindings(kernel.inputs.map((i) => i.name), inputs.runtime),
        ...(kernel.kind === 'attention' && l.result.walk?.kind === 'plan' ? planBindings(planFor(kernel, l.result.walk, sizes, inputs.runtime, l.result.schedule.tile_q, l.result.schedule.tile_k)) : {}),
      };
      await runOn(l, o.threads ?? 1, values, { out: outputs.out, lse: outputs.lse ?? new Float32Array(0), ...(kernel.kind === 'attention' ? sideOutputBuffers(kernel, outputs.side) : {}) });
    },
    async dispose() {
      for (const l of cache.values()) await (await l.catch(() => null))?.process.close();
    },
  };
}

function compileGemm(kernel: GemmKernel, o: NeonTargetOptions): CompiledKernel {
  const loaded = early(loadFor(kernel, o));
  return {
    async runGemm(sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void> {
      const packed = packWeight(kernel.weight, inputs.w, sizes.n, sizes.k);
      await runOn(await loaded, o.threads ?? 1, gemmBindings(sizes, inputs.x, packed, inputs.bias), { y: outputs.y });
    },
    async dispose() {
      await (await loaded.catch(() => null))?.process.close();
    },
  };
}

/** Creates a neon target (threads and schedule overrides as options). */
export function createNeonTarget(o: NeonTargetOptions = {}): LibraryTargetOf {
  return {
    name: 'neon',
    library: buildNeonTarget,
    async availability() {
      const tc = await findNeonToolchain();
      return typeof tc === 'string' ? { ok: false, reason: tc } : { ok: true };
    },
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      return kernel.kind === 'gemm' ? compileGemm(kernel, o) : compileAttention(kernel, o);
    },
  };
}

/** The neon target with default schedules and one thread. */
export const neonTarget: LibraryTargetOf = createNeonTarget();
