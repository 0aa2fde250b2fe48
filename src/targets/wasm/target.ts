/**
 * @file The `wasm` target: compiles a kernel through the pass pipeline for `wasm`, prints it to a
 * SIMD128 module (plus a relaxed-SIMD variant) with binaryen, and runs it through the wasm runtime.
 * Plans and packed weights are built per run and bound as buffers, as in generated kernels.
 */
import { sideOutputBuffers } from '../../passes/lower-side-outputs.js';
import type { CompiledKernel } from '../../harness/target.js';
import type { Backend } from '../backend.js';
import { buildWasmTarget } from '../../build/wasm.js';
import type { SelectKernel } from '../../model/select.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../../model/values.js';
import { planFor } from '../../passes/attention-space.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import { packWeight } from '../../runtime/packing.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings } from '../../runtime/library/bind.js';
import { WasmKernel, type WasmLoadOptions } from '../../runtime/wasm/kernel.js';
import { WASM } from '../../runtime/wasm/wasm-api.js';
import { compileWasmModules, printWasmModules } from './module.js';

/** Options of a wasm target instance. */
export interface WasmTargetOptions extends WasmLoadOptions {
  /** Overrides the schedule of every kernel (tests vary it). */
  readonly schedule?: ScheduleSettings;
}

interface Loaded {
  readonly kernel: WasmKernel;
  readonly result: PipelineResult;
}

/** The pipeline run whose last stage the wasm printer prints. */
function lowerForWasm(kernel: Kernel, o: WasmTargetOptions, sizes?: AttentionSizes): PipelineResult {
  return runPipeline(kernel, 'wasm', { schedule: o.schedule ?? {}, ...(sizes ? { sizes } : {}) });
}

async function loadFor(kernel: Kernel, o: WasmTargetOptions, sizes?: AttentionSizes): Promise<Loaded> {
  const result = lowerForWasm(kernel, o, sizes);
  const mods = compileWasmModules(result.final);
  return { kernel: await WasmKernel.load(mods, o), result };
}

function compileAttention(kernel: AttentionKernel | SelectKernel, o: WasmTargetOptions): CompiledKernel {
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
  return {
    async runAttention(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void> {
      const { kernel: k, result } = await get(sizes);
      const values = {
        ...attentionSizeBindings(sizes),
        q: inputs.q, k: inputs.k, v: inputs.v,
        ...runtimeBindings(kernel.inputs.map((i) => i.name), inputs.runtime),
        ...(kernel.kind === 'attention' && result.walk?.kind === 'plan' ? planBindings(planFor(kernel, result.walk, sizes, inputs.runtime, result.schedule.tile_q, result.schedule.tile_k)) : {}),
      };
      await k.run(values, { out: outputs.out, lse: outputs.lse ?? new Float32Array(0), ...(kernel.kind === 'attention' ? sideOutputBuffers(kernel, outputs.side) : {}) });
    },
    async dispose() {
      for (const l of cache.values()) await (await l).kernel.dispose();
    },
  };
}

function compileGemm(kernel: GemmKernel, o: WasmTargetOptions): CompiledKernel {
  const loaded = loadFor(kernel, o);
  return {
    async runGemm(sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void> {
      const { kernel: k } = await loaded;
      const packed = packWeight(kernel.weight, inputs.w, sizes.n, sizes.k);
      await k.run(gemmBindings(sizes, inputs.x, packed, inputs.bias), { y: outputs.y });
    },
    async dispose() {
      await (await loaded).kernel.dispose();
    },
  };
}

/** Creates a wasm target (threads, relaxed SIMD and schedule overrides as options). */
export function createWasmTarget(o: WasmTargetOptions = {}): Backend {
  return {
    name: 'wasm',
    lower: (kernel, sizes) => lowerForWasm(kernel, o, sizes),
    print: (lowered, kernel) => ({ language: 'wat', text: printWasmModules(lowered.final).simd }),
    library: buildWasmTarget,
    async availability() {
      return WASM !== undefined && WASM.validate(SIMD_PROBE)
        ? { ok: true }
        : { ok: false, reason: 'this JavaScript engine has no WebAssembly SIMD128' };
    },
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      return kernel.kind === 'gemm' ? compileGemm(kernel, o) : compileAttention(kernel, o);
    },
  };
}

/** A minimal module using one SIMD128 instruction: `(func (result v128) v128.const 0)`. */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00,
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b,
]);

/** The wasm target with default schedules, one thread, relaxed SIMD where available. */
export const wasmTarget: Backend = createWasmTarget();
