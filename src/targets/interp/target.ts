/**
 * @file The `interp` target: compiles a kernel through the pass pipeline and runs the final tile IR
 * in TypeScript with f32 arithmetic. Plans (static, run-time, or expanded closed forms) are built
 * before each run and bound as buffers, exactly as generated kernels receive them.
 */
import { sideOutputBuffers } from '../../passes/lower-side-outputs.js';
import type { CompiledKernel } from '../../harness/target.js';
import { printKernel } from '../../ir/print.js';
import type { Backend } from '../backend.js';
import type { SelectKernel } from '../../model/select.js';
import type { AttentionKernel, AttentionSizes, DType, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs, RaggedList, RuntimeValue } from '../../model/values.js';
import { sizeRecord } from '../../reference/mask.js';
import { ROUND_SCALAR } from '../../reference/dtype.js';
import { packWeight, weightBindings } from '../../runtime/packing.js';
import { planFor } from '../../passes/attention-space.js';
import { runPipeline, type PipelineOptions } from '../../passes/pipeline.js';
import type { ScheduleSettings } from '../../passes/schedule.js';
import { compileProgram, type Program } from './exec.js';
import type { Buffer, Value } from './tiles.js';

function buffer(data: Float32Array | Int32Array | Uint8Array, dtype: DType | null = null): Buffer {
  return { kind: 'buffer', data, round: dtype && dtype !== 'f32' ? ROUND_SCALAR[dtype] : null };
}

function isList(v: RuntimeValue): v is RaggedList {
  return (v as RaggedList).offsets !== undefined;
}

/** Compiles an attention kernel for the interpreter. */
function compileAttention(kernel: AttentionKernel | SelectKernel, schedule: ScheduleSettings, half: HalfOptions): CompiledKernel {
  const dynamicDims = kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic';
  const cache = new Map<string, { program: Program; result: ReturnType<typeof runPipeline> }>();
  const get = (sizes: AttentionSizes): { program: Program; result: ReturnType<typeof runPipeline> } => {
    const key = dynamicDims ? `${sizes.headDim}x${sizes.valueDim}` : '';
    let hit = cache.get(key);
    if (!hit) {
      const opts: PipelineOptions = { schedule, ...half, ...(dynamicDims ? { sizes } : {}) };
      const result = runPipeline(kernel, 'interp', opts);
      hit = { program: compileProgram(result.final), result };
      cache.set(key, hit);
    }
    return hit;
  };
  if (!dynamicDims) get({} as AttentionSizes);
  return {
    async runAttention(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void> {
      const { program, result } = get(sizes);
      const values = new Map<string, Value>();
      const rec = sizeRecord(sizes);
      for (const [name, v] of Object.entries(rec)) values.set(name, v);
      values.set('q', buffer(inputs.q));
      values.set('k', buffer(inputs.k));
      values.set('v', buffer(inputs.v));
      values.set('out', buffer(outputs.out, kernel.dtype));
      values.set('lse', buffer(outputs.lse ?? new Float32Array(0)));
      for (const [name, data] of Object.entries((kernel.kind === 'attention' ? sideOutputBuffers(kernel, outputs.side) : {}))) values.set(name, buffer(data));
      for (const decl of kernel.inputs) {
        const v = inputs.runtime[decl.name];
        if (v === undefined) throw new Error(`interp: runtime input '${decl.name}' is missing`);
        if (isList(v)) {
          values.set(`${decl.name}.offsets`, buffer(v.offsets));
          values.set(`${decl.name}.values`, buffer(v.values));
          values.set(`${decl.name}.len`, v.offsets.length - 1);
        } else {
          values.set(decl.name, buffer(v));
          values.set(`${decl.name}.len`, v.length);
        }
      }
      if (kernel.kind === 'attention' && result.walk?.kind === 'plan') {
        const plan = planFor(kernel, result.walk, sizes, inputs.runtime, result.schedule.tile_q, result.schedule.tile_k);
        values.set('plan.rowptr', buffer(plan.rowPtr));
        values.set('plan.ktiles', buffer(plan.kTiles));
        values.set('plan.full', buffer(plan.full));
        values.set('plan.hcount', plan.hCount);
        values.set('plan.bmul', plan.bShared ? 0 : 1);
        values.set('plan.hmul', plan.hShared ? 0 : 1);
        values.set('plan.len', plan.kTiles.length);
        values.set('plan.rows', plan.rowPtr.length);
      }
      program.run(values);
    },
  };
}

/** Compiles a gemm kernel for the interpreter (weights are packed per run from the dense W). */
function compileGemm(kernel: GemmKernel, schedule: ScheduleSettings, half: HalfOptions): CompiledKernel {
  const { final } = runPipeline(kernel, 'interp', { schedule, ...half });
  const program = compileProgram(final);
  return {
    async runGemm(sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void> {
      const values = new Map<string, Value>([['m', sizes.m], ['n', sizes.n], ['k', sizes.k]]);
      values.set('x', buffer(inputs.x));
      values.set('y', buffer(outputs.y, kernel.dtype));
      values.set('bias', buffer(inputs.bias ?? new Float32Array(0)));
      const packed = packWeight(kernel.weight, inputs.w, sizes.n, sizes.k);
      for (const [name, v] of Object.entries(weightBindings(packed))) values.set(name, typeof v === 'number' ? v : buffer(v));
      program.run(values);
    },
  };
}

/** How the interpreter treats f16 / bf16 tiles: `nativeHalf` overrides targets/interp.json (default: widened to f32). */
export type HalfOptions = Pick<PipelineOptions, 'nativeHalf'>;

/**
 * Creates an interp target; `schedule` overrides the schedule of every kernel (tests vary it). `half.nativeHalf`
 * `f16+bf16` runs it as 16-bit hardware: typed tiles stay narrow and DOTs round their operands like an mma.
 */
export function createInterpTarget(schedule: ScheduleSettings = {}, half: HalfOptions = {}): Backend {
  return {
    name: 'interp',
    lower: (kernel, sizes) => runPipeline(kernel, 'interp', { schedule, ...half, ...(sizes ? { sizes } : {}) }),
    print: (lowered) => ({ language: 'ir', text: printKernel(lowered.final) }),
    async availability() {
      return { ok: true };
    },
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      return kernel.kind === 'gemm' ? compileGemm(kernel, schedule, half) : compileAttention(kernel, schedule, half);
    },
  };
}

/** The interp target with default schedules. */
export const interpTarget: Backend = createInterpTarget();
